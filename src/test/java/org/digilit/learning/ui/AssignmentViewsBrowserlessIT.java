package org.digilit.learning.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Locale;
import org.digilit.IntegrationTest;
import org.digilit.base.Audience;
import org.digilit.base.Quarter;
import org.digilit.course.CourseContentService;
import org.digilit.learning.Assignment;
import org.digilit.learning.AssignmentProvinces;
import org.digilit.learning.AssignmentService;
import org.digilit.learning.AssignmentTestData;
import org.digilit.learning.LearningNavigation;
import org.digilit.learning.LearningService;
import org.digilit.organisation.OrganisationService;
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
    AssignmentProvinces provinces;

    @Autowired
    CourseContentService content;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.web.context.WebApplicationContext context;

    AssignmentTestData data;
    long district1;
    long commune1;

    @BeforeEach
    void province() {
        data = provinces.load();
        district1 = provinces.id(data.district1());
        commune1 = provinces.id(data.commune1());
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

        var home = learnerHome("home-" + data.province, data.commune1());

        assertThat(home.select("main > section").eachAttr("class"))
                .containsExactly("next-step", "assigned-courses", "my-courses");
        var assigned = home.selectFirst("section.assigned-courses");
        assertThat(assigned.select("h3").eachText())
                .containsExactly("Khóa học B " + data.courseB, "Khóa học A " + data.courseA);
        assertThat(assigned.select(".due").eachText())
                .containsExactly(
                        "Quá hạn: hạn là " + label(past) + " · do Xã Phú Mỹ giao",
                        "Hạn hoàn thành: " + label(later.due()) + " · do Huyện Một giao");
        assertThat(assigned.select(".course-progress"))
                .extracting(card -> card.hasClass("overdue"))
                .containsExactly(true, false);
        assertThat(assigned.select("a.course-link"))
                .extracting(org.jsoup.nodes.Element::text, link -> link.attr("href"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "Bắt đầu học", LearningNavigation.lesson(data.courseB, "turn-on")),
                        org.assertj.core.groups.Tuple.tuple(
                                "Bắt đầu học", LearningNavigation.lesson(data.courseA, "turn-on")));
        assertThat(home.select("section.my-courses h3").eachText()).containsExactly("Khóa học tự chọn " + own);

        var next = home.selectFirst("section.next-step");
        assertThat(next.selectFirst("p").text())
                .isEqualTo("Khóa học bắt buộc tiếp theo của bạn: Khóa học B " + data.courseB);
        var go = next.selectFirst("a.cta");
        assertThat(go.text()).isEqualTo("Vào bài: Bật điện thoại");
        assertThat(go.attr("href")).isEqualTo(LearningNavigation.lesson(data.courseB, "turn-on"));

        // Opening the required course from home enrols as assigned.
        assertThat(request("home-" + data.province, data.commune1(), go.attr("href"))
                        .getStatus())
                .isEqualTo(200);
        assertThat(jdbc.sql("select source from enrolment where username = :u and course_id = :c")
                        .param("u", "home-" + data.province)
                        .param("c", data.courseB)
                        .query(String.class)
                        .single())
                .isEqualTo("ASSIGNED");
    }

    @Test
    void a_learner_with_nothing_to_do_is_pointed_at_the_catalogue() throws Exception {
        var home = learnerHome("empty-" + data.province, null);
        assertThat(home.select("main > section")).hasSize(1);
        assertThat(home.selectFirst("a.cta").attr("href")).isEqualTo("/courses");
    }

    /** The learner's home page (server-rendered, DD015) as this citizen gets it, through the security filters. */
    private org.jsoup.nodes.Document learnerHome(
            String username, @org.jspecify.annotations.Nullable String organisation) throws Exception {
        var response = request(username, organisation, "/learn");
        assertThat(response.getStatus()).isEqualTo(200);
        return org.jsoup.Jsoup.parse(response.getContentAsString());
    }

    private org.springframework.mock.web.MockHttpServletResponse request(
            String username, @org.jspecify.annotations.Nullable String organisation, String path) throws Exception {
        var mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                        .header("Accept-Language", "vi")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(
                                        TestUsers.authentication(username, username, organisation, Role.CITIZEN))))
                .andReturn()
                .getResponse();
    }

    @Test
    void an_org_admin_assigns_in_their_district_is_refused_outside_it_and_withdraws_after_confirming() {
        var outside = provinces.id(data.district2());
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
