package org.digilit.device;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One public event of the device ledger: nothing personal, only the device's public code and kind, the stage it
 * reached, where (province, commune) and when, the pseudonymous request number, and the signed statement (a compact
 * JWS) that says the same so anyone can check it offline.
 */
public record LedgerEntry(
        long id,
        Instant occurredAt,
        String deviceCode,
        DeviceKind kind,
        DeviceStage stage,
        @Nullable Long provinceId,
        @Nullable Long communeId,
        @Nullable String requestNumber,
        String statement) {}
