package org.digilit.account;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The directory where learning accounts can log in (Keycloak): the port through which the platform provisions and
 * reconciles them, so that account logic never speaks Keycloak's admin API itself.
 *
 * <p>Every method throws {@link DirectoryUnavailableException} when the directory cannot be reached; nothing is then
 * known about the users of the call, and repeating it is safe.
 */
public interface AccountDirectory {

    /**
     * Creates the users that do not exist yet, without passwords, and tells for each (in the order given) whether it
     * was added, existed already (same username) or was refused. A refusal of one user does not stop the others.
     */
    List<CreateResult> create(List<DirectoryUser> users);

    /**
     * Brings an existing user in line with {@code user}: names, email, attributes, enabled, and the audience's realm
     * role as its only one of citizen, teacher and official (other roles, such as org-admin, stay). The username is
     * not changed.
     *
     * @throws DirectoryUserMissingException when Keycloak has no user with that id
     * @throws DirectoryRejectedException when Keycloak refuses the change (user-profile validation)
     */
    void update(String keycloakId, DirectoryUser user);

    /** The user with exactly this username (Keycloak compares usernames in lower case). */
    Optional<DirectoryEntry> findByUsername(String username);

    /** The user with this Keycloak id. */
    Optional<DirectoryEntry> get(String keycloakId);

    /**
     * Sets a permanent password; Keycloak's password policy decides whether it is good enough.
     *
     * @throws DirectoryUserMissingException when Keycloak has no user with that id
     */
    PasswordOutcome setPassword(String keycloakId, String password);

    /**
     * Ends every session of the user (Keycloak's {@code POST /users/{id}/logout}): after a password reset, whoever was
     * signed in with the old one must sign in again.
     *
     * @throws DirectoryUserMissingException when Keycloak has no user with that id
     */
    void logout(String keycloakId);

    /**
     * The users holding a realm role, as the public "forgot password" page names them: display name and
     * organisation code only.
     */
    List<StaffContact> contactsWithRole(String realmRole);

    /**
     * Hands every user of the realm (service accounts left out) to {@code consumer} once, for reconciliation with the
     * platform, whatever their username or creation time; the cost of the listing grows with the number of users, not
     * with its square.
     */
    void forEachUser(Consumer<DirectoryEntry> consumer);

    /**
     * Disables a user the platform does not know (reconciliation's repair never deletes). A user already gone is fine.
     */
    void disable(String keycloakId);

    /** How many users the realm has. */
    int countUsers();

    /**
     * Hands every holding of a privileged role to {@code consumer}: the members of each of {@code realmRoles} and of
     * every {@code realm-management} client role, directly (Keycloak's role-members endpoints, a page at a time) or
     * through a group, and every realm role made a composite of one of them. Service accounts are left out.
     */
    void forEachPrivilegedHolding(Set<String> realmRoles, Consumer<PrivilegedHolding> consumer);

    /**
     * Takes a holding away: the user's role mapping, the group's role mapping, or the composite. A holding gone
     * already is fine.
     */
    void revoke(PrivilegedHolding holding);
}
