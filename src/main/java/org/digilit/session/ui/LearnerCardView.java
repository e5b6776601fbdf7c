package org.digilit.session.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.digilit.learning.LearningNavigation;
import org.digilit.security.Roles;
import org.digilit.session.LearnerCardService;

/**
 * The learner's card, linked from their learning page: a QR code a facilitator scans at a session's door (username and
 * check value, nothing secret), the same code in letters, and the card as a PDF to print.
 */
@Route(LearnerCardView.ROUTE)
@RolesAllowed({Roles.CITIZEN, Roles.TEACHER, Roles.OFFICIAL, Roles.FACILITATOR})
class LearnerCardView extends Main implements HasDynamicTitle {

    static final String ROUTE = "learn/card";

    LearnerCardView(LearnerCardService cards) {
        addClassName("page");
        addClassName("learner-card");
        var card = cards.mine().orElseThrow();
        var qr = new Svg(svg(card.code()));
        qr.addClassName("card-qr");
        qr.getElement().setAttribute("role", "img");
        qr.getElement().setAttribute("aria-label", getTranslation("cards.qr"));
        var code = new Span(card.code());
        code.addClassName("card-code");
        var name = new Div(new Span(card.fullName()));
        name.addClassName("card-name");
        var pdf = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    var bytes = cards.myCardPdf(getTranslation("cards.title"), getTranslation("cards.hint"));
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes), "learner-card.pdf", "application/pdf", bytes.length);
                }),
                getTranslation("cards.print"));
        pdf.addClassName("card-pdf");
        // The learner's home is server-rendered (DD015): the browser loads it, not Vaadin's router.
        var back = new Anchor(LearningNavigation.HOME, getTranslation("cards.back"));
        back.setRouterIgnore(true);
        add(
                back,
                new H1(getTranslation("cards.title")),
                new Paragraph(getTranslation("cards.intro")),
                name,
                qr,
                new Paragraph(code),
                pdf);
    }

    /** The QR code as SVG: one path of unit squares, scaled by the view box (stays sharp at any size). */
    static String svg(String text) {
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
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    if (matrix.get(x, y)) {
                        path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                    + "\" width=\"240\" height=\"240\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\""
                    + " fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cards.title") + " · DigiLit";
    }
}
