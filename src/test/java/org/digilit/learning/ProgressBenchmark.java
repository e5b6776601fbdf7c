package org.digilit.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.digilit.Application;
import org.digilit.course.CatalogueService;
import org.digilit.course.CourseContentService;
import org.digilit.course.CourseStructure;
import org.digilit.localstack.LocalStack;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Simulates N learners (last argument; 2,000 by default) working through the real courses at the same time, through
 * the learning service: each reads every lesson of two courses and takes their quizzes (one wrong attempt, then a
 * right one). Prints progress writes per second and the p50/p95/p99 latency of saving a lesson completion. The
 * baseline is the naive reading of progress: recomputing a learner's course state from all their events on every
 * write (what reports that "compute completion on every request" do), measured as the same p95.
 */
public final class ProgressBenchmark {

    private static final int THREADS = 16;

    private ProgressBenchmark() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        int learners = args.length == 0 ? 2_000 : Integer.parseInt(args[args.length - 1]);
        try (var stack = LocalStack.startNew(LocalStack.Mode.BENCH, LocalStack.freePort())) {
            var arguments = new ArrayList<String>(
                    List.of("--server.port=0", "--spring.main.banner-mode=off", "--digilit.demo.people=0"));
            stack.springProperties().forEach((key, value) -> arguments.add("--" + key + "=" + value));
            var app = SpringApplication.from(Application::main).run(arguments.toArray(String[]::new));
            var context = app.getApplicationContext();
            var jdbc = context.getBean(JdbcClient.class);
            context.getBean(CourseContentService.class).loadAll();
            var learning = context.getBean(LearningService.class);
            var catalogue = context.getBean(CatalogueService.class);
            var courses = catalogue.catalogue("").stream()
                    .map(card -> catalogue.structure(card.id()).orElseThrow())
                    .filter(CourseStructure::hasQuiz)
                    .toList();
            jdbc.sql("truncate progress_event, course_progress, enrolment").update();

            var lessonLatencies = new ConcurrentLinkedQueue<Long>();
            var writes = new AtomicInteger();
            var pool = Executors.newFixedThreadPool(THREADS);
            long begun = System.nanoTime();
            var futures = new ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < learners; i++) {
                int learner = i;
                futures.add(pool.submit(() -> {
                    TestUsers.signIn("bench-learner-" + learner, "P01-D01-C001", Role.CITIZEN);
                    try {
                        for (int c = 0; c < 2; c++) {
                            var course = courses.get((learner + c) % courses.size());
                            for (var lesson : course.lessonIds()) {
                                long t = System.nanoTime();
                                learning.completeLesson(course.courseId(), lesson);
                                lessonLatencies.add(System.nanoTime() - t);
                                writes.incrementAndGet();
                            }
                            learning.submitQuiz(course.courseId(), java.util.Map.of());
                            learning.submitQuiz(course.courseId(), answerKey(course));
                            writes.addAndGet(2);
                        }
                    } finally {
                        TestUsers.signOut();
                    }
                }));
            }
            for (var future : futures) {
                future.get();
            }
            double seconds = (System.nanoTime() - begun) / 1e9;
            pool.shutdown();
            var sorted =
                    lessonLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
            int completed = jdbc.sql("select count(*) from course_progress where completed_at is not null")
                    .query(Integer.class)
                    .single();
            check(completed == learners * 2, "completed " + completed + " of " + learners * 2);
            double baselineP95 = naiveP95(jdbc, courses);
            double p95 = percentile(sorted, 0.95);
            System.out.printf(
                    Locale.ROOT,
                    "%d learners x 2 courses: %d progress writes in %.1f s (%.0f writes/s, %d threads); lesson"
                            + " completion p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; naive recompute-from-events p95 %.1f"
                            + " ms%n",
                    learners,
                    writes.get(),
                    seconds,
                    writes.get() / seconds,
                    THREADS,
                    percentile(sorted, 0.50),
                    p95,
                    percentile(sorted, 0.99),
                    baselineP95);
            System.out.printf(
                    Locale.ROOT,
                    "BENCH progress-writes size=%d writes_per_s=%.0f lesson_p95_ms=%.1f lesson_p50_ms=%.1f"
                            + " baseline_recompute_p95_ms=%.1f ratio=%.1f%n",
                    learners,
                    writes.get() / seconds,
                    p95,
                    percentile(sorted, 0.50),
                    baselineP95,
                    baselineP95 / p95);
            context.close();
        }
    }

    private static java.util.Map<String, java.util.Set<String>> answerKey(CourseStructure course) {
        var key = new java.util.HashMap<String, java.util.Set<String>>();
        course.questions().forEach(q -> key.put(q.id(), q.correct()));
        return key;
    }

    /**
     * The naive way to know a learner's state: read all their events of the course and recompute it, on every write.
     * Measured on the events the run just wrote, for 2,000 learner-course pairs.
     */
    private static double naiveP95(JdbcClient jdbc, List<CourseStructure> courses) {
        var pairs = jdbc.sql("select username, course_id from course_progress order by random() limit 2000")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        var times = new long[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            long t = System.nanoTime();
            jdbc.sql("""
                            select kind, lesson_id, passed, occurred_at from progress_event
                            where username = :u and course_id = :c order by occurred_at""")
                    .param("u", pairs.get(i)[0])
                    .param("c", pairs.get(i)[1])
                    .query()
                    .listOfRows();
            jdbc.sql("select count(*) from progress_event where course_id = :c and kind = 'COURSE_COMPLETED'")
                    .param("c", pairs.get(i)[1])
                    .query(Integer.class)
                    .single();
            times[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(times);
        return percentile(times, 0.95);
    }

    private static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) Math.ceil(p * sortedNanos.length) - 1)] / 1e6;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
