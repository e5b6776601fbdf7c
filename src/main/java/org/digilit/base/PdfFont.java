package org.digilit.base;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One DejaVu font embedded (as a subset) into a PDF that the platform prints (activation slips, certificates): what it
 * can print and how wide that is.
 *
 * <ul>
 *   <li>The fonts come from the {@code jasperreports-fonts} jar on the classpath: they cover Vietnamese with precomposed
 *       letters, and text is normalised to NFC first, so decomposed input prints the same.
 *   <li>Glyph substitution (GSUB: ligatures, contextual forms) is off: Vietnamese does not need it, and PDFBox's
 *       substitution pass cost more than all the rest of the drawing.
 *   <li>A character the font lacks (Devanagari, for one) prints as {@code ?} rather than failing: PDFBox does no
 *       complex-script shaping, so a fallback font would print such text only half right anyway.
 *   <li>Widths come straight from the font's metrics, cached per character: {@link PDType0Font#getStringWidth}
 *       re-encodes and re-decodes every string, which dominated the rendering time of a page of slips.
 * </ul>
 *
 * <p>A {@link PDType0Font} belongs to one {@link PDDocument}: load the fonts once per document, never share them.
 */
public final class PdfFont {

    public static final String REGULAR = "DejaVuSans.ttf";
    public static final String BOLD = "DejaVuSans-Bold.ttf";
    public static final String MONO_BOLD = "DejaVuSansMono-Bold.ttf";

    private static final String FONT_FOLDER = "/net/sf/jasperreports/fonts/dejavu/";
    private static final String ELLIPSIS = "\u2026";

    private final PDType0Font font;
    private final CmapLookup glyphs;
    private final TrueTypeFont metrics;
    private final float unitsPerEm;
    private final Map<Integer, Float> advances = new HashMap<>();

    private PdfFont(PDType0Font font, TrueTypeFont metrics) throws IOException {
        this.font = font;
        this.glyphs = font.getCmapLookup();
        this.metrics = metrics;
        this.unitsPerEm = metrics.getUnitsPerEm();
    }

    /** Embeds one of the DejaVu fonts ({@link #REGULAR}, {@link #BOLD}, {@link #MONO_BOLD}) into the document. */
    public static PdfFont load(PDDocument document, String file) throws IOException {
        TrueTypeFont ttf;
        try (InputStream in = PdfFont.class.getResourceAsStream(FONT_FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("Font " + FONT_FOLDER + file + " is not on the classpath");
            }
            ttf = new TTFParser().parse(RandomAccessReadBuffer.createBufferFromStream(in));
        }
        document.registerTrueTypeFontForClosing(ttf);
        ttf.setEnableGsub(false);
        return new PdfFont(PDType0Font.load(document, ttf, true), ttf);
    }

    public PDType0Font font() {
        return font;
    }

    /**
     * The text as this font can print it on one line: composed (NFC), line breaks and other control or space characters
     * as plain spaces, characters without a glyph as {@code ?}.
     */
    public String printable(String text) {
        var composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        var result = new StringBuilder(composed.length());
        composed.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                result.append(' ');
            } else if (glyphs.getGlyphId(c) == 0) {
                result.append('?');
            } else {
                result.appendCodePoint(c);
            }
        });
        return result.toString().strip();
    }

    /** The width of text that {@link #printable} returned, at the given size. */
    public float width(String printable, float size) throws IOException {
        float units = 0;
        for (int i = 0; i < printable.length(); ) {
            int c = printable.codePointAt(i);
            units += advance(c);
            i += Character.charCount(c);
        }
        return units / unitsPerEm * size;
    }

    private float advance(int codePoint) throws IOException {
        Float known = advances.get(codePoint);
        if (known == null) {
            known = (float) metrics.getAdvanceWidth(glyphs.getGlyphId(codePoint));
            advances.put(codePoint, known);
        }
        return known;
    }

    /** The printable text, cut with an ellipsis where it would be wider than {@code maxWidth}. */
    public String fit(String printable, float size, float maxWidth) throws IOException {
        if (width(printable, size) <= maxWidth) {
            return printable;
        }
        int[] codePoints = printable.codePoints().toArray();
        int low = 0; // keeps fitting
        int high = codePoints.length; // known not to fit
        while (high - low > 1) {
            int middle = (low + high) >>> 1;
            if (width(cut(codePoints, middle), size) <= maxWidth) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return cut(codePoints, low);
    }

    private static String cut(int[] codePoints, int length) {
        return new String(codePoints, 0, length).stripTrailing() + ELLIPSIS;
    }

    /**
     * Greedy word wrap into at most {@code maxLines} lines; a word wider than a line is cut with an ellipsis, and so is
     * the last line when the text goes on.
     */
    public List<String> wrap(String printable, float size, float maxWidth, int maxLines) throws IOException {
        var lines = new ArrayList<String>();
        if (maxLines <= 0 || printable.isEmpty()) {
            return lines;
        }
        String[] words = printable.split(" +");
        var line = new StringBuilder();
        for (String word : words) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, size) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                if (lines.size() == maxLines - 1) {
                    lines.add(fit(line + " " + word, size, maxWidth));
                    return lines;
                }
                lines.add(line.toString());
                line.setLength(0);
            }
            String alone = fit(word, size, maxWidth);
            if (!alone.equals(word)) {
                lines.add(alone);
                if (lines.size() == maxLines) {
                    return lines;
                }
            } else {
                line.append(word);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * The largest size up to {@code maxSize}, in quarter points, at which text {@code naturalWidth} wide at {@code
     * maxSize} fits into {@code width}, but not below {@code minSize}.
     */
    public static float fittingSize(float naturalWidth, float maxSize, float minSize, float width) {
        if (naturalWidth <= width) {
            return maxSize;
        }
        return Math.max(minSize, (float) Math.floor(maxSize * width / naturalWidth * 4) / 4);
    }
}
