package org.digilit.shell.ui;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.digilit.base.Languages;
import org.digilit.shell.LanguagePreferenceService;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The language links of the server-rendered public pages (DD015): a plain link, so the switch needs no script. It
 * remembers the choice as {@link LanguageSwitch} does (the browser's cookie; a signed-in user's saved choice) and goes
 * back to the page it came from, which must be a path of this site.
 */
@Controller
class LanguageController {

    static final String PATH = "/language";

    private final LanguagePreferenceService preferences;

    LanguageController(LanguagePreferenceService preferences) {
        this.preferences = preferences;
    }

    @GetMapping(PATH)
    String choose(
            @RequestParam("lang") String language,
            @RequestParam(name = "back", defaultValue = "/") String back,
            HttpServletResponse response) {
        Languages.supported(language).ifPresent(locale -> {
            preferences.choose(locale);
            response.addCookie(cookie(locale));
        });
        return "redirect:" + (isLocalPath(back) ? back : "/");
    }

    /** The cookie that remembers a choice in this browser for a year (also read by Keycloak's login page). */
    static Cookie cookie(Locale locale) {
        var cookie = new Cookie(Languages.COOKIE, locale.getLanguage());
        cookie.setPath("/");
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    /** A path on this site: starts with one slash, no scheme, no second slash or backslash that would leave it. */
    static boolean isLocalPath(String back) {
        return back.startsWith("/")
                && !back.startsWith("//")
                && !back.startsWith("/\\")
                && back.chars().noneMatch(c -> c < 0x20 || c == '\\');
    }
}
