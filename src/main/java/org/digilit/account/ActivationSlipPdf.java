package org.digilit.account;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.digilit.base.PdfFont;
import org.digilit.base.PdfLearnerCard;
import org.digilit.base.PdfQrCode;
import org.jspecify.annotations.Nullable;

/**
 * Draws activation slips as a printable PDF: A4 portrait, eight slips a page (two columns, four rows) separated by
 * dashed cut lines. Each slip shows the title, the citizen's name, organisation, masked identity number, username,
 * the activation code, its expiry date, a short instruction and a QR code of the activation address.
 *
 * <p>Why these choices:
 *
 * <ul>
 *   <li>Apache PDFBox writes the PDF: it embeds only the glyphs used (font subsets), so 2,000 slips stay small, and it
 *       writes a ToUnicode map, so the text can be searched and extracted again.
 *   <li>The fonts are DejaVu Sans, Sans Bold and Sans Mono Bold ({@link PdfFont}, shared with the certificates): they
 *       cover Vietnamese with precomposed letters.
 *   <li>A character the font lacks, for example Devanagari, prints as {@code ?} rather than failing: we found no
 *       well-kept Devanagari TrueType font on Maven Central, and PDFBox does no complex-script shaping, so a fallback
 *       font would print such names only half right anyway. The slip still prints, and its username and code (plain
 *       ASCII) stay usable.
 *   <li>The QR code ({@link PdfQrCode}: ZXing, error correction M) is drawn as filled vector rectangles, not as an
 *       image: it stays sharp on any printer and costs a few hundred bytes. Its symbol is 30 mm wide with a four-module quiet zone, large
 *       enough for cheap phone cameras.
 *   <li>Text never leaves its slip: a long name first shrinks, then is cut with an ellipsis; a long username or code
 *       shrinks (a username also moves below its label) before it is cut; other single-line texts are cut with an
 *       ellipsis; the instructions and the scan hint wrap and are cut with an ellipsis when they run out of room.
 * </ul>
 *
 * <p>Fonts are read once per rendering; a {@link PDType0Font} belongs to one {@link PDDocument}, so it cannot be
 * shared between renderings.
 */
final class ActivationSlipPdf {

    /** The most slips one PDF may hold (625 pages); callers check this first to show a message. */
    static final int MAX_SLIPS = 5000;

    static final int COLUMNS = 2;
    static final int ROWS = 4;
    static final int SLIPS_PER_PAGE = COLUMNS * ROWS;

    private static final float MM = 72f / 25.4f;
    private static final PDRectangle PAGE_SIZE = PDRectangle.A4;
    /** Most office printers cannot print the outermost 4–5 mm of a sheet. */
    private static final float PAGE_MARGIN = 10 * MM;

    static final float SLIP_WIDTH = (PAGE_SIZE.getWidth() - 2 * PAGE_MARGIN) / COLUMNS;
    static final float SLIP_HEIGHT = (PAGE_SIZE.getHeight() - 2 * PAGE_MARGIN) / ROWS;

    private static final float PADDING = 4 * MM;
    /** Width of the QR symbol itself, without its quiet zone. */
    private static final float QR_SIZE = 30 * MM;

    private static final float TITLE_SIZE = 8f;
    private static final float LABEL_SIZE = 7f;
    private static final float NAME_SIZE = 14f;
    private static final float NAME_MIN_SIZE = 9f;
    private static final float ORGANISATION_SIZE = 8f;
    private static final float VALUE_SIZE = 9.5f;
    private static final float VALUE_MIN_SIZE = 8f;
    private static final float STACKED_VALUE_MIN_SIZE = 6.5f;
    private static final float CODE_SIZE = 17f;
    private static final float CODE_MIN_SIZE = 10f;
    private static final float CODE_LETTER_SPACING = 0.12f; // of the font size
    private static final float INSTRUCTIONS_SIZE = 7f;
    private static final float HINT_SIZE = 6.5f;
    private static final float ADDRESS_SIZE = 8f;
    private static final float ADDRESS_MIN_SIZE = 5.5f;
    private static final float LINE_SPACING = 1.22f; // of the font size
    private static final float ROW_SPACING = 1.4f; // of the value size

    private static final float LABEL_GREY = 0.35f;
    private static final float RULE_GREY = 0.6f;
    private static final float CUT_LINE_GREY = 0.55f;

    /** A learner card: credit-card size (ISO/IEC 7810 ID-1), as the session feature prints them. */
    static final float CARD_WIDTH = PdfLearnerCard.WIDTH;

    static final float CARD_HEIGHT = PdfLearnerCard.HEIGHT;

    /**
     * Each person's learner card printed beside their slip (issue #16): the card's code by username, and its words.
     * A page then holds four rows of slip and card; the cut lines separate both.
     */
    record Cards(Function<String, String> codeFor, LearnerCardCodes.CardTexts texts) {}

    private ActivationSlipPdf() {}

    /** Renders the slips, each with its person's learner card beside it when {@code cards} is given. */
    static byte[] render(List<ActivationSlip> slips, SlipTexts texts, @Nullable Cards cards) {
        var out = new ByteArrayOutputStream(16_384 + slips.size() * 2_048);
        try {
            render(slips, texts, cards, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Renders the slips into a PDF held in memory.
     *
     * @throws IllegalArgumentException when there are no slips, more than {@link #MAX_SLIPS}, or an activation address
     *     too long for a QR code
     */
    static byte[] render(List<ActivationSlip> slips, SlipTexts texts) {
        var out = new ByteArrayOutputStream(16_384 + slips.size() * 1_024);
        try {
            render(slips, texts, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Renders the slips as a PDF onto {@code out}, which stays open.
     *
     * @throws IllegalArgumentException when there are no slips, more than {@link #MAX_SLIPS}, or an activation address
     *     too long for a QR code
     */
    static void render(List<ActivationSlip> slips, SlipTexts texts, OutputStream out) throws IOException {
        render(slips, texts, null, out);
    }

    private static void render(List<ActivationSlip> slips, SlipTexts texts, @Nullable Cards cards, OutputStream out)
            throws IOException {
        if (slips.isEmpty()) {
            throw new IllegalArgumentException("No slips to render");
        }
        if (slips.size() > MAX_SLIPS) {
            throw new IllegalArgumentException("At most " + MAX_SLIPS + " slips fit in one PDF, not " + slips.size());
        }
        try (var document = new PDDocument()) {
            document.getDocumentInformation().setTitle(texts.title());
            var fonts = Fonts.load(document);
            int perPage = cards == null ? SLIPS_PER_PAGE : ROWS;
            for (int first = 0; first < slips.size(); first += perPage) {
                var onPage = slips.subList(first, Math.min(first + perPage, slips.size()));
                var page = new PDPage(PAGE_SIZE);
                document.addPage(page);
                try (var stream = new PDPageContentStream(document, page)) {
                    drawCutLines(stream, cards == null ? onPage.size() : onPage.size() * COLUMNS);
                    for (int i = 0; i < onPage.size(); i++) {
                        if (cards == null) {
                            float x = PAGE_MARGIN + (i % COLUMNS) * SLIP_WIDTH;
                            float top = PAGE_SIZE.getHeight() - PAGE_MARGIN - (float) (i / COLUMNS) * SLIP_HEIGHT;
                            new SlipDrawing(stream, fonts, texts, x, top).draw(onPage.get(i));
                        } else {
                            float top = PAGE_SIZE.getHeight() - PAGE_MARGIN - i * SLIP_HEIGHT;
                            new SlipDrawing(stream, fonts, texts, PAGE_MARGIN, top).draw(onPage.get(i));
                            drawCard(stream, fonts, cards, onPage.get(i), PAGE_MARGIN + SLIP_WIDTH, top);
                        }
                    }
                }
            }
            document.save(out);
        }
    }

    /** A learner card ({@link PdfLearnerCard}) centred in the slip-sized cell at ({@code x}, {@code top}). */
    private static void drawCard(
            PDPageContentStream stream, Fonts fonts, Cards cards, ActivationSlip slip, float x, float top)
            throws IOException {
        var card = new PdfLearnerCard.Texts(
                cards.texts().title(),
                slip.fullName(),
                slip.username(),
                cards.codeFor().apply(slip.username()),
                cards.texts().hint());
        PdfLearnerCard.draw(
                stream,
                new PdfLearnerCard.Fonts(fonts.regular(), fonts.bold(), fonts.mono()),
                card,
                x + (SLIP_WIDTH - CARD_WIDTH) / 2,
                top - (SLIP_HEIGHT - CARD_HEIGHT) / 2,
                RULE_GREY);
    }

    /** Dashed lines around and between the slips of one page, over the rows in use only. */
    private static void drawCutLines(PDPageContentStream stream, int slipsOnPage) throws IOException {
        int rows = (slipsOnPage + COLUMNS - 1) / COLUMNS;
        float left = PAGE_MARGIN;
        float right = PAGE_MARGIN + COLUMNS * SLIP_WIDTH;
        float top = PAGE_SIZE.getHeight() - PAGE_MARGIN;
        float bottom = top - rows * SLIP_HEIGHT;
        stream.saveGraphicsState();
        stream.setStrokingColor(CUT_LINE_GREY);
        stream.setLineWidth(0.5f);
        stream.setLineDashPattern(new float[] {3f, 2.5f}, 0);
        for (int row = 0; row <= rows; row++) {
            float y = top - row * SLIP_HEIGHT;
            stream.moveTo(left, y);
            stream.lineTo(right, y);
        }
        for (int column = 0; column <= COLUMNS; column++) {
            float x = left + column * SLIP_WIDTH;
            stream.moveTo(x, top);
            stream.lineTo(x, bottom);
        }
        stream.stroke();
        stream.restoreGraphicsState();
    }

    /** The three faces a slip uses, embedded as subsets into one document. */
    private record Fonts(PdfFont regular, PdfFont bold, PdfFont mono) {

        static Fonts load(PDDocument document) throws IOException {
            return new Fonts(
                    PdfFont.load(document, PdfFont.REGULAR),
                    PdfFont.load(document, PdfFont.BOLD),
                    PdfFont.load(document, PdfFont.MONO_BOLD));
        }
    }

    /** Draws one slip whose top left corner is at ({@code x}, {@code top}). */
    private static final class SlipDrawing {

        private final PDPageContentStream stream;
        private final Fonts fonts;
        private final SlipTexts texts;
        private final float left;
        private final float right;
        private final float top;
        private final float bottom;

        SlipDrawing(PDPageContentStream stream, Fonts fonts, SlipTexts texts, float x, float top) {
            this.stream = stream;
            this.fonts = fonts;
            this.texts = texts;
            this.left = x + PADDING;
            this.right = x + SLIP_WIDTH - PADDING;
            this.top = top - PADDING;
            this.bottom = top - SLIP_HEIGHT + PADDING;
        }

        void draw(ActivationSlip slip) throws IOException {
            float width = right - left;
            float y = top - TITLE_SIZE;
            line(fonts.bold(), TITLE_SIZE, LABEL_GREY, left, y, texts.title(), width);

            y -= TITLE_SIZE * 0.55f + LABEL_SIZE * LINE_SPACING;
            line(fonts.regular(), LABEL_SIZE, LABEL_GREY, left, y, texts.nameLabel(), width);
            y = shrinkingLine(fonts.bold(), NAME_SIZE, NAME_MIN_SIZE, y, slip.fullName(), width);
            y -= ORGANISATION_SIZE * LINE_SPACING + 2f;
            line(fonts.regular(), ORGANISATION_SIZE, 0f, left, y, slip.organisationName(), width);

            y -= ORGANISATION_SIZE * 0.55f;
            stream.setStrokingColor(RULE_GREY);
            stream.setLineWidth(0.4f);
            stream.moveTo(left, y);
            stream.lineTo(right, y);
            stream.stroke();

            float columnRight = drawQrCode(slip.activationUrl(), y);
            float columnWidth = columnRight - left;
            float labelWidth = labelColumnWidth(columnWidth);
            y -= 1.5f * MM;
            y = row(texts.identityLabel(), slip.maskedIdentityNumber(), y, labelWidth, columnWidth);
            y = row(texts.usernameLabel(), slip.username(), y, labelWidth, columnWidth);
            y = code(slip.code(), y, columnWidth);
            y = row(texts.expiresLabel(), texts.dateFormat().format(slip.expires()), y, labelWidth, columnWidth);
            paragraph(fonts.regular(), INSTRUCTIONS_SIZE, 0f, left, columnWidth, y - 1.5f * MM, texts.instructions());
        }

        /** Room for the widest of the row labels ("Số định danh cá nhân"), but never more than 55 % of the column. */
        private float labelColumnWidth(float columnWidth) throws IOException {
            var face = fonts.regular();
            float widest = 0;
            for (String label : List.of(texts.identityLabel(), texts.usernameLabel(), texts.expiresLabel())) {
                widest = Math.max(widest, face.width(face.printable(label), LABEL_SIZE));
            }
            return Math.min(widest + 2 * MM, columnWidth * 0.55f);
        }

        /**
         * One line at the largest size from {@code maxSize} down to {@code minSize} at which the text fits, cut with
         * an ellipsis if it does not fit even then; returns its baseline.
         */
        private float shrinkingLine(PdfFont face, float maxSize, float minSize, float y, String text, float width)
                throws IOException {
            String printable = face.printable(text);
            float size = PdfFont.fittingSize(face.width(printable, maxSize), maxSize, minSize, width);
            y -= size * LINE_SPACING;
            show(face, size, 0f, left, y, face.fit(printable, size, width));
            return y;
        }

        /**
         * A grey label and, on the same baseline, its value, which shrinks a little to fit. A value too long even then
         * (a long username) goes below its label across the whole column, shrinking further; only what does not fit
         * there either is cut with an ellipsis. Returns the value's baseline.
         */
        private float row(String label, String value, float y, float labelWidth, float width) throws IOException {
            var face = fonts.bold();
            String printable = face.printable(value);
            float natural = face.width(printable, VALUE_SIZE);
            float valueWidth = width - labelWidth;
            float size = PdfFont.fittingSize(natural, VALUE_SIZE, VALUE_MIN_SIZE, valueWidth);
            if (face.width(printable, size) <= valueWidth) {
                y -= VALUE_SIZE * ROW_SPACING;
                line(fonts.regular(), LABEL_SIZE, LABEL_GREY, left, y, label, labelWidth - 1 * MM);
                show(face, size, 0f, left + labelWidth, y, printable);
                return y;
            }
            y -= LABEL_SIZE * LINE_SPACING + 2f;
            line(fonts.regular(), LABEL_SIZE, LABEL_GREY, left, y, label, width);
            size = PdfFont.fittingSize(natural, VALUE_SIZE, STACKED_VALUE_MIN_SIZE, width);
            y -= size * LINE_SPACING;
            show(face, size, 0f, left, y, face.fit(printable, size, width));
            return y;
        }

        /** The activation code: large, monospaced and letter-spaced so that it is easy to copy by hand. */
        private float code(String code, float y, float width) throws IOException {
            y -= LABEL_SIZE * LINE_SPACING + 3f;
            line(fonts.regular(), LABEL_SIZE, LABEL_GREY, left, y, texts.codeLabel(), width);
            var mono = fonts.mono();
            String printable = mono.printable(code);
            int count = (int) printable.codePoints().count();
            float natural = mono.width(printable, CODE_SIZE) + count * CODE_SIZE * CODE_LETTER_SPACING;
            float size = PdfFont.fittingSize(natural, CODE_SIZE, CODE_MIN_SIZE, width);
            float spacing = size * CODE_LETTER_SPACING;
            String shown = mono.fit(printable, size, width - count * spacing);
            y -= size * 1.1f;
            stream.beginText();
            stream.setNonStrokingColor(0f);
            stream.setFont(mono.font(), size);
            stream.setCharacterSpacing(spacing);
            stream.newLineAtOffset(left, y);
            stream.showText(shown);
            stream.setCharacterSpacing(0f);
            stream.endText();
            return y - 1f;
        }

        /**
         * The QR code of the activation address at the right of the slip's body, with the scan hint below it; returns
         * where the text column to its left must end.
         */
        private float drawQrCode(String url, float bodyTop) throws IOException {
            var qr = PdfQrCode.of(url);
            float quietZone = PdfQrCode.QUIET_ZONE_MODULES * qr.moduleSize(QR_SIZE);
            float symbolRight = right + PADDING - Math.max(PADDING, quietZone);
            float symbolLeft = symbolRight - QR_SIZE;
            float symbolTop = bodyTop - quietZone;
            qr.draw(stream, symbolLeft, symbolTop, QR_SIZE);

            float hintTop = symbolTop - QR_SIZE - 1.5f * MM;
            float hintWidth = QR_SIZE + quietZone;
            float hintLeft = symbolLeft - quietZone / 2;
            var hint = fonts.regular();
            float y = hintTop;
            var address = shortAddress(url);
            float addressRoom = 2 * ADDRESS_SIZE * LINE_SPACING; // at most two lines, below the hint
            int hintLines = Math.max(1, (int) ((hintTop - bottom - addressRoom) / (HINT_SIZE * LINE_SPACING)));
            float width = Math.min(hintWidth, right - hintLeft); // the QR quiet zone may use the padding; text may not
            for (String line : hint.wrap(hint.printable(texts.scanHint()), HINT_SIZE, width, hintLines)) {
                y -= HINT_SIZE;
                float lineWidth = hint.width(line, HINT_SIZE);
                show(hint, HINT_SIZE, LABEL_GREY, hintLeft + (width - lineWidth) / 2, y, line);
                y -= HINT_SIZE * (LINE_SPACING - 1);
            }
            // The address as text too (DD014): not every phone scans a QR code. One line if it fits at a readable
            // size, else broken after its last '/'.
            var bold = fonts.bold();
            String printable = bold.printable(address);
            float size =
                    PdfFont.fittingSize(bold.width(printable, ADDRESS_SIZE), ADDRESS_SIZE, ADDRESS_MIN_SIZE, width);
            List<String> lines = List.of(printable);
            int slash = printable.lastIndexOf('/');
            if (bold.width(printable, size) > width && slash > 0) {
                lines = List.of(printable.substring(0, slash), printable.substring(slash));
                float widest = Math.max(bold.width(lines.get(0), ADDRESS_SIZE), bold.width(lines.get(1), ADDRESS_SIZE));
                size = PdfFont.fittingSize(widest, ADDRESS_SIZE, ADDRESS_MIN_SIZE, width);
            }
            for (String line : lines) {
                y -= size * LINE_SPACING;
                String shown = bold.fit(line, size, width);
                show(bold, size, 0f, hintLeft + (width - bold.width(shown, size)) / 2, y, shown);
            }
            return symbolLeft - quietZone;
        }

        /** The activation address as a person types it: no {@code https://}, query or trailing slash. */
        static String shortAddress(String url) {
            return url.replaceFirst("[?#].*$", "")
                    .replaceFirst("^https?://", "")
                    .replaceFirst("/$", "");
        }

        /** Wrapped text from {@code top} down to the slip's bottom edge. */
        private void paragraph(PdfFont face, float size, float grey, float x, float width, float top, String text)
                throws IOException {
            float leading = size * LINE_SPACING;
            int maxLines = (int) ((top - bottom) / leading);
            float y = top;
            for (String line : face.wrap(face.printable(text), size, width, maxLines)) {
                y -= leading;
                show(face, size, grey, x, y, line);
            }
        }

        /** One line of text, cut with an ellipsis where it would be wider than {@code width}. */
        private void line(PdfFont face, float size, float grey, float x, float y, String text, float width)
                throws IOException {
            show(face, size, grey, x, y, face.fit(face.printable(text), size, width));
        }

        private void show(PdfFont face, float size, float grey, float x, float y, String printable) throws IOException {
            if (printable.isEmpty()) {
                return;
            }
            stream.beginText();
            stream.setNonStrokingColor(grey);
            stream.setFont(face.font(), size);
            stream.newLineAtOffset(x, y);
            stream.showText(printable);
            stream.endText();
        }
    }
}
