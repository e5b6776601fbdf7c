package org.digilit.account;

import org.digilit.base.Audience;
import org.jspecify.annotations.Nullable;

/**
 * What the accounts grid asks for: an organisation's subtree, an audience, a state, and a text that is either a whole
 * identity number (found through the blind index), a username, or part of a name. Every part is optional.
 */
public record AccountFilter(
        @Nullable Long organisationId,
        @Nullable Audience audience,
        @Nullable AccountState state,
        @Nullable String text) {

    public static AccountFilter none() {
        return new AccountFilter(null, null, null, null);
    }

    public AccountFilter withState(@Nullable AccountState newState) {
        return new AccountFilter(organisationId, audience, newState, text);
    }
}
