package org.digilit.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every half minute (DD020): closes the quarter just ended if nobody has yet (which recomputes fully), else brings the
 * live figures up to date from what changed since the last pass, with a full recompute once a day as the check. Safe
 * with several app instances: both passes take the same PostgreSQL advisory lock, the others skip.
 */
@Component
class ReportScheduler {

    private static final Logger log = LoggerFactory.getLogger(ReportScheduler.class);

    private final ReportService reports;
    private final ReportFigures figures;

    private final ReportingProperties properties;

    ReportScheduler(ReportService reports, ReportFigures figures, ReportingProperties properties) {
        this.reports = reports;
        this.properties = properties;
        this.figures = figures;
    }

    @Scheduled(
            fixedDelayString = "${digilit.reporting.refresh-interval:30s}",
            initialDelayString = "${digilit.reporting.initial-delay:20s}")
    void refresh() {
        try {
            // Closing recomputes too; only when nothing was closed is a pass due.
            if (!properties.autoClose()
                    || reports.closeIfOpen(reports.currentQuarter().previous()).isEmpty()) {
                figures.update(properties.fullRecomputeInterval());
            }
        } catch (RuntimeException e) {
            log.warn("Report figures were not recomputed: {}", e.toString());
        }
    }
}
