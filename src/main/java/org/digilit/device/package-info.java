/**
 * Devices for learners who have none (issue #18): collection and storage points, donations from the public page and a
 * programme's bulk supply, requests and their approval, each device's life from offer to handover (append-only events,
 * a wipe record, two-party confirmation), stock reconciliation, the signed public ledger, and device reports. Owns the
 * {@code device_*} tables; publishes the views {@code device_recipient} and {@code device_request_fact} (DD011, DD013).
 */
@org.jspecify.annotations.NullMarked
package org.digilit.device;
