package org.digilit.completion;

import java.util.Locale;
import java.util.regex.Pattern;
import org.digilit.base.Bilingual;
import org.jspecify.annotations.Nullable;

/**
 * Another platform whose completions count: its code (the source is {@code EXTERNAL:<code>}), names, and the Keycloak
 * client that may push its completions to the feed (none: files only).
 */
public record ExternalPlatform(
        long id,
        String code,
        String nameVi,
        String nameEn,
        @Nullable String feedClientId) {

    public static final Pattern CODE = Pattern.compile("[A-Z0-9_-]{2,32}");
    public static final int NAME_MAX_LENGTH = 200;

    public String name(Locale locale) {
        return Bilingual.pick(locale, nameVi, nameEn);
    }

    /** The completion source this platform's completions carry. */
    public String source() {
        return "EXTERNAL:" + code;
    }
}
