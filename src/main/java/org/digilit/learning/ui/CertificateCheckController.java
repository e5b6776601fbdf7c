package org.digilit.learning.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.digilit.base.ProgrammeTime;
import org.digilit.learning.CertificateCode;
import org.digilit.learning.CertificateService;
import org.digilit.learning.CertificateVerification;
import org.digilit.learning.CertificateVerification.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public page that checks a certificate, for employers and anyone holding one (issue #21, DD015: served as plain
 * HTML with no script, for the phone that scans a certificate's QR code): {@code /verify} with a code field, {@code
 * /verify/<code>} (the QR code) with the answer. The form sends {@code ?code=}; a well-formed code goes to its own
 * address, so that the answer can be shared and reloaded; anything else is answered as unknown. The code is not
 * personal data, so it may sit in the address; the answer shows only what the printed certificate shows.
 */
@Controller
class CertificateCheckController {

    static final String PATH = "/verify";

    private final CertificateService certificates;

    private final ProgrammeTime time;

    CertificateCheckController(CertificateService certificates, ProgrammeTime time) {
        this.time = time;
        this.certificates = certificates;
    }

    /** One line of what the certificate shows: the label's translation key and the value. */
    record Fact(String label, String value) {}

    @GetMapping(PATH)
    String form(@RequestParam(name = "code", required = false) @Nullable String typed, Model model, Locale locale) {
        if (typed == null || typed.isBlank()) {
            model.addAttribute("code", "");
            model.addAttribute("back", PATH);
            return "verify";
        }
        var parsed = CertificateCode.parse(typed.strip());
        if (parsed.isPresent()) {
            return "redirect:" + PATH + "/" + parsed.get().value();
        }
        return answer(typed.strip(), model, locale);
    }

    @GetMapping(PATH + "/{code}")
    String answer(@PathVariable String code, Model model, Locale locale) {
        var verification = certificates.verify(code);
        model.addAttribute("code", code);
        model.addAttribute("back", verification.status() == Status.UNKNOWN ? PATH : PATH + "/" + code);
        model.addAttribute("verification", verification);
        model.addAttribute("status", verification.status().name().toLowerCase(Locale.ROOT));
        model.addAttribute("facts", facts(verification, locale));
        var certificate = verification.certificate();
        if (certificate != null && verification.status() == Status.REVOKED && certificate.revokedAt() != null) {
            model.addAttribute("revokedOn", time.date().format(certificate.revokedAt()));
            model.addAttribute("revocationReason", certificate.revocationReason());
        }
        if (certificate != null && verification.status() == Status.VALID) {
            model.addAttribute("credential", CertificateService.CREDENTIAL_PATH + "/" + certificate.code() + ".jws");
            model.addAttribute("keys", CertificateService.KEY_SET_PATH);
        }
        return "verify";
    }

    private List<Fact> facts(CertificateVerification verification, Locale locale) {
        var certificate = verification.certificate();
        var facts = new ArrayList<Fact>();
        if (certificate == null) {
            return facts;
        }
        facts.add(new Fact("verify.holder", orDash(certificate.holderName())));
        facts.add(new Fact("verify.course", orDash(certificate.courseTitle(locale))));
        facts.add(new Fact("verify.organisation", orDash(certificate.organisationName(locale))));
        facts.add(new Fact("verify.completed", time.date().format(certificate.completedAt())));
        facts.add(new Fact("verify.code-label", certificate.code()));
        return facts;
    }

    private static String orDash(@Nullable String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
