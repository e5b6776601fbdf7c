/** The device feature's views: the public donation page, receipt and ledger; the officers' stock, requests, import and report. */
@org.jspecify.annotations.NullMarked
package org.digilit.device.ui;
