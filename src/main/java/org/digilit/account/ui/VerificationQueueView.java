package org.digilit.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.digilit.account.AccountFilter;
import org.digilit.account.AccountListItem;
import org.digilit.account.AccountService;
import org.digilit.account.AccountState;
import org.digilit.account.WalkInQueue;
import org.digilit.base.ProgrammeTime;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.Roles;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The verification queue: accounts from imports and self-registration that wait for their organisation's check.
 * Verify or reject a selection (rejection needs a reason), or verify everything the filters show.
 *
 * <p>Below them, the walk-ins to register (issue #16): people recorded at a class's door by name and phone, with no
 * account yet, read through the session feature's {@link WalkInQueue}. Once the person has an account (imported or
 * registered, then verified here), the admin links the walk-in to it by username or identity number; or dismisses it.
 */
@Route("accounts/verification")
@RolesAllowed({Roles.ORG_ADMIN, Roles.PLATFORM_ADMIN})
@Menu(title = "nav.verification", order = 22)
class VerificationQueueView extends Main implements HasDynamicTitle {

    private final transient AccountService accounts;
    private final Grid<AccountListItem> grid = new Grid<>();
    private final Paragraph count = new Paragraph();
    private AccountFilter filter = AccountFilter.none().withState(AccountState.PENDING);
    private final transient @org.jspecify.annotations.Nullable WalkInQueue walkInQueue;
    private final Grid<WalkInQueue.Waiting> walkIns = new Grid<>();
    private final Paragraph walkInCount = new Paragraph();

    private final ProgrammeTime time;

    VerificationQueueView(
            AccountService accounts,
            OrganisationService organisations,
            ObjectProvider<WalkInQueue> walkInQueue,
            ProgrammeTime time) {
        this.time = time;
        this.accounts = accounts;
        this.walkInQueue = walkInQueue.getIfAvailable();
        addClassName("page");
        addClassName("verification");
        var filters = new AccountFilterBar(organisations, false, changed -> {
            filter = changed;
            refresh();
        });
        AccountListView.configure(grid, this);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);

        var verify = new Button(getTranslation("verification.verify-selected"), click -> verifySelected());
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var verifyAll = new Button(getTranslation("verification.verify-all"), click -> confirmVerifyAll());
        var reject = new Button(getTranslation("verification.reject-selected"), click -> rejectSelected());
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        verify.setEnabled(false);
        reject.setEnabled(false);
        grid.addSelectionListener(selection -> {
            var any = !selection.getAllSelectedItems().isEmpty();
            verify.setEnabled(any);
            reject.setEnabled(any);
        });
        var actions = new FlexLayout(verify, reject, verifyAll);
        actions.addClassName("actions");
        count.getElement().setAttribute("aria-live", "polite");
        add(
                new H1(getTranslation("verification.title")),
                new Paragraph(getTranslation("verification.help")),
                filters,
                count,
                actions,
                grid);
        if (this.walkInQueue != null) {
            addWalkIns();
        }
        refresh();
    }

    private void addWalkIns() {
        walkIns.addClassName("walk-in-queue");
        walkIns.addColumn(WalkInQueue.Waiting::fullName)
                .setHeader(getTranslation("walkins.name"))
                .setAutoWidth(true)
                .setFlexGrow(1);
        walkIns.addColumn(WalkInQueue.Waiting::phone)
                .setHeader(getTranslation("walkins.phone"))
                .setAutoWidth(true);
        walkIns.addColumn(w -> w.organisationCode() + " · " + w.place() + " · "
                        + time.date().format(w.sessionStartsAt()))
                .setHeader(getTranslation("walkins.where"))
                .setAutoWidth(true);
        walkIns.addComponentColumn(w -> {
                    var link = new Button(getTranslation("walkins.link"), click -> link(w));
                    link.addClassName("walk-in-link");
                    var dismiss = new Button(getTranslation("walkins.dismiss"), click -> dismiss(w));
                    dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                    var buttons = new FlexLayout(link, dismiss);
                    buttons.addClassName("actions");
                    return buttons;
                })
                .setAutoWidth(true);
        walkIns.setAllRowsVisible(true);
        walkInCount.getElement().setAttribute("aria-live", "polite");
        add(
                new H2(getTranslation("walkins.title")),
                new Paragraph(getTranslation("walkins.help")),
                walkInCount,
                walkIns);
    }

    private void link(WalkInQueue.Waiting walkIn) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("walkins.link.title", walkIn.fullName()));
        var who = new TextField(getTranslation("walkins.link.who"));
        who.setHelperText(getTranslation("walkins.link.who.help"));
        who.setWidthFull();
        who.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        dialog.add(who);
        var confirm = new Button(getTranslation("walkins.link"), click -> {
            try {
                var username = walkInQueue.link(walkIn.id(), who.getValue(), Addresses.client());
                dialog.close();
                done(getTranslation("walkins.linked", walkIn.fullName(), username));
            } catch (WalkInQueue.Refused e) {
                who.setInvalid(true);
                who.setErrorMessage(getTranslation(e.getMessage()));
            } catch (OutOfScopeException e) {
                who.setInvalid(true);
                who.setErrorMessage(getTranslation("walkins.error.other-organisation"));
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClassName("walk-in-link-confirm");
        dialog.getFooter().add(new Button(getTranslation("dialog.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }

    private void dismiss(WalkInQueue.Waiting walkIn) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("walkins.dismiss.title", walkIn.fullName()));
        var reason = new TextArea(getTranslation("verification.reason"));
        reason.setRequired(true);
        reason.setMaxLength(AccountService.REASON_MAX_LENGTH);
        reason.setWidthFull();
        dialog.add(reason);
        var confirm = new Button(getTranslation("walkins.dismiss"), click -> {
            try {
                walkInQueue.dismiss(walkIn.id(), reason.getValue(), Addresses.client());
                dialog.close();
                done(getTranslation("walkins.dismissed", walkIn.fullName()));
            } catch (WalkInQueue.Refused e) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation(e.getMessage()));
            } catch (OutOfScopeException e) {
                error(getTranslation("denied.title"));
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button(getTranslation("dialog.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }

    private void verifySelected() {
        var ids = grid.getSelectedItems().stream().map(AccountListItem::id).toList();
        try {
            done(getTranslation("verification.verified", accounts.verify(ids, Addresses.client())));
        } catch (OutOfScopeException e) {
            error(getTranslation("denied.title"));
        }
    }

    private void confirmVerifyAll() {
        var total = accounts.count(filter);
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("verification.verify-all"));
        dialog.add(new Paragraph(getTranslation("verification.verify-all.confirm", total)));
        var confirm = new Button(getTranslation("verification.verify-all"), click -> {
            dialog.close();
            done(getTranslation("verification.verified", accounts.verifyAll(filter, Addresses.client())));
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("dialog.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }

    private void rejectSelected() {
        var ids = grid.getSelectedItems().stream().map(AccountListItem::id).toList();
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("verification.reject-selected"));
        var reason = new TextArea(getTranslation("verification.reason"));
        reason.setRequired(true);
        reason.setMaxLength(AccountService.REASON_MAX_LENGTH);
        reason.setWidthFull();
        dialog.add(new Paragraph(getTranslation("verification.reject.confirm", ids.size())), reason);
        var confirm = new Button(getTranslation("verification.reject-selected"), click -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("verification.reason.required"));
                return;
            }
            dialog.close();
            try {
                done(getTranslation(
                        "verification.rejected", accounts.reject(ids, reason.getValue(), Addresses.client())));
            } catch (OutOfScopeException e) {
                error(getTranslation("denied.title"));
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button(getTranslation("dialog.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }

    private void done(String message) {
        Notification.show(message).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        grid.deselectAll();
        refresh();
    }

    private void error(String message) {
        Notification.show(message).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void refresh() {
        var current = filter;
        grid.setItems(
                query -> accounts.list(current, query.getOffset(), query.getLimit()).stream(),
                query -> accounts.count(current));
        count.setText(getTranslation("verification.count", accounts.count(current)));
        if (walkInQueue != null) {
            var waiting = walkInQueue.waiting(WALK_IN_LIMIT);
            walkIns.setItems(waiting);
            walkInCount.setText(getTranslation("walkins.count", waiting.size()));
        }
    }

    private static final int WALK_IN_LIMIT = 200;

    @Override
    public String getPageTitle() {
        return getTranslation("verification.title") + " · DigiLit";
    }
}
