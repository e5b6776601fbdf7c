package org.digilit.device.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.vaadin.flow.component.html.Image;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A QR code as an inline SVG image (ZXing's matrix, one path): sharp on any screen, a few hundred bytes. */
final class Qr {

    private Qr() {}

    static Image of(String text, String alt) {
        try {
            var matrix = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            int size = matrix.getWidth();
            var path = new StringBuilder();
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < size; x++) {
                    if (matrix.get(x, y)) {
                        path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            var svg = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 " + size + " " + matrix.getHeight()
                    + "' shape-rendering='crispEdges'><rect width='100%' height='100%' fill='#fff'/><path d='" + path
                    + "' fill='#000'/></svg>";
            var image = new Image(
                    "data:image/svg+xml;base64,"
                            + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)),
                    alt);
            image.addClassName("qr-code");
            return image;
        } catch (WriterException e) {
            throw new IllegalArgumentException("Text does not fit in a QR code", e);
        }
    }
}
