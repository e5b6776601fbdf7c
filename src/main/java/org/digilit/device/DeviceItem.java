package org.digilit.device;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A device as officers see it (no donor phone, no learner). */
public record DeviceItem(
        long id,
        String publicCode,
        String source,
        DeviceKind kind,
        @Nullable String model,
        @Nullable Integer ageYears,
        @Nullable DeviceCondition condition,
        @Nullable Boolean charger,
        @Nullable String serial,
        @Nullable String batch,
        @Nullable Long pointId,
        @Nullable Long requestId,
        @Nullable String requestNumber,
        DeviceStage stage,
        Instant updatedAt) {}
