package org.digilit.organisation;

import java.util.Arrays;
import java.util.Optional;

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

    public static Optional<Audience> fromCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
}
