package org.digilit.security;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import org.digilit.security.Roles.Role;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in person as the platform sees them.
 *
 * @param subject Keycloak's stable user id (the OIDC {@code sub}), the key for anything stored per user
 * @param username the login name
 * @param displayName the name to greet them with
 * @param roles their realm roles
 * @param organisationCode the code of the organisation their account belongs to (Keycloak's organisationId
 *     attribute), if any: an organisation admin administers that organisation's subtree
 */
public record AuthenticatedUser(
        String subject,
        String username,
        String displayName,
        Set<Role> roles,
        @Nullable String organisationCode) {

    public AuthenticatedUser {
        roles = Set.copyOf(roles);
    }

    /** The most responsible of their roles, which decides their home page. */
    public Optional<Role> primaryRole() {
        return roles.stream().min(Comparator.naturalOrder());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
