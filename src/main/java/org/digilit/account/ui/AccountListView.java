package org.digilit.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import org.digilit.account.AccountFilter;
import org.digilit.account.AccountListItem;
import org.digilit.account.AccountService;
import org.digilit.account.ActivationService;
import org.digilit.organisation.OrganisationService;
import org.digilit.security.Roles;

/**
 * The accounts of the user's organisations: a lazily loaded grid (300,000 rows scroll a page at a time), filters, a
 * search that finds a person by name, username or whole identity number, and activation slips for a selection.
 */
@Route("accounts")
@RolesAllowed({Roles.ORG_ADMIN, Roles.PLATFORM_ADMIN})
@Menu(title = "nav.accounts", order = 21)
class AccountListView extends Main implements HasDynamicTitle {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final transient AccountService accounts;
    private final Grid<AccountListItem> grid = new Grid<>();
    private final Paragraph count = new Paragraph();
    private final AccountFilterBar filters;
    private AccountFilter filter = AccountFilter.none();

    AccountListView(AccountService accounts, OrganisationService organisations, ActivationService activation) {
        this.accounts = accounts;
        addClassName("page");
        addClassName("accounts");
        filters = new AccountFilterBar(organisations, true, changed -> {
            filter = changed;
            refresh();
        });

        var actions = new FlexLayout(
                new Anchor("accounts/import", getTranslation("accounts.import")),
                new Anchor("accounts/verification", getTranslation("accounts.verification")));
        actions.addClassName("actions");
        var slips = new Button(getTranslation("accounts.print-slips"), click -> {
            var ids = grid.getSelectedItems().stream().map(AccountListItem::id).toList();
            SlipDownloadDialog.open(activation, ids);
        });
        slips.setEnabled(false);
        var resetSlips = new Button(getTranslation("accounts.print-reset-slips"), click -> {
            var ids = grid.getSelectedItems().stream().map(AccountListItem::id).toList();
            SlipDownloadDialog.open(activation, ids, org.digilit.account.SlipPurpose.RESET);
        });
        resetSlips.setEnabled(false);
        actions.add(slips, resetSlips);

        configure(grid, this);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addSelectionListener(selection -> {
            slips.setEnabled(!selection.getAllSelectedItems().isEmpty());
            resetSlips.setEnabled(!selection.getAllSelectedItems().isEmpty());
        });
        grid.addItemClickListener(click -> getUI().ifPresent(
                        ui -> ui.navigate("accounts/details/" + click.getItem().id())));
        count.getElement().setAttribute("aria-live", "polite");
        add(new H1(getTranslation("accounts.title")), actions, filters, count, grid);
        refresh();
    }

    static void configure(Grid<AccountListItem> grid, Main view) {
        var locale = com.vaadin.flow.component.UI.getCurrent().getLocale();
        grid.addColumn(AccountListItem::fullName)
                .setHeader(view.getTranslation("accounts.name"))
                .setAutoWidth(true)
                .setFlexGrow(1)
                .setResizable(true);
        grid.addColumn(AccountListItem::maskedIdentityNumber)
                .setHeader(view.getTranslation("accounts.identity"))
                .setAutoWidth(true);
        grid.addColumn(AccountListItem::username)
                .setHeader(view.getTranslation("accounts.username"))
                .setAutoWidth(true);
        grid.addColumn(a -> DATE.format(a.dateOfBirth()))
                .setHeader(view.getTranslation("accounts.born"))
                .setAutoWidth(true);
        grid.addColumn(a -> view.getTranslation("audience." + a.audience().code()))
                .setHeader(view.getTranslation("accounts.audience"))
                .setAutoWidth(true);
        grid.addColumn(a -> a.organisationName(locale))
                .setHeader(view.getTranslation("accounts.organisation"))
                .setAutoWidth(true)
                .setFlexGrow(1)
                .setResizable(true);
        grid.addComponentColumn(a -> state(a, view))
                .setHeader(view.getTranslation("accounts.state"))
                .setAutoWidth(true);
        grid.setPageSize(100);
        grid.addClassName("accounts-grid");
    }

    private static Span state(AccountListItem account, Main view) {
        var text = view.getTranslation("account.state." + account.state().name());
        if (account.activatedAt() != null) {
            text += " · " + view.getTranslation("accounts.activated");
        } else if (account.provisioned()) {
            text += " · " + view.getTranslation("accounts.provisioned");
        }
        var badge = new Span(text);
        badge.getElement().getThemeList().add("badge");
        badge.addClassName("state-" + account.state().name().toLowerCase(java.util.Locale.ROOT));
        return badge;
    }

    private void refresh() {
        var current = filter;
        grid.setItems(
                query -> accounts.list(current, query.getOffset(), query.getLimit()).stream(),
                query -> accounts.count(current));
        count.setText(getTranslation("accounts.count", accounts.count(current)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("accounts.title") + " · DigiLit";
    }
}
