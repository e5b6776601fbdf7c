package org.digilit.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.digilit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Loading course content into the real PostgreSQL: the real courses, re-loads, edits, removals, broken neighbours. */
@IntegrationTest
class CourseContentIT {

    @Autowired
    CourseContentService content;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogueService catalogue;

    @TempDir
    Path root;

    private final String id = "test-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void the_real_course_content_loads_without_a_single_problem() {
        var report = content.load(Path.of("course-content"));
        assertThat(report.problems()).as(report.problems().toString()).isEmpty();
        assertThat(report.skipped()).isEmpty();
        assertThat(report.loaded() + report.unchanged()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void loading_the_same_content_twice_writes_it_once() throws IOException {
        CourseFixtures.validCourse(root, id);
        assertThat(content.load(root).loaded()).isEqualTo(1);
        var again = content.load(root);
        assertThat(again.loaded()).isZero();
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(outboxEntries()).isEqualTo(1);
    }

    @Test
    void an_edited_lesson_is_updated_in_place_and_queued_for_indexing() throws IOException {
        var folder = CourseFixtures.validCourse(root, id);
        content.load(root);
        CourseFixtures.write(
                folder.resolve("lessons/02-screen.en.md"),
                "---\nid: screen\ntitle: The touch screen\norder: 2\n---\nTap, swipe and hold.\n");
        assertThat(content.load(root).loaded()).isEqualTo(1);
        assertThat(jdbc.sql("select body_en from lesson where course_id = :c and id = 'screen'")
                        .param("c", id)
                        .query(String.class)
                        .single())
                .contains("Tap, swipe and hold.");
        assertThat(outboxEntries()).isEqualTo(2);
    }

    @Test
    void learners_read_an_edited_or_removed_lesson_as_reloaded_though_the_catalogue_keeps_its_rows()
            throws IOException {
        var folder = CourseFixtures.validCourse(root, id);
        content.load(root);
        // Read once so the rows are cached (DD018), then change the content.
        assertThat(catalogue.lesson(id, "screen")).isPresent();
        assertThat(catalogue.lessons(id)).hasSize(2);
        CourseFixtures.write(
                folder.resolve("lessons/01-turn-on.en.md"),
                "---\nid: turn-on\ntitle: Switching on\norder: 1\n---\nHold the side button.\n");
        Files.delete(folder.resolve("lessons/02-screen.vi.md"));
        Files.delete(folder.resolve("lessons/02-screen.en.md"));
        assertThat(content.load(root).loaded()).isEqualTo(1);

        assertThat(catalogue.lesson(id, "screen")).isEmpty();
        assertThat(catalogue.lesson(id, "turn-on").orElseThrow().bodyEn()).contains("Hold the side button.");
        assertThat(catalogue.course(id).orElseThrow().lessons()).isEqualTo(1);
    }

    @Test
    void a_removed_lesson_is_kept_inactive_so_history_still_points_at_it() throws IOException {
        var folder = CourseFixtures.validCourse(root, id);
        content.load(root);
        Files.delete(folder.resolve("lessons/02-screen.vi.md"));
        Files.delete(folder.resolve("lessons/02-screen.en.md"));
        content.load(root);
        assertThat(jdbc.sql("select id, active from lesson where course_id = :c order by position")
                        .param("c", id)
                        .query()
                        .listOfRows())
                .extracting(row -> row.get("id") + "=" + row.get("active"))
                .containsExactly("turn-on=true", "screen=false");
    }

    @Test
    void a_broken_course_is_skipped_and_neither_half_loaded_nor_blocks_the_others() throws IOException {
        var good = CourseFixtures.validCourse(root, id);
        var broken = CourseFixtures.validCourse(root, id + "-b");
        content.load(root);
        CourseFixtures.write(broken.resolve("quiz.yaml"), "questions: [ {id: q1, type: single");
        CourseFixtures.write(
                good.resolve("lessons/01-turn-on.en.md"),
                "---\nid: turn-on\ntitle: Switching on\norder: 1\n---\nHold the power button.\n");
        var report = content.load(root);
        assertThat(report.loaded()).isEqualTo(1);
        assertThat(report.skipped()).containsExactly(id + "-b");
        assertThat(report.problems()).extracting(ContentProblem::file).containsExactly(id + "-b/quiz.yaml");
        assertThat(jdbc.sql("select count(*) from quiz_question where course_id = :c and active")
                        .param("c", id + "-b")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    private int outboxEntries() {
        return jdbc.sql("select count(*) from search_outbox where course_id = :c")
                .param("c", id)
                .query(Integer.class)
                .single();
    }
}
