package org.digilit.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.digilit.organisation.Audience;
import org.digilit.organisation.OrganisationScope;
import org.digilit.organisation.Quarter;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the flows behind every report in one transaction: verified accounts, activations, first enrolments,
 * completions of required courses and certificates, per organisation, audience and quarter (in the programme's time
 * zone), then the same rolled up each organisation's subtree. It reads the views the owning features publish
 * ({@code account_learner}, {@code organisation_directory}, {@code learning_completion},
 * {@code learning_required_course}, {@code learning_first_enrolment}, {@code learning_certificate}; DD013), never their
 * tables: one set-based pass over a million accounts takes seconds, a service call per person would take hours.
 *
 * <p>A person's required courses are the live assignments for their audience on their organisation or any ancestor.
 * They count as completed at the moment they completed the last of them; someone with nothing required counts from
 * their first completed course. Only verified accounts count; deactivated and rejected ones do not (a closed quarter
 * keeps them in its snapshot).
 */
@Component
class ReportFigures {

    /**
     * Per person of the people selected by {@code condition} (on account {@code a}): organisation, audience, when
     * verified and activated, how many courses are required and done, and when they were done ({@code done_at}, null
     * while not). {@code few}: the selection is small (one organisation's people), so their completed courses are
     * looked up per person by key rather than by one pass over every learner's state.
     */
    static String people(String condition, boolean few) {
        return PEOPLE.formatted(
                condition, few ? "" : ANY_DONE, few ? """
                        left join lateral (
                            select count(*) as done, min(cp.completed_at) as first_done,
                            (array_agg(cp.completion_source order by cp.completed_at, cp.completion_source))[1]
                                as first_source
                        from learning_completion cp where cp.username = p.username) ad on true""" : "left join any_done ad on ad.username = p.username");
    }

    private static final String PEOPLE = """
            with people as (
                select a.username, a.full_name, a.id_last_four, a.organisation_id, a.audience, a.verified_at,
                    a.activated_at
                from account_learner a where a.state = 'VERIFIED' and a.verified_at is not null and (%1$s)
            ),
            org_required as (
                select distinct o.id as organisation_id, ca.audience, ca.course_id
                from learning_required_course ca
                join organisation_directory ao on ao.id = ca.organisation_id
                join organisation_directory o on o.path like ao.path || '%%'
            ),
            required as (
                select p.username, count(*) as required, count(cp.completed_at) as done,
                    max(cp.completed_at) as last_done,
                    (array_agg(cp.completion_source order by cp.completed_at desc nulls last, cp.completion_source))[1]
                        as last_source
                from people p
                join org_required r on r.organisation_id = p.organisation_id and r.audience = p.audience
                left join learning_completion cp on cp.username = p.username and cp.course_id = r.course_id
                group by p.username
            ),%2$s
            person as (
                select p.*, coalesce(r.required, 0) as required,
                    coalesce(r.done, ad.done, 0) as done,
                    case when r.username is not null then (case when r.done = r.required then r.last_done end)
                        else ad.first_done end as done_at,
                    case when r.username is not null then (case when r.done = r.required then r.last_source end)
                        else ad.first_source end as done_source
                from people p
                left join required r on r.username = p.username
                %3$s
            )
            """;

    private static final String ANY_DONE = """

            any_done as (
                select cp.username, count(*) as done, min(cp.completed_at) as first_done,
                    (array_agg(cp.completion_source order by cp.completed_at, cp.completion_source))[1] as first_source
                from learning_completion cp join people p on p.username = cp.username
                group by cp.username
            ),""";

    private static final String FLOWS = """
            , flows as (
                select organisation_id, audience, verified_at as at, 1 as accounts, 0 as activated, 0 as enrolled,
                    0 as completed, 0 as certificates from person
                union all
                select organisation_id, audience, activated_at, 0, 1, 0, 0, 0 from person where activated_at is not null
                union all
                select p.organisation_id, p.audience, e.first_at, 0, 0, 1, 0, 0 from person p
                join (select username, first_enrolled_at as first_at from learning_first_enrolment) e
                    on e.username = p.username
                union all
                select organisation_id, audience, done_at, 0, 0, 0, 1, 0 from person where done_at is not null
                union all
                select p.organisation_id, p.audience, c.issued_at, 0, 0, 0, 0, 1 from person p
                join learning_certificate c on c.username = p.username
            ),
            fact as (
            insert into report_fact (organisation_id, audience, year, quarter, accounts, activated, enrolled,
                completed, certificates)
            select organisation_id, audience, cast(extract(year from at at time zone :zone) as integer),
                cast(extract(quarter from at at time zone :zone) as integer), sum(accounts), sum(activated),
                sum(enrolled), sum(completed), sum(certificates)
            from flows group by 1, 2, 3, 4
            returning 1
            )
            insert into report_fact_source (organisation_id, audience, year, quarter, source, completed)
            select organisation_id, audience, cast(extract(year from done_at at time zone :zone) as integer),
                cast(extract(quarter from done_at at time zone :zone) as integer), done_source, count(*)
            from person where done_at is not null group by 1, 2, 3, 4, 5
            """;

    private static final String ROLLUP = """
            insert into report_rollup (organisation_id, audience, year, quarter, accounts, activated, enrolled,
                completed, certificates)
            select cast(ancestor as bigint), f.audience, f.year, f.quarter, sum(f.accounts), sum(f.activated),
                sum(f.enrolled), sum(f.completed), sum(f.certificates)
            from report_fact f
            join organisation_directory o on o.id = f.organisation_id
            cross join lateral unnest(string_to_array(trim(both '/' from o.path), '/')) ancestor
            group by 1, 2, 3, 4
            """;

    /** The same roll-up of the completed flow by source. */
    private static final String ROLLUP_SOURCES = """
            insert into report_rollup_source (organisation_id, audience, year, quarter, source, completed)
            select cast(ancestor as bigint), f.audience, f.year, f.quarter, f.source, sum(f.completed)
            from report_fact_source f
            join organisation_directory o on o.id = f.organisation_id
            cross join lateral unnest(string_to_array(trim(both '/' from o.path), '/')) ancestor
            group by 1, 2, 3, 4, 5
            """;

    private final JdbcClient jdbc;
    private final ReportCalendar calendar;
    private final Clock clock;

    ReportFigures(JdbcClient jdbc, ReportCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Recomputes all flows; returns false (and does nothing) when another instance is recomputing right now. */
    @Transactional
    public boolean recompute() {
        boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(8008)")
                .query(Boolean.class)
                .single();
        if (!mine) {
            return false;
        }
        long begun = System.nanoTime();
        jdbc.sql("delete from report_fact").update();
        jdbc.sql("delete from report_fact_source").update();
        jdbc.sql(people("true", false) + FLOWS)
                .param("zone", calendar.zone().getId())
                .update();
        jdbc.sql("delete from report_rollup").update();
        jdbc.sql(ROLLUP).update();
        jdbc.sql("delete from report_rollup_source").update();
        jdbc.sql(ROLLUP_SOURCES).update();
        long took = (System.nanoTime() - begun) / 1_000_000;
        jdbc.sql("""
                        insert into report_refresh (id, refreshed_at, took_ms) values (1, :at, :took)
                        on conflict (id) do update set refreshed_at = excluded.refreshed_at, took_ms = excluded.took_ms""")
                .param("at", Timestamp.from(clock.instant()))
                .param("took", took)
                .update();
        return true;
    }

    /** When the flows were last recomputed (empty before the first time). */
    public Optional<Instant> refreshedAt() {
        return jdbc.sql("select refreshed_at from report_refresh where id = 1")
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /** The quarter's cumulative figures over the rolled-up rows of the given organisations, keyed by organisation. */
    Map<Long, Figures> subtrees(Collection<Long> ids, Quarter quarter, @Nullable Audience audience) {
        return sums("report_rollup", ids, quarter, audience);
    }

    /** The same over the people of each organisation alone. */
    Map<Long, Figures> own(Collection<Long> ids, Quarter quarter, @Nullable Audience audience) {
        return sums("report_fact", ids, quarter, audience);
    }

    /** The quarter's cumulative figures over the people of every organisation in a scope, counted once. */
    Figures over(OrganisationScope scope, Quarter quarter, @Nullable Audience audience) {
        return jdbc.sql("select coalesce(sum(f.accounts), 0), coalesce(sum(f.activated), 0), "
                        + "coalesce(sum(f.enrolled), 0), coalesce(sum(f.completed), 0), coalesce(sum(f.certificates), 0) "
                        + "from report_fact f join organisation_directory o on o.id = f.organisation_id where "
                        + scope.sqlCondition() + " and f.year * 4 + f.quarter <= :key and "
                        + (audience == null ? "true" : "f.audience = :audience"))
                .params(scope.sqlParameters())
                .param("key", ReportCalendar.key(quarter))
                .param("audience", audience == null ? "" : audience.name())
                .query((rs, n) ->
                        new Figures(0, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .single();
    }

    private Map<Long, Figures> sums(String table, Collection<Long> ids, Quarter quarter, @Nullable Audience audience) {
        var result = new HashMap<Long, Figures>();
        if (ids.isEmpty()) {
            return result;
        }
        jdbc.sql("select organisation_id, sum(accounts), sum(activated), sum(enrolled), sum(completed), "
                        + "sum(certificates) from " + table
                        + " where organisation_id = any (:ids) and year * 4 + quarter <= :key and "
                        + (audience == null ? "true" : "audience = :audience")
                        + " group by organisation_id")
                .param("ids", ids.toArray(Long[]::new))
                .param("key", ReportCalendar.key(quarter))
                .param("audience", audience == null ? "" : audience.name())
                .query((rs, n) -> result.put(
                        rs.getLong(1),
                        new Figures(0, rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6))))
                .list();
        return result;
    }

    /**
     * The quarter's cumulative completed people by source ({@code ONLINE}, {@code IN_PERSON}, {@code EXTERNAL:<code>})
     * over the given organisations, their subtree rolled up or themselves alone, keyed by organisation.
     */
    Map<Long, Map<String, Long>> sources(
            Collection<Long> ids, boolean subtree, Quarter quarter, @Nullable Audience audience) {
        var result = new HashMap<Long, Map<String, Long>>();
        if (ids.isEmpty()) {
            return result;
        }
        jdbc.sql("select organisation_id, source, sum(completed) from "
                        + (subtree ? "report_rollup_source" : "report_fact_source")
                        + " where organisation_id = any (:ids) and year * 4 + quarter <= :key and "
                        + (audience == null ? "true" : "audience = :audience")
                        + " group by organisation_id, source")
                .param("ids", ids.toArray(Long[]::new))
                .param("key", ReportCalendar.key(quarter))
                .param("audience", audience == null ? "" : audience.name())
                .query((rs, n) -> result.computeIfAbsent(rs.getLong(1), k -> new java.util.TreeMap<>())
                        .put(rs.getString(2), rs.getLong(3)))
                .list();
        return result;
    }

    /** The same over every organisation of a scope, each person once. */
    Map<String, Long> sourcesOver(OrganisationScope scope, Quarter quarter, @Nullable Audience audience) {
        var result = new java.util.TreeMap<String, Long>();
        jdbc.sql("select f.source, sum(f.completed) from report_fact_source f join organisation_directory o on o.id = "
                        + "f.organisation_id where " + scope.sqlCondition() + " and f.year * 4 + f.quarter <= :key and "
                        + (audience == null ? "true" : "f.audience = :audience") + " group by f.source")
                .params(scope.sqlParameters())
                .param("key", ReportCalendar.key(quarter))
                .param("audience", audience == null ? "" : audience.name())
                .query((rs, n) -> result.put(rs.getString(1), rs.getLong(2)))
                .list();
        return result;
    }

    /** The people expected in each organisation: its subtree's headcounts, or its own alone. */
    Map<Long, Long> headcounts(Collection<Long> ids, boolean subtree, @Nullable Audience audience) {
        var result = new HashMap<Long, Long>();
        if (ids.isEmpty()) {
            return result;
        }
        var sql = subtree
                ? "select o.id, sum(" + expected("d", audience) + ") from organisation_directory o "
                        + "join organisation_directory d on d.path like o.path || '%' where o.id = any (:ids) group by o.id"
                : "select o.id, " + expected("o", audience) + " from organisation_directory o where o.id = any (:ids)";
        jdbc.sql(sql)
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> result.put(rs.getLong(1), rs.getLong(2)))
                .list();
        return result;
    }

    /** The people expected in every organisation of a scope, counted once. */
    long headcountOver(OrganisationScope scope, @Nullable Audience audience) {
        return jdbc.sql("select coalesce(sum(" + expected("o", audience) + "), 0) from organisation_directory o where "
                        + scope.sqlCondition())
                .params(scope.sqlParameters())
                .query(Long.class)
                .single();
    }

    /** The headcount column(s) of an organisation row for an audience (all three added up when null). */
    static String expected(String alias, @Nullable Audience audience) {
        if (audience == null) {
            return alias + ".expected_citizens + " + alias + ".expected_teachers + " + alias + ".expected_officials";
        }
        return switch (audience) {
            case CITIZEN -> alias + ".expected_citizens";
            case TEACHER -> alias + ".expected_teachers";
            case OFFICIAL -> alias + ".expected_officials";
        };
    }
}
