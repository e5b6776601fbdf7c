package org.digilit.learning.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import java.util.Locale;
import org.digilit.IntegrationTest;
import org.digilit.course.CourseContentService;
import org.digilit.learning.Assignment;
import org.digilit.learning.AssignmentService;
import org.digilit.learning.AssignmentTestData;
import org.digilit.learning.LearningService;
import org.digilit.organisation.Audience;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.Quarter;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The learner's home with required courses (first, with their due quarter, overdue marked, the next step on top) and
 * the organisation admin's assignments page (assign, a refusal that changes nothing, withdraw after confirming),
 * without a browser.
 */
@IntegrationTest
@ViewPackages(packages = "org.digilit")
class AssignmentViewsBrowserlessIT extends SpringBrowserlessTest {

    @Autowired
    AssignmentService assignments;

    @Autowired
    LearningService learning;

    @Autowired
    OrganisationService organisations;

    @Autowired
    OrganisationImportService imports;

    @Autowired
    CourseContentService content;

    @Autowired
    JdbcClient jdbc;

    AssignmentTestData data;
    long district1;
    long commune1;

    @BeforeEach
    void province() {
        data = new AssignmentTestData().load(imports, content);
        district1 = data.id(organisations, data.district1());
        commune1 = data.id(organisations, data.commune1());
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private Assignment assign(long organisation, String course, int ahead) {
        TestUsers.signIn("platform-" + data.province, null, Role.PLATFORM_ADMIN);
        try {
            return assignments.assign(
                    organisation,
                    Audience.CITIZEN,
                    course,
                    assignments.dueQuarters().get(ahead));
        } finally {
            TestUsers.signOut();
        }
    }

    private static String label(Quarter quarter) {
        return "Quý " + quarter.quarter() + "/" + quarter.year();
    }

    @Test
    void the_learner_home_shows_required_courses_first_with_their_due_quarter_and_the_overdue_one_marked()
            throws Exception {
        var later = assign(district1, data.courseA, 2);
        var overdue = assign(commune1, data.courseB, 0);
        var past = assignments.currentQuarter().previous();
        jdbc.sql("update course_assignment set due_year = :y, due_quarter = :q where id = :id")
                .param("y", past.year())
                .param("q", past.quarter())
                .param("id", overdue.id())
                .update();
        var own = "own-" + data.courseA.substring(9);
        org.digilit.course.CourseTestData.loadFixtureCourse(
                content,
                java.nio.file.Files.createTempDirectory("courses"),
                own,
                "Khóa học tự chọn " + own,
                "Own course");
        TestUsers.signIn("home-" + data.province, data.commune1(), Role.CITIZEN);
        learning.enrol(own);
        UI.getCurrent().setLocale(Locale.forLanguageTag("vi"));

        UI.getCurrent().navigate(LearnerHomeView.class);

        var sections = find(Section.class).all();
        assertThat(sections)
                .filteredOn(Section::isVisible)
                .extracting(s -> s.getClassNames().iterator().next())
                .containsExactly("next-step", "assigned-courses", "my-courses");
        var assigned = sections.get(1);
        assertThat(find(H3.class).from(assigned).all())
                .extracting(H3::getText)
                .containsExactly("Khóa học B " + data.courseB, "Khóa học A " + data.courseA);
        assertThat(find(Paragraph.class).from(assigned).withClassName("due").all())
                .extracting(Paragraph::getText)
                .containsExactly(
                        "Quá hạn: hạn là " + label(past) + " · do Xã Phú Mỹ giao",
                        "Hạn hoàn thành: " + label(later.due()) + " · do Huyện Một giao");
        assertThat(find(Div.class)
                        .from(assigned)
                        .withClassName("course-progress")
                        .all())
                .extracting(card -> card.hasClassName("overdue"))
                .containsExactly(true, false);
        assertThat(find(Anchor.class)
                        .from(assigned)
                        .withClassName("course-link")
                        .all())
                .extracting(Anchor::getText, Anchor::getHref)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "Bắt đầu học", LessonView.lessonPath(data.courseB, "turn-on")),
                        org.assertj.core.groups.Tuple.tuple(
                                "Bắt đầu học", LessonView.lessonPath(data.courseA, "turn-on")));
        assertThat(find(H3.class).from(sections.get(2)).all())
                .extracting(H3::getText)
                .containsExactly("Khóa học tự chọn " + own);

        var next = sections.getFirst();
        assertThat(find(Paragraph.class).from(next).single().getText())
                .isEqualTo("Khóa học bắt buộc tiếp theo của bạn: Khóa học B " + data.courseB);
        var go = find(Anchor.class).from(next).withClassName("cta").single();
        assertThat(go.getText()).isEqualTo("Vào bài: Bật điện thoại");
        assertThat(go.getHref()).isEqualTo(LessonView.lessonPath(data.courseB, "turn-on"));

        // Opening the required course from home enrols as assigned.
        UI.getCurrent().navigate(go.getHref());
        assertThat(jdbc.sql("select source from enrolment where username = :u and course_id = :c")
                        .param("u", "home-" + data.province)
                        .param("c", data.courseB)
                        .query(String.class)
                        .single())
                .isEqualTo("ASSIGNED");
    }

    @Test
    void a_learner_with_nothing_to_do_is_pointed_at_the_catalogue() {
        TestUsers.signIn("empty-" + data.province, null, Role.CITIZEN);
        UI.getCurrent().setLocale(Locale.forLanguageTag("vi"));
        UI.getCurrent().navigate(LearnerHomeView.class);
        assertThat(find(Section.class).all()).filteredOn(Section::isVisible).hasSize(1);
        var go = find(Anchor.class).withClassName("cta").single();
        assertThat(go.getHref()).isEqualTo("courses");
    }

    @Test
    void an_org_admin_assigns_in_their_district_is_refused_outside_it_and_withdraws_after_confirming() {
        var outside = data.id(organisations, data.district2());
        TestUsers.signIn("orgadmin-" + data.province, data.district1(), Role.ORG_ADMIN);
        UI.getCurrent().setLocale(Locale.forLanguageTag("vi"));
        UI.getCurrent().navigate(AssignmentListView.class);

        var form = find(AssignmentForm.class).single();
        test(form.organisation).setFilter("phu my");
        assertThat(test(form.organisation).getSuggestions()).containsExactly(data.commune1() + " · Xã Phú Mỹ");
        test(form.organisation).selectItem(data.commune1() + " · Xã Phú Mỹ");
        test(form.audience).selectItem("Người dân");
        test(form.course).selectItem("Khóa học A " + data.courseA);
        var due = assignments.dueQuarters().get(1);
        test(form.due).selectItem(label(due));
        test(form.assign).click();

        var message = find(Paragraph.class).withClassName("assignment-message").single();
        assertThat(message.getText())
                .isEqualTo(
                        "Đã giao Khóa học A " + data.courseA + " cho Người dân của Xã Phú Mỹ, hạn " + label(due) + ".");
        @SuppressWarnings("unchecked")
        Grid<Assignment> grid =
                find(Grid.class).withClassName("assignment-grid").single();
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo(data.commune1() + " · Xã Phú Mỹ");
        assertThat(test(grid).getCellText(0, 3)).isEqualTo(label(due));

        // A forged value (an organisation of the other district) is refused and nothing changes.
        TestUsers.signIn("platform-" + data.province, null, Role.PLATFORM_ADMIN);
        var foreign = organisations.get(outside);
        TestUsers.signIn("orgadmin-" + data.province, data.district1(), Role.ORG_ADMIN);
        form.organisation.setValue(foreign);
        test(form.assign).click();
        assertThat(message.getText()).isEqualTo("Đơn vị này không thuộc phạm vi bạn quản lý. Không có thay đổi nào.");
        assertThat(message.hasClassName("error")).isTrue();
        assertThat(jdbc.sql("select count(*) from course_assignment where organisation_id = :o")
                        .param("o", outside)
                        .query(Integer.class)
                        .single())
                .isZero();

        // Withdraw: nothing happens until confirmed.
        test((Button) test(grid).getCellComponent(0, 5)).click();
        var dialog = find(ConfirmDialog.class).single();
        test(dialog).cancel();
        assertThat(test(grid).size()).isEqualTo(1);
        test((Button) test(grid).getCellComponent(0, 5)).click();
        test(find(ConfirmDialog.class).all().getLast()).confirm();
        assertThat(message.getText()).isEqualTo("Đã thu hồi khóa học đã giao.");
        assertThat(test(grid).size()).isZero();
        TestUsers.signIn("citizen-" + data.province, data.commune1(), Role.CITIZEN);
        assertThat(assignments.forLearner()).isEmpty();
    }
}
