package org.digilit.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content loader's validation: every mistake named as file:line, and a broken course yields nothing. */
class CourseContentReaderTest {

    @TempDir
    Path root;

    @Test
    void a_valid_course_reads_whole() throws IOException {
        var folder = CourseFixtures.validCourse(root, "phone-basics");
        var result = CourseContentReader.read(root, folder);
        assertThat(result.problems()).isEmpty();
        var course = result.course();
        assertThat(course.lessons()).extracting(CourseDefinition.Lesson::id).containsExactly("turn-on", "screen");
        assertThat(course.lessons().getFirst().title().vi()).isEqualTo("Bật điện thoại");
        assertThat(course.questions())
                .singleElement()
                .satisfies(q -> assertThat(q.answers()).hasSize(2));
        assertThat(course.contentHash()).hasSize(64);
    }

    @Test
    void broken_yaml_is_reported_with_its_file_and_line_and_nothing_is_read() throws IOException {
        var folder = CourseFixtures.validCourse(root, "phone-basics");
        CourseFixtures.write(folder.resolve("course.yaml"), "id: phone-basics\nversion: 1\ntitle: [unclosed\n");
        var result = CourseContentReader.read(root, folder);
        assertThat(result.course()).isNull();
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("phone-basics/course.yaml");
            assertThat(p.line()).isGreaterThanOrEqualTo(3);
            assertThat(p.message()).startsWith("broken YAML");
        });
    }

    @Test
    void a_lesson_without_its_english_file_is_a_missing_translation() throws IOException {
        var folder = CourseFixtures.validCourse(root, "phone-basics");
        Files.delete(folder.resolve("lessons/02-screen.en.md"));
        var result = CourseContentReader.read(root, folder);
        assertThat(result.course()).isNull();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("phone-basics/lessons/02-screen.vi.md");
            assertThat(p.message()).contains("missing translation").contains("English");
        });
    }

    @Test
    void a_title_without_english_is_a_missing_translation_on_its_line() throws IOException {
        var folder = CourseFixtures.validCourse(root, "phone-basics");
        var yaml = Files.readString(folder.resolve("course.yaml")).replace("  en: Getting to know your phone\n", "");
        CourseFixtures.write(folder.resolve("course.yaml"), yaml);
        var result = CourseContentReader.read(root, folder);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.toString()).startsWith("phone-basics/course.yaml:9: missing translation");
        });
    }

    @Test
    void duplicate_ids_are_refused() throws IOException {
        var folder = CourseFixtures.validCourse(root, "phone-basics");
        CourseFixtures.lesson(folder, "03-screen", "screen", 3, "Trùng", "Duplicate");
        var quiz = Files.readString(folder.resolve("quiz.yaml"));
        CourseFixtures.write(folder.resolve("quiz.yaml"), quiz + quiz.substring(quiz.indexOf("  - id: q1")));
        var result = CourseContentReader.read(root, folder);
        assertThat(result.course()).isNull();
        assertThat(result.problems())
                .extracting(ContentProblem::message)
                .anyMatch(m -> m.startsWith("duplicate lesson id 'screen'"))
                .anyMatch(m -> m.equals("duplicate question id 'q1'"));
    }

    @Test
    void a_quiz_question_without_a_correct_answer_is_refused_on_its_line() throws IOException {
        var folder = CourseFixtures.validCourse(root, "phone-basics");
        var quiz = Files.readString(folder.resolve("quiz.yaml")).replace("correct: true", "correct: false");
        CourseFixtures.write(folder.resolve("quiz.yaml"), quiz);
        var result = CourseContentReader.read(root, folder);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.toString()).isEqualTo("phone-basics/quiz.yaml:2: question 'q1' has no correct answer");
        });
    }

    @Test
    void a_single_choice_question_with_two_correct_answers_is_refused() throws IOException {
        var folder = CourseFixtures.validCourse(root, "phone-basics");
        var quiz = Files.readString(folder.resolve("quiz.yaml")).replace("correct: false", "correct: true");
        CourseFixtures.write(folder.resolve("quiz.yaml"), quiz);
        assertThat(CourseContentReader.read(root, folder).problems())
                .extracting(ContentProblem::message)
                .containsExactly("question 'q1' is single choice but has 2 correct answers");
    }

    @Test
    void a_front_matter_mistake_is_reported_on_the_files_own_line() throws IOException {
        var folder = CourseFixtures.validCourse(root, "phone-basics");
        CourseFixtures.write(
                folder.resolve("lessons/01-turn-on.en.md"),
                "---\nid: turn-on\ntitle: Turning on\norder: first\n---\nText.\n");
        var result = CourseContentReader.read(root, folder);
        assertThat(result.problems())
                .extracting(ContentProblem::toString)
                .contains("phone-basics/lessons/01-turn-on.en.md:4: 'order' must be a whole number");
    }

    @Test
    void the_course_id_must_be_its_folders_name() throws IOException {
        var folder = CourseFixtures.validCourse(root, "phone-basics");
        var yaml = Files.readString(folder.resolve("course.yaml")).replace("id: phone-basics", "id: other-id");
        CourseFixtures.write(folder.resolve("course.yaml"), yaml);
        assertThat(CourseContentReader.read(root, folder).problems())
                .extracting(ContentProblem::toString)
                .containsExactly(
                        "phone-basics/course.yaml:1: the id 'other-id' must be the folder's name" + " 'phone-basics'");
    }

    /** The smallest file that starts like a PNG (the reader checks the signature, not the whole picture). */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};

    private static Path lessonWithPicture(Path folder, String markdown) throws IOException {
        CourseFixtures.write(
                folder.resolve("lessons/01-turn-on.en.md"),
                "---\nid: turn-on\ntitle: Turning on\norder: 1\n---\nPress the button.\n\n" + markdown + "\n");
        return folder;
    }

    @Test
    void a_lesson_picture_of_the_images_folder_with_its_text_is_accepted() throws IOException {
        var folder = CourseFixtures.validCourse(root, "phone-basics");
        Files.createDirectories(folder.resolve("images"));
        Files.write(folder.resolve("images/power-button.png"), PNG);
        lessonWithPicture(folder, "![The power button on the side](images/power-button.png)");
        var result = CourseContentReader.read(root, folder);
        assertThat(result.problems()).isEmpty();
        assertThat(result.course()).isNotNull();
    }

    @Test
    void a_lesson_picture_without_text_missing_misnamed_or_not_a_picture_is_refused_on_its_line() throws IOException {
        var folder = CourseFixtures.validCourse(root, "phone-basics");
        Files.createDirectories(folder.resolve("images"));
        Files.write(folder.resolve("images/power-button.png"), PNG);
        Files.writeString(folder.resolve("images/page.png"), "<html><script>alert(1)</script></html>");
        lessonWithPicture(folder, """
                ![](images/power-button.png)

                ![Missing](images/missing.png)

                ![Shouting](images/Power-Button.PNG)

                ![Sneaky](images/page.png)

                ![Elsewhere](../../secrets/key.png)
                """);
        var result = CourseContentReader.read(root, folder);
        assertThat(result.course()).isNull();
        assertThat(result.problems())
                .extracting(ContentProblem::toString)
                .containsExactly(
                        "phone-basics/lessons/01-turn-on.en.md:8: a picture needs a text saying what it shows:"
                                + " ![what it shows](images/…)",
                        "phone-basics/lessons/01-turn-on.en.md:10: the picture images/missing.png is missing",
                        "phone-basics/lessons/01-turn-on.en.md:12: the picture's file name 'Power-Button.PNG' must be"
                                + " lower-case letters, digits, - and _, ending in .png, .jpg, .webp or .svg",
                        "phone-basics/lessons/01-turn-on.en.md:14: images/page.png is not the kind of picture its name"
                                + " says",
                        "phone-basics/lessons/01-turn-on.en.md:16: a picture is a file of the course's images folder"
                                + " (images/name.png) or a web address");
    }

    @Test
    void an_svg_picture_must_be_a_plain_drawing() throws IOException {
        var folder = CourseFixtures.validCourse(root, "phone-basics");
        Files.createDirectories(folder.resolve("images"));
        Files.writeString(
                folder.resolve("images/phone.svg"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"4\" height=\"4\"/></svg>");
        Files.writeString(
                folder.resolve("images/trap.svg"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        lessonWithPicture(folder, "![A phone](images/phone.svg)\n\n![A trap](images/trap.svg)\n");
        assertThat(CourseContentReader.read(root, folder).problems())
                .extracting(ContentProblem::message)
                .containsExactly("images/trap.svg is not a plain SVG drawing (only shapes and text: no script, links,"
                        + " styles or entities)");
    }

    @Test
    void a_picture_too_large_for_phones_is_refused() throws IOException {
        var folder = CourseFixtures.validCourse(root, "phone-basics");
        Files.createDirectories(folder.resolve("images"));
        var big = new byte[(int) CourseImageService.MAX_IMAGE_BYTES + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        Files.write(folder.resolve("images/photo.png"), big);
        lessonWithPicture(folder, "![A photo](images/photo.png)");
        assertThat(CourseContentReader.read(root, folder).problems())
                .extracting(ContentProblem::message)
                .containsExactly("the picture images/photo.png is larger than 200 KB: make it smaller for phones");
    }
}
