package org.digilit.report;

import java.math.BigDecimal;
import org.digilit.organisation.Metric;
import org.jspecify.annotations.Nullable;

/**
 * A figure against the target in force: {@code gap} is target minus actual in percentage points (positive: short of
 * it). {@code actual} is empty when the rate has no denominator (nobody expected); the status is then BEHIND.
 * {@code inherited}: the target was set on an ancestor.
 */
public record TargetCheck(
        Metric metric,
        BigDecimal target,
        @Nullable BigDecimal actual,
        BigDecimal gap,
        TargetStatus status,
        boolean inherited) {}
