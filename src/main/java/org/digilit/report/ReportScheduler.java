package org.digilit.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few minutes: closes the quarter just ended if nobody has yet (which recomputes), else recomputes the live
 * figures. Safe with several app instances: the recompute takes a PostgreSQL advisory lock, the others skip.
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
            fixedDelayString = "${digilit.reporting.refresh-interval:5m}",
            initialDelayString = "${digilit.reporting.initial-delay:20s}")
    void refresh() {
        try {
            // Closing recomputes too; only when nothing was closed is a plain recompute due.
            if (!properties.autoClose()
                    || reports.closeIfOpen(reports.currentQuarter().previous()).isEmpty()) {
                figures.recompute();
            }
        } catch (RuntimeException e) {
            log.warn("Report figures were not recomputed: {}", e.toString());
        }
    }
}
