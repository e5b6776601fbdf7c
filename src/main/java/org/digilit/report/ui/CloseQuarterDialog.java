package org.digilit.report.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.digilit.base.Quarter;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.report.ReportLabels;
import org.digilit.report.ReportService;

/**
 * Closes an ended quarter (its figures become the official snapshot) or restates a closed one (a new version of the
 * snapshot). A restatement must say why: the button stays disabled until a reason is written, and the service refuses
 * a blank one as well. Platform admins only; the service checks that too and audits it.
 */
final class CloseQuarterDialog extends Dialog {

    static final int REASON_MAX_LENGTH = 500;

    private final TextArea reason = new TextArea();
    private final Button confirm = new Button();
    private final Paragraph error = new Paragraph();

    CloseQuarterDialog(
            ReportService reports, ReportLabels labels, Quarter quarter, boolean restating, Runnable afterwards) {
        addClassName("close-quarter-dialog");
        setHeaderTitle(getTranslation(
                restating ? "report.close.restate-title" : "report.close.title", labels.quarter(quarter)));
        var explanation = new Paragraph(getTranslation(restating ? "report.close.restate-text" : "report.close.text"));
        reason.setLabel(getTranslation(restating ? "report.close.reason.required" : "report.close.reason"));
        reason.setMaxLength(REASON_MAX_LENGTH);
        reason.setRequired(restating);
        reason.setWidthFull();
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        reason.addValueChangeListener(
                event -> confirm.setEnabled(!restating || !event.getValue().isBlank()));
        error.addClassName("form-message");
        error.addClassName("error");
        error.setVisible(false);
        add(explanation, reason, error);

        confirm.setText(getTranslation(restating ? "report.close.restate-confirm" : "report.close.confirm"));
        confirm.addClassName("close-quarter-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(!restating);
        confirm.addClickListener(click -> {
            if (restating && reason.getValue().isBlank()) {
                showError("report.close.reason.missing");
                return;
            }
            try {
                var snapshot = reports.closeQuarter(quarter, reason.getValue());
                Notification.show(getTranslation("report.close.done", labels.quarter(quarter), snapshot.version()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                close();
                afterwards.run();
            } catch (OutOfScopeException e) {
                showError("report.message.out-of-scope");
            } catch (IllegalArgumentException e) {
                showError(restating ? "report.close.reason.missing" : "report.close.not-ended");
            }
        });
        var cancel = new Button(getTranslation("dialog.cancel"), click -> close());
        getFooter().add(cancel, confirm);
    }

    private void showError(String key) {
        error.setText(getTranslation(key));
        error.setVisible(true);
    }
}
