package org.digilit.base;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for a text kept in Vietnamese and English (an organisation's, a course's, a platform's name): Vietnamese
 * readers get the Vietnamese; everyone else gets the English, or the Vietnamese when no English was given.
 */
public final class Bilingual {

    private Bilingual() {}

    /** The text for a reader of {@code locale}. */
    public static String pick(Locale locale, String vietnamese, @Nullable String english) {
        return locale.getLanguage().equals(Languages.VIETNAMESE.getLanguage()) || english == null || english.isBlank()
                ? vietnamese
                : english;
    }
}
