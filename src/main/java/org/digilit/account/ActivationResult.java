package org.digilit.account;

import org.jspecify.annotations.Nullable;

/**
 * What an activation attempt came to. Wrong number, unknown person, wrong or used code all read the same
 * ({@link Status#INVALID}), so the page never tells a stranger whether a number is registered.
 */
public record ActivationResult(
        Status status, @Nullable String username, @Nullable String passwordProblem) {

    public enum Status {
        ACTIVATED,
        INVALID,
        LOCKED,
        EXPIRED,
        RATE_LIMITED,
        PASSWORD_REJECTED,
        UNAVAILABLE
    }

    static ActivationResult of(Status status) {
        return new ActivationResult(status, null, null);
    }
}
