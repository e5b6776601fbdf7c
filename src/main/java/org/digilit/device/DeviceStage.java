package org.digilit.device;

import java.util.EnumSet;
import java.util.Set;

/**
 * A device's life: offered → received → data wiped → repaired/upgraded → ready → allocated to an approved request →
 * handed over; or defective, or recycled. Each transition is an append-only event.
 */
public enum DeviceStage {
    OFFERED,
    RECEIVED,
    WIPED,
    REPAIRED,
    READY,
    ALLOCATED,
    HANDED_OVER,
    DEFECTIVE,
    RECYCLED;

    /** Stages in which a received device is on a point's shelf. */
    public static final Set<DeviceStage> IN_STOCK = EnumSet.of(RECEIVED, WIPED, REPAIRED, READY, ALLOCATED);

    /** Whether a device may move from this stage to {@code next}. */
    public boolean allows(DeviceStage next) {
        return switch (this) {
            case OFFERED -> next == RECEIVED;
            case RECEIVED -> next == WIPED || next == DEFECTIVE || next == RECYCLED;
            case WIPED -> next == REPAIRED || next == READY || next == DEFECTIVE || next == RECYCLED;
            case REPAIRED -> next == READY || next == DEFECTIVE || next == RECYCLED;
            case READY -> next == ALLOCATED || next == DEFECTIVE || next == RECYCLED;
            case ALLOCATED -> next == HANDED_OVER || next == READY;
            case DEFECTIVE -> next == REPAIRED || next == RECYCLED;
            case HANDED_OVER, RECYCLED -> false;
        };
    }
}
