package org.digilit.account;

/** The Keycloak user with the given id no longer exists (deleted by hand, or the realm was rebuilt). */
public class DirectoryUserMissingException extends RuntimeException {

    private final String keycloakId;

    public DirectoryUserMissingException(String keycloakId) {
        super("No Keycloak user with id " + keycloakId);
        this.keycloakId = keycloakId;
    }

    public String keycloakId() {
        return keycloakId;
    }
}
