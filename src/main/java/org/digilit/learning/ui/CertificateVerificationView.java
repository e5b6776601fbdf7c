package org.digilit.learning.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.digilit.learning.CertificateCode;
import org.digilit.learning.CertificateService;

/**
 * The public page that checks a certificate, for employers and anyone holding one: {@code /verify} with a code field,
 * {@code /verify/<code>} (the certificate's QR code) with the answer. The code is not personal data, so it may sit in
 * the address; the answer shows only what the printed certificate shows.
 */
@Route(CertificateVerificationView.ROUTE + "/:code?")
@AnonymousAllowed
class CertificateVerificationView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "verify";

    private final transient CertificateService certificates;
    private final TextField code = new TextField();
    private final Div answer = new Div();

    CertificateVerificationView(CertificateService certificates) {
        this.certificates = certificates;
        addClassName("page");
        addClassName("narrow");
        addClassName("certificate-verification");
        code.setLabel(getTranslation("verify.code"));
        code.setHelperText(getTranslation("verify.code.help"));
        code.setWidthFull();
        code.getElement().setAttribute("autocapitalize", "characters");
        code.getElement().setAttribute("autocomplete", "off");
        code.getElement().setAttribute("spellcheck", "false");
        var check = new Button(getTranslation("verify.submit"), click -> check());
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClickShortcut(Key.ENTER);
        check.addClassName("verify-submit");
        var form = new FlexLayout(code, check);
        form.addClassName("verify-form");
        answer.getElement().setAttribute("aria-live", "polite");
        add(new H1(getTranslation("verify.title")), new Paragraph(getTranslation("verify.intro")), form, answer);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        answer.removeAll();
        event.getRouteParameters().get("code").ifPresent(typed -> {
            code.setValue(typed);
            answer.add(new CertificateSummary(certificates.verify(typed), certificates));
        });
    }

    /** Goes to the code's own address, so that the answer can be shared and reloaded; what is no code is unknown. */
    private void check() {
        var typed = code.getValue().strip();
        if (typed.isEmpty()) {
            return;
        }
        var parsed = CertificateCode.parse(typed);
        if (parsed.isEmpty()) {
            answer.removeAll();
            answer.add(new CertificateSummary(certificates.verify(typed), certificates));
            return;
        }
        getUI().ifPresent(ui ->
                ui.navigate(CertificateDownloads.verifyPath(parsed.get().value())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("verify.title") + " · DigiLit";
    }
}
