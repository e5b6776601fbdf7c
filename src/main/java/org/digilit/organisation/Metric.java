package org.digilit.organisation;

/** What a target measures: accounts against headcount, activated accounts, completed required courses. */
public enum Metric {
    ACCOUNT_COVERAGE,
    ACTIVATION,
    COURSE_COMPLETION
}
