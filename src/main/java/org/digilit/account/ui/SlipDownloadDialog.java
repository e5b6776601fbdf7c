package org.digilit.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.function.Function;
import org.digilit.account.ActivationService;
import org.digilit.account.SlipTexts;
import org.digilit.organisation.OutOfScopeException;

/**
 * Prints activation slips for the chosen accounts: new codes are issued when the dialog opens (earlier slips for those
 * accounts stop working), and the PDF is offered for download. Accounts not yet in Keycloak or already activated get
 * no slip; the dialog says how many slips there are.
 */
final class SlipDownloadDialog extends Dialog {

    private SlipDownloadDialog() {}

    static void open(ActivationService activation, Collection<Long> accountIds, String activationPage) {
        var dialog = new SlipDownloadDialog();
        Function<String, String> t = dialog::getTranslation;
        dialog.setHeaderTitle(t.apply("slips.title"));
        try {
            var slips = activation.issueSlips(accountIds, activationPage, dialog.getLocale(), Addresses.client());
            if (slips.isEmpty()) {
                dialog.add(new Paragraph(t.apply("slips.none")));
            } else {
                var texts = new SlipTexts(
                        t.apply("slips.slip-title"),
                        t.apply("slips.name"),
                        t.apply("slips.identity"),
                        t.apply("slips.username"),
                        t.apply("slips.code"),
                        t.apply("slips.expires"),
                        t.apply("slips.instructions"),
                        t.apply("slips.scan"),
                        DateTimeFormatter.ofPattern("dd/MM/yyyy"));
                var pdf = activation.slipsPdf(slips, texts);
                var link = new Anchor(
                        DownloadHandler.fromInputStream(event -> new DownloadResponse(
                                new ByteArrayInputStream(pdf), "activation-slips.pdf", "application/pdf", pdf.length)),
                        dialog.getTranslation("slips.download", slips.size()));
                link.addClassName("download-slips");
                dialog.add(new Paragraph(dialog.getTranslation("slips.ready", slips.size())), link);
            }
        } catch (OutOfScopeException e) {
            dialog.add(new Paragraph(t.apply("denied.title")));
        } catch (IllegalArgumentException e) {
            dialog.add(new Paragraph(t.apply("slips.too-many")));
        }
        var close = new Button(t.apply("dialog.close"), click -> dialog.close());
        dialog.getFooter().add(close);
        dialog.open();
    }
}
