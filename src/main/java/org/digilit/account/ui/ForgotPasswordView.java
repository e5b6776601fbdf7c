package org.digilit.account.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import org.digilit.account.RecoveryHelpService;
import org.digilit.account.StaffContact;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OrganisationSummary;

/**
 * The public "forgot password" page (DD007): what to do, in plain words, without email; and, for the commune a person
 * names, where to go and who can print them a reset slip. It never asks for an identity number, so it cannot reveal
 * whether one is registered. Where the deployment turned it on, Keycloak's reset-by-email is offered as well.
 */
@Route(ForgotPasswordView.ROUTE)
@AnonymousAllowed
class ForgotPasswordView extends Main implements HasDynamicTitle {

    static final String ROUTE = "forgot-password";

    private final transient RecoveryHelpService help;
    private final ComboBox<OrganisationSummary> commune = new ComboBox<>();
    private final Div answer = new Div();

    ForgotPasswordView(RecoveryHelpService help, OrganisationService organisations) {
        this.help = help;
        addClassName("page");
        addClassName("narrow");
        addClassName("forgot-password");

        var steps = new OrderedList(
                new ListItem(getTranslation("forgot.step.go")),
                new ListItem(getTranslation("forgot.step.bring")),
                new ListItem(getTranslation("forgot.step.ask")),
                new ListItem(getTranslation("forgot.step.set")));
        steps.addClassName("steps");

        commune.setLabel(getTranslation("forgot.commune"));
        commune.setHelperText(getTranslation("forgot.commune.help"));
        commune.setWidthFull();
        commune.setItemLabelGenerator(o -> o.name(getLocale())); // no internal code on a public page (DD014)
        commune.setItems(query ->
                organisations.communes(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        commune.addValueChangeListener(event -> show(event.getValue()));
        answer.addClassName("forgot-answer");
        answer.getElement().setAttribute("aria-live", "polite");

        var activate = new Anchor(ActivationController.PATH, getTranslation("forgot.activate-link"));
        // A server-rendered page (DD015), not a view: the browser loads it, Vaadin's router does not.
        activate.setRouterIgnore(true);
        add(
                new H1(getTranslation("forgot.title")),
                new Paragraph(getTranslation("forgot.intro")),
                steps,
                new Paragraph(activate),
                new H2(getTranslation("forgot.where")),
                commune,
                answer);
        help.emailResetAddress().ifPresent(address -> {
            var email = new Anchor(address, getTranslation("forgot.email-link"));
            email.setRouterIgnore(true);
            add(new H2(getTranslation("forgot.email")), new Paragraph(getTranslation("forgot.email.text")), email);
        });
    }

    private void show(OrganisationSummary chosen) {
        answer.removeAll();
        if (chosen == null) {
            return;
        }
        var found = help.forCommune(chosen.id()).orElse(null);
        if (found == null) {
            return;
        }
        var locale = getLocale();
        var places = new UnorderedList(new ListItem(
                getTranslation("forgot.place.commune", found.commune().name(locale))));
        found.groups().forEach(g -> places.add(new ListItem(g.name(locale))));
        answer.add(new Paragraph(getTranslation("forgot.places")), places);
        if (!found.admins().isEmpty() || !found.facilitators().isEmpty()) {
            answer.add(new Paragraph(getTranslation("forgot.people")), people(found.admins(), found.facilitators()));
        } else {
            answer.add(new Paragraph(getTranslation("forgot.people.none")));
        }
    }

    private UnorderedList people(List<StaffContact> admins, List<StaffContact> facilitators) {
        var list = new UnorderedList();
        admins.forEach(a -> list.add(new ListItem(getTranslation("forgot.person.admin", a.displayName()))));
        facilitators.forEach(f -> list.add(new ListItem(getTranslation("forgot.person.facilitator", f.displayName()))));
        return list;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("forgot.title") + " · DigiLit";
    }
}
