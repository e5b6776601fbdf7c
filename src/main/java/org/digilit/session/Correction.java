package org.digilit.session;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A request to change a closed session's attendance, and its decision (approved or rejected) once made. */
public record Correction(
        long id,
        long sessionId,
        String learner,
        MarkStatus status,
        String reason,
        String requestedBy,
        Instant requestedAt,
        @Nullable String decision,
        @Nullable String decidedBy,
        @Nullable Instant decidedAt,
        String organisationCode,
        String place,
        Instant sessionStartsAt) {

    public static final int REASON_MAX_LENGTH = 500;
}
