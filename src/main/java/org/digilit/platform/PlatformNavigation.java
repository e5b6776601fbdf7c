package org.digilit.platform;

/**
 * The addresses of this feature's pages that other features link to (issue #15 item 6: no feature builds another's
 * route from strings; the shell sends each role to its home through these).
 */
public final class PlatformNavigation {

    /** The platform administrator's home (platform.ui.PlatformStatusView). */
    public static final String STATUS = "admin";

    private PlatformNavigation() {}
}
