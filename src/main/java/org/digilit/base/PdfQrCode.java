package org.digilit.base;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.util.Matrix;

/**
 * A QR code (ZXing, error correction M) for a printed page, drawn as filled vector rectangles rather than an image: it
 * stays sharp on any printer and costs a few hundred bytes. The caller leaves the quiet zone blank around it
 * ({@link #QUIET_ZONE_MODULES} modules).
 */
public final class PdfQrCode {

    /** The blank border a reader needs around the symbol, in modules. */
    public static final int QUIET_ZONE_MODULES = 4;

    private final BitMatrix modules;

    private PdfQrCode(BitMatrix modules) {
        this.modules = modules;
    }

    /**
     * The QR code of a text; addresses are ASCII (percent-encoded where needed), which byte mode holds as they are.
     *
     * @throws IllegalArgumentException when the text does not fit in a QR code
     */
    public static PdfQrCode of(String text) {
        try {
            // Width and height 0 with margin 0: one matrix cell per module, no quiet zone (the caller leaves that).
            return new PdfQrCode(new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0)));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Text does not fit in a QR code: " + text, e);
        }
    }

    /** The symbol's width in modules. */
    public int moduleCount() {
        return modules.getWidth();
    }

    /** The width of one module when the symbol is drawn {@code size} wide. */
    public float moduleSize(float size) {
        return size / moduleCount();
    }

    /** Draws the symbol (without its quiet zone) {@code size} wide and high, its top left corner at (left, top). */
    public void draw(PDPageContentStream stream, float left, float top, float size) throws IOException {
        int count = moduleCount();
        float module = moduleSize(size);
        // Drawn in module units (small integers compress well): a run of dark modules in a row is one rectangle,
        // overlapping the row below by a hair so that anti-aliasing viewers show no seams.
        stream.saveGraphicsState();
        stream.setNonStrokingColor(0f);
        stream.transform(new Matrix(module, 0, 0, -module, left, top));
        for (int row = 0; row < count; row++) {
            int column = 0;
            while (column < count) {
                if (!modules.get(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < count && modules.get(column, row)) {
                    column++;
                }
                stream.addRect(start, row, column - start, row == count - 1 ? 1f : 1.05f);
            }
        }
        stream.fill();
        stream.restoreGraphicsState();
    }
}
