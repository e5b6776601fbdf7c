package org.digilit.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.digilit.base.Audience;
import org.digilit.base.Quarter;
import org.digilit.organisation.OrganisationScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Closed quarters: every organisation's cumulative figures at the quarter's end, for its subtree and for itself, with
 * the headcounts then in force. Closing a closed quarter again is a restatement (a new version with its reason); the
 * newest version is the official one, the earlier ones stay.
 */
@Component
class Snapshots {

    private static final String AUDIENCES = "(values ('CITIZEN'), ('TEACHER'), ('OFFICIAL')) as a(audience)";

    private final JdbcClient jdbc;
    private final Clock clock;

    Snapshots(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Takes the next version of the quarter's snapshot from the figures as they are now (call after a recompute). */
    SnapshotInfo take(Quarter quarter, String by, String reason) {
        jdbc.sql("select pg_advisory_xact_lock(8009)").query(Object.class).list();
        int version = jdbc.sql(
                        "select coalesce(max(version), 0) + 1 from report_snapshot where year = :y and quarter = :q")
                .param("y", quarter.year())
                .param("q", quarter.quarter())
                .query(Integer.class)
                .single();
        var at = Timestamp.from(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        long id = jdbc.sql("""
                        insert into report_snapshot (year, quarter, version, taken_at, taken_by, reason)
                        values (:y, :q, :v, :at, :by, :reason) returning id""")
                .param("y", quarter.year())
                .param("q", quarter.quarter())
                .param("v", version)
                .param("at", at)
                .param("by", by)
                .param("reason", reason)
                .query(Long.class)
                .single();
        for (boolean subtree : new boolean[] {true, false}) {
            var heads = subtree ? """
                    select cast(ancestor as bigint) as organisation_id, sum(d.expected_citizens) as c,
                        sum(d.expected_teachers) as t, sum(d.expected_officials) as o
                    from organisation_directory d
                    cross join lateral unnest(string_to_array(trim(both '/' from d.path), '/')) ancestor
                    group by 1""" : """
                    select id as organisation_id, expected_citizens as c, expected_teachers as t,
                        expected_officials as o from organisation_directory""";
            jdbc.sql("with heads as (" + heads
                            + "), figures as (select organisation_id, audience, sum(accounts) as accounts,"
                            + " sum(activated) as activated, sum(enrolled) as enrolled, sum(completed) as completed,"
                            + " sum(certificates) as certificates from " + (subtree ? "report_rollup" : "report_fact")
                            + " where year * 4 + quarter <= :key group by 1, 2)"
                            + """
                             insert into report_snapshot_row (snapshot_id, organisation_id, audience, subtree, headcount,
                                accounts, activated, enrolled, completed, certificates)
                            select :id, h.organisation_id, a.audience, :subtree,
                                case a.audience when 'CITIZEN' then h.c when 'TEACHER' then h.t else h.o end,
                                coalesce(f.accounts, 0), coalesce(f.activated, 0), coalesce(f.enrolled, 0),
                                coalesce(f.completed, 0), coalesce(f.certificates, 0)
                            from heads h cross join\s""" + AUDIENCES + """
                             left join figures f on f.organisation_id = h.organisation_id and f.audience = a.audience""")
                    .param("id", id)
                    .param("subtree", subtree)
                    .param("key", ReportCalendar.key(quarter))
                    .update();
        }
        // The completed people by source, beside the rows (issue #17): the split a live report shows, kept.
        for (boolean subtree : new boolean[] {true, false}) {
            jdbc.sql("insert into report_snapshot_source_row (snapshot_id, organisation_id, audience, subtree, source,"
                            + " completed) select :id, organisation_id, audience, :subtree, source, sum(completed) from "
                            + (subtree ? "report_rollup_source" : "report_fact_source")
                            + " where year * 4 + quarter <= :key group by organisation_id, audience, source")
                    .param("id", id)
                    .param("subtree", subtree)
                    .param("key", ReportCalendar.key(quarter))
                    .update();
        }
        return new SnapshotInfo(id, quarter, version, at.toInstant(), by, reason);
    }

    /** The quarter's versions, newest (the official one) first; empty while the quarter is open. */
    List<SnapshotInfo> versions(Quarter quarter) {
        return jdbc.sql("""
                        select id, version, taken_at, taken_by, reason from report_snapshot
                        where year = :y and quarter = :q order by version desc""")
                .param("y", quarter.year())
                .param("q", quarter.quarter())
                .query((rs, n) -> new SnapshotInfo(
                        rs.getLong("id"),
                        quarter,
                        rs.getInt("version"),
                        rs.getTimestamp("taken_at").toInstant(),
                        rs.getString("taken_by"),
                        rs.getString("reason")))
                .list();
    }

    Optional<SnapshotInfo> official(Quarter quarter) {
        return versions(quarter).stream().findFirst();
    }

    /** Figures (with headcount) of the given organisations in a snapshot, for their subtree or themselves alone. */
    Map<Long, Figures> rows(long snapshotId, Collection<Long> ids, boolean subtree, @Nullable Audience audience) {
        var result = new HashMap<Long, Figures>();
        if (ids.isEmpty()) {
            return result;
        }
        jdbc.sql("select organisation_id, " + SUMS + " from report_snapshot_row where snapshot_id = :s"
                        + " and organisation_id = any (:ids) and subtree = :subtree and "
                        + (audience == null ? "true" : "audience = :audience") + " group by organisation_id")
                .param("s", snapshotId)
                .param("ids", ids.toArray(Long[]::new))
                .param("subtree", subtree)
                .param("audience", audience == null ? "" : audience.name())
                .query((rs, n) -> result.put(rs.getLong(1), figures(rs, 2)))
                .list();
        return result;
    }

    /** Figures of every organisation of a scope in a snapshot, each person counted once. */
    Figures over(long snapshotId, OrganisationScope scope, @Nullable Audience audience) {
        return jdbc.sql("select " + SUMS
                        + " from report_snapshot_row r join organisation_directory o on o.id = r.organisation_id"
                        + " where r.snapshot_id = :s and not r.subtree and " + scope.sqlCondition() + " and "
                        + (audience == null ? "true" : "r.audience = :audience"))
                .params(scope.sqlParameters())
                .param("s", snapshotId)
                .param("audience", audience == null ? "" : audience.name())
                .query((rs, n) -> figures(rs, 1))
                .single();
    }

    /** The completed people by source of the given organisations in a snapshot. */
    Map<Long, Map<String, Long>> sources(
            long snapshotId, Collection<Long> ids, boolean subtree, @Nullable Audience audience) {
        var result = new HashMap<Long, Map<String, Long>>();
        if (ids.isEmpty()) {
            return result;
        }
        jdbc.sql("select organisation_id, source, sum(completed) from report_snapshot_source_row where snapshot_id = :s"
                        + " and organisation_id = any (:ids) and subtree = :subtree and "
                        + (audience == null ? "true" : "audience = :audience") + " group by organisation_id, source")
                .param("s", snapshotId)
                .param("ids", ids.toArray(Long[]::new))
                .param("subtree", subtree)
                .param("audience", audience == null ? "" : audience.name())
                .query((rs, n) -> result.computeIfAbsent(rs.getLong(1), k -> new java.util.TreeMap<>())
                        .put(rs.getString(2), rs.getLong(3)))
                .list();
        return result;
    }

    /** The completed people by source over a scope in a snapshot, each person once. */
    Map<String, Long> sourcesOver(long snapshotId, OrganisationScope scope, @Nullable Audience audience) {
        var result = new java.util.TreeMap<String, Long>();
        jdbc.sql(
                        "select r.source, sum(r.completed) from report_snapshot_source_row r join organisation_directory o on o.id ="
                                + " r.organisation_id where r.snapshot_id = :s and not r.subtree and "
                                + scope.sqlCondition()
                                + " and " + (audience == null ? "true" : "r.audience = :audience")
                                + " group by r.source")
                .params(scope.sqlParameters())
                .param("s", snapshotId)
                .param("audience", audience == null ? "" : audience.name())
                .query((rs, n) -> result.put(rs.getString(1), rs.getLong(2)))
                .list();
        return result;
    }

    private static final String SUMS = "coalesce(sum(headcount), 0), coalesce(sum(accounts), 0), "
            + "coalesce(sum(activated), 0), coalesce(sum(enrolled), 0), coalesce(sum(completed), 0), "
            + "coalesce(sum(certificates), 0)";

    private static Figures figures(java.sql.ResultSet rs, int from) throws java.sql.SQLException {
        return new Figures(
                rs.getLong(from),
                rs.getLong(from + 1),
                rs.getLong(from + 2),
                rs.getLong(from + 3),
                rs.getLong(from + 4),
                rs.getLong(from + 5));
    }
}
