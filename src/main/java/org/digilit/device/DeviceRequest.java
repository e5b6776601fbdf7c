package org.digilit.device;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A request for a device as officers and the requester see it. A learner named by identity number shows only that
 * fact ({@code byIdentityNumber}): the number is kept as a blind index and never shown.
 */
public record DeviceRequest(
        long id,
        String number,
        long organisationId,
        @Nullable String learnerUsername,
        boolean byIdentityNumber,
        String need,
        String reason,
        RequestPriority priority,
        RequestStatus status,
        String requestedBy,
        Instant requestedAt,
        @Nullable String decidedBy,
        @Nullable Instant decidedAt,
        @Nullable String rejectionReason) {

    /** Reasons and rejection reasons are short free text. */
    public static final int REASON_MAX_LENGTH = 500;
}
