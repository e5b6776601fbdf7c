package org.digilit.account.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;

/** The client's address (for the audit trail and rate limits) and this platform's public address (for QR codes). */
final class Addresses {

    private Addresses() {}

    static String client() {
        var request = VaadinRequest.getCurrent();
        return request == null ? "unknown" : request.getRemoteAddr();
    }

    /** The absolute URL of the public activation page, as the browser reached this server. */
    static String activationPage() {
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest servlet) {
            var http = servlet.getHttpServletRequest();
            var port = http.getServerPort();
            var defaultPort = (http.getScheme().equals("https") && port == 443)
                    || (http.getScheme().equals("http") && port == 80);
            return http.getScheme() + "://" + http.getServerName() + (defaultPort ? "" : ":" + port)
                    + http.getContextPath() + "/" + ActivationView.ROUTE;
        }
        return "/" + ActivationView.ROUTE;
    }
}
