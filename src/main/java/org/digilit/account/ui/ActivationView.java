package org.digilit.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.digilit.account.ActivationResult;
import org.digilit.account.ActivationService;

/**
 * The public activation page, opened from the QR code on a slip (the code arrives in the address and is removed from
 * it at once) or typed by hand: identity number, code, and a new password twice. The same page takes a reset slip's
 * code when a password was forgotten (DD007). On success it shows the username and the way to log in; every failure
 * reads the same.
 */
@Route(ActivationView.ROUTE)
@AnonymousAllowed
class ActivationView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = ActivationService.ACTIVATION_PATH;
    static final int PASSWORD_MIN_LENGTH = 10;

    private final transient ActivationService activation;
    private final TextField identity = new TextField();
    private final TextField code = new TextField();
    private final PasswordField password = new PasswordField();
    private final PasswordField repeat = new PasswordField();
    private final Div message = new Div();
    private final Button submit = new Button();

    ActivationView(ActivationService activation) {
        this.activation = activation;
        addClassName("page");
        addClassName("narrow");
        addClassName("activation");

        identity.setLabel(getTranslation("activation.identity"));
        identity.setHelperText(getTranslation("activation.identity.help"));
        identity.setRequired(true);
        identity.getElement().setAttribute("autocomplete", "off");
        identity.getElement().setAttribute("inputmode", "numeric");
        code.setLabel(getTranslation("activation.code"));
        code.setHelperText(getTranslation("activation.code.help"));
        code.setRequired(true);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.getElement().setAttribute("autocapitalize", "characters");
        password.setLabel(getTranslation("activation.password"));
        password.setHelperText(getTranslation("activation.password.help", PASSWORD_MIN_LENGTH));
        password.setRequired(true);
        password.getElement().setAttribute("autocomplete", "new-password");
        repeat.setLabel(getTranslation("activation.repeat"));
        repeat.setRequired(true);
        repeat.getElement().setAttribute("autocomplete", "new-password");
        for (var field :
                new com.vaadin.flow.component.textfield.TextFieldBase<?, ?>[] {identity, code, password, repeat}) {
            field.setWidthFull();
            // This view validates on submit and names the problem; the fields' own "required" check would mark the
            // password fields red (without a message) when they are cleared after a failed attempt.
            field.setManualValidation(true);
        }

        submit.setText(getTranslation("activation.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        submit.addClickListener(click -> submit());
        message.addClassName("form-message");
        message.getElement().setAttribute("role", "status");
        message.getElement().setAttribute("aria-live", "polite");
        add(
                new H1(getTranslation("activation.title")),
                new Paragraph(getTranslation("activation.intro")),
                identity,
                code,
                password,
                repeat,
                submit,
                message,
                forgotten());
    }

    /** Where someone who has lost their password or slip finds help. */
    private Paragraph forgotten() {
        var link = new Anchor(ForgotPasswordView.ROUTE, getTranslation("forgot.link"));
        link.addClassName("forgot-password");
        return new Paragraph(link);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var fromLink = event.getLocation().getQueryParameters().getSingleParameter("code");
        if (fromLink.isPresent()) {
            code.setValue(fromLink.get());
            // The code should not stay in the browser's history or be shared with the address.
            event.getUI().getPage().getHistory().replaceState(null, ROUTE);
        }
    }

    private void submit() {
        message.removeAll();
        message.removeClassName("error");
        identity.setInvalid(false);
        code.setInvalid(false);
        password.setInvalid(false);
        repeat.setInvalid(false);
        if (identity.getValue().isBlank()) {
            invalid(identity, "activation.identity.required");
            return;
        }
        if (code.getValue().isBlank()) {
            invalid(code, "activation.code.required");
            return;
        }
        if (password.getValue().length() < PASSWORD_MIN_LENGTH) {
            invalid(password, "activation.password.short");
            return;
        }
        if (!password.getValue().equals(repeat.getValue())) {
            invalid(repeat, "activation.repeat.different");
            return;
        }
        var result = activation.activate(identity.getValue(), code.getValue(), password.getValue(), Addresses.client());
        password.clear();
        repeat.clear();
        if (result.status() == ActivationResult.Status.ACTIVATED
                || result.status() == ActivationResult.Status.PASSWORD_RESET) {
            removeAll();
            var login = new Anchor("/oauth2/authorization/keycloak", getTranslation("activation.login"));
            login.setRouterIgnore(true);
            login.addClassName("cta");
            var done = new Paragraph(getTranslation(
                    result.status() == ActivationResult.Status.PASSWORD_RESET
                            ? "activation.reset-done"
                            : "activation.done",
                    result.username()));
            done.addClassName("activation-done");
            add(new H1(getTranslation("activation.title")), done, login);
            return;
        }
        message.addClassName("error");
        if (result.status() == ActivationResult.Status.PASSWORD_REJECTED) {
            var key = "activation.password.policy." + result.passwordProblem();
            var text = getTranslation(key);
            invalid(password, text.startsWith("!") || text.equals(key) ? "activation.password.policy" : key);
            return;
        }
        message.add(new Paragraph(
                getTranslation("activation.result." + result.status().name())));
    }

    private void invalid(com.vaadin.flow.component.textfield.TextFieldBase<?, ?> field, String key) {
        field.setInvalid(true);
        field.setErrorMessage(getTranslation(key));
        field.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("activation.title") + " · DigiLit";
    }
}
