package org.digilit.device;

/** Where a device request stands. FULFILLED: a device was handed over for it. */
public enum RequestStatus {
    PENDING,
    APPROVED,
    REJECTED,
    FULFILLED
}
