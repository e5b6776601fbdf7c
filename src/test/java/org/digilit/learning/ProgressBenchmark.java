package org.digilit.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.digilit.course.CatalogueService;
import org.digilit.course.CourseContentService;
import org.digilit.course.CourseStructure;
import org.digilit.localstack.LocalStack;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Simulates N learners (last argument; 2,000 by default) working through the real courses at the same time, through
 * the learning service: each reads every lesson of two courses and takes their quizzes (one wrong attempt, then a
 * right one). Prints progress writes per second and the p50/p95/p99 latency of saving a lesson completion. The
 * baseline is the naive write path with the same threads: no state table and no cached course structure, so each
 * lesson completion inserts its event, reads the course's lessons from the database and recomputes the learner's
 * state from all their events (what "compute completion on every request" amounts to).
 */
public final class ProgressBenchmark {

    private static final int THREADS = 16;

    private ProgressBenchmark() {}

    public static void main(String[] args) {
        org.digilit.localstack.Benchmarks.exitAfter(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        int learners = org.digilit.localstack.Benchmarks.size(args, 2_000);
        try (var stack = LocalStack.startNew(LocalStack.Mode.BENCH, LocalStack.freePort())) {
            var context = stack.runApp(
                    List.of("--server.port=0", "--spring.main.banner-mode=off", "--digilit.demo.people=0"));
            var jdbc = context.getBean(JdbcClient.class);
            context.getBean(CourseContentService.class).loadAll();
            var learning = context.getBean(LearningService.class);
            var catalogue = context.getBean(CatalogueService.class);
            var courses = catalogue.catalogue("").stream()
                    .map(card -> catalogue.structure(card.id()).orElseThrow())
                    .filter(CourseStructure::hasQuiz)
                    .toList();
            jdbc.sql("truncate progress_event, course_progress, enrolment, certificate")
                    .update();

            var lessonLatencies = new ConcurrentLinkedQueue<Long>();
            var writes = new AtomicInteger();
            var pool = Executors.newFixedThreadPool(THREADS);
            long begun = System.nanoTime();
            var futures = new ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < learners; i++) {
                int learner = i;
                futures.add(pool.submit(() -> {
                    TestUsers.signIn("bench-learner-" + learner, "P01-C001", Role.CITIZEN);
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
            var naive = naive(
                    jdbc,
                    context.getBean(org.springframework.transaction.support.TransactionTemplate.class),
                    courses,
                    Math.max(100, learners / 4));
            double baselineP95 = naive[1];
            double p95 = percentile(sorted, 0.95);
            System.out.printf(
                    Locale.ROOT,
                    "%d learners x 2 courses: %d progress writes in %.1f s (%.0f writes/s, %d threads); lesson"
                            + " completion p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; naive (recompute from events):"
                            + " %.0f writes/s, p95 %.1f ms%n",
                    learners,
                    writes.get(),
                    seconds,
                    writes.get() / seconds,
                    THREADS,
                    percentile(sorted, 0.50),
                    p95,
                    percentile(sorted, 0.99),
                    naive[0],
                    baselineP95);
            System.out.printf(
                    Locale.ROOT,
                    "BENCH progress-writes size=%d writes_per_s=%.0f lesson_p95_ms=%.1f lesson_p50_ms=%.1f"
                            + " baseline_writes_per_s=%.0f baseline_lesson_p95_ms=%.1f ratio=%.2f%n",
                    learners,
                    writes.get() / seconds,
                    p95,
                    percentile(sorted, 0.50),
                    naive[0],
                    baselineP95,
                    (writes.get() / seconds) / naive[0]);
            context.close();
        }
    }

    private static java.util.Map<String, java.util.Set<String>> answerKey(CourseStructure course) {
        var key = new java.util.HashMap<String, java.util.Set<String>>();
        course.questions().forEach(q -> key.put(q.id(), q.correct()));
        return key;
    }

    /** The naive write path (see the class comment): returns writes per second and the p95 in milliseconds. */
    private static double[] naive(
            JdbcClient jdbc,
            org.springframework.transaction.support.TransactionTemplate transactions,
            List<CourseStructure> courses,
            int learners)
            throws Exception {
        var latencies = new ConcurrentLinkedQueue<Long>();
        var writes = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(THREADS);
        var futures = new ArrayList<java.util.concurrent.Future<?>>();
        long begun = System.nanoTime();
        for (int i = 0; i < learners; i++) {
            var username = "naive-learner-" + i;
            var course = courses.get(i % courses.size());
            futures.add(pool.submit(() -> {
                for (var lesson : course.lessonIds()) {
                    long t = System.nanoTime();
                    transactions.executeWithoutResult(status -> {
                        jdbc.sql("""
                                        insert into progress_event (username, course_id, course_version, kind, lesson_id,
                                            occurred_at) values (:u, :c, 1, 'LESSON_COMPLETED', :l, now())""")
                                .param("u", username)
                                .param("c", course.courseId())
                                .param("l", lesson)
                                .update();
                        var lessons = jdbc.sql("select id from lesson where course_id = :c and active")
                                .param("c", course.courseId())
                                .query(String.class)
                                .list();
                        var done = new java.util.HashSet<>(jdbc.sql("""
                                        select lesson_id from progress_event where username = :u and course_id = :c
                                            and kind = 'LESSON_COMPLETED'""")
                                .param("u", username)
                                .param("c", course.courseId())
                                .query(String.class)
                                .list());
                        done.containsAll(lessons);
                    });
                    latencies.add(System.nanoTime() - t);
                    writes.incrementAndGet();
                }
            }));
        }
        for (var future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - begun) / 1e9;
        pool.shutdown();
        var sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[] {writes.get() / seconds, percentile(sorted, 0.95)};
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
