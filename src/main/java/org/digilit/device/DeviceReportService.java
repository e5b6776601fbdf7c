package org.digilit.device;

import java.time.ZoneId;
import java.util.List;
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

    /** The programme's time zone: quarters end at midnight there. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ReportQueries queries;
    private final DeviceScope scope;

    DeviceReportService(ReportQueries queries, DeviceScope scope) {
        this.queries = queries;
        this.scope = scope;
    }

    @Transactional(readOnly = true)
    public List<DeviceReportRow> quarter(Quarter quarter) {
        var reading = scope.reading();
        if (reading.isEmpty()) {
            return List.of();
        }
        return queries.quarter(
                reading,
                quarter.firstDay().atStartOfDay(ZONE).toInstant(),
                quarter.next().firstDay().atStartOfDay(ZONE).toInstant());
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
