package org.digilit.shell.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import org.digilit.base.Languages;
import org.digilit.shell.LanguagePreferenceService;
import org.springframework.stereotype.Component;

/**
 * Chooses each new UI's language: the signed-in user's saved choice, else the visitor's cookie, else the browser's
 * languages, else Vietnamese. Also sets {@code <html lang>} for screen readers.
 */
@Component
class LanguageInitializer implements VaadinServiceInitListener {

    private final LanguagePreferenceService preferences;

    LanguageInitializer(LanguagePreferenceService preferences) {
        this.preferences = preferences;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> apply(init.getUI(), resolve(VaadinRequest.getCurrent())));
    }

    Locale resolve(VaadinRequest request) {
        return preferences
                .chosenByCurrentUser()
                .or(() -> fromCookie(request))
                .orElseGet(() -> request == null || request.getLocales() == null
                        ? Languages.DEFAULT
                        : Languages.bestOf(Collections.list(request.getLocales())));
    }

    static void apply(UI ui, Locale locale) {
        ui.setLocale(locale);
        ui.getSession().setLocale(locale);
        ui.getElement().executeJs("document.documentElement.setAttribute('lang', $0)", locale.getLanguage());
    }

    private static Optional<Locale> fromCookie(VaadinRequest request) {
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies())
                .filter(c -> Languages.COOKIE.equals(c.getName()))
                .map(Cookie::getValue)
                .map(Languages::supported)
                .flatMap(Optional::stream)
                .findFirst();
    }
}
