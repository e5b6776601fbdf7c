package org.digilit.learning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.digilit.course.CatalogueService;
import org.digilit.course.CourseStructure;
import org.digilit.security.AuthenticatedUser;
import org.digilit.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in learner's progress: enrolment, lesson completions and quiz attempts. Each is an append-only event;
 * the current state per learner and course is updated in the same transaction, and the course is completed (once, at
 * a time that never moves) when every active lesson is done and the quiz is passed. A learner who completed a version
 * stays complete when a new version adds lessons. Every method acts on the signed-in user only: there is no learner id
 * to forge. The SQL is in {@link ProgressStore}.
 */
@Service
public class LearningService {

    private final ProgressStore store;
    private final CatalogueService catalogue;
    private final AssignmentService assignments;
    private final CurrentUser currentUser;
    private final LearningProperties properties;
    private final CertificateService certificates;
    private final Clock clock;

    LearningService(
            ProgressStore store,
            CatalogueService catalogue,
            AssignmentService assignments,
            CurrentUser currentUser,
            LearningProperties properties,
            CertificateService certificates,
            Clock clock) {
        this.store = store;
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
        return store.isEnrolled(learner.username(), courseId)
                ? Optional.of(progress(learner, structure(courseId)))
                : Optional.empty();
    }

    /** The courses the learner is enrolled in (by choice or by assignment), most recently active first. */
    @Transactional(readOnly = true)
    public List<CourseProgress> myCourses() {
        var learner = currentUser.require();
        var ids = store.enrolledCourseIds(learner.username());
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
        var state = store.addLessonDone(
                learner.username(), structure, lessonId, learner.organisationCode(), audience(learner), now);
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
        var window = store.quizAttemptsSince(
                learner.username(), courseId, Timestamp.from(now.minus(properties.quizCooldown())));
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
        var state = store.addQuizAttempt(
                learner.username(), structure, score, passed, learner.organisationCode(), audience(learner), at);
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
            var passedOnline = store.quizPassed(learner.username(), courseId);
            if (!passedOnline) {
                return false;
            }
        }
        var now = Timestamp.from(microseconds());
        int changed = store.completeInPerson(
                learner.username(),
                structure,
                quizPassedInRoom,
                learner.organisationCode(),
                learner.audience().name(),
                now);
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
        store.enrolOnce(learner.username(), courseId, "SELF", now);
        event(user, structure, "COURSE_COMPLETED", null, null, null, now);
        certificates.issue(user, structure, now.toInstant());
        return true;
    }

    /**
     * After a write: the learner's first step in a course enrols them; the step that fulfils the rules completes the
     * course (once: the update only touches a row not yet completed, and only then are the event written and the
     * certificate issued).
     */
    private CourseProgress settle(
            AuthenticatedUser learner, CourseStructure structure, ProgressStore.State state, Timestamp now) {
        if (state.first()) {
            enrolment(learner, structure.courseId());
        }
        var progress = state.progress();
        if (progress.completed()
                || !progress.lessonsDone().containsAll(structure.lessonIds())
                || (structure.hasQuiz() && !progress.quizPassed())) {
            return progress;
        }
        int changed = store.completeOnline(learner.username(), structure, now);
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
        store.enrolOnce(learner.username(), courseId, source, Timestamp.from(clock.instant()));
    }

    private void event(
            AuthenticatedUser learner,
            CourseStructure structure,
            String kind,
            @Nullable String lessonId,
            @Nullable Integer score,
            @Nullable Boolean passed,
            Timestamp at) {
        store.appendEvent(learner.username(), structure, kind, lessonId, score, passed, at);
    }

    private CourseProgress progress(AuthenticatedUser learner, CourseStructure structure) {
        return store.progress(learner.username(), structure)
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

    /** The catalogue keeps structures with its other rows (read again when content changes or after 30 s). */
    private Optional<CourseStructure> findStructure(String courseId) {
        return catalogue.structure(courseId);
    }

    /** Now, to the microsecond PostgreSQL keeps: what is returned equals what is read back later. */
    private Instant microseconds() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
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
        int[][] counts = store.recordImportedCompletions(completions, now);
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
}
