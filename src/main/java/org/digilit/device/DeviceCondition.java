package org.digilit.device;

/** A donated device's condition as the donor describes it. */
public enum DeviceCondition {
    WORKS,
    NEEDS_REPAIR,
    BROKEN
}
