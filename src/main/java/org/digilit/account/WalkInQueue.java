package org.digilit.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * People recorded at a class's door by name and phone, with no account yet (issue #16), as the organisation's
 * verification queue shows them: a list of walk-ins to register beside the accounts to verify. The session feature
 * records walk-ins and implements this port (account does not depend on session; session depends on account). Each
 * call checks the caller's scope: organisation admins see and resolve the walk-ins of their subtree only.
 *
 * <p>A walk-in is resolved in one of two ways: once the person has an account (imported, or registered and verified),
 * it is <em>linked</em> to that account, and the attendance taken at the door becomes that learner's; or it is
 * <em>dismissed</em> with a reason (a duplicate, a person who did not want an account).
 */
public interface WalkInQueue {

    /** A walk-in waiting to be registered: who, their phone to call back, and where they came. */
    record Waiting(
            UUID id,
            String fullName,
            String phone,
            String organisationCode,
            String place,
            Instant sessionStartsAt,
            String recordedBy) {}

    /** Refused with a message key of the translations (unknown account, already resolved, another organisation…). */
    final class Refused extends RuntimeException {
        public Refused(String messageKey) {
            super(messageKey);
        }
    }

    /** Walk-ins not yet resolved within the caller's organisations, newest first. */
    List<Waiting> waiting(int limit);

    /**
     * Links a walk-in to the verified account found by its username or its whole identity number (blind index): the
     * marks taken at the door become that learner's, and the learner joins the session's roster. Returns the username.
     *
     * @throws Refused when no verified account matches, it lies outside the caller's scope, or the walk-in is resolved
     */
    String link(UUID walkInId, String usernameOrIdentityNumber, @Nullable String clientAddress);

    /** Dismisses a walk-in with a reason (1 to 500 characters). */
    void dismiss(UUID walkInId, String reason, @Nullable String clientAddress);
}
