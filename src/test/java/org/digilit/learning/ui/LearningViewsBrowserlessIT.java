package org.digilit.learning.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.nio.file.Files;
import java.util.Locale;
import java.util.UUID;
import org.digilit.IntegrationTest;
import org.digilit.course.CatalogueService;
import org.digilit.course.CourseContentService;
import org.digilit.course.CourseTestData;
import org.digilit.learning.LearningService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The lesson viewer and the learner's home without a browser: read, go on, and find the course again at home. */
@IntegrationTest
@ViewPackages(packages = "org.digilit")
class LearningViewsBrowserlessIT extends SpringBrowserlessTest {

    @Autowired
    CourseContentService content;

    @Autowired
    LearningService learning;

    String course;

    @BeforeEach
    void course() throws Exception {
        course = "view-" + UUID.randomUUID().toString().substring(0, 8);
        CourseTestData.loadFixtureCourse(content, Files.createTempDirectory("courses"), course, false);
        TestUsers.signIn("viewer-" + course, "P01-C001", Role.CITIZEN);
        UI.getCurrent().setLocale(Locale.forLanguageTag("vi"));
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void a_learner_reads_a_lesson_goes_on_and_finds_the_course_at_home() {
        UI.getCurrent().navigate(LessonView.lessonPath(course, "turn-on"));
        assertThat(find(H1.class).single().getText()).isEqualTo("Bật điện thoại");
        assertThat(find(Html.class).single().getElement().getOuterHTML())
                .contains("lesson-body")
                .contains("Nội dung bài học.");
        assertThat(find(Anchor.class).all()).noneMatch(a -> a.hasClassName("lesson-previous"));

        test(find(Button.class).withClassName("lesson-done").single()).click();

        assertThat(find(H1.class).single().getText()).isEqualTo("Màn hình cảm ứng");
        assertThat(learning.progress(course).orElseThrow().lessonsDone()).containsExactly("turn-on");
        assertThat(find(Anchor.class).all()).anyMatch(a -> a.hasClassName("lesson-previous"));

        UI.getCurrent().navigate(LearnerHomeView.class);
        assertThat(find(H3.class).all()).extracting(H3::getText).contains("Làm quen với điện thoại");
        assertThat(find(Anchor.class).all()).anyMatch(a -> a.getHref().equals(LessonView.lessonPath(course, "screen")));
    }

    @Test
    void the_last_lesson_leads_to_the_quiz_whose_pass_completes_the_course() {
        UI.getCurrent().navigate(LessonView.lessonPath(course, "turn-on"));
        test(find(Button.class).withClassName("lesson-done").single()).click();
        test(find(Button.class).withClassName("lesson-done").single()).click();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo(QuizView.quizPath(course));

        @SuppressWarnings("unchecked")
        RadioButtonGroup<CatalogueService.QuizAnswer> question =
                find(RadioButtonGroup.class).single();
        question.setValue(answer(question, "b"));
        test(find(Button.class).withClassName("quiz-submit").single()).click();
        assertThat(find(Paragraph.class).all()).extracting(Paragraph::getText).contains("Chưa đúng.");
        assertThat(learning.progress(course).orElseThrow().completed()).isFalse();

        question.setValue(answer(question, "a"));
        test(find(Button.class).withClassName("quiz-submit").single()).click();
        assertThat(find(Paragraph.class).all())
                .extracting(Paragraph::getText)
                .contains("Chúc mừng: bạn đã hoàn thành khóa học.");
        assertThat(learning.progress(course).orElseThrow().completed()).isTrue();
    }

    private static CatalogueService.QuizAnswer answer(RadioButtonGroup<CatalogueService.QuizAnswer> group, String id) {
        return group.getListDataView()
                .getItems()
                .filter(a -> a.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void an_unknown_lesson_or_quiz_is_not_found() {
        UI.getCurrent().navigate(LessonView.lessonPath(course, "no-such-lesson"));
        assertThat(find(H1.class).all()).extracting(H1::getText).doesNotContain("Bật điện thoại");
        UI.getCurrent().navigate(QuizView.quizPath("no-such-course"));
        assertThat(find(Button.class).withClassName("quiz-submit").all()).isEmpty();
    }
}
