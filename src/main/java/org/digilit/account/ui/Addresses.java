package org.digilit.account.ui;

import org.digilit.base.ClientAddress;

/**
 * The client's address, for the audit trail and rate limits. (Slips' QR codes use the configured public address,
 * {@code digilit.app.url}, never the address a request came in on.)
 */
final class Addresses {

    private Addresses() {}

    static String client() {
        return ClientAddress.orUnknown();
    }
}
