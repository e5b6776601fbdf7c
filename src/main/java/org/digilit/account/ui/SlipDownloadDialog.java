package org.digilit.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.digilit.account.ActivationService;
import org.digilit.account.ActivationSlip;
import org.digilit.account.LearnerCardCodes;
import org.digilit.account.SlipPurpose;
import org.digilit.account.SlipTexts;
import org.digilit.organisation.OutOfScopeException;

/**
 * Prints slips for the chosen accounts: new codes are issued when the dialog opens (earlier codes for those accounts
 * stop working), and the PDF is offered for download. Activation slips go to accounts in Keycloak not yet activated;
 * reset slips (titled as such, DD007) to activated ones. The dialog says how many slips there are. For one person
 * standing in front of the admin, {@link #showCode} puts a reset code on screen instead of on paper.
 */
final class SlipDownloadDialog extends Dialog {

    private SlipDownloadDialog() {}

    static void open(ActivationService activation, Collection<Long> accountIds) {
        open(activation, accountIds, SlipPurpose.ACTIVATION);
    }

    static void open(ActivationService activation, Collection<Long> accountIds, SlipPurpose purpose) {
        var dialog = new SlipDownloadDialog();
        Function<String, String> t = dialog::getTranslation;
        var prefix = purpose == SlipPurpose.RESET ? "reset-slips." : "slips.";
        dialog.setHeaderTitle(t.apply(prefix + "title"));
        try {
            var slips = purpose == SlipPurpose.RESET
                    ? activation.issueResetSlips(accountIds, dialog.getLocale(), Addresses.client())
                    : activation.issueSlips(accountIds, dialog.getLocale(), Addresses.client());
            if (slips.isEmpty()) {
                dialog.add(new Paragraph(t.apply(prefix + "none")));
            } else {
                // An activation slip carries the person's learner card beside it (issue #16): one printout for
                // both; a reset slip does not (the person already has their card).
                var pdf = purpose == SlipPurpose.RESET
                        ? activation.slipsPdf(slips, texts(t, purpose))
                        : activation.slipsWithCardsPdf(
                                slips,
                                texts(t, purpose),
                                new LearnerCardCodes.CardTexts(t.apply("cards.title"), t.apply("cards.hint")));
                var file = purpose == SlipPurpose.RESET ? "reset-slips.pdf" : "activation-slips.pdf";
                var link = new Anchor(
                        DownloadHandler.fromInputStream(event -> new DownloadResponse(
                                new ByteArrayInputStream(pdf), file, "application/pdf", pdf.length)),
                        dialog.getTranslation("slips.download", slips.size()));
                link.addClassName("download-slips");
                dialog.add(new Paragraph(dialog.getTranslation(prefix + "ready", slips.size())), link);
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

    /** A reset code on screen for one person: the same code a slip would carry, with the username and what to do. */
    static void showCode(ActivationService activation, long accountId) {
        var dialog = new SlipDownloadDialog();
        Function<String, String> t = dialog::getTranslation;
        dialog.setHeaderTitle(t.apply("reset-slips.on-screen"));
        try {
            var slips = activation.issueResetSlips(List.of(accountId), dialog.getLocale(), Addresses.client());
            if (slips.isEmpty()) {
                dialog.add(new Paragraph(t.apply("reset-slips.none")));
            } else {
                ActivationSlip slip = slips.getFirst();
                var code = new Div(slip.code());
                code.addClassName("reset-code");
                dialog.add(
                        new Paragraph(dialog.getTranslation("reset-slips.on-screen.who", slip.fullName())),
                        code,
                        new Paragraph(dialog.getTranslation(
                                "reset-slips.on-screen.how",
                                slip.username(),
                                DateTimeFormatter.ofPattern("dd/MM/yyyy").format(slip.expires()))));
            }
        } catch (OutOfScopeException e) {
            dialog.add(new Paragraph(t.apply("denied.title")));
        }
        dialog.getFooter().add(new Button(t.apply("dialog.close"), click -> dialog.close()));
        dialog.open();
    }

    /** The printed words: an activation slip's, or a reset slip's (another title and instructions). */
    static SlipTexts texts(Function<String, String> t, SlipPurpose purpose) {
        boolean reset = purpose == SlipPurpose.RESET;
        return new SlipTexts(
                t.apply(reset ? "reset-slips.slip-title" : "slips.slip-title"),
                t.apply("slips.name"),
                t.apply("slips.identity"),
                t.apply("slips.username"),
                t.apply(reset ? "reset-slips.code" : "slips.code"),
                t.apply("slips.expires"),
                t.apply(reset ? "reset-slips.instructions" : "slips.instructions"),
                t.apply(reset ? "reset-slips.scan" : "slips.scan"),
                DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }
}
