package org.digilit.base;

import com.vaadin.flow.server.VaadinRequest;
import org.jspecify.annotations.Nullable;

/**
 * The address the current request came from, for the audit trail and rate limits. (Slips' QR codes use the configured
 * public address, {@link PlatformAddress}, never the address a request came in on.)
 */
public final class ClientAddress {

    private ClientAddress() {}

    /** The current request's client address; null outside a request. */
    public static @Nullable String current() {
        var request = VaadinRequest.getCurrent();
        return request == null ? null : request.getRemoteAddr();
    }

    /** The same, "unknown" outside a request. */
    public static String orUnknown() {
        var address = current();
        return address == null ? "unknown" : address;
    }
}
