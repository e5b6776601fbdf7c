package org.digilit.shell.ui;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import org.digilit.base.Languages;
import org.digilit.shell.LanguagePreferenceService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of the server-rendered public pages (DD015), chosen as Vaadin's views choose theirs
 * ({@link LanguageInitializer}): the signed-in user's saved choice, else the visitor's cookie, else the browser's
 * languages, else Vietnamese. Spring MVC finds it by its bean name.
 */
@Component("localeResolver")
class PublicPageLocaleResolver implements LocaleResolver {

    private final LanguagePreferenceService preferences;

    PublicPageLocaleResolver(LanguagePreferenceService preferences) {
        this.preferences = preferences;
    }

    /** Spring MVC asks for the locale several times a request (the controller, the view, the response): answered once. */
    private static final String RESOLVED = PublicPageLocaleResolver.class.getName() + ".locale";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(RESOLVED) instanceof Locale resolved) {
            return resolved;
        }
        var locale = preferences
                .chosenByCurrentUser()
                .or(() -> fromCookie(request))
                .orElseGet(() -> Languages.bestOf(Collections.list(request.getLocales())));
        request.setAttribute(RESOLVED, locale);
        return locale;
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        throw new UnsupportedOperationException("The language changes through /language (LanguageController)");
    }

    private static Optional<Locale> fromCookie(HttpServletRequest request) {
        var cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(c -> Languages.COOKIE.equals(c.getName()))
                .map(Cookie::getValue)
                .map(Languages::supported)
                .flatMap(Optional::stream)
                .findFirst();
    }
}
