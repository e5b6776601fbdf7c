package org.digilit.base;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code for a screen (ZXing, error correction M, the quiet zone included) as SVG: one path of unit squares, scaled
 * by the view box, so it stays sharp at any size and costs a few hundred bytes. ({@link PdfQrCode} draws one on a
 * printed page.)
 */
public final class QrSvg {

    private QrSvg() {}

    /**
     * The SVG of a text's QR code.
     *
     * @param sizeAttributes extra attributes of the {@code svg} element (a width and height), or an empty text
     * @throws IllegalArgumentException when the text does not fit in a QR code
     */
    public static String of(String text, String sizeAttributes) {
        try {
            var matrix = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    PdfQrCode.QUIET_ZONE_MODULES));
            int width = matrix.getWidth();
            int height = matrix.getHeight();
            var path = new StringBuilder();
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    if (matrix.get(x, y)) {
                        path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height + "\""
                    + (sizeAttributes.isEmpty() ? "" : " " + sizeAttributes)
                    + " shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\""
                    + path + "\" fill=\"#000\"/></svg>";
        } catch (WriterException e) {
            throw new IllegalArgumentException("Text does not fit in a QR code", e);
        }
    }
}
