package org.digilit.session;

import java.time.Instant;
import java.util.UUID;

/** A person with no account yet, recorded at a session's door by name and phone, waiting to be registered. */
public record WalkIn(
        UUID id,
        long sessionId,
        String fullName,
        String phone,
        String recordedBy,
        Instant capturedAt,
        String organisationCode,
        String place,
        Instant sessionStartsAt) {}
