package org.digilit.report;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reporting settings (the programme's time zone, {@code digilit.reporting.zone}, is read by
 * {@link org.digilit.base.ProgrammeTime}, which the report's quarters use): how often the live figures are
 * brought up to date from what changed ({@code refreshInterval}) and how often they are recomputed fully as the check
 * ({@code fullRecomputeInterval}; DD020), how many percentage points below a target still count as "at risk" rather than "behind", and whether a
 * quarter is closed (snapshot taken) by itself at the first refresh after its end.
 */
@ConfigurationProperties("digilit.reporting")
public record ReportingProperties(
        @DefaultValue("30s") Duration refreshInterval,
        @DefaultValue("10") int atRiskMargin,
        @DefaultValue("true") boolean autoClose,
        @DefaultValue("24h") Duration fullRecomputeInterval) {}
