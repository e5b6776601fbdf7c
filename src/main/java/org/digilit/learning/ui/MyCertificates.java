package org.digilit.learning.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinService;
import org.digilit.learning.Certificate;
import org.digilit.learning.CertificateService;

/**
 * The learner's certificates on their home page, newest first: each with its course, date and code, the PDF, the
 * signed credential and the public check. Hidden while there is none. Made by Vaadin's instantiator ({@link
 * #create()}), so that the home view includes it in one line.
 */
class MyCertificates extends Section {

    MyCertificates(CertificateService certificates) {
        addClassName("my-certificates");
        setId("certificates");
        var mine = certificates.mine();
        setVisible(!mine.isEmpty());
        add(new H2(getTranslation("certificates.mine")));
        for (var certificate : mine) {
            add(card(certificates, certificate));
        }
    }

    /** A new instance with its service injected. */
    static MyCertificates create() {
        return VaadinService.getCurrent().getInstantiator().getOrCreate(MyCertificates.class);
    }

    private Div card(CertificateService certificates, Certificate certificate) {
        var card = new Div(new H3(certificate.courseTitle(getLocale())));
        card.addClassName("card");
        card.addClassName("certificate");
        var date = new Paragraph(getTranslation(
                "certificates.completed-on", CertificateDownloads.DATE.format(certificate.completedAt())));
        // The code never breaks across lines: it is copied by hand.
        var codeValue = new Span(certificate.code());
        codeValue.addClassName("code");
        var code = new Paragraph(new Text(getTranslation("certificates.code") + " "), codeValue);
        code.addClassName("certificate-code");
        card.add(date, code);
        if (certificate.revoked()) {
            var revoked = new Paragraph(getTranslation(
                    "certificates.revoked",
                    CertificateDownloads.DATE.format(certificate.revokedAt()),
                    certificate.revocationReason()));
            revoked.addClassName("certificate-revoked");
            card.add(revoked);
            return card;
        }
        var verify =
                new Anchor(CertificateDownloads.verifyPath(certificate.code()), getTranslation("certificates.verify"));
        // Served by Spring MVC (CertificateCheckController, DD015), not by Vaadin's router.
        verify.setRouterIgnore(true);
        verify.addClassName("certificate-verify");
        var links = new Div(
                CertificateDownloads.pdf(certificates, certificate, this, getLocale()),
                CertificateDownloads.credential(certificates, certificate, this),
                verify);
        links.addClassName("certificate-links");
        card.add(links);
        return card;
    }
}
