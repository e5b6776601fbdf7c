package org.digilit.learning.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import org.digilit.base.Facts;
import org.digilit.base.ProgrammeTime;
import org.digilit.learning.CertificateService;
import org.digilit.learning.CertificateVerification;
import org.jspecify.annotations.Nullable;

/**
 * The answer about one code, as the public verification page and the admin's look-up show it: a clear verdict (valid,
 * revoked with date and reason, or unknown) and what the certificate shows. Nothing more: no username, no identity
 * number.
 */
class CertificateSummary extends Div {

    CertificateSummary(CertificateVerification verification, CertificateService certificates, ProgrammeTime time) {
        addClassName("certificate-summary");
        getElement().setAttribute("role", "status");
        var status = verification.status();
        addClassName(status.name().toLowerCase(java.util.Locale.ROOT));
        var certificate = verification.certificate();
        switch (status) {
            case VALID -> add(verdict("verify.valid"), new Paragraph(getTranslation("verify.valid.text")));
            case REVOKED ->
                add(
                        verdict("verify.revoked"),
                        new Paragraph(getTranslation(
                                "verify.revoked.text",
                                time.date().format(certificate.revokedAt()),
                                certificate.revocationReason())));
            case UNKNOWN ->
                add(
                        verdict("verify.unknown"),
                        new Paragraph(getTranslation("verify.unknown.text", verification.code())));
        }
        if (certificate == null) {
            return;
        }
        var facts = new Div(
                fact("verify.holder", certificate.holderName()),
                fact("verify.course", certificate.courseTitle(getLocale())),
                fact("verify.organisation", certificate.organisationName(getLocale())),
                fact("verify.completed", time.date().format(certificate.completedAt())),
                fact("verify.code-label", certificate.code()));
        facts.addClassName("facts-list");
        add(facts);
        if (status == CertificateVerification.Status.VALID) {
            var credential = new Anchor(
                    CertificateService.CREDENTIAL_PATH + "/" + certificate.code() + ".jws",
                    getTranslation("verify.credential"));
            credential.setRouterIgnore(true);
            credential.addClassName("certificate-credential");
            var keys = new Anchor(CertificateService.KEY_SET_PATH, getTranslation("verify.keys"));
            keys.setRouterIgnore(true);
            var links = new Div(credential, keys);
            links.addClassName("certificate-links");
            add(links);
        }
    }

    private H2 verdict(String key) {
        var verdict = new H2(getTranslation(key));
        verdict.addClassName("verdict");
        return verdict;
    }

    private Div fact(String label, @Nullable String value) {
        return Facts.of(getTranslation(label), value);
    }
}
