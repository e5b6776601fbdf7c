package org.digilit.account;

/**
 * Keycloak cannot be reached or does not accept the provisioning client just now (connection refused, time-out, 502,
 * 503, 504, 429, or a refused token). Nothing is known about the users of the call: back off and try again later; the
 * calls are safe to repeat.
 */
public class DirectoryUnavailableException extends RuntimeException {

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public DirectoryUnavailableException(String message) {
        super(message);
    }
}
