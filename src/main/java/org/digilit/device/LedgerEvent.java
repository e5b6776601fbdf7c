package org.digilit.device;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A public event about to be signed into the ledger; {@code organisationId} says where (its province and commune). */
record LedgerEvent(
        Instant occurredAt,
        String deviceCode,
        DeviceKind kind,
        DeviceStage stage,
        @Nullable Long organisationId,
        @Nullable String requestNumber) {}
