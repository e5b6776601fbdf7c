package org.digilit.base;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The languages the platform speaks: Vietnamese first (the default), then English. */
public final class Languages {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(VIETNAMESE, ENGLISH);
    public static final Locale DEFAULT = VIETNAMESE;

    /** The cookie that keeps an anonymous visitor's choice (and tells Keycloak's login page which language to use). */
    public static final String COOKIE = "digilit-lang";

    private Languages() {}

    /** The supported language for a tag such as "vi", "en-GB" or "vi_VN"; empty when unsupported. */
    public static Optional<Locale> supported(@Nullable String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        var language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    /** The first supported language among those a browser accepts, or the default. */
    public static Locale bestOf(List<Locale> accepted) {
        return accepted.stream()
                .map(l -> supported(l.toLanguageTag()))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(DEFAULT);
    }
}
