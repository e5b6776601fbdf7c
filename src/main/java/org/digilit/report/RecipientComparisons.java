package org.digilit.report;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Device recipients against the others, per line of a report (issue #18): one set-based pass over the people of the
 * report's organisations (the report's own people rule, {@link ReportFigures#people}) joined with the device feature's
 * published view {@code device_recipient}. Computed when a report is exported, as of the quarter's end; it is not kept
 * in snapshots (a closed quarter's export shows it as recomputed then).
 */
@Repository
class RecipientComparisons {

    private static final String PEOPLE = "a.organisation_id in (select s.id from organisation_directory s"
            + " join organisation_directory root on s.path like root.path || '%' where root.id = any (:roots))"
            + " and (:audience = '' or a.audience = :audience)";

    private final JdbcClient jdbc;
    private final ReportCalendar calendar;

    RecipientComparisons(JdbcClient jdbc, ReportCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** Per row's organisation id; the total under its own id (0 for a working group's or an all-tops total). */
    @Transactional(readOnly = true)
    Map<Long, RecipientComparison> byRow(Report report) {
        var roots = new ArrayList<Long>();
        report.rows().forEach(r -> roots.add(r.organisationId()));
        long totalId = report.total().organisationId();
        if (totalId > 0) {
            roots.add(totalId);
        }
        var result = new HashMap<Long, RecipientComparison>();
        if (roots.isEmpty()) {
            return result;
        }
        var end = Timestamp.from(calendar.end(report.quarter()));
        jdbc.sql(ReportFigures.people(PEOPLE, false) + """
                        select root.id as root,
                            count(*) filter (where d.username is not null) as recipients,
                            count(*) filter (where d.username is not null and p.done_at < :end) as recipients_completed,
                            count(*) filter (where d.username is null) as others,
                            count(*) filter (where d.username is null and p.done_at < :end) as others_completed
                        from person p
                        join organisation_directory po on po.id = p.organisation_id
                        join organisation_directory root on root.id = any (:roots) and po.path like root.path || '%'
                        left join (select distinct username from device_recipient where handed_over_at < :end) d
                            on d.username = p.username
                        where p.verified_at < :end
                        group by root.id""")
                .param("roots", roots.toArray(Long[]::new))
                .param(
                        "audience",
                        report.audience() == null ? "" : report.audience().name())
                .param("end", end)
                .query((rs, n) -> result.put(
                        rs.getLong("root"),
                        new RecipientComparison(
                                rs.getLong("recipients"),
                                rs.getLong("recipients_completed"),
                                rs.getLong("others"),
                                rs.getLong("others_completed"))))
                .list();
        if (totalId <= 0) {
            result.put(
                    0L,
                    report.rows().stream()
                            .map(r -> result.getOrDefault(r.organisationId(), RecipientComparison.NONE))
                            .reduce(RecipientComparison.NONE, RecipientComparison::plus));
        }
        return result;
    }
}
