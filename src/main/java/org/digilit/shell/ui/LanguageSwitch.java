package org.digilit.shell.ui;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinService;
import java.util.Locale;
import org.digilit.base.Languages;
import org.digilit.shell.LanguagePreferenceService;

/** Switches between Vietnamese and English, remembers the choice per user (and per browser), and reloads the page. */
class LanguageSwitch extends Select<Locale> {

    LanguageSwitch(LanguagePreferenceService preferences) {
        addClassName("language-switch");
        setAriaLabel(getTranslation("language.label"));
        setItems(Languages.SUPPORTED);
        setItemLabelGenerator(locale -> getTranslation("language." + locale.getLanguage()));
        setValue(Languages.supported(getLocale().toLanguageTag()).orElse(Languages.DEFAULT));
        addValueChangeListener(event -> {
            if (event.getValue() == null || event.getValue().equals(event.getOldValue())) {
                return;
            }
            preferences.choose(event.getValue());
            rememberInBrowser(event.getValue());
            getUI().ifPresent(ui -> ui.getPage().reload());
        });
    }

    private static void rememberInBrowser(Locale locale) {
        var response = VaadinService.getCurrentResponse();
        if (response == null) {
            return;
        }
        response.addCookie(LanguageController.cookie(locale));
    }
}
