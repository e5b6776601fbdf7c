package org.digilit.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.digilit.course.CourseDefinition.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real course content as an editor would check it (issue #19): quizzes whose right answer is not given away by its
 * length, one feedback wording, a picture for every lesson with steps on a screen, no district level in the text
 * (Vietnam has had two levels of local government since 1 July 2025), and a sources section for every course.
 */
class CourseContentQualityTest {

    private static final Path ROOT = Path.of("course-content");

    /** A numbered step that has the learner act on a screen: "1. Tap …", "2. Open **Settings** …". */
    private static final Pattern SCREEN_STEP =
            Pattern.compile("(?m)^ *\\d+\\. (\\*\\*)?(Tap|Open|Press|Swipe|Scan|Turn on|Turn off|Go to|Log in)\\b");

    private static final Pattern PICTURE = Pattern.compile("!\\[[^\\]]+\\]\\(images/[^)]+\\)");

    private static final Pattern DISTRICT =
            Pattern.compile("(?iu)(?<![\\p{L}])(district|districts|huyện|quận|cấp huyện)(?![\\p{L}])");

    private static List<CourseDefinition> courses;

    @BeforeAll
    static void readTheRealCourses() throws IOException {
        courses = new ArrayList<>();
        try (var folders = Files.list(ROOT)) {
            for (var folder : folders.filter(Files::isDirectory).sorted().toList()) {
                var result = CourseContentReader.read(ROOT, folder);
                assertThat(result.problems()).as(folder.toString()).isEmpty();
                courses.add(result.course());
            }
        }
        assertThat(courses).hasSizeGreaterThanOrEqualTo(11);
    }

    @Test
    void the_right_answer_is_the_longest_in_at_most_a_third_of_a_course_s_questions() {
        for (var course : courses) {
            for (Function<Text, String> language : List.<Function<Text, String>>of(Text::vi, Text::en)) {
                long givenAway = course.questions().stream()
                        .filter(q -> {
                            int longest = q.answers().stream()
                                    .mapToInt(a -> language.apply(a.text()).length())
                                    .max()
                                    .orElse(0);
                            return q.answers().stream()
                                    .anyMatch(a -> a.correct()
                                            && language.apply(a.text()).length() == longest);
                        })
                        .count();
                assertThat(givenAway * 3)
                        .as(course.id() + ": questions whose right answer is the longest")
                        .isLessThanOrEqualTo(course.questions().size());
            }
        }
    }

    @Test
    void every_explanation_uses_the_one_feedback_wording() {
        for (var course : courses) {
            for (var question : course.questions()) {
                for (var answer : question.answers()) {
                    var where = course.id() + " " + question.id() + answer.id();
                    if (answer.correct()) {
                        assertThat(answer.explanation().vi()).as(where).startsWith("Đúng.");
                        assertThat(answer.explanation().en()).as(where).startsWith("Correct.");
                    } else {
                        assertThat(answer.explanation().vi()).as(where).startsWith("Chưa đúng.");
                        assertThat(answer.explanation().en()).as(where).startsWith("Not quite.");
                    }
                }
            }
        }
    }

    @Test
    void every_lesson_with_steps_on_a_screen_has_a_picture_in_both_languages() {
        for (var course : courses) {
            for (var lesson : course.lessons()) {
                if (SCREEN_STEP.matcher(lesson.body().en()).results().count() >= 2) {
                    assertThat(PICTURE.matcher(lesson.body().en()).find())
                            .as(course.id() + "/" + lesson.id() + " (en)")
                            .isTrue();
                    assertThat(PICTURE.matcher(lesson.body().vi()).find())
                            .as(course.id() + "/" + lesson.id() + " (vi)")
                            .isTrue();
                }
            }
        }
    }

    @Test
    void no_text_mentions_a_district_level() {
        for (var course : courses) {
            var texts = new ArrayList<String>(List.of(
                    course.title().vi(),
                    course.title().en(),
                    course.summary().vi(),
                    course.summary().en()));
            course.lessons()
                    .forEach(l -> texts.addAll(List.of(l.body().vi(), l.body().en())));
            course.questions().forEach(q -> {
                texts.addAll(List.of(q.text().vi(), q.text().en()));
                q.answers()
                        .forEach(a -> texts.addAll(List.of(
                                a.text().vi(),
                                a.text().en(),
                                a.explanation().vi(),
                                a.explanation().en())));
            });
            for (var text : texts) {
                assertThat(DISTRICT.matcher(text).find())
                        .as(course.id() + ": " + text)
                        .isFalse();
            }
        }
    }

    @Test
    void every_course_names_its_sources() throws IOException {
        var sources = Files.readString(ROOT.resolve("SOURCES.md"));
        for (var course : courses) {
            assertThat(sources).as("a section for " + course.id()).contains("## " + course.id());
        }
    }
}
