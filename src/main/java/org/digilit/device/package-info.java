/**
 * Devices for learners who have none (issue #18): collection and storage points, donations from the public page and a
 * programme's bulk supply, requests and their approval, each device's life from offer to handover (append-only events,
 * a wipe record, two-party confirmation), stock reconciliation, the signed public ledger, and device reports. Owns the
 * {@code device_*} tables; publishes the {@code device_recipient} view (DD011).
 */
@org.jspecify.annotations.NullMarked
package org.digilit.device;
