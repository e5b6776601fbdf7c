package org.digilit.device;

import java.util.List;
import org.digilit.base.ProgrammeTime;
import org.digilit.base.Quarter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Device figures for officers, organisation admins and working groups (in their reading scope): requests requested,
 * approved, handed over and pending per organisation and quarter; and the completion rate of device recipients against
 * the other learners.
 */
@Service
public class DeviceReportService {

    private final ReportQueries queries;
    private final DeviceScope scope;
    private final ProgrammeTime time;

    DeviceReportService(ReportQueries queries, DeviceScope scope, ProgrammeTime time) {
        this.queries = queries;
        this.scope = scope;
        this.time = time;
    }

    @Transactional(readOnly = true)
    public List<DeviceReportRow> quarter(Quarter quarter) {
        var reading = scope.reading();
        if (reading.isEmpty()) {
            return List.of();
        }
        return queries.quarter(
                reading,
                time.startOf(quarter.firstDay()),
                time.startOf(quarter.next().firstDay()));
    }

    @Transactional(readOnly = true)
    public CompletionComparison completion() {
        var reading = scope.reading();
        if (reading.isEmpty()) {
            return new CompletionComparison(0, 0, 0, 0);
        }
        return queries.completion(reading);
    }
}
