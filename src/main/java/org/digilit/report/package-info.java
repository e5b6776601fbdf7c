/**
 * Quarterly completion reporting for the steering committee: live figures recomputed in one set-based pass over the
 * views other features publish (DD013), closed quarters' snapshots, targets' status and the exports. Owns the
 * {@code report_*} tables.
 */
@org.jspecify.annotations.NullMarked
package org.digilit.report;
