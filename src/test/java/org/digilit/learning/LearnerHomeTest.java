package org.digilit.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.digilit.base.Quarter;
import org.junit.jupiter.api.Test;

/** The one next step on the learner's home: required before chosen, unfinished before finished, else nothing. */
class LearnerHomeTest {

    private static CourseProgress progress(String course, boolean completed) {
        return new CourseProgress(
                course,
                List.of("l1", "l2"),
                completed ? Set.of("l1", "l2") : Set.of("l1"),
                "l1",
                false,
                0,
                null,
                false,
                completed ? Instant.parse("2026-01-01T00:00:00Z") : null);
    }

    private static AssignedCourse assigned(String course, boolean completed) {
        return new AssignedCourse(
                new LearnerAssignment(course, new Quarter(2026, 2), "Huyện Một", "District One"),
                progress(course, completed),
                false);
    }

    @Test
    void the_first_unfinished_required_course_comes_before_the_learners_own() {
        var next = LearnerHome.next(
                List.of(assigned("done", true), assigned("required", false)), List.of(progress("own", false)));
        assertThat(next.courseId()).isEqualTo("required");
        assertThat(next.nextLessonId()).isEqualTo("l2");
    }

    @Test
    void without_unfinished_required_courses_the_most_recent_unfinished_own_course_is_next() {
        var next = LearnerHome.next(
                List.of(assigned("done", true)), List.of(progress("finished", true), progress("recent", false)));
        assertThat(next.courseId()).isEqualTo("recent");
    }

    @Test
    void with_everything_done_there_is_no_next_course() {
        assertThat(LearnerHome.next(List.of(assigned("done", true)), List.of(progress("finished", true))))
                .isNull();
        assertThat(new LearnerHome(List.of(), List.of(), null).nextCourse()).isEmpty();
    }
}
