package org.digilit.account;

import org.jspecify.annotations.Nullable;

/**
 * What became of one user of a {@link AccountDirectory#create} call: added now, already there (a retry after a crash, or
 * a username another account holds: compare the {@code accountId} if that matters), or refused by Keycloak.
 *
 * @param keycloakId the Keycloak id, for ADDED and EXISTING
 * @param failure a short reason for FAILED (HTTP status and Keycloak's error text, no personal data)
 */
public record CreateResult(
        String username,
        Outcome outcome,
        @Nullable String keycloakId,
        @Nullable String failure) {

    /** What happened to the user. */
    public enum Outcome {
        ADDED,
        EXISTING,
        FAILED
    }

    static CreateResult added(String username, String keycloakId) {
        return new CreateResult(username, Outcome.ADDED, keycloakId, null);
    }

    static CreateResult existing(String username, String keycloakId) {
        return new CreateResult(username, Outcome.EXISTING, keycloakId, null);
    }

    static CreateResult failed(String username, String failure) {
        return new CreateResult(username, Outcome.FAILED, null, failure);
    }
}
