package org.digilit.learning.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.digilit.learning.Certificate;
import org.digilit.learning.CertificateService;
import org.digilit.learning.CertificateTexts;

/**
 * The learner's two downloads of a certificate (the PDF, made when clicked, and the signed credential), the words the
 * PDF prints, and how certificates' dates read. The service checks again on download that the certificate is the
 * signed-in learner's own.
 */
final class CertificateDownloads {

    /** Dates are read where the programme runs, as on the quiz page. */
    static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private CertificateDownloads() {}

    /** The PDF link; {@code where} and {@code locale} give the language it prints in (the page's own). */
    static Anchor pdf(CertificateService certificates, Certificate certificate, Component where, Locale locale) {
        var texts = texts(where);
        var code = certificate.code();
        var link = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    try {
                        var pdf = certificates.pdfForMine(code, texts, locale);
                        return new DownloadResponse(
                                new ByteArrayInputStream(pdf), fileName(code, "pdf"), "application/pdf", pdf.length);
                    } catch (NoSuchElementException e) {
                        return DownloadResponse.error(HttpStatusCode.NOT_FOUND);
                    }
                }),
                where.getTranslation("certificates.pdf"));
        link.addClassName("certificate-pdf");
        return link;
    }

    static Anchor credential(CertificateService certificates, Certificate certificate, Component where) {
        var code = certificate.code();
        var link = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    try {
                        var jws = certificates.credentialForMine(code).getBytes(StandardCharsets.US_ASCII);
                        return new DownloadResponse(
                                new ByteArrayInputStream(jws), fileName(code, "jws"), "application/jose", jws.length);
                    } catch (NoSuchElementException e) {
                        return DownloadResponse.error(HttpStatusCode.NOT_FOUND);
                    }
                }),
                where.getTranslation("certificates.credential"));
        link.addClassName("certificate-credential");
        return link;
    }

    static CertificateTexts texts(Component where) {
        return new CertificateTexts(
                where.getTranslation("certificates.pdf.title"),
                where.getTranslation("certificates.pdf.presented-to"),
                where.getTranslation("certificates.pdf.has-completed"),
                where.getTranslation("certificates.pdf.completed-on"),
                where.getTranslation("certificates.pdf.code"),
                where.getTranslation("certificates.pdf.check-at"),
                where.getTranslation("certificates.pdf.scan"),
                where.getTranslation("certificates.pdf.issuer"),
                DATE);
    }

    /** The path (relative to the app) of the public verification page for a code (CertificateCheckController). */
    static String verifyPath(String code) {
        return CertificateCheckController.PATH.substring(1) + "/" + code;
    }

    private static String fileName(String code, String extension) {
        return "digilit-certificate-" + code + "." + extension;
    }
}
