package org.digilit.device;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.digilit.organisation.OrganisationScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the device reports. Reads the organisation feature's published {@code organisation_directory} with its
 * scope condition and, for the completion comparison, the learning feature's published {@code learning_progress}
 * (DD013): the report package will own that comparison once the quarterly report reads device_recipient (DD011).
 */
@Repository
class ReportQueries {

    private final JdbcClient jdbc;

    ReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DeviceReportRow> quarter(OrganisationScope scope, Instant from, Instant to) {
        return jdbc.sql("""
                        select o.id, o.code, o.name_vi, o.name_en,
                            count(*) filter (where r.requested_at >= :from and r.requested_at < :to) as requested,
                            count(*) filter (where r.decided_at >= :from and r.decided_at < :to
                                             and r.status in ('APPROVED', 'FULFILLED')) as approved,
                            count(*) filter (where r.status = 'FULFILLED' and exists (
                                select 1 from device d join device_event e on e.device_id = d.id
                                where d.request_id = r.id and e.stage = 'HANDED_OVER'
                                  and e.occurred_at >= :from and e.occurred_at < :to)) as handed_over,
                            count(*) filter (where r.requested_at < :to
                                             and (r.status = 'PENDING' or (r.decided_at is not null and r.decided_at >= :to)))
                                as pending
                        from device_request r join organisation_directory o on o.id = r.organisation_id
                        where """ + scope.sqlCondition() + """
                         and r.requested_at < :to
                        group by o.id, o.code, o.name_vi, o.name_en
                        order by o.name_vi, o.code""")
                .params(scope.sqlParameters())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new DeviceReportRow(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name_vi"),
                        rs.getString("name_en"),
                        rs.getLong("requested"),
                        rs.getLong("approved"),
                        rs.getLong("handed_over"),
                        rs.getLong("pending")))
                .list();
    }

    CompletionComparison completion(OrganisationScope scope) {
        return jdbc.sql("""
                        with learners as (
                            select p.username, bool_or(p.completed_at is not null) as completed
                            from learning_progress p join organisation_directory o on o.code = p.organisation_code
                            where """ + scope.sqlCondition() + """
                            group by p.username)
                        select
                            count(*) filter (where rc.username is not null) as recipients,
                            count(*) filter (where rc.username is not null and l.completed) as recipients_completed,
                            count(*) filter (where rc.username is null) as others,
                            count(*) filter (where rc.username is null and l.completed) as others_completed
                        from learners l
                        left join (select distinct username from device_recipient) rc on rc.username = l.username""")
                .params(scope.sqlParameters())
                .query((rs, n) -> new CompletionComparison(
                        rs.getLong("recipients"),
                        rs.getLong("recipients_completed"),
                        rs.getLong("others"),
                        rs.getLong("others_completed")))
                .single();
    }
}
