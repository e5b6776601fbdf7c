package org.digilit.shell;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.digilit.base.Languages;
import org.digilit.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps each signed-in user's language, so it follows them from the phone to the school's computer. */
@Service
public class LanguagePreferenceService {

    private final UserPreferenceStore preferences;
    private final CurrentUser currentUser;
    private final Clock clock;

    LanguagePreferenceService(UserPreferenceStore preferences, CurrentUser currentUser, Clock clock) {
        this.preferences = preferences;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The language the signed-in user chose, if they are signed in and chose one. */
    @Transactional(readOnly = true)
    public Optional<Locale> chosenByCurrentUser() {
        return currentUser
                .get()
                .flatMap(user -> preferences.locale(user.subject()))
                .flatMap(Languages::supported);
    }

    /** Remembers the signed-in user's choice; does nothing for anonymous visitors (their choice lives in a cookie). */
    @Transactional
    public void choose(Locale locale) {
        var language = Languages.supported(locale.toLanguageTag())
                .orElseThrow(() -> new IllegalArgumentException("Unsupported language: " + locale.toLanguageTag()));
        currentUser
                .get()
                .ifPresent(user -> preferences.saveLocale(user.subject(), language.toLanguageTag(), clock.instant()));
    }
}
