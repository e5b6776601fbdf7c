package org.digilit.account.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.digilit.account.Registration;
import org.digilit.account.RegistrationService;
import org.digilit.base.BotGuard;
import org.digilit.base.FormRefusal;
import org.digilit.identity.IdentityNumbers.Gender;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OrganisationSummary;

/**
 * Public self-registration for citizens: identity number, name, date of birth, gender, phone (optional) and the
 * commune they live in. The answer is the same whether or not the number was known; the commune verifies. A field
 * hidden from people (and from screen readers) catches form-filling bots.
 */
@Route("register")
@AnonymousAllowed
class RegistrationView extends Main implements HasDynamicTitle {

    private final transient RegistrationService registrations;
    private final transient Clock clock;
    private final Instant opened;
    private final TextField identity = new TextField();
    private final TextField fullName = new TextField();
    private final DatePicker born = new DatePicker();
    private final RadioButtonGroup<Gender> gender = new RadioButtonGroup<>();
    private final TextField phone = new TextField();
    private final ComboBox<OrganisationSummary> commune = new ComboBox<>();
    private final TextField trap = BotGuard.trapField();
    private final Div message = new Div();

    RegistrationView(RegistrationService registrations, OrganisationService organisations, Clock clock) {
        this.registrations = registrations;
        this.clock = clock;
        this.opened = clock.instant();
        addClassName("page");
        addClassName("narrow");
        addClassName("registration");

        identity.setLabel(getTranslation("registration.identity"));
        identity.setRequired(true);
        identity.getElement().setAttribute("autocomplete", "off");
        identity.getElement().setAttribute("inputmode", "numeric");
        fullName.setLabel(getTranslation("registration.name"));
        fullName.setRequired(true);
        fullName.setMaxLength(RegistrationService.NAME_MAX_LENGTH);
        fullName.getElement().setAttribute("autocomplete", "name");
        born.setLabel(getTranslation("registration.born"));
        born.setRequired(true);
        born.setMax(LocalDate.now(clock));
        born.setI18n(new DatePicker.DatePickerI18n().setDateFormat("dd/MM/yyyy"));
        gender.setLabel(getTranslation("registration.gender"));
        gender.setItems(Gender.values());
        gender.setItemLabelGenerator(g -> getTranslation("gender." + g.name()));
        gender.setRequired(true);
        phone.setLabel(getTranslation("registration.phone"));
        phone.getElement().setAttribute("autocomplete", "tel");
        phone.getElement().setAttribute("inputmode", "tel");
        commune.setLabel(getTranslation("registration.commune"));
        commune.setHelperText(getTranslation("registration.commune.help"));
        commune.setRequired(true);
        // Commune names repeat across provinces: the code tells them apart.
        commune.setItemLabelGenerator(o -> o.name(getLocale())); // no internal code on a public page (DD014)
        commune.setItems(query ->
                organisations.communes(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        for (var field : new com.vaadin.flow.component.HasSize[] {identity, fullName, born, phone, commune}) {
            field.setWidthFull();
        }

        var submit = new Button(getTranslation("registration.submit"), click -> submit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        message.addClassName("form-message");
        message.getElement().setAttribute("role", "status");
        message.getElement().setAttribute("aria-live", "polite");
        add(
                new H1(getTranslation("registration.title")),
                new Paragraph(getTranslation("registration.intro")),
                identity,
                fullName,
                born,
                gender,
                phone,
                commune,
                trap,
                submit,
                message);
    }

    private void submit() {
        message.removeAll();
        message.removeClassName("error");
        Map<String, HasValidation> fields = Map.of(
                "identityNumber",
                identity,
                "fullName",
                fullName,
                "dateOfBirth",
                born,
                "gender",
                gender,
                "phone",
                phone,
                "commune",
                commune);
        fields.values().forEach(f -> f.setInvalid(false));
        var chosen = commune.getValue();
        var result = registrations.register(
                new Registration(
                        identity.getValue(),
                        fullName.getValue(),
                        born.getValue(),
                        gender.getValue(),
                        phone.getValue(),
                        chosen == null ? null : chosen.id()),
                Addresses.client(),
                Duration.between(opened, clock.instant()),
                trap.getValue());
        switch (result.status()) {
            case RECEIVED -> {
                removeAll();
                var done = new Paragraph(getTranslation("registration.received"));
                done.addClassName("registration-received");
                add(new H1(getTranslation("registration.title")), done);
            }
            case RATE_LIMITED ->
                FormRefusal.show(message, getTranslation("registration.rate-limited"), Map.of(), fields);
            case INVALID ->
                FormRefusal.show(message, getTranslation("registration.invalid"), result.problems(), fields);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("registration.title") + " · DigiLit";
    }
}
