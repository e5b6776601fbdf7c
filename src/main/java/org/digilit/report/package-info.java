/**
 * Quarterly completion reporting for the steering committee: live figures recomputed in one set-based pass over the
 * views other features publish (DD013) and kept up to date in between from what changed (DD020), closed quarters'
 * snapshots, targets' status and the exports. Owns the {@code report_*} tables.
 */
@org.jspecify.annotations.NullMarked
package org.digilit.report;
