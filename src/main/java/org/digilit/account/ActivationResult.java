package org.digilit.account;

import org.jspecify.annotations.Nullable;

/**
 * What an activation or reset attempt came to. Every failure with a code reads the same ({@link Status#INVALID}):
 * wrong number, unknown, used, expired or locked code, so the page never tells a stranger whether a number is
 * registered or how close a guess came (the audit trail keeps the reason).
 */
public record ActivationResult(
        Status status, @Nullable String username, @Nullable String passwordProblem) {

    public enum Status {
        ACTIVATED,
        /** A reset code set a new password; the person's Keycloak sessions were ended. */
        PASSWORD_RESET,
        INVALID,
        RATE_LIMITED,
        PASSWORD_REJECTED,
        UNAVAILABLE
    }

    static ActivationResult of(Status status) {
        return new ActivationResult(status, null, null);
    }
}
