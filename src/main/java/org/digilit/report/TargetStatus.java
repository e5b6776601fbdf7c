package org.digilit.report;

/** Where a figure stands against its target: met, within the at-risk margin below it, or behind. */
public enum TargetStatus {
    MET,
    AT_RISK,
    BEHIND
}
