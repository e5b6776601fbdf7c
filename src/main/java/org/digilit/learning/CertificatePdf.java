package org.digilit.learning;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.digilit.base.PdfFont;
import org.digilit.base.PdfQrCode;

/**
 * Draws a certificate as a one-page PDF, A4 landscape: the holder's name, the course's title in the reader's language,
 * the organisation, the completion date, the verification code and a QR code of the public verification address.
 * Fonts and the vector QR code are the ones the activation slips use ({@link PdfFont}, {@link PdfQrCode}): Vietnamese
 * prints with DejaVu, the text can be extracted again, and the QR code stays sharp on any printer. Long names and
 * titles shrink, then wrap or are cut with an ellipsis: nothing leaves the frame.
 */
final class CertificatePdf {

    private static final float MM = 72f / 25.4f;
    static final PDRectangle PAGE_SIZE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

    private static final float WIDTH = PAGE_SIZE.getWidth();
    private static final float HEIGHT = PAGE_SIZE.getHeight();
    private static final float FRAME = 10 * MM;
    private static final float INNER_FRAME = 13 * MM;
    private static final float SIDE = 30 * MM;
    private static final float TEXT_WIDTH = WIDTH - 2 * SIDE;
    static final float QR_SIZE = 30 * MM;

    private static final float ISSUER_SIZE = 12f;
    private static final float TITLE_SIZE = 28f;
    private static final float LEAD_SIZE = 13f;
    private static final float NAME_SIZE = 32f;
    private static final float COURSE_SIZE = 22f;
    private static final float LABEL_SIZE = 9f;
    private static final float CODE_SIZE = 16f;
    private static final float HINT_SIZE = 8f;
    private static final float LINE_SPACING = 1.25f;

    private static final float[] BLUE = {11 / 255f, 92 / 255f, 171 / 255f};
    private static final float GREY = 0.35f;
    private static final float INK = 0.1f;

    private CertificatePdf() {}

    /** The certificate as a PDF held in memory (about 40 kB: subset fonts, vector QR code). */
    static byte[] render(Certificate certificate, String verificationUrl, CertificateTexts texts, Locale locale) {
        var out = new ByteArrayOutputStream(48_000);
        try (var document = new PDDocument()) {
            document.getDocumentInformation().setTitle(texts.title() + " " + certificate.code());
            document.getDocumentInformation().setAuthor(texts.issuer());
            var page = new PDPage(PAGE_SIZE);
            document.addPage(page);
            try (var stream = new PDPageContentStream(document, page)) {
                new Drawing(
                                stream,
                                PdfFont.load(document, PdfFont.REGULAR),
                                PdfFont.load(document, PdfFont.BOLD),
                                PdfFont.load(document, PdfFont.MONO_BOLD))
                        .draw(certificate, verificationUrl, texts, locale);
            }
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private record Drawing(PDPageContentStream stream, PdfFont regular, PdfFont bold, PdfFont mono) {

        void draw(Certificate certificate, String url, CertificateTexts texts, Locale locale) throws IOException {
            frame();
            float y = HEIGHT - INNER_FRAME - 16 * MM;
            centred(bold, ISSUER_SIZE, ISSUER_SIZE, BLUE, y, texts.issuer());
            y -= 17 * MM;
            centred(bold, TITLE_SIZE, 16f, new float[] {INK, INK, INK}, y, texts.title());
            y -= 14 * MM;
            centred(regular, LEAD_SIZE, LEAD_SIZE, grey(), y, texts.presentedTo());
            y -= 16 * MM;
            centred(bold, NAME_SIZE, 16f, new float[] {INK, INK, INK}, y, certificate.holderName());
            y -= 5 * MM;
            rule(y);
            y -= 10 * MM;
            centred(regular, LEAD_SIZE, LEAD_SIZE, grey(), y, texts.hasCompleted());
            y -= 12 * MM;
            var course = bold.printable(certificate.courseTitle(locale));
            float courseSize = PdfFont.fittingSize(bold.width(course, COURSE_SIZE), COURSE_SIZE, 16f, TEXT_WIDTH * 2);
            for (var line : bold.wrap(course, courseSize, TEXT_WIDTH, 2)) {
                show(bold, courseSize, BLUE, (WIDTH - bold.width(line, courseSize)) / 2, y, line);
                y -= courseSize * LINE_SPACING;
            }
            var organisation = certificate.organisationName(locale);
            if (organisation != null && !organisation.isBlank()) {
                y -= 2 * MM;
                centred(regular, LEAD_SIZE, 10f, new float[] {INK, INK, INK}, y, organisation);
                y -= LEAD_SIZE * LINE_SPACING;
            }
            y -= 3 * MM;
            centred(
                    regular,
                    LEAD_SIZE,
                    LEAD_SIZE,
                    new float[] {INK, INK, INK},
                    y,
                    texts.completedOn() + " " + texts.dateFormat().format(certificate.completedAt()));
            verification(certificate.code(), url, texts);
        }

        /** A double frame in the platform's blue. */
        private void frame() throws IOException {
            stream.setStrokingColor(BLUE[0], BLUE[1], BLUE[2]);
            stream.setLineWidth(2.2f);
            stream.addRect(FRAME, FRAME, WIDTH - 2 * FRAME, HEIGHT - 2 * FRAME);
            stream.stroke();
            stream.setLineWidth(0.6f);
            stream.addRect(INNER_FRAME, INNER_FRAME, WIDTH - 2 * INNER_FRAME, HEIGHT - 2 * INNER_FRAME);
            stream.stroke();
        }

        private void rule(float y) throws IOException {
            stream.setStrokingColor(0.6f);
            stream.setLineWidth(0.5f);
            stream.moveTo((WIDTH - 120 * MM) / 2, y);
            stream.lineTo((WIDTH + 120 * MM) / 2, y);
            stream.stroke();
        }

        /** The code and where to check it at the bottom left, the QR code of that address at the bottom right. */
        private void verification(String code, String url, CertificateTexts texts) throws IOException {
            float left = INNER_FRAME + 10 * MM;
            float qrRight = WIDTH - INNER_FRAME - 10 * MM;
            float qrLeft = qrRight - QR_SIZE;
            float qrBottom = INNER_FRAME + 10 * MM;
            float columnWidth = qrLeft - 8 * MM - left;

            float y = qrBottom + QR_SIZE - LABEL_SIZE;
            line(regular, LABEL_SIZE, left, y, texts.codeLabel(), columnWidth);
            y -= CODE_SIZE * 1.2f;
            show(mono, CODE_SIZE, new float[] {INK, INK, INK}, left, y, mono.printable(code));
            y -= LABEL_SIZE * 2.2f;
            line(regular, LABEL_SIZE, left, y, texts.checkAt(), columnWidth);
            y -= LABEL_SIZE * 1.4f;
            var address = regular.printable(url);
            float size = PdfFont.fittingSize(regular.width(address, LABEL_SIZE), LABEL_SIZE, 6f, columnWidth);
            show(regular, size, BLUE, left, y, regular.fit(address, size, columnWidth));

            var qr = PdfQrCode.of(url);
            qr.draw(stream, qrLeft, qrBottom + QR_SIZE, QR_SIZE);
            var hint = regular.fit(regular.printable(texts.scanHint()), HINT_SIZE, QR_SIZE + 10 * MM);
            float hintWidth = regular.width(hint, HINT_SIZE);
            show(regular, HINT_SIZE, grey(), qrLeft + (QR_SIZE - hintWidth) / 2, qrBottom - HINT_SIZE * 1.6f, hint);
        }

        /** One centred line, shrinking from {@code size} to {@code minSize} to fit, then cut with an ellipsis. */
        private void centred(PdfFont face, float size, float minSize, float[] colour, float y, String text)
                throws IOException {
            var printable = face.printable(text);
            float fitting = PdfFont.fittingSize(face.width(printable, size), size, minSize, TEXT_WIDTH);
            var shown = face.fit(printable, fitting, TEXT_WIDTH);
            show(face, fitting, colour, (WIDTH - face.width(shown, fitting)) / 2, y, shown);
        }

        private void line(PdfFont face, float size, float x, float y, String text, float width) throws IOException {
            show(face, size, grey(), x, y, face.fit(face.printable(text), size, width));
        }

        private void show(PdfFont face, float size, float[] colour, float x, float y, String printable)
                throws IOException {
            if (printable.isEmpty()) {
                return;
            }
            stream.beginText();
            stream.setNonStrokingColor(colour[0], colour[1], colour[2]);
            stream.setFont(face.font(), size);
            stream.newLineAtOffset(x, y);
            stream.showText(printable);
            stream.endText();
        }

        private static float[] grey() {
            return new float[] {GREY, GREY, GREY};
        }
    }
}
