package org.digilit.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import org.digilit.account.DirectoryUnavailableException;
import org.digilit.account.ReconciliationReport;
import org.digilit.account.ReconciliationService;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles;

/**
 * Accounts and Keycloak, for the platform admin: what waits in the provisioning outbox (and the last failure), and
 * reconciliation: compare every provisioned account with Keycloak's users, and repair the drift on request.
 */
@Route("accounts/keycloak")
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Menu(title = "nav.keycloak-sync", order = 41)
class KeycloakSyncView extends Main implements HasDynamicTitle {

    private final transient ReconciliationService reconciliation;
    private final transient CurrentUser currentUser;
    private final Div backlog = new Div();
    private final Div report = new Div();

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
        add(
                new H1(getTranslation("sync.title")),
                new H2(getTranslation("sync.outbox")),
                backlog,
                refresh,
                new H2(getTranslation("sync.reconcile")),
                new Paragraph(getTranslation("sync.help")),
                actions,
                report);
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
                            getTranslation("sync.wrong-organisation"),
                            String.valueOf(result.wrongOrganisationCount())));
            report.add(new Paragraph(
                    getTranslation(result.clean() ? "sync.clean" : repair ? "sync.repaired" : "sync.drift")));
            showBacklog();
        } catch (DirectoryUnavailableException e) {
            Notification.show(getTranslation("sync.unavailable")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sync.title") + " · DigiLit";
    }
}
