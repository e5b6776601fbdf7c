package org.digilit.device;

/** How a device's data was erased (the wipe record). */
public enum WipeMethod {
    FACTORY_RESET,
    DISK_OVERWRITE,
    DISK_REPLACED,
    NO_STORAGE
}
