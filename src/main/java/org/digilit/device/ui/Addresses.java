package org.digilit.device.ui;

import com.vaadin.flow.server.VaadinRequest;

/** The client's address, for the audit trail and the donation page's rate limit (as account.ui does). */
final class Addresses {

    private Addresses() {}

    static String client() {
        var request = VaadinRequest.getCurrent();
        return request == null ? "unknown" : request.getRemoteAddr();
    }
}
