package org.digilit.device;

/**
 * The addresses of this feature's pages that other features link to (issue #15 item 6: no feature builds another's
 * route from strings; the shell sends each role to its home through these).
 */
public final class DeviceNavigation {

    /** The device officer's stock and requests (device.ui.DeviceStockView). */
    public static final String STOCK = "devices";

    private DeviceNavigation() {}
}
