package org.digilit.account;

import org.jspecify.annotations.Nullable;

/**
 * Someone in Keycloak holding a privileged role: one of the platform's realm roles ({@code security.Roles}) or any
 * role of the realm's {@code realm-management} client (written {@code realm-management/<role>}).
 *
 * @param userId the Keycloak id of the user (empty for a role made a composite of a privileged one)
 * @param username the user's username (for a composite, the role that carries the privileged one)
 * @param role the privileged role held
 * @param via how it is held: {@code null} directly, {@code group:<path>} through a group, {@code composite:<role>}
 *     through a realm role that contains it
 */
public record PrivilegedHolding(
        String userId,
        String username,
        String role,
        @Nullable String via) {

    public static final String CLIENT_ROLE_PREFIX = "realm-management/";

    public boolean direct() {
        return via == null;
    }

    public boolean clientRole() {
        return role.startsWith(CLIENT_ROLE_PREFIX);
    }

    /** One line for the report: {@code user holds role} or {@code user holds role via group:/x}. */
    public String describe() {
        return username + " → " + role + (via == null ? "" : " (" + via + ")");
    }
}
