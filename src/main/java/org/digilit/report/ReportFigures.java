package org.digilit.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.digilit.base.Audience;
import org.digilit.base.Quarter;
import org.digilit.organisation.OrganisationScope;
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

    /**
     * After {@link #people}: each person's contribution as {@code report_person} keeps it ({@code person_row}): the
     * person's columns with their first enrolment and the times their standing certificates were issued. {@code few}:
     * looked up per person by key.
     */
    private static String personRows(boolean few) {
        return few ? """
                , person_row as (
                    select p.username, p.organisation_id, p.audience, p.verified_at, p.activated_at, e.first_enrolled_at,
                        p.done_at, p.done_source, c.certificates
                    from person p
                    left join lateral (
                        select min(e.first_enrolled_at) as first_enrolled_at from learning_first_enrolment e
                        where e.username = p.username) e on true
                    left join lateral (
                        select array_agg(c.issued_at order by c.issued_at) as certificates from learning_certificate c
                        where c.username = p.username) c on true
                )
                """ : """
                , person_row as (
                    select p.username, p.organisation_id, p.audience, p.verified_at, p.activated_at, e.first_enrolled_at,
                        p.done_at, p.done_source, c.certificates
                    from person p
                    left join learning_first_enrolment e on e.username = p.username
                    left join (
                        select username, array_agg(issued_at order by issued_at) as certificates
                        from learning_certificate group by username) c on c.username = p.username
                )
                """;
    }

    /** The columns of a {@code report_person} row, in the table's order. */
    private static final String PERSON_COLUMNS = "username, organisation_id, audience, verified_at, activated_at, "
            + "first_enrolled_at, done_at, done_source, certificates";

    /**
     * The flows of the person rows in {@code rows} (a relation with {@code report_person}'s columns), each counted
     * {@code sign} times (1, or a column: -1 takes an old contribution away), summed per organisation, audience, year
     * and quarter in the programme's time zone.
     */
    private static String facts(String rows, String sign) {
        return """
                select organisation_id, audience, cast(extract(year from at at time zone :zone) as integer) as year,
                    cast(extract(quarter from at at time zone :zone) as integer) as quarter, sum(accounts) as accounts,
                    sum(activated) as activated, sum(enrolled) as enrolled, sum(completed) as completed,
                    sum(certificates) as certificates
                from (
                    select organisation_id, audience, verified_at as at, %2$s as accounts, 0 as activated,
                        0 as enrolled, 0 as completed, 0 as certificates from %1$s
                    union all
                    select organisation_id, audience, activated_at, 0, %2$s, 0, 0, 0 from %1$s
                    where activated_at is not null
                    union all
                    select organisation_id, audience, first_enrolled_at, 0, 0, %2$s, 0, 0 from %1$s
                    where first_enrolled_at is not null
                    union all
                    select organisation_id, audience, done_at, 0, 0, 0, %2$s, 0 from %1$s where done_at is not null
                    union all
                    select r.organisation_id, r.audience, c.at, 0, 0, 0, 0, %2$s from %1$s r
                    cross join unnest(r.certificates) as c(at)
                ) flows
                group by 1, 2, 3, 4""".formatted(rows, sign);
    }

    /** The completed flow of the same rows by source. */
    private static String sourceFacts(String rows, String sign) {
        return """
                select organisation_id, audience, cast(extract(year from done_at at time zone :zone) as integer) as year,
                    cast(extract(quarter from done_at at time zone :zone) as integer) as quarter, done_source as source,
                    sum(%2$s) as completed
                from %1$s where done_at is not null group by 1, 2, 3, 4, 5""".formatted(rows, sign);
    }

    private static final String FLOWS =
            """
            , kept as (
                insert into report_person (%1$s) select %1$s from person_row
                returning 1
            ),
            fact as (
                insert into report_fact (organisation_id, audience, year, quarter, accounts, activated, enrolled,
                    completed, certificates)
                %2$s
                returning 1
            )
            insert into report_fact_source (organisation_id, audience, year, quarter, source, completed)
            %3$s
            """.formatted(PERSON_COLUMNS, facts("person_row", "1"), sourceFacts("person_row", "1"));

    /** The organisations of {@code f} and each of their ancestors, one row each ({@code ancestor}). */
    private static final String ANCESTORS = """
            join organisation_directory o on o.id = f.organisation_id
            cross join lateral unnest(string_to_array(trim(both '/' from o.path), '/')) ancestor""";

    /** The rows of {@code facts} (a relation with {@code report_fact}'s columns) summed onto each organisation's ancestors. */
    private static String rollup(String facts) {
        return """
                insert into report_rollup (organisation_id, audience, year, quarter, accounts, activated, enrolled,
                    completed, certificates)
                select cast(ancestor as bigint), f.audience, f.year, f.quarter, sum(f.accounts), sum(f.activated),
                    sum(f.enrolled), sum(f.completed), sum(f.certificates)
                from %s f
                """.formatted(facts) + ANCESTORS + """

                group by 1, 2, 3, 4
                """;
    }

    /** The same roll-up of the completed flow by source, from {@code facts} with {@code report_fact_source}'s columns. */
    private static String rollupSources(String facts) {
        return """
                insert into report_rollup_source (organisation_id, audience, year, quarter, source, completed)
                select cast(ancestor as bigint), f.audience, f.year, f.quarter, f.source, sum(f.completed)
                from %s f
                """.formatted(facts) + ANCESTORS + """

                group by 1, 2, 3, 4, 5
                """;
    }

    private static final String ROLLUP = rollup("report_fact");

    private static final String ROLLUP_SOURCES = rollupSources("report_fact_source");

    /**
     * A digest of what changes many people's figures at once: the organisation tree (a move changes who rolls up
     * where and which required courses are inherited), the live required courses and the time zone. When it differs
     * from the one the last full recompute saw, the next pass is a full recompute.
     */
    private static final String STRUCTURE = """
            select md5(coalesce((select string_agg(id || ':' || path, ',' order by id) from organisation_directory), '')
                || '|' || coalesce((select string_agg(organisation_id || ':' || audience || ':' || course_id, ','
                    order by organisation_id, audience, course_id) from learning_required_course), '')
                || '|' || :zone)""";

    /** The people changed at or after the mark: their accounts, completions, enrolments or certificates. */
    private static final String CHANGED = """
            create temp table report_pass_changed on commit drop as
            select username from account_learner where changed_xid >= cast(:from as xid8)
            union
            select username from learning_learner_change where changed_xid >= cast(:from as xid8)""";

    /**
     * The changed people as a condition on a username: an array, so that each is looked up by key in a million rows
     * rather than joined by a scan of them all.
     */
    private static final String CHANGED_PEOPLE = "a.username = any (array(select username from report_pass_changed))";

    /** Their contributions now (+1) and as the last pass kept them (-1). */
    private static final String SIGNED_ROWS =
            """
            create temp table report_pass_rows on commit drop as
            select %1$s, 1 as sign from report_pass_fresh
            union all
            select %2$s, -1 from report_person r
            where r.username = any (array(select username from report_pass_changed))""".formatted(PERSON_COLUMNS, "r." + PERSON_COLUMNS.replace(", ", ", r."));

    private static final String DELTA = """
            create temp table report_pass_delta on commit drop as
            select * from (%s) d
            where accounts <> 0 or activated <> 0 or enrolled <> 0 or completed <> 0 or certificates <> 0""".formatted(facts("report_pass_rows", "sign"));

    private static final String DELTA_SOURCE = """
            create temp table report_pass_delta_source on commit drop as
            select * from (%s) d where completed <> 0""".formatted(sourceFacts("report_pass_rows", "sign"));

    private static final String ADD_FIGURES = """
            on conflict (organisation_id, audience, year, quarter) do update set
                accounts = %1$s.accounts + excluded.accounts, activated = %1$s.activated + excluded.activated,
                enrolled = %1$s.enrolled + excluded.enrolled, completed = %1$s.completed + excluded.completed,
                certificates = %1$s.certificates + excluded.certificates""";

    private static final String APPLY_FACT = """
            insert into report_fact (organisation_id, audience, year, quarter, accounts, activated, enrolled,
                completed, certificates)
            select organisation_id, audience, year, quarter, accounts, activated, enrolled, completed, certificates
            from report_pass_delta
            """ + ADD_FIGURES.formatted("report_fact");

    private static final String APPLY_ROLLUP = rollup("report_pass_delta") + ADD_FIGURES.formatted("report_rollup");

    private static final String APPLY_FACT_SOURCE = """
            insert into report_fact_source (organisation_id, audience, year, quarter, source, completed)
            select organisation_id, audience, year, quarter, source, completed from report_pass_delta_source
            on conflict (organisation_id, audience, year, quarter, source) do update set
                completed = report_fact_source.completed + excluded.completed""";

    private static final String APPLY_ROLLUP_SOURCE = rollupSources("report_pass_delta_source") + """
            on conflict (organisation_id, audience, year, quarter, source) do update set
                completed = report_rollup_source.completed + excluded.completed""";

    /**
     * Rows whose flows all came to zero go (a full recompute never writes one): of {@code table}, those the delta
     * {@code delta} touched, on the organisation itself or, with {@code ancestors}, on each of its ancestors.
     */
    private static String dropEmpty(String table, String delta, boolean ancestors, boolean bySource) {
        return """
                delete from %1$s x using (select distinct %2$s as organisation_id, f.audience, f.year, f.quarter%3$s
                    from %4$s f %5$s) k
                where x.organisation_id = k.organisation_id and x.audience = k.audience and x.year = k.year
                    and x.quarter = k.quarter and %6$s""".formatted(
                        table,
                        ancestors ? "cast(ancestor as bigint)" : "f.organisation_id",
                        bySource ? ", f.source" : "",
                        delta,
                        ancestors ? ANCESTORS : "",
                        bySource
                                ? "x.source = k.source and x.completed = 0"
                                : "x.accounts = 0 and x.activated = 0 and x.enrolled = 0 and x.completed = 0"
                                        + " and x.certificates = 0");
    }

    /** Above this many changed people, one full pass is cheaper than looking each up by key. */
    static final int MOST_CHANGED = 200_000;

    /** How a pass brought the figures up to date. */
    enum Pass {
        /** Everything recomputed. */
        FULL,
        /** Only the people changed since the last pass. */
        INCREMENTAL,
        /** Another instance holds the lock: nothing done. */
        SKIPPED
    }

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
        if (!lock()) {
            return false;
        }
        full(structure());
        return true;
    }

    /**
     * Brings the flows up to date from what changed since the last pass (DD020): only the people whose account,
     * completions, enrolments or certificates changed are recomputed, and the difference is added to the figures and
     * their roll-ups. A full recompute instead when there was none yet, when the organisation tree, the required
     * courses or the time zone changed since the last one, when very many people changed, or when the last full one is
     * older than {@code fullEvery}. Under the same lock as {@link #recompute()}: two instances never both write.
     */
    @Transactional
    public Pass update(Duration fullEvery) {
        if (!lock()) {
            return Pass.SKIPPED;
        }
        var structure = structure();
        var last = jdbc.sql("""
                        select cast(changes_from as text), structure, full_at,
                            changes_from > pg_snapshot_xmax(pg_current_snapshot())
                        from report_refresh where id = 1""")
                .query((rs, n) -> new Last(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
                        rs.getBoolean(4)))
                .optional();
        if (last.isEmpty()
                || last.get().changesFrom() == null
                || last.get().fullAt() == null
                || last.get().ahead()
                || !structure.equals(last.get().structure())
                || !last.get().fullAt().plus(fullEvery).isAfter(clock.instant())) {
            full(structure);
            return Pass.FULL;
        }
        return incremental(last.get().changesFrom(), structure) ? Pass.INCREMENTAL : Pass.FULL;
    }

    /**
     * What the last pass left: the change mark to read from, the structure digest, when the last full recompute ran,
     * and whether the mark is ahead of the database's transactions (a restored copy: recompute fully).
     */
    private record Last(
            @Nullable String changesFrom,
            @Nullable String structure,
            @Nullable Instant fullAt,
            boolean ahead) {}

    private boolean lock() {
        return jdbc.sql("select pg_try_advisory_xact_lock(8008)")
                .query(Boolean.class)
                .single();
    }

    private String structure() {
        return jdbc.sql(STRUCTURE)
                .param("zone", calendar.zone().getId())
                .query(String.class)
                .single();
    }

    /**
     * The oldest transaction still running now (every transaction below it has ended). Taken before the pass reads:
     * whatever a later-committing transaction wrote carries an id at or above it, so the next pass reads it.
     */
    private String mark() {
        return jdbc.sql("select cast(pg_snapshot_xmin(pg_current_snapshot()) as text)")
                .query(String.class)
                .single();
    }

    private void full(String structure) {
        long begun = System.nanoTime();
        var mark = mark();
        jdbc.sql("delete from report_fact").update();
        jdbc.sql("delete from report_fact_source").update();
        jdbc.sql("delete from report_person").update();
        jdbc.sql(people("true", false) + personRows(false) + FLOWS)
                .param("zone", calendar.zone().getId())
                .update();
        jdbc.sql("delete from report_rollup").update();
        jdbc.sql(ROLLUP).update();
        jdbc.sql("delete from report_rollup_source").update();
        jdbc.sql(ROLLUP_SOURCES).update();
        long took = (System.nanoTime() - begun) / 1_000_000;
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into report_refresh (id, refreshed_at, took_ms, changes_from, structure, full_at,
                            incremental)
                        values (1, :at, :took, cast(:mark as xid8), :structure, :at, false)
                        on conflict (id) do update set refreshed_at = excluded.refreshed_at, took_ms = excluded.took_ms,
                            changes_from = excluded.changes_from, structure = excluded.structure,
                            full_at = excluded.full_at, incremental = false""")
                .param("at", now)
                .param("took", took)
                .param("mark", mark)
                .param("structure", structure)
                .update();
    }

    /** The incremental pass; false when so many people changed that it recomputed fully instead. */
    private boolean incremental(String from, String structure) {
        long begun = System.nanoTime();
        var mark = mark();
        var zone = calendar.zone().getId();
        jdbc.sql(CHANGED).param("from", from).update();
        long changed = jdbc.sql("select count(*) from report_pass_changed")
                .query(Long.class)
                .single();
        if (changed > MOST_CHANGED) {
            full(structure);
            return false;
        }
        jdbc.sql("analyze report_pass_changed").update();
        jdbc.sql("create temp table report_pass_fresh on commit drop as "
                        + people(CHANGED_PEOPLE, true)
                        + personRows(true)
                        + "select " + PERSON_COLUMNS + " from person_row")
                .update();
        jdbc.sql(SIGNED_ROWS).update();
        jdbc.sql(DELTA).param("zone", zone).update();
        jdbc.sql(DELTA_SOURCE).param("zone", zone).update();
        jdbc.sql(APPLY_FACT).update();
        jdbc.sql(dropEmpty("report_fact", "report_pass_delta", false, false)).update();
        jdbc.sql(APPLY_ROLLUP).update();
        jdbc.sql(dropEmpty("report_rollup", "report_pass_delta", true, false)).update();
        jdbc.sql(APPLY_FACT_SOURCE).update();
        jdbc.sql(dropEmpty("report_fact_source", "report_pass_delta_source", false, true))
                .update();
        jdbc.sql(APPLY_ROLLUP_SOURCE).update();
        jdbc.sql(dropEmpty("report_rollup_source", "report_pass_delta_source", true, true))
                .update();
        jdbc.sql("delete from report_person where username = any (array(select username from report_pass_changed))")
                .update();
        jdbc.sql("insert into report_person (" + PERSON_COLUMNS + ") select " + PERSON_COLUMNS
                        + " from report_pass_fresh")
                .update();
        long took = (System.nanoTime() - begun) / 1_000_000;
        jdbc.sql("""
                        update report_refresh set refreshed_at = :at, took_ms = :took, changes_from = cast(:mark as xid8),
                            incremental = true
                        where id = 1""")
                .param("at", Timestamp.from(clock.instant()))
                .param("took", took)
                .param("mark", mark)
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
