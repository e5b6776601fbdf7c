package org.digilit.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.digilit.account.ActivationService;
import org.digilit.account.SlipPurpose;
import org.digilit.base.Facts;
import org.digilit.security.Roles;

/**
 * Password help for a person standing in front of a facilitator or an organisation admin (DD007): find their account by
 * the whole identity number on their card or their username (never by name), then print a reset slip or show the
 * code on screen. The service decides who may: admins for the accounts they administer, facilitators for the citizens
 * of the commune their group serves.
 */
@Route(PasswordHelpView.ROUTE)
@RolesAllowed({Roles.FACILITATOR, Roles.ORG_ADMIN, Roles.PLATFORM_ADMIN})
@Menu(title = "nav.password-help", order = 24)
class PasswordHelpView extends Main implements HasDynamicTitle {

    static final String ROUTE = "accounts/password-help";

    private final transient ActivationService activation;
    private final TextField who = new TextField();
    private final Div result = new Div();

    PasswordHelpView(ActivationService activation) {
        this.activation = activation;
        addClassName("page");
        addClassName("narrow");
        addClassName("password-help");

        who.setLabel(getTranslation("password-help.who"));
        who.setHelperText(getTranslation("password-help.who.help"));
        who.setWidthFull();
        who.getElement().setAttribute("autocomplete", "off");
        var find = new Button(getTranslation("password-help.find"), click -> find());
        find.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        find.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        result.getElement().setAttribute("aria-live", "polite");
        add(
                new H1(getTranslation("password-help.title")),
                new Paragraph(getTranslation("password-help.intro")),
                who,
                find,
                result);
    }

    private void find() {
        result.removeAll();
        var found = activation.findForReset(who.getValue()).orElse(null);
        who.clear();
        if (found == null) {
            result.add(new Paragraph(getTranslation("password-help.not-found")));
            return;
        }
        var facts = new Div(
                Facts.of(getTranslation("accounts.name"), found.fullName()),
                Facts.of(getTranslation("accounts.identity"), found.maskedIdentityNumber()),
                Facts.of(getTranslation("accounts.username"), found.username()),
                Facts.of(getTranslation("accounts.organisation"), found.organisationName(getLocale())));
        facts.addClassName("facts");
        var print = new Button(
                getTranslation("accounts.print-reset-slip"),
                click -> SlipDownloadDialog.open(activation, List.of(found.id()), SlipPurpose.RESET));
        print.addClassName("print-reset-slip");
        var show = new Button(
                getTranslation("accounts.show-reset-code"),
                click -> SlipDownloadDialog.showCode(activation, found.id()));
        var actions = new FlexLayout(print, show);
        actions.addClassName("actions");
        result.add(facts, actions);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password-help.title") + " · DigiLit";
    }
}
