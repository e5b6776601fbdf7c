package org.digilit.session;

import org.jspecify.annotations.Nullable;

/** A learner on a session's roster and their attendance so far (none yet: null). */
public record RosterEntry(
        String username,
        String fullName,
        String joined,
        @Nullable MarkStatus status,
        @Nullable String method,
        boolean flagged) {}
