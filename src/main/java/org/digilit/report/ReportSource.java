package org.digilit.report;

/** Where a report's figures come from: the live figures (refreshed every few minutes) or a closed quarter's snapshot. */
public enum ReportSource {
    LIVE,
    SNAPSHOT
}
