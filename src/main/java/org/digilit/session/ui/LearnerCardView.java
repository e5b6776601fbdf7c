package org.digilit.session.ui;

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
import org.digilit.base.QrSvg;
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
        var qr = new Svg(QrSvg.of(card.code(), "width=\"240\" height=\"240\""));
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

    @Override
    public String getPageTitle() {
        return getTranslation("cards.title") + " · DigiLit";
    }
}
