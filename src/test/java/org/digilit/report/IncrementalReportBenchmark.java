package org.digilit.report;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.digilit.course.CourseContentService;
import org.digilit.localstack.LocalStack;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The report kept up to date incrementally (issue #20 item 5, DD020) over the same province as {@link ReportBenchmark}
 * (N accounts, last argument, 1,000,000 by default; 10 × N progress events; generated once and kept). In one run: a
 * full recompute (timed, after one to warm up), an incremental pass with nothing changed, then 10,000 new progress
 * events by existing people written by bulk SQL as the generator writes them (5,000 complete their required course,
 * with its certificate; 5,000 people who never learned start a course), the incremental pass (timed), and the full
 * recompute again on the same data (timed: what every pass cost before, the baseline). The full recompute's tables
 * must equal the incremental pass's, cell by cell ({@code except} both ways over the four figure tables and
 * {@code report_person}). The new events are taken away again at the end, so the kept data stays as generated.
 */
public final class IncrementalReportBenchmark {

    static final int EVENTS = 10_000;

    private IncrementalReportBenchmark() {}

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
                            select r.path from organisation r where r.parent_id is null
                            order by (select count(*) from organisation d where d.path like r.path || '%') desc
                            limit 1""").query(String.class).single();
            undo(jdbc);
            long generation = ReportBenchmark.generate(jdbc, root, size);
            var figures = context.getBean(ReportFigures.class);
            var day = Duration.ofDays(1);

            figures.recompute();
            long full = millis(figures::recompute);
            long idle = millis(() -> check(figures.update(day) == ReportFigures.Pass.INCREMENTAL, "idle pass"));

            long events = addEvents(jdbc);
            check(events == EVENTS, "events written: " + events);
            long changed = jdbc.sql("""
                            select count(distinct username) from report_incremental_bench""").query(Long.class).single();
            long incremental =
                    millis(() -> check(figures.update(day) == ReportFigures.Pass.INCREMENTAL, "incremental pass"));
            long passTook = jdbc.sql("select took_ms from report_refresh where id = 1")
                    .query(Long.class)
                    .single();
            var agreement = new ReportAgreement(jdbc, "bench").keep();
            long rows = agreement.rows();
            long baseline = millis(figures::recompute);
            var differences = agreement.differences();
            boolean agree = differences.isEmpty();
            undo(jdbc);

            System.out.printf(
                    Locale.ROOT,
                    "%,d accounts (data generated in %d s), %,d report rows compared. Full recompute %d ms; incremental"
                            + " pass with nothing changed %d ms; %,d new events by %,d people, incremental pass %d ms"
                            + " (%d ms inside its transaction); full recompute of the same data %d ms. Agree: %s %s%n",
                    size,
                    generation,
                    rows,
                    full,
                    idle,
                    events,
                    changed,
                    incremental,
                    passTook,
                    baseline,
                    agree,
                    agree ? "" : differences);
            System.out.printf(
                    Locale.ROOT,
                    "BENCH report-incremental size=%d incremental_ms=%d events=%d idle_pass_ms=%d full_recompute_ms=%d"
                            + " baseline_full_recompute_ms=%d ratio=%.1f agree=%s%n",
                    size,
                    incremental,
                    events,
                    idle,
                    full,
                    baseline,
                    (double) baseline / Math.max(1, incremental),
                    agree);
            context.close();
            check(agree, "the incremental pass and the full recompute disagree: " + differences);
        }
    }

    /**
     * Writes {@link #EVENTS} progress events by existing people, with the state they make: half complete their
     * required course (the state row, the event, the certificate), half start a course though they never enrolled
     * (the state row, the enrolment, a lesson's event). Returns the events written.
     */
    private static long addEvents(JdbcClient jdbc) {
        jdbc.sql("""
                        with chosen as (
                            select p.username, p.course_id from course_progress p
                            where p.completed_at is null and p.course_id = any (:required)
                            limit :n),
                        done as (
                            update course_progress p set completed_at = now(), completed_version = 1,
                                completion_source = 'ONLINE', quiz_passed = true, quiz_best_score = 100,
                                quiz_attempts = p.quiz_attempts + 1, updated_at = now()
                            from chosen c where p.username = c.username and p.course_id = c.course_id
                            returning p.username, p.course_id)
                        insert into report_incremental_bench (username, course_id, kind)
                        select username, course_id, 'COMPLETED' from done""").param("required", REQUIRED).param("n", EVENTS / 2).update();
        jdbc.sql("""
                        with chosen as (
                            select a.username, a.audience from account a
                            where a.state = 'VERIFIED' and not exists (select 1 from enrolment e where e.username = a.username)
                            limit :n),
                        started as (
                            insert into course_progress (username, course_id, lessons_done, last_lesson_id,
                                quiz_attempts, quiz_passed, audience, updated_at)
                            select username, 'online-safety-scams', '{lesson-1}', 'lesson-1', 0, false, audience, now()
                            from chosen
                            returning username, course_id)
                        insert into report_incremental_bench (username, course_id, kind)
                        select username, course_id, 'STARTED' from started""").param("n", EVENTS / 2).update();
        jdbc.sql("""
                        insert into enrolment (username, course_id, source, enrolled_at)
                        select username, course_id, 'SELF', now() from report_incremental_bench where kind = 'STARTED'""").update();
        jdbc.sql("""
                        insert into certificate (code, username, course_id, course_version, holder_name,
                            course_title_vi, course_title_en, audience, completed_at, issued_at, key_id, credential)
                        select 'BI' || row_number() over (), p.username, p.course_id, 1, 'Người học', p.course_id,
                            p.course_id, coalesce(p.audience, 'CITIZEN'), p.completed_at, p.completed_at, 'bench', '{}'
                        from report_incremental_bench b
                        join course_progress p on p.username = b.username and p.course_id = b.course_id
                        where b.kind = 'COMPLETED'""").update();
        return jdbc.sql("""
                        insert into progress_event (username, course_id, course_version, kind, lesson_id, score,
                            passed, occurred_at)
                        select username, course_id, 99,
                            case kind when 'COMPLETED' then 'COURSE_COMPLETED' else 'LESSON_COMPLETED' end,
                            case kind when 'STARTED' then 'lesson-1' end, null, null, now()
                        from report_incremental_bench""").update();
    }

    /** Takes the benchmark's events away again (also what a run that failed half-way left). */
    private static void undo(JdbcClient jdbc) {
        jdbc.sql("""
                        create table if not exists report_incremental_bench (
                            username text not null, course_id text not null, kind text not null)""").update();
        jdbc.sql("delete from progress_event where course_version = 99").update();
        jdbc.sql("delete from certificate where code like 'BI%'").update();
        jdbc.sql("""
                        delete from enrolment e using report_incremental_bench b
                        where b.kind = 'STARTED' and e.username = b.username and e.course_id = b.course_id""").update();
        jdbc.sql("""
                        delete from course_progress p using report_incremental_bench b
                        where b.kind = 'STARTED' and p.username = b.username and p.course_id = b.course_id""").update();
        jdbc.sql("""
                        update course_progress p set completed_at = null, completed_version = null,
                            completion_source = null, quiz_passed = false, quiz_best_score = null,
                            quiz_attempts = greatest(0, p.quiz_attempts - 1)
                        from report_incremental_bench b
                        where b.kind = 'COMPLETED' and p.username = b.username and p.course_id = b.course_id""").update();
        jdbc.sql("delete from report_incremental_bench").update();
    }

    private static final String[] REQUIRED = Map.of(
                    "CITIZEN", "smartphone-basics",
                    "TEACHER", "teaching-with-digital-tools",
                    "OFFICIAL", "e-identity-public-services")
            .values()
            .toArray(String[]::new);

    private static long millis(Runnable work) {
        long t = System.nanoTime();
        work.run();
        return (System.nanoTime() - t) / 1_000_000;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
