/**
 * In-person sessions (issue #16): classes of community groups, schools and agencies, their rosters, attendance taken
 * offline on a facilitator's phone and synchronised idempotently, corrections after close, learner cards, in-person
 * completion, the attendance dashboard and fraud signals. Owns the tables of {@code V30__sessions.sql}; see
 * {@code docs/decisions/DD009-20261202-offline-attendance.md}.
 */
@org.jspecify.annotations.NullMarked
package org.digilit.session;
