package org.digilit.base;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Who learns: citizens, teachers, officials and staff. The code matches Keycloak's {@code audience} attribute. */
public enum Audience {
    CITIZEN("citizen"),
    TEACHER("teacher"),
    OFFICIAL("official");

    private final String code;

    Audience(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * The codes of every audience, as Keycloak's attribute, the course files and the import files write them; each is
     * also the realm role a learner of that audience holds.
     */
    public static final List<String> CODES =
            Arrays.stream(values()).map(Audience::code).toList();

    /** Whether {@code code} names an audience. */
    public static boolean isCode(@Nullable String code) {
        return code != null && CODES.contains(code);
    }

    public static Optional<Audience> fromCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
}
