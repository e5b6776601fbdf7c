package org.digilit.learning;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.digilit.course.CourseStructure;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of a learner's progress ({@code enrolment}, {@code progress_event}, {@code course_progress}, all owned by
 * learning). The rules (when a course is complete, who may act) stay in {@link LearningService}.
 */
@Repository
class ProgressStore {

    /** The columns of the state row, in the order {@link #state} reads them; {@code xmax = 0}: the row is new. */
    private static final String STATE_COLUMNS =
            " lessons_done, last_lesson_id, quiz_attempts, quiz_best_score, quiz_passed, completed_at, (xmax = 0)";

    /** A learner's progress in a course after a write, and whether the write created the row. */
    record State(CourseProgress progress, boolean first) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    ProgressStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    // Enrolments --------------------------------------------------------------------------------------------------

    boolean isEnrolled(String username, String courseId) {
        return jdbc.sql("select count(*) from enrolment where username = :u and course_id = :c")
                        .param("u", username)
                        .param("c", courseId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The courses a learner is enrolled in, most recently active first. */
    List<String> enrolledCourseIds(String username) {
        return jdbc.sql("""
                        select e.course_id from enrolment e
                        left join course_progress p on p.username = e.username and p.course_id = e.course_id
                        where e.username = :u order by coalesce(p.updated_at, e.enrolled_at) desc""").param("u", username).query(String.class).list();
    }

    /** Enrols a learner (once: an existing enrolment keeps its source and time). */
    void enrolOnce(String username, String courseId, String source, Timestamp at) {
        jdbc.sql("""
                        insert into enrolment (username, course_id, source, enrolled_at) values (:u, :c, :source, :now)
                        on conflict do nothing""")
                .param("u", username)
                .param("c", courseId)
                .param("source", source)
                .param("now", at)
                .update();
    }

    // Events -----------------------------------------------------------------------------------------------------

    void appendEvent(
            String username,
            CourseStructure structure,
            String kind,
            @Nullable String lessonId,
            @Nullable Integer score,
            @Nullable Boolean passed,
            Timestamp at) {
        jdbc.sql("""
                        insert into progress_event (username, course_id, course_version, kind, lesson_id, score, passed,
                            occurred_at)
                        values (:u, :c, :version, :kind, :lesson, :score, :passed, :at)""")
                .param("u", username)
                .param("c", structure.courseId())
                .param("version", structure.version())
                .param("kind", kind)
                .param("lesson", lessonId)
                .param("score", score)
                .param("passed", passed)
                .param("at", at)
                .update();
    }

    /** When the learner's quiz attempts in a course since a moment were made, earliest first. */
    List<Timestamp> quizAttemptsSince(String username, String courseId, Timestamp since) {
        return jdbc.sql("""
                        select occurred_at from progress_event where username = :u and course_id = :c
                            and kind = 'QUIZ_ATTEMPT' and occurred_at > :since order by occurred_at""")
                .param("u", username)
                .param("c", courseId)
                .param("since", since)
                .query(Timestamp.class)
                .list();
    }

    // Current state ----------------------------------------------------------------------------------------------

    /** The learner's state in a course, if they have one. */
    Optional<CourseProgress> progress(String username, CourseStructure structure) {
        return jdbc.sql("select" + STATE_COLUMNS + " from course_progress where username = :u and course_id = :c")
                .param("u", username)
                .param("c", structure.courseId())
                .query((rs, n) -> state(rs, structure).progress())
                .optional();
    }

    /** Adds a lesson to the lessons done (once), creating the state row on the learner's first step. */
    State addLessonDone(
            String username,
            CourseStructure structure,
            String lessonId,
            @Nullable String organisationCode,
            String audience,
            Timestamp now) {
        return jdbc.sql("""
                        insert into course_progress (username, course_id, lessons_done, last_lesson_id, organisation_code,
                            audience, updated_at)
                        values (:u, :c, array[cast(:l as text)], :l, :org, :audience, :now)
                        on conflict (username, course_id) do update set
                            lessons_done = case when cast(:l as text) = any (course_progress.lessons_done)
                                then course_progress.lessons_done
                                else array_append(course_progress.lessons_done, cast(:l as text)) end,
                            last_lesson_id = excluded.last_lesson_id, updated_at = excluded.updated_at
                        returning """ + STATE_COLUMNS)
                .param("u", username)
                .param("c", structure.courseId())
                .param("l", lessonId)
                .param("org", organisationCode)
                .param("audience", audience)
                .param("now", now)
                .query((rs, n) -> state(rs, structure))
                .single();
    }

    /** Counts a quiz attempt (best score, passed once passed), creating the state row on the learner's first step. */
    State addQuizAttempt(
            String username,
            CourseStructure structure,
            int score,
            boolean passed,
            @Nullable String organisationCode,
            String audience,
            Timestamp at) {
        return jdbc.sql("""
                        insert into course_progress (username, course_id, quiz_attempts, quiz_best_score, quiz_passed,
                            last_attempt_at, organisation_code, audience, updated_at)
                        values (:u, :c, 1, :score, :passed, :now, :org, :audience, :now)
                        on conflict (username, course_id) do update set
                            quiz_attempts = course_progress.quiz_attempts + 1,
                            quiz_best_score = greatest(course_progress.quiz_best_score, excluded.quiz_best_score),
                            quiz_passed = course_progress.quiz_passed or excluded.quiz_passed,
                            last_attempt_at = excluded.last_attempt_at, updated_at = excluded.updated_at
                        returning """ + STATE_COLUMNS)
                .param("u", username)
                .param("c", structure.courseId())
                .param("score", score)
                .param("passed", passed)
                .param("now", at)
                .param("org", organisationCode)
                .param("audience", audience)
                .query((rs, n) -> state(rs, structure))
                .single();
    }

    /** Whether the learner passed the course's quiz online (false without a state row). */
    boolean quizPassed(String username, String courseId) {
        return jdbc.sql("select quiz_passed from course_progress where username = :u and course_id = :c")
                .param("u", username)
                .param("c", courseId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Marks a course complete online; 1 when this call completed it, 0 when it was complete already. */
    int completeOnline(String username, CourseStructure structure, Timestamp now) {
        return jdbc.sql("""
                        update course_progress set completed_at = :now, completed_version = :version,
                            completion_source = 'ONLINE'
                        where username = :u and course_id = :c and completed_at is null""")
                .param("now", now)
                .param("version", structure.version())
                .param("u", username)
                .param("c", structure.courseId())
                .update();
    }

    /**
     * Marks a course complete in person, creating the state row when the learner never started online; 1 when this
     * call completed it, 0 when it was complete already.
     */
    int completeInPerson(
            String username,
            CourseStructure structure,
            boolean quizPassedInRoom,
            @Nullable String organisationCode,
            String audience,
            Timestamp now) {
        jdbc.sql("""
                        insert into course_progress (username, course_id, quiz_passed, organisation_code, audience,
                            updated_at)
                        values (:u, :c, :passed, :org, :audience, :now)
                        on conflict (username, course_id) do nothing""")
                .param("u", username)
                .param("c", structure.courseId())
                .param("passed", quizPassedInRoom)
                .param("org", organisationCode)
                .param("audience", audience)
                .param("now", now)
                .update();
        return jdbc.sql("""
                        update course_progress set completed_at = :now, completed_version = :version,
                            completion_source = 'IN_PERSON', quiz_passed = quiz_passed or :passed, updated_at = :now
                        where username = :u and course_id = :c and completed_at is null""")
                .param("now", now)
                .param("version", structure.version())
                .param("passed", quizPassedInRoom)
                .param("u", username)
                .param("c", structure.courseId())
                .update();
    }

    /**
     * Upserts completions made elsewhere in batches of 1,000: the earliest date wins, and its source with it.
     *
     * @return the update counts per batch
     */
    int[][] recordImportedCompletions(List<ImportedCompletion> completions, Timestamp now) {
        return jdbcTemplate.batchUpdate("""
                insert into course_progress (username, course_id, completed_at, completion_source, organisation_code,
                    audience, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (username, course_id) do update set completed_at = excluded.completed_at,
                    completion_source = excluded.completion_source, updated_at = excluded.updated_at
                where course_progress.completed_at is null or course_progress.completed_at > excluded.completed_at""", completions, 1_000, (statement, c) -> {
            statement.setString(1, c.username());
            statement.setString(2, c.courseId());
            statement.setTimestamp(3, Timestamp.from(c.completedAt()));
            statement.setString(4, c.source());
            statement.setString(5, c.organisationCode());
            statement.setString(6, c.audience());
            statement.setTimestamp(7, now);
        });
    }

    private static State state(ResultSet rs, CourseStructure structure) throws SQLException {
        var completed = rs.getTimestamp(6);
        return new State(
                new CourseProgress(
                        structure.courseId(),
                        structure.lessonIds(),
                        strings(rs.getArray(1)),
                        rs.getString(2),
                        structure.hasQuiz(),
                        rs.getInt(3),
                        rs.getObject(4, Integer.class),
                        rs.getBoolean(5),
                        completed == null ? null : completed.toInstant()),
                rs.getBoolean(7));
    }

    private static Set<String> strings(@Nullable Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        return new HashSet<>(List.of((String[]) array.getArray()));
    }
}
