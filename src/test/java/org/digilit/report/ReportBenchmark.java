package org.digilit.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.digilit.base.Audience;
import org.digilit.course.CourseContentService;
import org.digilit.localstack.LocalStack;
import org.digilit.organisation.WorkingGroupService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reports over a province of N accounts (last argument; 1,000,000 by default) and 10 × N progress events: accounts
 * spread over the province's organisations by their headcounts (scaled so coverage is about 85 %), verified over the
 * last two years, 70 % activated; two thirds learning their audience's required course, some a second course, with
 * completions, events and certificates. The data is generated once in SQL and kept for the next run.
 *
 * <p>Prints the time of one recompute of the figures, p50/p95 of the whole-province report (citizens, then all
 * audiences), of a working group's report, of an 8-quarter trend and of a commune's follow-up list. The baseline is
 * what one writes first: the province report computed at request time by one GROUP BY over the source tables (the
 * same rules); its totals must equal the report's, and the ratio is the baseline's p50 over the report's p95.
 */
public final class ReportBenchmark {

    private static final Map<String, String> REQUIRED = Map.of(
            "CITIZEN", "smartphone-basics",
            "TEACHER", "teaching-with-digital-tools",
            "OFFICIAL", "e-identity-public-services");

    private ReportBenchmark() {}

    public static void main(String[] args) {
        org.digilit.localstack.Benchmarks.exitAfter(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        int size = org.digilit.localstack.Benchmarks.size(args, 1_000_000);
        try (var stack = LocalStack.startNew(LocalStack.Mode.BENCH, LocalStack.freePort())) {
            var context = stack.runApp(org.digilit.localstack.Benchmarks.appWithoutTimers());
            var jdbc = context.getBean(JdbcClient.class);
            context.getBean(CourseContentService.class).loadAll();
            var root = jdbc.sql("""
                            select r.id, r.path from organisation r where r.parent_id is null
                            order by (select count(*) from organisation d where d.path like r.path || '%') desc
                            limit 1""")
                    .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .single();
            long generation = generate(jdbc, root.getValue(), size);
            var counts = jdbc.sql("select (select count(*) from account), (select count(*) from progress_event),"
                            + " (select count(*) from course_progress), (select count(*) from organisation"
                            + " where path like :p)")
                    .param("p", root.getValue() + "%")
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                    .single();

            var figures = context.getBean(ReportFigures.class);
            var reports = context.getBean(ReportService.class);
            var refresh = new ArrayList<Long>();
            for (int i = 0; i < 2; i++) {
                long t = System.nanoTime();
                figures.recompute();
                refresh.add((System.nanoTime() - t) / 1_000_000);
            }
            TestUsers.signIn("bench-admin", null, Role.PLATFORM_ADMIN);
            var quarter = reports.currentQuarter();
            long provinceId = root.getKey();
            var citizens = time(40, () -> reports.organisation(provinceId, quarter, Audience.CITIZEN));
            var everyone = time(40, () -> reports.organisation(provinceId, quarter, null));
            var groups = context.getBean(WorkingGroupService.class);
            var group = groups.mine().stream()
                    .filter(g -> g.code().equals("BENCH-WG"))
                    .findFirst()
                    .orElseGet(() -> {
                        var created = groups.create("BENCH-WG", "Tổ công tác đo", "Benchmark working group");
                        jdbc.sql("select id from organisation where parent_id = :p order by id limit 3")
                                .param("p", provinceId)
                                .query(Long.class)
                                .list()
                                .forEach(d -> groups.follow(created.id(), d, true));
                        return created;
                    });
            var workingGroup = time(40, () -> reports.workingGroup(group.id(), quarter, Audience.CITIZEN));
            var trend = time(20, () -> reports.organisationTrend(provinceId, Audience.CITIZEN, quarter, 8));
            long commune = jdbc.sql("""
                            select organisation_id from account group by organisation_id order by count(*) desc
                            limit 1""").query(Long.class).single();
            var followUp = time(10, () -> {
                reports.countFollowUp(commune, null);
                return reports.followUp(commune, null, 0, 50);
            });

            var report = reports.organisation(provinceId, quarter, Audience.CITIZEN);
            // Exports of the largest report there is: the organisation with the most children (all audiences).
            long widest = jdbc.sql("""
                            select parent_id from organisation where parent_id is not null group by parent_id
                            order by count(*) desc limit 1""").query(Long.class).single();
            var wide = reports.organisation(widest, quarter, null);
            var exporter = context.getBean(ReportExport.class);
            var labels = new ReportLabels(
                    (key, arguments) -> java.text.MessageFormat.format(
                            java.util.ResourceBundle.getBundle("vaadin-i18n.translations", Locale.forLanguageTag("vi"))
                                    .getString(key),
                            arguments),
                    Locale.forLanguageTag("vi"),
                    context.getBean(ReportCalendar.class).zone());
            var exports = new java.util.LinkedHashMap<ReportExport.Format, Double>();
            for (var format : ReportExport.Format.values()) {
                exports.put(format, percentile(time(5, () -> exporter.export(wide, format, labels, null)), 0.95));
            }
            var baseline = new ArrayList<Long>();
            Map<Long, long[]> naive = Map.of();
            for (int i = 0; i < 3; i++) {
                long t = System.nanoTime();
                naive = naive(
                        jdbc, provinceId, context.getBean(ReportCalendar.class).end(quarter), Audience.CITIZEN);
                baseline.add((System.nanoTime() - t) / 1_000);
            }
            for (var row : report.rows()) {
                var expected = naive.getOrDefault(row.organisationId(), new long[4]);
                var f = row.figures();
                check(
                        expected[0] == f.accounts()
                                && expected[1] == f.activated()
                                && expected[2] == f.enrolled()
                                && expected[3] == f.completed(),
                        "report and baseline disagree for " + row.code() + ": " + f + " vs "
                                + java.util.Arrays.toString(expected));
            }
            int groupRows = reports.workingGroup(group.id(), quarter, Audience.CITIZEN)
                    .rows()
                    .size();
            TestUsers.signOut();

            double provinceP95 = percentile(citizens, 0.95);
            double baselineP50 = percentile(baseline, 0.5);
            System.out.printf(
                    Locale.ROOT,
                    "%,d accounts, %,d progress events, %,d course states, %,d organisations (data generated in %d s)."
                            + " Recompute: %s ms. Province report (%d rows), citizens: p50 %.1f ms, p95 %.1f ms;"
                            + " all audiences: p50 %.1f ms, p95 %.1f ms. Working group (%d rows): p95 %.1f ms."
                            + " Trend of 8 quarters: p95 %.1f ms. Follow-up list (count + first 50): p95 %.1f ms."
                            + " Exports of a %d-row report, p95: %s ms."
                            + " Baseline GROUP BY at request time: p50 %.0f ms (3 runs). Province total: %s%n",
                    counts[0],
                    counts[1],
                    counts[2],
                    counts[3],
                    generation,
                    refresh,
                    report.rows().size(),
                    percentile(citizens, 0.5),
                    provinceP95,
                    percentile(everyone, 0.5),
                    percentile(everyone, 0.95),
                    groupRows,
                    percentile(workingGroup, 0.95),
                    percentile(trend, 0.95),
                    percentile(followUp, 0.95),
                    wide.rows().size(),
                    exports,
                    baselineP50,
                    report.total().figures());
            System.out.printf(
                    Locale.ROOT,
                    "BENCH report size=%d province_p50_ms=%.1f province_p95_ms=%.1f all_audiences_p95_ms=%.1f"
                            + " working_group_p95_ms=%.1f trend_p95_ms=%.1f follow_up_p95_ms=%.1f recompute_ms=%d"
                            + " export_pdf_p95_ms=%.1f export_xlsx_p95_ms=%.1f"
                            + " baseline_p50_ms=%.1f ratio=%.1f%n",
                    size,
                    percentile(citizens, 0.5),
                    provinceP95,
                    percentile(everyone, 0.95),
                    percentile(workingGroup, 0.95),
                    percentile(trend, 0.95),
                    percentile(followUp, 0.95),
                    refresh.getLast(),
                    exports.get(ReportExport.Format.PDF),
                    exports.get(ReportExport.Format.XLSX),
                    baselineP50,
                    baselineP50 / provinceP95);
            context.close();
        }
    }

    /**
     * Generates the data unless the same amount is there already; returns the seconds it took. Shared with
     * {@link IncrementalReportBenchmark}.
     */
    static long generate(JdbcClient jdbc, String rootPath, int size) {
        jdbc.sql("create table if not exists report_benchmark_data (size integer not null)")
                .update();
        var generated = jdbc.sql("select size from report_benchmark_data")
                .query(Integer.class)
                .list();
        if (generated.equals(List.of(size))) {
            return 0;
        }
        long begun = System.nanoTime();
        jdbc.sql("""
                        truncate report_fact, report_rollup, report_fact_source, report_rollup_source, report_person,
                            report_refresh, report_snapshot_source_row, report_snapshot_row, report_snapshot,
                            certificate, course_assignment, course_progress, enrolment, progress_event,
                            provisioning_outbox, activation_code, account cascade""").update();
        // Scale the headcounts so that N accounts cover about 85 % of the people expected.
        long expected =
                jdbc.sql("""
                        select sum(expected_citizens + expected_teachers + expected_officials) from organisation
                        where path like :p""").param("p", rootPath + "%").query(Long.class).single();
        double factor = size / 0.85 / expected;
        jdbc.sql("""
                        update organisation set expected_citizens = ceil(expected_citizens * :f),
                            expected_teachers = ceil(expected_teachers * :f),
                            expected_officials = ceil(expected_officials * :f)
                        where path like :p""").param("f", factor).param("p", rootPath + "%").update();
        jdbc.sql("""
                        with w as (
                            select o.id, a.audience, case a.audience when 'CITIZEN' then o.expected_citizens
                                when 'TEACHER' then o.expected_teachers else o.expected_officials end as expected
                            from organisation o
                            cross join (values ('CITIZEN'), ('TEACHER'), ('OFFICIAL')) as a(audience)
                            where o.path like :p),
                        t as (select sum(expected) as total from w),
                        per as (select w.id, w.audience, round(w.expected * 0.85) as n from w, t where w.expected > 0),
                        people as (
                            select per.id as organisation_id, per.audience, g,
                                now() - random() * interval '700 days' as verified_at
                            from per cross join lateral generate_series(1, cast(per.n as integer)) g
                            limit :size)
                        insert into account (id_scheme, id_key_id, id_encrypted, id_blind_index, id_last_four,
                            full_name, search_name, date_of_birth, gender, organisation_id, audience, state, source,
                            verified_at, activated_at, created_at, updated_at)
                        select 'VIETNAM_CCCD', 'bench', '\\x00',
                            decode(md5(organisation_id || '-' || audience || '-' || g), 'hex'),
                            lpad(cast(g % 10000 as text), 4, '0'), 'Người học ' || g, 'nguoi hoc ' || g,
                            date '1980-01-01', case when g % 2 = 0 then 'FEMALE' else 'MALE' end,
                            organisation_id, audience, case when g % 20 = 0 then 'PENDING' else 'VERIFIED' end,
                            'IMPORT', verified_at,
                            case when random() < 0.7 then least(now(), verified_at + random() * interval '30 days') end,
                            verified_at, verified_at
                        from people""").param("p", rootPath + "%").param("size", size).update();
        jdbc.sql("""
                        insert into course_assignment (organisation_id, audience, course_id, due_year, due_quarter,
                            assigned_by, assigned_at)
                        select (select id from organisation where path = :p), a, c, 2026, 4, 'bench', now()
                        from (values ('CITIZEN', :citizen), ('TEACHER', :teacher), ('OFFICIAL', :official)) as x(a, c)""")
                .param("p", rootPath)
                .param("citizen", REQUIRED.get("CITIZEN"))
                .param("teacher", REQUIRED.get("TEACHER"))
                .param("official", REQUIRED.get("OFFICIAL"))
                .update();
        // Two thirds learn their required course, one in four a second one; most of them complete.
        jdbc.sql("""
                        with learners as (
                            select a.username, a.audience, a.verified_at, random() as r from account a
                            where a.state = 'VERIFIED'),
                        chosen as (
                            select username, audience, case audience when 'CITIZEN' then :citizen
                                when 'TEACHER' then :teacher else :official end as course_id, verified_at, r
                            from learners where r < 0.67
                            union all
                            select username, audience, 'online-safety-scams', verified_at, r from learners
                            where r < 0.25),
                        timed as (
                            select *, least(now(), verified_at + random() * interval '200 days') as started,
                                random() < 0.75 as done from chosen)
                        insert into course_progress (username, course_id, lessons_done, last_lesson_id, quiz_attempts,
                            quiz_best_score, quiz_passed, completed_at, completed_version, completion_source,
                            organisation_code, audience, updated_at)
                        select username, course_id, '{}', null, case when done then 1 else 0 end,
                            case when done then 100 end, done,
                            case when done then least(now(), started + random() * interval '60 days') end,
                            case when done then 1 end, case when done then 'ONLINE' end, null, audience, started
                        from timed""")
                .param("citizen", REQUIRED.get("CITIZEN"))
                .param("teacher", REQUIRED.get("TEACHER"))
                .param("official", REQUIRED.get("OFFICIAL"))
                .update();
        jdbc.sql("""
                        insert into enrolment (username, course_id, source, enrolled_at)
                        select username, course_id, 'SELF', updated_at from course_progress""").update();
        long states = jdbc.sql("select count(*) from course_progress")
                .query(Long.class)
                .single();
        int perState = (int) Math.ceil(10.0 * size / states);
        jdbc.sql("""
                        insert into progress_event (username, course_id, course_version, kind, lesson_id, score,
                            passed, occurred_at)
                        select p.username, p.course_id, 1,
                            case when g = :per then 'COURSE_COMPLETED' when g = :per - 1 then 'QUIZ_ATTEMPT'
                                else 'LESSON_COMPLETED' end,
                            case when g < :per - 1 then 'lesson-' || g end, null, null,
                            p.updated_at + g * interval '5 minutes'
                        from course_progress p cross join generate_series(1, :per) g
                        limit :events""").param("per", perState).param("events", 10L * size).update();
        jdbc.sql("""
                        insert into certificate (code, username, course_id, course_version, holder_name,
                            course_title_vi, course_title_en, audience, completed_at, issued_at, key_id, credential)
                        select 'B' || row_number() over (), p.username, p.course_id, 1, 'Người học', p.course_id,
                            p.course_id, p.audience, p.completed_at, p.completed_at, 'bench', '{}'
                        from course_progress p where p.completed_at is not null""").update();
        jdbc.sql("delete from report_benchmark_data").update();
        jdbc.sql("insert into report_benchmark_data values (:size)")
                .param("size", size)
                .update();
        for (var table : List.of("account", "course_progress", "enrolment", "progress_event", "certificate")) {
            jdbc.sql("vacuum analyze " + table).update();
        }
        return (System.nanoTime() - begun) / 1_000_000_000;
    }

    /**
     * The province report computed at request time from the source tables: accounts, activated, enrolled and
     * completed per child of the province, cumulative to the quarter's end, by the same rules as the recompute.
     */
    private static Map<Long, long[]> naive(
            JdbcClient jdbc, long provinceId, java.time.Instant quarterEnd, Audience audience) {
        var end = java.sql.Timestamp.from(quarterEnd);
        var result = new HashMap<Long, long[]>();
        jdbc.sql(ReportFigures.people("a.audience = :audience", false) + """
                        select c.id,
                            count(*) filter (where p.verified_at < :end),
                            count(*) filter (where p.activated_at < :end),
                            count(*) filter (where exists (select 1 from enrolment e where e.username = p.username
                                and e.enrolled_at < :end)),
                            count(*) filter (where p.done_at < :end)
                        from person p
                        join organisation o on o.id = p.organisation_id
                        join organisation c on c.parent_id = :province and o.path like c.path || '%'
                        group by c.id""")
                .param("audience", audience.name())
                .param("end", end)
                .param("province", provinceId)
                .query((rs, n) -> result.put(
                        rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}))
                .list();
        return result;
    }

    private static List<Long> time(int times, Supplier<?> work) {
        for (int i = 0; i < 3; i++) {
            work.get();
        }
        var nanos = new ArrayList<Long>();
        for (int i = 0; i < times; i++) {
            long t = System.nanoTime();
            work.get();
            nanos.add(System.nanoTime() - t);
        }
        return nanos.stream().map(n -> n / 1_000).toList();
    }

    /** A percentile of microsecond samples, in milliseconds. */
    private static double percentile(List<Long> samples, double p) {
        var sorted = samples.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return 0;
        }
        long value = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        return value / 1000.0;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
