package org.digilit.account;

import java.util.Locale;
import java.util.Objects;
import org.digilit.base.Audience;
import org.jspecify.annotations.Nullable;

/**
 * A Keycloak user as the platform wants it: the login name the platform generated (never an identity number), names,
 * where the person belongs, and the audience that decides the realm role (citizen, teacher or official).
 *
 * <p>Keycloak keeps usernames in lower case, so the username is lower-cased here and results speak of it that way.
 */
public record DirectoryUser(
        long accountId,
        String username,
        String firstName,
        String lastName,
        String displayName,
        String organisationCode,
        String audience,
        boolean enabled,
        @Nullable String email) {

    public DirectoryUser {
        if (accountId <= 0) {
            throw new IllegalArgumentException("accountId must be positive");
        }
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(organisationCode, "organisationCode");
        if (username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        if (!Audience.isCode(audience)) {
            throw new IllegalArgumentException("audience must be one of " + Audience.CODES + ", was " + audience);
        }
        username = username.toLowerCase(Locale.ROOT);
        email = email == null || email.isBlank() ? null : email.strip();
    }

    /** The realm role this user learns under: the audience's name. */
    public String realmRole() {
        return audience;
    }
}
