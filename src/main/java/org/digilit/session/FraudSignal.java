package org.digilit.session;

import java.time.Instant;

/**
 * A session worth a call-back (no biometrics, only the marks themselves): everyone always present, a learner marked in
 * two places at overlapping times, or all marks captured in one burst long after the session.
 */
public record FraudSignal(
        Kind kind, long sessionId, String organisationCode, String place, Instant startsAt, String detail) {

    public enum Kind {
        ALL_PRESENT,
        TWO_PLACES,
        LATE_BURST
    }
}
