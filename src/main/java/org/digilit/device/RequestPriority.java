package org.digilit.device;

/** Why a request comes first: most urgent first. */
public enum RequestPriority {
    NO_DEVICE_AT_HOME,
    POOR_HOUSEHOLD,
    NEAR_POOR_HOUSEHOLD,
    OTHER
}
