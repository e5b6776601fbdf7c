package org.digilit.learning.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.digilit.base.ClientAddress;
import org.digilit.base.ProgrammeTime;
import org.digilit.learning.Certificate;
import org.digilit.learning.CertificateService;
import org.digilit.learning.CertificateVerification;
import org.digilit.security.Roles;

/**
 * Certificates for the platform admin: look one up by its code, see what the public page shows, and revoke it with a
 * reason after a confirmation. The service checks the role again and audits the revocation.
 */
@Route("certificates")
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Menu(title = "nav.certificates", order = 42)
class CertificateAdminView extends Main implements HasDynamicTitle {

    private final transient CertificateService certificates;
    private final TextField code = new TextField();
    private final Div result = new Div();
    private final Div message = new Div();

    private final ProgrammeTime time;

    CertificateAdminView(CertificateService certificates, ProgrammeTime time) {
        this.time = time;
        this.certificates = certificates;
        addClassName("page");
        addClassName("narrow");
        addClassName("certificate-admin");
        code.setLabel(getTranslation("verify.code"));
        code.setHelperText(getTranslation("verify.code.help"));
        code.setWidthFull();
        var lookUp = new Button(getTranslation("certificates.admin.lookup"), click -> lookUp());
        lookUp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        lookUp.addClickShortcut(Key.ENTER);
        lookUp.addClassName("certificate-lookup");
        var form = new FlexLayout(code, lookUp);
        form.addClassName("verify-form");
        message.addClassName("form-message");
        message.getElement().setAttribute("role", "status");
        message.getElement().setAttribute("aria-live", "polite");
        add(
                new H1(getTranslation("nav.certificates")),
                new Paragraph(getTranslation("certificates.admin.intro")),
                form,
                message,
                result);
    }

    private void lookUp() {
        message.removeAll();
        show(certificates.verify(code.getValue()));
    }

    private void show(CertificateVerification verification) {
        result.removeAll();
        result.add(new CertificateSummary(verification, certificates, time));
        if (verification.status() != CertificateVerification.Status.VALID) {
            return;
        }
        var reason = new TextArea(getTranslation("certificates.admin.reason"));
        reason.setMaxLength(Certificate.REASON_MAX_LENGTH);
        reason.setWidthFull();
        reason.addClassName("revocation-reason");
        var revoke = new Button(getTranslation("certificates.admin.revoke"), click -> confirm(verification, reason));
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        revoke.addClassName("certificate-revoke");
        result.add(reason, revoke);
    }

    private void confirm(CertificateVerification verification, TextArea reason) {
        message.removeAll();
        var why = reason.getValue().strip();
        if (why.isEmpty()) {
            reason.setInvalid(true);
            reason.setErrorMessage(getTranslation("certificates.admin.reason-required", Certificate.REASON_MAX_LENGTH));
            return;
        }
        reason.setInvalid(false);
        var dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("certificates.admin.confirm.title", verification.code()));
        dialog.setText(getTranslation("certificates.admin.confirm.text"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("dialog.cancel"));
        dialog.setConfirmText(getTranslation("certificates.admin.confirm.ok"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(event -> revoke(verification.code(), why));
        dialog.open();
    }

    private void revoke(String certificateCode, String why) {
        try {
            certificates.revoke(certificateCode, why, ClientAddress.orUnknown());
            message.setText(getTranslation("certificates.admin.done", certificateCode));
        } catch (IllegalStateException e) {
            message.setText(getTranslation("certificates.admin.already"));
        }
        show(certificates.verify(certificateCode));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.certificates") + " · DigiLit";
    }
}
