package org.digilit.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules of in-person sessions.
 *
 * @param windowBefore how long before a session's start a mark still counts as "in the window" (Hazari: within the
 *     school day's window); marks outside are kept and flagged, never dropped
 * @param windowAfter how long after a session's end a mark is still in the window
 * @param attendanceShare the share of a course's sessions (at the learner's organisation) a learner must attend to
 *     complete the course in person, with its quiz passed
 * @param photoMaxBytes the largest class photo accepted
 * @param photoRetention how long a class photo is kept
 * @param burstSpan marks all captured within this span ...
 * @param burstDelay ... starting this long after the session's end are a fraud signal
 * @param allPresentMinimum a session with at least this many learners, all present, is a fraud signal
 * @param upcomingDays how far ahead the phone downloads its sessions
 */
@ConfigurationProperties("digilit.sessions")
public record SessionProperties(
        @DefaultValue("30m") Duration windowBefore,
        @DefaultValue("2h") Duration windowAfter,
        @DefaultValue("0.75") double attendanceShare,
        @DefaultValue("2097152") int photoMaxBytes,
        @DefaultValue("90d") Duration photoRetention,
        @DefaultValue("2m") Duration burstSpan,
        @DefaultValue("6h") Duration burstDelay,
        @DefaultValue("5") int allPresentMinimum,
        @DefaultValue("14") int upcomingDays) {}
