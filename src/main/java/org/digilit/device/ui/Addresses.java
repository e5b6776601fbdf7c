package org.digilit.device.ui;

import org.digilit.base.ClientAddress;

/** The client's address, for the audit trail and the donation page's rate limit (as account.ui does). */
final class Addresses {

    private Addresses() {}

    static String client() {
        return ClientAddress.orUnknown();
    }
}
