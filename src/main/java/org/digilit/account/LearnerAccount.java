package org.digilit.account;

import org.digilit.base.Audience;

/**
 * A verified learner's account as other features see it (in-person sessions: rosters, join at the door): no identity
 * number, not even masked.
 */
public record LearnerAccount(
        String username, String fullName, long organisationId, String organisationCode, Audience audience) {}
