package org.digilit.device;

/** What kind of device: what a donor offers, a file lists, a request needs. */
public enum DeviceKind {
    LAPTOP,
    DESKTOP,
    TABLET,
    SMARTPHONE
}
