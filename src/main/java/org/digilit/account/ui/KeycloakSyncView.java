package org.digilit.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.digilit.account.DirectoryUnavailableException;
import org.digilit.account.PrivilegedHolding;
import org.digilit.account.ReconciliationReport;
import org.digilit.account.ReconciliationService;
import org.digilit.base.Facts;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles;

/**
 * Accounts and Keycloak, for the platform admin: what waits in the provisioning outbox (and the last failure), and
 * reconciliation: compare every provisioned account with Keycloak's users, and repair the drift on request. The
 * privileged roles held in Keycloak without the platform's grant are listed one by one (DD008): accept the ones a
 * Keycloak admin gave on purpose; repair takes the others away.
 */
@Route("accounts/keycloak")
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Menu(title = "nav.keycloak-sync", order = 41)
class KeycloakSyncView extends Main implements HasDynamicTitle {

    private final transient ReconciliationService reconciliation;
    private final transient CurrentUser currentUser;
    private final Div backlog = new Div();
    private final Div report = new Div();
    private final Grid<PrivilegedHolding> privileged = new Grid<>();

    KeycloakSyncView(ReconciliationService reconciliation, CurrentUser currentUser) {
        this.reconciliation = reconciliation;
        this.currentUser = currentUser;
        addClassName("page");
        addClassName("keycloak-sync");
        var refresh = new Button(getTranslation("sync.refresh"), click -> showBacklog());
        var check = new Button(getTranslation("sync.check"), click -> reconcile(false));
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var repair = new Button(getTranslation("sync.repair"), click -> reconcile(true));
        var actions = new FlexLayout(check, repair);
        actions.addClassName("actions");
        report.getElement().setAttribute("aria-live", "polite");
        report.addClassName("reconciliation-report");
        privileged.addClassName("privileged-holdings");
        privileged
                .addColumn(PrivilegedHolding::username)
                .setHeader(getTranslation("sync.privileged-user"))
                .setAutoWidth(true);
        privileged
                .addColumn(PrivilegedHolding::role)
                .setHeader(getTranslation("sync.privileged-role"))
                .setAutoWidth(true);
        privileged
                .addColumn(h -> h.via() == null ? getTranslation("sync.privileged-direct") : h.via())
                .setHeader(getTranslation("sync.privileged-via"))
                .setAutoWidth(true)
                .setFlexGrow(1);
        privileged.addComponentColumn(this::acceptButton).setAutoWidth(true);
        privileged.setAllRowsVisible(true);
        privileged.setVisible(false);
        add(
                new H1(getTranslation("sync.title")),
                new H2(getTranslation("sync.outbox")),
                backlog,
                refresh,
                new H2(getTranslation("sync.reconcile")),
                new Paragraph(getTranslation("sync.help")),
                actions,
                report,
                privileged);
        showBacklog();
    }

    private void showBacklog() {
        backlog.removeAll();
        var now = reconciliation.backlog();
        backlog.add(Facts.of(getTranslation("sync.waiting"), String.valueOf(now.waiting())));
        backlog.add(Facts.of(getTranslation("sync.failing"), String.valueOf(now.failing())));
        backlog.add(Facts.of(getTranslation("sync.last-error"), now.lastError()));
    }

    private void reconcile(boolean repair) {
        report.removeAll();
        try {
            ReconciliationReport result =
                    reconciliation.reconcile(repair, currentUser.require().username(), Addresses.client());
            report.add(
                    Facts.of(getTranslation("sync.accounts"), String.valueOf(result.accountsChecked())),
                    Facts.of(getTranslation("sync.users"), String.valueOf(result.keycloakUsersChecked())),
                    Facts.of(getTranslation("sync.missing"), String.valueOf(result.missingCount())),
                    Facts.of(getTranslation("sync.extra"), String.valueOf(result.extraCount())),
                    Facts.of(getTranslation("sync.enabled-mismatch"), String.valueOf(result.enabledMismatchCount())),
                    Facts.of(
                            getTranslation("sync.wrong-organisation"), String.valueOf(result.wrongOrganisationCount())),
                    Facts.of(getTranslation("sync.privileged"), String.valueOf(result.unexpectedPrivilegedCount())));
            showPrivileged(result.unexpectedPrivileged());
            report.add(new Paragraph(
                    getTranslation(result.clean() ? "sync.clean" : repair ? "sync.repaired" : "sync.drift")));
            showBacklog();
        } catch (DirectoryUnavailableException e) {
            Notification.show(getTranslation("sync.unavailable")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void showPrivileged(List<PrivilegedHolding> holdings) {
        privileged.setItems(holdings);
        privileged.setVisible(!holdings.isEmpty());
    }

    private com.vaadin.flow.component.Component acceptButton(PrivilegedHolding holding) {
        var accept = new Button(getTranslation("sync.privileged-accept"), click -> {
            reconciliation.accept(List.of(holding), currentUser.require().username(), Addresses.client());
            Notification.show(getTranslation("sync.privileged-accepted", holding.username(), holding.role()));
            reconcile(false);
        });
        accept.setAriaLabel(getTranslation("sync.privileged-accept-label", holding.username(), holding.role()));
        accept.addThemeVariants(ButtonVariant.LUMO_SMALL);
        accept.setVisible(!holding.userId().isEmpty());
        accept.addClassName("accept-holding");
        return accept;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sync.title") + " · DigiLit";
    }
}
