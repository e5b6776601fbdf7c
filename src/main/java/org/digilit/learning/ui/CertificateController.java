package org.digilit.learning.ui;

import java.time.Duration;
import org.digilit.learning.CertificateService;
import org.digilit.learning.CertificateVerification.Status;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two public machine addresses of certificates, answered by Spring MVC (Vaadin's router only sees what no
 * controller maps): the key set that verifies credentials, and a valid certificate's credential by its code. Both are
 * open to anonymous callers (see the security configuration); neither says more than a printed certificate.
 */
@RestController
class CertificateController {

    static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");
    static final MediaType JOSE = MediaType.parseMediaType("application/jose");

    private final CertificateService certificates;

    CertificateController(CertificateService certificates) {
        this.certificates = certificates;
    }

    /** The JWK Set; verifiers may fetch it from any origin and keep it an hour. */
    @GetMapping(CertificateService.KEY_SET_PATH)
    ResponseEntity<String> keySet() {
        return ResponseEntity.ok()
                .contentType(JWK_SET)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .header("Access-Control-Allow-Origin", "*")
                .body(certificates.keySet());
    }

    /** A valid certificate's credential (compact JWS); a revoked one is gone (410), an unknown code not found. */
    @GetMapping(CertificateService.CREDENTIAL_PATH + "/{code}.jws")
    ResponseEntity<String> credential(@PathVariable String code) {
        var credential = certificates.publicCredential(code);
        if (credential.isPresent()) {
            return ResponseEntity.ok()
                    .contentType(JOSE)
                    .header("Access-Control-Allow-Origin", "*")
                    .body(credential.get());
        }
        var status = certificates.verify(code).status() == Status.REVOKED ? HttpStatus.GONE : HttpStatus.NOT_FOUND;
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(status.getReasonPhrase());
    }
}
