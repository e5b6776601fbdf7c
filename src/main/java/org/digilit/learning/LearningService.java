package org.digilit.learning;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.digilit.course.CatalogueService;
import org.digilit.course.CourseStructure;
import org.digilit.security.AuthenticatedUser;
import org.digilit.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in learner's progress: enrolment, lesson completions and quiz attempts. Each is an append-only event;
 * the current state per learner and course is updated in the same transaction, and the course is completed (once, at
 * a time that never moves) when every active lesson is done and the quiz is passed. A learner who completed a version
 * stays complete when a new version adds lessons. Every method acts on the signed-in user only: there is no learner id
 * to forge.
 */
@Service
public class LearningService {

    /** How long a course's structure is trusted before it is read again (content reloads are rare). */
    private static final Duration STRUCTURE_TTL = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;
    private final CatalogueService catalogue;
    private final AssignmentService assignments;
    private final CurrentUser currentUser;
    private final LearningProperties properties;
    private final CertificateService certificates;
    private final Clock clock;
    private final Map<String, Cached> structures = new ConcurrentHashMap<>();

    private record Cached(CourseStructure structure, Instant loadedAt) {}

    LearningService(
            JdbcClient jdbc,
            org.springframework.jdbc.core.JdbcTemplate jdbcTemplate,
            CatalogueService catalogue,
            AssignmentService assignments,
            CurrentUser currentUser,
            LearningProperties properties,
            CertificateService certificates,
            Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.catalogue = catalogue;
        this.assignments = assignments;
        this.currentUser = currentUser;
        this.properties = properties;
        this.certificates = certificates;
        this.clock = clock;
    }

    /**
     * Enrols the learner in an active course (again: nothing changes). A course assigned to them is recorded as
     * assigned, any other as their own choice.
     */
    @Transactional
    public CourseProgress enrol(String courseId) {
        var learner = currentUser.require();
        var structure = structure(courseId);
        enrolment(learner, courseId);
        return progress(learner, structure);
    }

    /** The learner's progress in a course they are enrolled in. */
    @Transactional(readOnly = true)
    public Optional<CourseProgress> progress(String courseId) {
        var learner = currentUser.require();
        var enrolled = jdbc.sql("select count(*) from enrolment where username = :u and course_id = :c")
                        .param("u", learner.username())
                        .param("c", courseId)
                        .query(Integer.class)
                        .single()
                > 0;
        return enrolled ? Optional.of(progress(learner, structure(courseId))) : Optional.empty();
    }

    /** The courses the learner is enrolled in (by choice or by assignment), most recently active first. */
    @Transactional(readOnly = true)
    public List<CourseProgress> myCourses() {
        var learner = currentUser.require();
        var ids =
                jdbc.sql("""
                        select e.course_id from enrolment e
                        left join course_progress p on p.username = e.username and p.course_id = e.course_id
                        where e.username = :u order by coalesce(p.updated_at, e.enrolled_at) desc""").param("u", learner.username()).query(String.class).list();
        return ids.stream()
                .map(id -> findStructure(id).map(s -> progress(learner, s)))
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * The learner's home: their assigned courses with progress (started or not), overdue and earliest due first and
     * completed ones last; their other courses, most recently active first; and the course to go on with.
     */
    @Transactional(readOnly = true)
    public LearnerHome home() {
        var learner = currentUser.require();
        var current = assignments.currentQuarter();
        var assigned = assignments.forLearner(learner).stream()
                .map(a -> findStructure(a.courseId()).map(s -> {
                    var progress = progress(learner, s);
                    return new AssignedCourse(
                            a, progress, !progress.completed() && a.due().compareTo(current) < 0);
                }))
                .flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing(
                                (AssignedCourse c) -> c.progress().completed())
                        .thenComparing(c -> c.assignment().due()))
                .toList();
        var assignedIds =
                assigned.stream().map(c -> c.assignment().courseId()).collect(java.util.stream.Collectors.toSet());
        var others = myCourses().stream()
                .filter(p -> !assignedIds.contains(p.courseId()))
                .toList();
        return new LearnerHome(assigned, others, LearnerHome.next(assigned, others));
    }

    /** Records that the learner finished reading a lesson (enrolling them if needed); completes the course if due. */
    @Transactional
    public CourseProgress completeLesson(String courseId, String lessonId) {
        var learner = currentUser.require();
        var structure = structure(courseId);
        if (!structure.lessonIds().contains(lessonId)) {
            throw new NoSuchElementException("No such lesson in this course");
        }
        var now = Timestamp.from(microseconds());
        event(learner, structure, "LESSON_COMPLETED", lessonId, null, null, now);
        var state = jdbc.sql("""
                        insert into course_progress (username, course_id, lessons_done, last_lesson_id, organisation_code,
                            audience, updated_at)
                        values (:u, :c, array[cast(:l as text)], :l, :org, :audience, :now)
                        on conflict (username, course_id) do update set
                            lessons_done = case when cast(:l as text) = any (course_progress.lessons_done)
                                then course_progress.lessons_done
                                else array_append(course_progress.lessons_done, cast(:l as text)) end,
                            last_lesson_id = excluded.last_lesson_id, updated_at = excluded.updated_at
                        returning """ + STATE_COLUMNS)
                .param("u", learner.username())
                .param("c", courseId)
                .param("l", lessonId)
                .param("org", learner.organisationCode())
                .param("audience", audience(learner))
                .param("now", now)
                .query((rs, n) -> state(rs, structure))
                .single();
        return settle(learner, structure, state, now);
    }

    /**
     * Scores a quiz attempt: a question counts when exactly its correct answers are chosen. Refused (no score) while
     * the learner has used up their attempts for the cool-down window.
     */
    @Transactional
    public QuizResult submitQuiz(String courseId, Map<String, Set<String>> chosen) {
        var learner = currentUser.require();
        var structure = structure(courseId);
        if (!structure.hasQuiz()) {
            throw new NoSuchElementException("This course has no quiz");
        }
        var now = microseconds();
        var window = jdbc.sql("""
                        select occurred_at from progress_event where username = :u and course_id = :c
                            and kind = 'QUIZ_ATTEMPT' and occurred_at > :since order by occurred_at""")
                .param("u", learner.username())
                .param("c", courseId)
                .param("since", Timestamp.from(now.minus(properties.quizCooldown())))
                .query(Timestamp.class)
                .list();
        if (window.size() >= properties.quizAttempts()) {
            var retryAt = window.getFirst().toInstant().plus(properties.quizCooldown());
            return new QuizResult(false, 0, false, Map.of(), 0, retryAt, progress(learner, structure));
        }
        var correct = new HashMap<String, Boolean>();
        int right = 0;
        for (var question : structure.questions()) {
            boolean ok = question.correct().equals(chosen.getOrDefault(question.id(), Set.of()));
            correct.put(question.id(), ok);
            right += ok ? 1 : 0;
        }
        int score = Math.round(100f * right / structure.questions().size());
        boolean passed = score >= structure.passMark();
        var at = Timestamp.from(now);
        event(learner, structure, "QUIZ_ATTEMPT", null, score, passed, at);
        var state = jdbc.sql("""
                        insert into course_progress (username, course_id, quiz_attempts, quiz_best_score, quiz_passed,
                            last_attempt_at, organisation_code, audience, updated_at)
                        values (:u, :c, 1, :score, :passed, :now, :org, :audience, :now)
                        on conflict (username, course_id) do update set
                            quiz_attempts = course_progress.quiz_attempts + 1,
                            quiz_best_score = greatest(course_progress.quiz_best_score, excluded.quiz_best_score),
                            quiz_passed = course_progress.quiz_passed or excluded.quiz_passed,
                            last_attempt_at = excluded.last_attempt_at, updated_at = excluded.updated_at
                        returning """ + STATE_COLUMNS)
                .param("u", learner.username())
                .param("c", courseId)
                .param("score", score)
                .param("passed", passed)
                .param("now", at)
                .param("org", learner.organisationCode())
                .param("audience", audience(learner))
                .query((rs, n) -> state(rs, structure))
                .single();
        var progress = settle(learner, structure, state, at);
        int left = Math.max(0, properties.quizAttempts() - window.size() - 1);
        return new QuizResult(true, score, passed, correct, left, null, progress);
    }

    /**
     * Completes a course in person (issue #16) for a learner who attended enough of its sessions, which the session
     * feature has checked: the same completion row, event and certificate as online, with its source {@code
     * IN_PERSON}. The quiz must be passed, online (the learner's own progress) or in the room ({@code
     * quizPassedInRoom}, recorded by the facilitator for a person who cannot use a phone). Once: a course already
     * completed (online or in person) stays as it was.
     *
     * @return whether this call completed the course
     */
    @Transactional
    public boolean completeInPerson(InPersonLearner learner, String courseId, boolean quizPassedInRoom) {
        var structure = structure(courseId);
        if (structure.hasQuiz() && !quizPassedInRoom) {
            var passedOnline = jdbc.sql(
                            "select quiz_passed from course_progress where username = :u and course_id = :c")
                    .param("u", learner.username())
                    .param("c", courseId)
                    .query(Boolean.class)
                    .optional()
                    .orElse(false);
            if (!passedOnline) {
                return false;
            }
        }
        var now = Timestamp.from(microseconds());
        jdbc.sql("""
                        insert into course_progress (username, course_id, quiz_passed, organisation_code, audience,
                            updated_at)
                        values (:u, :c, :passed, :org, :audience, :now)
                        on conflict (username, course_id) do nothing""")
                .param("u", learner.username())
                .param("c", courseId)
                .param("passed", quizPassedInRoom)
                .param("org", learner.organisationCode())
                .param("audience", learner.audience().name())
                .param("now", now)
                .update();
        int changed = jdbc.sql("""
                        update course_progress set completed_at = :now, completed_version = :version,
                            completion_source = 'IN_PERSON', quiz_passed = quiz_passed or :passed, updated_at = :now
                        where username = :u and course_id = :c and completed_at is null""")
                .param("now", now)
                .param("version", structure.version())
                .param("passed", quizPassedInRoom)
                .param("u", learner.username())
                .param("c", courseId)
                .update();
        if (changed != 1) {
            return false;
        }
        var user = new AuthenticatedUser(
                "account:" + learner.username(),
                learner.username(),
                learner.displayName(),
                Set.of(
                        switch (learner.audience()) {
                            case TEACHER -> org.digilit.security.Roles.Role.TEACHER;
                            case OFFICIAL -> org.digilit.security.Roles.Role.OFFICIAL;
                            case CITIZEN -> org.digilit.security.Roles.Role.CITIZEN;
                        }),
                learner.organisationCode());
        jdbc.sql("""
                        insert into enrolment (username, course_id, source, enrolled_at) values (:u, :c, 'SELF', :now)
                        on conflict do nothing""")
                .param("u", learner.username())
                .param("c", courseId)
                .param("now", now)
                .update();
        event(user, structure, "COURSE_COMPLETED", null, null, null, now);
        certificates.issue(user, structure, now.toInstant());
        return true;
    }

    /** The columns of the state row, in the order {@link #state} reads them; {@code xmax = 0}: the row is new. */
    private static final String STATE_COLUMNS =
            " lessons_done, last_lesson_id, quiz_attempts, quiz_best_score, quiz_passed, completed_at, (xmax = 0)";

    private record State(CourseProgress progress, boolean first) {}

    private static State state(java.sql.ResultSet rs, CourseStructure structure) throws SQLException {
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

    /**
     * After a write: the learner's first step in a course enrols them; the step that fulfils the rules completes the
     * course (once: the update only touches a row not yet completed, and only then are the event written and the
     * certificate issued).
     */
    private CourseProgress settle(AuthenticatedUser learner, CourseStructure structure, State state, Timestamp now) {
        if (state.first()) {
            enrolment(learner, structure.courseId());
        }
        var progress = state.progress();
        if (progress.completed()
                || !progress.lessonsDone().containsAll(structure.lessonIds())
                || (structure.hasQuiz() && !progress.quizPassed())) {
            return progress;
        }
        int changed = jdbc.sql("""
                        update course_progress set completed_at = :now, completed_version = :version,
                            completion_source = 'ONLINE'
                        where username = :u and course_id = :c and completed_at is null""")
                .param("now", now)
                .param("version", structure.version())
                .param("u", learner.username())
                .param("c", structure.courseId())
                .update();
        if (changed == 1) {
            event(learner, structure, "COURSE_COMPLETED", null, null, null, now);
            certificates.issue(learner, structure, now.toInstant());
            return new CourseProgress(
                    progress.courseId(),
                    progress.lessonIds(),
                    progress.lessonsDone(),
                    progress.lastLessonId(),
                    progress.hasQuiz(),
                    progress.quizAttempts(),
                    progress.quizBestScore(),
                    progress.quizPassed(),
                    now.toInstant());
        }
        return progress(learner, structure);
    }

    /**
     * The learner's first step in a course enrols them: as assigned when the course is assigned to them now, else as
     * their own choice. An enrolment is written once; a course assigned after the learner chose it stays their choice.
     */
    private void enrolment(AuthenticatedUser learner, String courseId) {
        var source = assignments.isAssigned(learner, courseId) ? "ASSIGNED" : "SELF";
        jdbc.sql("""
                        insert into enrolment (username, course_id, source, enrolled_at) values (:u, :c, :source, :now)
                        on conflict do nothing""")
                .param("u", learner.username())
                .param("c", courseId)
                .param("source", source)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private void event(
            AuthenticatedUser learner,
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
                .param("u", learner.username())
                .param("c", structure.courseId())
                .param("version", structure.version())
                .param("kind", kind)
                .param("lesson", lessonId)
                .param("score", score)
                .param("passed", passed)
                .param("at", at)
                .update();
    }

    private CourseProgress progress(AuthenticatedUser learner, CourseStructure structure) {
        return jdbc.sql("select" + STATE_COLUMNS + " from course_progress where username = :u and course_id = :c")
                .param("u", learner.username())
                .param("c", structure.courseId())
                .query((rs, n) -> state(rs, structure).progress())
                .optional()
                .orElseGet(() -> new CourseProgress(
                        structure.courseId(),
                        structure.lessonIds(),
                        Set.of(),
                        null,
                        structure.hasQuiz(),
                        0,
                        null,
                        false,
                        null));
    }

    private CourseStructure structure(String courseId) {
        return findStructure(courseId).orElseThrow(() -> new NoSuchElementException("No such course"));
    }

    private Optional<CourseStructure> findStructure(String courseId) {
        var now = clock.instant();
        var cached = structures.get(courseId);
        if (cached != null && cached.loadedAt().plus(STRUCTURE_TTL).isAfter(now)) {
            return Optional.of(cached.structure());
        }
        var loaded = catalogue.structure(courseId);
        loaded.ifPresentOrElse(s -> structures.put(courseId, new Cached(s, now)), () -> structures.remove(courseId));
        return loaded;
    }

    /** Now, to the microsecond PostgreSQL keeps: what is returned equals what is read back later. */
    private Instant microseconds() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** A course's content changed (stored, committed): its structure is read again on next use. */
    @org.springframework.context.event.EventListener
    void on(org.digilit.course.CourseContentChanged changed) {
        structures.remove(changed.courseId());
    }

    /**
     * Records completions made on other platforms (issue #17) as completions of DigiLit courses, in the caller's
     * transaction, with no signed-in learner: the caller (the completion feature) has matched each person by identity
     * number and checked the importer's scope. A course completed already, from any source, is not completed again: the
     * earliest date wins, and the source follows the date (an earlier date from another platform takes the row, its
     * date and its source; a later one changes nothing). No progress event and no DigiLit certificate are written: the
     * completion feature keeps the platform's record. See DD010.
     *
     * @return how many rows changed (new completions, or earlier dates)
     */
    @Transactional
    public int recordImportedCompletions(List<ImportedCompletion> completions) {
        if (completions.isEmpty()) {
            return 0;
        }
        var now = Timestamp.from(microseconds());
        int[][] counts = jdbcTemplate.batchUpdate("""
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
        int changed = 0;
        for (var batch : counts) {
            for (int n : batch) {
                changed += Math.max(n, 0);
            }
        }
        return changed;
    }

    /** The audience the learner's role stands for: teachers and officials count for their institution. */
    static String audience(AuthenticatedUser learner) {
        return LearnerAudience.of(learner).name();
    }

    private static Set<String> strings(@Nullable Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        return new HashSet<>(List.of((String[]) array.getArray()));
    }
}
