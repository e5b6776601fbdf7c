package org.digilit.learning.ui;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.digilit.base.ProgrammeTime;
import org.digilit.learning.CertificateService;
import org.digilit.learning.CertificateTexts;
import org.digilit.learning.LearningNavigation;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The learner's two downloads of their own certificate (the PDF, made when asked for, in the page's language, and the
 * signed credential), how certificates' dates read, and the public check's address. The service checks that the
 * certificate is the signed-in learner's own: another learner's code, a revoked or an unknown one is not found.
 */
@Controller
class CertificateDownloads {

    static final String PATH = LearningNavigation.CERTIFICATES;

    private final CertificateService certificates;
    private final MessageSource messages;

    private final ProgrammeTime time;

    CertificateDownloads(CertificateService certificates, MessageSource messages, ProgrammeTime time) {
        this.time = time;
        this.certificates = certificates;
        this.messages = messages;
    }

    static String pdfPath(String code) {
        return PATH + "/" + code + ".pdf";
    }

    static String credentialPath(String code) {
        return PATH + "/" + code + ".jws";
    }

    /** The path (relative to the app) of the public verification page for a code (CertificateCheckController). */
    static String verifyPath(String code) {
        return CertificateCheckController.PATH.substring(1) + "/" + code;
    }

    @GetMapping(PATH + "/{code}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String code, Locale locale) {
        try {
            var pdf = certificates.pdfForMine(code, texts(locale), locale);
            return download(pdf, code, "pdf", MediaType.APPLICATION_PDF);
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @GetMapping(PATH + "/{code}.jws")
    ResponseEntity<byte[]> credential(@PathVariable String code) {
        try {
            var jws = certificates.credentialForMine(code).getBytes(StandardCharsets.US_ASCII);
            return download(jws, code, "jws", CertificateController.JOSE);
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static ResponseEntity<byte[]> download(byte[] body, String code, String extension, MediaType type) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("digilit-certificate-" + code + "." + extension)
                                .build()
                                .toString())
                // Personal: never kept by a shared cache.
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(body);
    }

    CertificateTexts texts(Locale locale) {
        return new CertificateTexts(
                text("certificates.pdf.title", locale),
                text("certificates.pdf.presented-to", locale),
                text("certificates.pdf.has-completed", locale),
                text("certificates.pdf.completed-on", locale),
                text("certificates.pdf.code", locale),
                text("certificates.pdf.check-at", locale),
                text("certificates.pdf.scan", locale),
                text("certificates.pdf.issuer", locale),
                time.date()); // dates are read where the programme runs, as on the quiz page
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
