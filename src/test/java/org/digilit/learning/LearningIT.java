package org.digilit.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import org.digilit.IntegrationTest;
import org.digilit.course.CourseContentService;
import org.digilit.course.CourseTestData;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Completion rules on the real PostgreSQL: every lesson and a passed quiz complete a course, once; quiz retries are
 * limited; a new version does not undo a completion; each learner sees only their own progress.
 */
@IntegrationTest
class LearningIT {

    @Autowired
    LearningService learning;

    @Autowired
    CourseContentService content;

    @Autowired
    JdbcClient jdbc;

    String course;
    String learner;

    @BeforeEach
    void course() throws Exception {
        course = "learn-" + UUID.randomUUID().toString().substring(0, 8);
        learner = "learner-" + course;
        CourseTestData.loadFixtureCourse(content, Files.createTempDirectory("courses"), course, false);
        TestUsers.signIn(learner, "P01-C001", Role.CITIZEN);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private int events(String kind) {
        return jdbc.sql("select count(*) from progress_event where username = :u and course_id = :c and kind = :k")
                .param("u", learner)
                .param("c", course)
                .param("k", kind)
                .query(Integer.class)
                .single();
    }

    @Test
    void every_lesson_and_a_passed_quiz_complete_the_course_once() {
        learning.enrol(course);
        learning.completeLesson(course, "turn-on");
        var afterLessons = learning.completeLesson(course, "screen");
        assertThat(afterLessons.completed()).as("the quiz is still to pass").isFalse();
        assertThat(afterLessons.percent()).isEqualTo(66);

        var failed = learning.submitQuiz(course, Map.of("q1", Set.of("b")));
        assertThat(failed.accepted()).isTrue();
        assertThat(failed.score()).isZero();
        assertThat(failed.passed()).isFalse();
        assertThat(failed.progress().completed()).isFalse();

        var passed = learning.submitQuiz(course, Map.of("q1", Set.of("a")));
        assertThat(passed.passed()).isTrue();
        assertThat(passed.score()).isEqualTo(100);
        var completedAt = passed.progress().completedAt();
        assertThat(completedAt).isNotNull();

        // More reading later changes nothing about the completion.
        var again = learning.completeLesson(course, "turn-on");
        assertThat(again.completedAt()).isEqualTo(completedAt);
        assertThat(events("COURSE_COMPLETED")).isEqualTo(1);
        assertThat(events("LESSON_COMPLETED")).isEqualTo(3);
        assertThat(events("QUIZ_ATTEMPT")).isEqualTo(2);
        var stored = jdbc.sql("select organisation_code, audience from course_progress where username = :u and"
                        + " course_id = :c")
                .param("u", learner)
                .param("c", course)
                .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2))
                .single();
        assertThat(stored).isEqualTo("P01-C001/CITIZEN");
    }

    @Test
    void passing_the_quiz_first_completes_the_course_when_the_last_lesson_is_read() {
        assertThat(learning.submitQuiz(course, Map.of("q1", Set.of("a")))
                        .progress()
                        .completed())
                .isFalse();
        assertThat(learning.completeLesson(course, "screen").completed()).isFalse();
        assertThat(learning.completeLesson(course, "turn-on").completed()).isTrue();
    }

    @Test
    void quiz_attempts_are_limited_within_the_cool_down() {
        for (int i = 0; i < 3; i++) {
            assertThat(learning.submitQuiz(course, Map.of("q1", Set.of("b"))).accepted())
                    .isTrue();
        }
        var refused = learning.submitQuiz(course, Map.of("q1", Set.of("a")));
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.retryAt()).isNotNull();
        assertThat(refused.progress().quizPassed()).isFalse();
        assertThat(events("QUIZ_ATTEMPT")).isEqualTo(3);
    }

    @Test
    void a_multiple_choice_question_counts_only_with_exactly_the_right_answers() {
        var both = learning.submitQuiz(course, Map.of("q1", Set.of("a", "b")));
        assertThat(both.correctByQuestion()).containsEntry("q1", false);
        var none = learning.submitQuiz(course, Map.of());
        assertThat(none.score()).isZero();
    }

    @Test
    void a_new_version_with_another_lesson_keeps_completions_but_asks_more_of_those_still_learning() throws Exception {
        learning.completeLesson(course, "turn-on");
        learning.completeLesson(course, "screen");
        var completedAt = learning.submitQuiz(course, Map.of("q1", Set.of("a")))
                .progress()
                .completedAt();
        TestUsers.signIn(learner + "-late", null, Role.TEACHER);
        learning.completeLesson(course, "turn-on");
        learning.completeLesson(course, "screen");

        CourseTestData.loadFixtureCourse(content, Files.createTempDirectory("courses-v2"), course, true);

        var late = learning.submitQuiz(course, Map.of("q1", Set.of("a")));
        assertThat(late.passed()).isTrue();
        assertThat(late.progress().completed())
                .as("version 2's new lesson is still to read")
                .isFalse();
        assertThat(late.progress().nextLessonId()).isEqualTo("apps");
        assertThat(learning.completeLesson(course, "apps").completed()).isTrue();
        TestUsers.signIn(learner, "P01-C001", Role.CITIZEN);
        var first = learning.progress(course).orElseThrow();
        assertThat(first.completed())
                .as("completed under version 1, still complete")
                .isTrue();
        assertThat(first.completedAt()).isEqualTo(completedAt);
        assertThat(jdbc.sql("select completed_version from course_progress where username = :u and course_id = :c")
                        .param("u", learner)
                        .param("c", course)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void a_learner_sees_only_their_own_progress_and_unknown_lessons_are_refused() {
        learning.completeLesson(course, "turn-on");
        assertThatThrownBy(() -> learning.completeLesson(course, "no-such-lesson"))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> learning.completeLesson("no-such-course", "turn-on"))
                .isInstanceOf(NoSuchElementException.class);
        TestUsers.signIn("someone-else-" + course, null, Role.CITIZEN);
        assertThat(learning.progress(course)).isEmpty();
        assertThat(learning.myCourses()).isEmpty();
        TestUsers.signIn(learner, null, Role.CITIZEN);
        assertThat(learning.myCourses()).singleElement().satisfies(p -> {
            assertThat(p.courseId()).isEqualTo(course);
            assertThat(p.lessonsDone()).containsExactly("turn-on");
            assertThat(p.nextLessonId()).isEqualTo("screen");
        });
    }
}
