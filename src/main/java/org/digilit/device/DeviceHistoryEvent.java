package org.digilit.device;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One transition of a device as officers see it: who, when, where, and what (wipe method, parts). */
public record DeviceHistoryEvent(
        DeviceStage stage,
        Instant occurredAt,
        String actor,
        @Nullable Long pointId,
        @Nullable String details) {}
