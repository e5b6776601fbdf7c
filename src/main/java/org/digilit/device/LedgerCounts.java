package org.digilit.device;

import java.util.Map;

/** How many ledger events of each stage a province or commune has (offered = donated, handed over, ...). */
public record LedgerCounts(Map<DeviceStage, Long> byStage) {

    public LedgerCounts {
        byStage = Map.copyOf(byStage);
    }

    public long of(DeviceStage stage) {
        return byStage.getOrDefault(stage, 0L);
    }
}
