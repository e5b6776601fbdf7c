package org.digilit.session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.digilit.base.PdfFont;
import org.digilit.base.PdfQrCode;

/**
 * Learner cards, ten on an A4 page (two columns of credit-card-sized cards): the learner's name, their username, the
 * QR code of the card's code ({@link LearnerCards}) and that code in letters, for typing where no camera reads it.
 * No identity number, no secret: a lost card lets nobody log in.
 */
final class LearnerCardPdf {

    /** One card: the name printed and the card's code. */
    record Card(String fullName, String username, String code) {}

    static final int MAX_CARDS = 1_000;
    private static final float MM = 72f / 25.4f;
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float CARD_WIDTH = 85.6f * MM;
    private static final float CARD_HEIGHT = 54f * MM;
    private static final int COLUMNS = 2;
    private static final int ROWS = 5;
    private static final float MARGIN_X = (PAGE.getWidth() - COLUMNS * CARD_WIDTH) / 2;
    private static final float MARGIN_Y = (PAGE.getHeight() - ROWS * CARD_HEIGHT) / 2;
    private static final float QR_SIZE = 30 * MM;
    private static final float PADDING = 4 * MM;

    private LearnerCardPdf() {}

    static byte[] render(List<Card> cards, String title, String hint) {
        if (cards.isEmpty() || cards.size() > MAX_CARDS) {
            throw new IllegalArgumentException("Between 1 and " + MAX_CARDS + " cards, not " + cards.size());
        }
        var out = new ByteArrayOutputStream(16_384 + cards.size() * 1_024);
        try (var document = new PDDocument()) {
            document.getDocumentInformation().setTitle(title);
            var regular = PdfFont.load(document, PdfFont.REGULAR);
            var bold = PdfFont.load(document, PdfFont.BOLD);
            var mono = PdfFont.load(document, PdfFont.MONO_BOLD);
            int perPage = COLUMNS * ROWS;
            for (int first = 0; first < cards.size(); first += perPage) {
                var page = new PDPage(PAGE);
                document.addPage(page);
                try (var stream = new PDPageContentStream(document, page)) {
                    var onPage = cards.subList(first, Math.min(first + perPage, cards.size()));
                    for (int i = 0; i < onPage.size(); i++) {
                        float left = MARGIN_X + (i % COLUMNS) * CARD_WIDTH;
                        float top = PAGE.getHeight() - MARGIN_Y - (float) (i / COLUMNS) * CARD_HEIGHT;
                        draw(stream, onPage.get(i), left, top, title, hint, regular, bold, mono);
                    }
                }
            }
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void draw(
            PDPageContentStream stream,
            Card card,
            float left,
            float top,
            String title,
            String hint,
            PdfFont regular,
            PdfFont bold,
            PdfFont mono)
            throws IOException {
        stream.setStrokingColor(0.55f);
        stream.setLineWidth(0.5f);
        stream.addRect(left, top - CARD_HEIGHT, CARD_WIDTH, CARD_HEIGHT);
        stream.stroke();
        PdfQrCode.of(card.code()).draw(stream, left + PADDING, top - PADDING, QR_SIZE);
        float textLeft = left + 2 * PADDING + QR_SIZE;
        float width = CARD_WIDTH - QR_SIZE - 3 * PADDING;
        text(stream, regular, 7f, textLeft, top - PADDING - 7, regular.fit(regular.printable(title), 7f, width));
        float nameSize = 12f;
        var name = bold.wrap(bold.printable(card.fullName()), nameSize, width, 2);
        float y = top - PADDING - 24;
        for (var line : name) {
            text(stream, bold, nameSize, textLeft, y, line);
            y -= nameSize * 1.2f;
        }
        text(stream, mono, 10f, textLeft, y - 4, mono.fit(mono.printable(card.username()), 10f, width));
        float codeSize = 6.5f;
        text(
                stream,
                mono,
                codeSize,
                left + PADDING,
                top - 2 * PADDING - QR_SIZE - 2,
                mono.fit(mono.printable(card.code()), codeSize, CARD_WIDTH - 2 * PADDING));
        var hints = regular.wrap(regular.printable(hint), 6.5f, CARD_WIDTH - 2 * PADDING, 2);
        float hy = top - CARD_HEIGHT + PADDING + 8;
        for (var line : hints) {
            text(stream, regular, 6.5f, left + PADDING, hy, line);
            hy -= 8;
        }
    }

    private static void text(PDPageContentStream stream, PdfFont font, float size, float x, float y, String text)
            throws IOException {
        stream.beginText();
        stream.setNonStrokingColor(0f);
        stream.setFont(font.font(), size);
        stream.newLineAtOffset(x, y);
        stream.showText(text);
        stream.endText();
    }
}
