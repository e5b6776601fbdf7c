package org.digilit.account;

import org.jspecify.annotations.Nullable;

/**
 * Whether Keycloak took a password. When it did not, {@code problem} is Keycloak's message key (such as {@code
 * invalidPasswordMinLengthMessage}), which the caller can translate for the person choosing the password.
 */
public record PasswordOutcome(boolean accepted, @Nullable String problem) {

    public static PasswordOutcome ok() {
        return new PasswordOutcome(true, null);
    }

    public static PasswordOutcome rejected(String problem) {
        return new PasswordOutcome(false, problem);
    }
}
