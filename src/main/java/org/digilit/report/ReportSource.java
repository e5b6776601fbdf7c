package org.digilit.report;

/**
 * Where a report's figures come from: the live figures (brought up to date every half minute, DD020) or a closed
 * quarter's snapshot.
 */
public enum ReportSource {
    LIVE,
    SNAPSHOT
}
