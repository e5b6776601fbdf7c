package org.digilit.account;

/**
 * Keycloak refused a change to one user for a reason that repeating will not fix (a user-profile validation error, a
 * conflict). The message carries the HTTP status and Keycloak's error text, never personal data.
 */
public class DirectoryRejectedException extends RuntimeException {

    private final int status;

    public DirectoryRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status Keycloak answered with. */
    public int status() {
        return status;
    }
}
