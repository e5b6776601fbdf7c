package org.digilit.shell;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
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

    /**
     * Each user's saved choice as last read, by subject (DD018: every page a learner opens asks for its language, and
     * read from PostgreSQL that was a query per page). A choice made on this node replaces it at once; one made through
     * another node shows here within 30 seconds.
     */
    private final Cache<String, Optional<String>> chosen = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30))
            .maximumSize(100_000)
            .build();

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
                .flatMap(user -> chosen.get(user.subject(), preferences::locale))
                .flatMap(Languages::supported);
    }

    /** Remembers the signed-in user's choice; does nothing for anonymous visitors (their choice lives in a cookie). */
    @Transactional
    public void choose(Locale locale) {
        var language = Languages.supported(locale.toLanguageTag())
                .orElseThrow(() -> new IllegalArgumentException("Unsupported language: " + locale.toLanguageTag()));
        currentUser.get().ifPresent(user -> {
            preferences.saveLocale(user.subject(), language.toLanguageTag(), clock.instant());
            chosen.put(user.subject(), Optional.of(language.toLanguageTag()));
        });
    }
}
