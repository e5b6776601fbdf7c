package org.digilit.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.digilit.account.Account;
import org.digilit.account.AccountService;
import org.digilit.account.AccountState;
import org.digilit.account.ActivationService;
import org.digilit.account.SlipPurpose;
import org.digilit.audit.AuditService.AuditRecord;
import org.digilit.base.Facts;
import org.digilit.base.ProgrammeTime;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.organisation.ui.OrganisationPicker;
import org.digilit.security.Roles;
import org.jspecify.annotations.Nullable;

/**
 * One account: who the person is (identity number masked), where they belong, their state in the platform and in
 * Keycloak, the actions an organisation admin may take, and the audit trail. The id in the URL is checked against the
 * user's scope by the service: a forged URL gets a refusal.
 */
@Route("accounts/details")
@RolesAllowed({Roles.ORG_ADMIN, Roles.PLATFORM_ADMIN})
class AccountDetailsView extends Main implements HasUrlParameter<Long>, HasDynamicTitle {

    private final transient AccountService accounts;
    private final transient OrganisationService organisations;
    private final transient ActivationService activation;
    private String title = "";
    private long accountId;

    private final ProgrammeTime time;

    AccountDetailsView(
            AccountService accounts,
            OrganisationService organisations,
            ActivationService activation,
            ProgrammeTime time) {
        this.time = time;
        this.accounts = accounts;
        this.organisations = organisations;
        this.activation = activation;
        addClassName("page");
        addClassName("account-details");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        try {
            show(accounts.get(id));
        } catch (OutOfScopeException e) {
            event.rerouteToError(AccessDeniedException.class);
        } catch (NoSuchElementException e) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void show(Account account) {
        removeAll();
        accountId = account.id();
        title = account.fullName();
        var facts = new Div(
                fact("accounts.identity", account.maskedIdentityNumber()),
                fact("accounts.username", account.username()),
                fact("accounts.born", AccountListView.DATE.format(account.dateOfBirth())),
                fact(
                        "accounts.gender",
                        getTranslation("gender." + account.gender().name())),
                fact("accounts.phone", account.phone()),
                fact("accounts.email", account.email()),
                fact(
                        "accounts.organisation",
                        account.organisationCode() + " · " + account.organisationName(getLocale())),
                fact(
                        "accounts.audience",
                        getTranslation("audience." + account.audience().code())),
                fact("accounts.staff-number", account.staffNumber()),
                fact(
                        "accounts.state",
                        getTranslation("account.state." + account.state().name())),
                fact("accounts.reason", account.stateReason()),
                fact(
                        "accounts.source",
                        getTranslation("account.source." + account.source().name())
                                + (account.selfRegistered() ? " · " + getTranslation("accounts.self-registered") : "")),
                fact(
                        "accounts.verified",
                        time(account.verifiedAt())
                                + (account.verifiedBy() == null ? "" : " · " + account.verifiedBy())),
                fact("accounts.provisioned-at", time(account.provisionedAt())),
                fact("accounts.activated-at", time(account.activatedAt())));
        facts.addClassName("facts");
        add(new Anchor("accounts", getTranslation("accounts.back")), new H1(title), facts, actions(account));

        var trail = new Grid<AuditRecord>();
        trail.addColumn(r -> time.dateTime().format(r.occurredAt()))
                .setHeader(getTranslation("audit.when"))
                .setAutoWidth(true);
        trail.addColumn(AuditRecord::actor)
                .setHeader(getTranslation("audit.who"))
                .setAutoWidth(true);
        trail.addColumn(r -> getTranslation("audit.action." + r.action()))
                .setHeader(getTranslation("audit.what"))
                .setFlexGrow(1);
        trail.addColumn(r -> AuditDetailsText.of(r.details(), this::getTranslation))
                .setHeader(getTranslation("audit.details"))
                .setFlexGrow(2);
        trail.addColumn(r -> r.clientAddress() == null ? "" : r.clientAddress())
                .setHeader(getTranslation("audit.from"))
                .setAutoWidth(true);
        trail.setItems(accounts.trail(account.id()));
        trail.setAllRowsVisible(true);
        trail.addClassName("audit-trail");
        add(new H2(getTranslation("audit.title")), trail);
    }

    private Component actions(Account account) {
        var actions = new FlexLayout();
        actions.addClassName("actions");
        var id = account.id();
        if (account.state() == AccountState.PENDING) {
            var verify = new Button(
                    getTranslation("verification.verify"),
                    click -> act(() -> accounts.verify(List.of(id), Addresses.client())));
            verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(
                    verify,
                    reasonButton(
                            "verification.reject", reason -> accounts.reject(List.of(id), reason, Addresses.client())));
        }
        if (account.state() == AccountState.VERIFIED) {
            actions.add(
                    reasonButton("accounts.deactivate", reason -> accounts.deactivate(id, reason, Addresses.client())));
            if (account.keycloakId() != null && account.activatedAt() == null) {
                actions.add(new Button(
                        getTranslation("accounts.print-slip"),
                        click -> SlipDownloadDialog.open(activation, List.of(id))));
            }
            if (account.keycloakId() != null && account.activatedAt() != null) {
                var reset = new Button(
                        getTranslation("accounts.print-reset-slip"),
                        click -> SlipDownloadDialog.open(activation, List.of(id), SlipPurpose.RESET));
                reset.addClassName("print-reset-slip");
                actions.add(
                        reset,
                        new Button(
                                getTranslation("accounts.show-reset-code"),
                                click -> SlipDownloadDialog.showCode(activation, id)));
            }
        }
        if (account.state() == AccountState.DEACTIVATED || account.state() == AccountState.REJECTED) {
            actions.add(new Button(
                    getTranslation("accounts.reactivate"),
                    click -> act(() -> accounts.reactivate(id, Addresses.client()))));
        }
        var move = new OrganisationPicker(organisations, getTranslation("accounts.move-to"));
        var moveButton = new Button(getTranslation("accounts.move"), click -> {
            if (move.getValue() != null) {
                var target = move.getValue().id();
                act(() -> accounts.move(id, target, Addresses.client()));
            }
        });
        actions.add(move, moveButton);
        return actions;
    }

    private Button reasonButton(String key, Consumer<String> action) {
        return new Button(getTranslation(key), click -> {
            var dialog = new Dialog();
            dialog.setHeaderTitle(getTranslation(key));
            var reason = new TextArea(getTranslation("verification.reason"));
            reason.setRequired(true);
            reason.setMaxLength(AccountService.REASON_MAX_LENGTH);
            reason.setWidthFull();
            dialog.add(reason);
            var confirm = new Button(getTranslation(key), ok -> {
                if (reason.getValue().isBlank()) {
                    reason.setInvalid(true);
                    reason.setErrorMessage(getTranslation("verification.reason.required"));
                    return;
                }
                dialog.close();
                act(() -> action.accept(reason.getValue()));
            });
            confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
            dialog.getFooter().add(new Button(getTranslation("dialog.cancel"), c -> dialog.close()), confirm);
            dialog.open();
        });
    }

    private void act(Runnable change) {
        try {
            change.run();
            Notification.show(getTranslation("accounts.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            show(accounts.get(accountId));
        } catch (OutOfScopeException e) {
            Notification.show(getTranslation("denied.title")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private Div fact(String key, @Nullable String value) {
        return Facts.of(getTranslation(key), value);
    }

    private String time(@Nullable Instant instant) {
        return instant == null ? "—" : time.dateTime().format(instant);
    }

    @Override
    public String getPageTitle() {
        return title + " · DigiLit";
    }
}
