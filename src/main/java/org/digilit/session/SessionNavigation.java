package org.digilit.session;

/**
 * The addresses of this feature's pages that other features link to (issue #15 item 6: no feature builds another's
 * route from strings; the shell sends each role to its home through these).
 */
public final class SessionNavigation {

    /** The facilitator's sessions (session.ui.SessionListView). */
    public static final String SESSIONS = "sessions";

    private SessionNavigation() {}
}
