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
import org.digilit.base.PdfLearnerCard;

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
    private static final float CARD_WIDTH = PdfLearnerCard.WIDTH;
    private static final float CARD_HEIGHT = PdfLearnerCard.HEIGHT;
    private static final int COLUMNS = 2;
    private static final int ROWS = 5;
    private static final float MARGIN_X = (PAGE.getWidth() - COLUMNS * CARD_WIDTH) / 2;
    private static final float MARGIN_Y = (PAGE.getHeight() - ROWS * CARD_HEIGHT) / 2;

    private LearnerCardPdf() {}

    static byte[] render(List<Card> cards, String title, String hint) {
        if (cards.isEmpty() || cards.size() > MAX_CARDS) {
            throw new IllegalArgumentException("Between 1 and " + MAX_CARDS + " cards, not " + cards.size());
        }
        var out = new ByteArrayOutputStream(16_384 + cards.size() * 1_024);
        try (var document = new PDDocument()) {
            document.getDocumentInformation().setTitle(title);
            var fonts = new PdfLearnerCard.Fonts(
                    PdfFont.load(document, PdfFont.REGULAR),
                    PdfFont.load(document, PdfFont.BOLD),
                    PdfFont.load(document, PdfFont.MONO_BOLD));
            int perPage = COLUMNS * ROWS;
            for (int first = 0; first < cards.size(); first += perPage) {
                var page = new PDPage(PAGE);
                document.addPage(page);
                try (var stream = new PDPageContentStream(document, page)) {
                    var onPage = cards.subList(first, Math.min(first + perPage, cards.size()));
                    for (int i = 0; i < onPage.size(); i++) {
                        float left = MARGIN_X + (i % COLUMNS) * CARD_WIDTH;
                        float top = PAGE.getHeight() - MARGIN_Y - (float) (i / COLUMNS) * CARD_HEIGHT;
                        var card = onPage.get(i);
                        PdfLearnerCard.draw(
                                stream,
                                fonts,
                                new PdfLearnerCard.Texts(title, card.fullName(), card.username(), card.code(), hint),
                                left,
                                top,
                                0.55f);
                    }
                }
            }
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
