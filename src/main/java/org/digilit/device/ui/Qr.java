package org.digilit.device.ui;

import com.vaadin.flow.component.html.Image;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.digilit.base.QrSvg;

/** A QR code as an inline SVG image ({@link QrSvg}): sharp on any screen, a few hundred bytes. */
final class Qr {

    private Qr() {}

    static Image of(String text, String alt) {
        var svg = QrSvg.of(text, "");
        var image = new Image(
                "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)),
                alt);
        image.addClassName("qr-code");
        return image;
    }
}
