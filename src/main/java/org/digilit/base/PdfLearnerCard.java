package org.digilit.base;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * A learner card (credit-card size) drawn on a PDF page, as the activation slips and the card sheets print it: its
 * border, the QR code of its code, the card's title, the person's name and username, the code in letters under the QR
 * code (for typing where no camera reads it) and the hint. No identity number: the card only names the username.
 */
public final class PdfLearnerCard {

    private static final float MM = 72f / 25.4f;

    /** The card's width: 85.6 mm, a credit card's. */
    public static final float WIDTH = 85.6f * MM;

    /** The card's height: 54 mm. */
    public static final float HEIGHT = 54f * MM;

    private static final float QR_SIZE = 30 * MM;
    private static final float PADDING = 4 * MM;

    /** What a card shows. */
    public record Texts(String title, String fullName, String username, String code, String hint) {}

    /** The fonts a card is written in. */
    public record Fonts(PdfFont regular, PdfFont bold, PdfFont mono) {}

    private PdfLearnerCard() {}

    /**
     * Draws one card with its top left corner at ({@code left}, {@code top}).
     *
     * @param borderGrey the grey of the border (0 black, 1 white)
     */
    public static void draw(
            PDPageContentStream stream, Fonts fonts, Texts card, float left, float top, float borderGrey)
            throws IOException {
        stream.saveGraphicsState();
        stream.setStrokingColor(borderGrey);
        stream.setLineWidth(0.5f);
        stream.addRect(left, top - HEIGHT, WIDTH, HEIGHT);
        stream.stroke();
        stream.restoreGraphicsState();
        PdfQrCode.of(card.code()).draw(stream, left + PADDING, top - PADDING, QR_SIZE);
        float textLeft = left + 2 * PADDING + QR_SIZE;
        float width = WIDTH - QR_SIZE - 3 * PADDING;
        var regular = fonts.regular();
        var bold = fonts.bold();
        var mono = fonts.mono();
        text(stream, regular, 7f, textLeft, top - PADDING - 7, regular.fit(regular.printable(card.title()), 7f, width));
        float nameSize = 12f;
        float y = top - PADDING - 24;
        for (var line : bold.wrap(bold.printable(card.fullName()), nameSize, width, 2)) {
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
                mono.fit(mono.printable(card.code()), codeSize, WIDTH - 2 * PADDING));
        float hy = top - HEIGHT + PADDING + 8;
        for (var line : regular.wrap(regular.printable(card.hint()), 6.5f, WIDTH - 2 * PADDING, 2)) {
            text(stream, regular, 6.5f, left + PADDING, hy, line);
            hy -= 8;
        }
    }

    private static void text(PDPageContentStream stream, PdfFont font, float size, float x, float y, String text)
            throws IOException {
        if (text.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.setNonStrokingColor(0f);
        stream.setFont(font.font(), size);
        stream.newLineAtOffset(x, y);
        stream.showText(text);
        stream.endText();
    }
}
