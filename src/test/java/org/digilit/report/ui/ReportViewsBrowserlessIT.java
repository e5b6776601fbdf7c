package org.digilit.report.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.digilit.IntegrationTest;
import org.digilit.base.Audience;
import org.digilit.course.CourseContentService;
import org.digilit.course.CourseTestData;
import org.digilit.organisation.Metric;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.organisation.TargetService;
import org.digilit.organisation.WorkingGroupService;
import org.digilit.report.FollowUpPerson;
import org.digilit.report.ReportRow;
import org.digilit.report.ReportService;
import org.digilit.report.ReportSource;
import org.digilit.report.ReportTestData;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard and the follow-up list without a browser: a working group's rows weakest first, drilling down, a
 * forged address refused with a message, masked numbers on the follow-up list, and a restatement that needs a reason.
 */
@IntegrationTest
@ViewPackages(packages = "org.digilit")
class ReportViewsBrowserlessIT extends SpringBrowserlessTest {

    static final Instant EARLY_2025 =
            OffsetDateTime.parse("2025-02-10T09:00:00+07:00").toInstant();

    @Autowired
    ReportService reports;

    @Autowired
    OrganisationImportService imports;

    @Autowired
    WorkingGroupService groups;

    @Autowired
    TargetService targets;

    @Autowired
    CourseContentService content;

    @Autowired
    JdbcClient jdbc;

    ReportTestData data;
    String member;

    /**
     * The test province: in D1's commune C1 five of 500 citizens completed (1 %), in D2's commune C2 none of 700; the
     * province's completion target this quarter is 1 %, so D2 is the weakest. A working group follows D1 and D2, with
     * a target of its own of 2 %.
     */
    @BeforeEach
    void province() throws Exception {
        data = new ReportTestData(jdbc).importProvince(imports);
        var course = "ui-" + data.province.toLowerCase(Locale.ROOT);
        CourseTestData.loadFixtureCourse(content, Files.createTempDirectory("courses"), course, false);
        for (int i = 0; i < 5; i++) {
            data.completed(data.person("C1", "CITIZEN", EARLY_2025, EARLY_2025), course, EARLY_2025);
        }
        for (int i = 0; i < 3; i++) {
            data.person("C2", "CITIZEN", EARLY_2025, null);
        }
        admin();
        reports.refresh();
        targets.setOrganisationTarget(
                data.id(""),
                reports.currentQuarter(),
                Metric.COURSE_COMPLETION,
                Audience.CITIZEN,
                new BigDecimal("1.0"));
        var group =
                groups.create("WG" + data.province, "Tổ công tác " + data.province, "Working group " + data.province);
        member = "wg-" + data.province.toLowerCase(Locale.ROOT);
        groups.addMember(group.id(), member);
        groups.follow(group.id(), data.id("D1"), true);
        groups.follow(group.id(), data.id("D2"), true);
        targets.setWorkingGroupTarget(
                group.id(), reports.currentQuarter(), Metric.COURSE_COMPLETION, Audience.CITIZEN, new BigDecimal("2"));
        UI.getCurrent().setLocale(Locale.forLanguageTag("vi"));
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private static void admin() {
        TestUsers.signIn("report-ui-admin", null, Role.PLATFORM_ADMIN);
    }

    private static void open(Map<String, String> parameters) {
        UI.getCurrent().navigate(DashboardView.class, QueryParameters.simple(parameters));
    }

    @SuppressWarnings("unchecked")
    private Grid<ReportRow> reportGrid() {
        return find(Grid.class).withClassName("report-grid").single();
    }

    private List<String> codes() {
        var grid = reportGrid();
        return java.util.stream.IntStream.range(0, test(grid).size())
                .mapToObj(i -> test(grid).getRow(i).code())
                .toList();
    }

    /** The component's markup, with no-break spaces as plain ones. */
    private static String html(com.vaadin.flow.component.Component component) {
        return component.getElement().getOuterHTML().replace("&nbsp;", " ").replace('\u00A0', ' ');
    }

    private static Map<String, List<String>> currentParameters() {
        return UI.getCurrent()
                .getInternals()
                .getActiveViewLocation()
                .getQueryParameters()
                .getParameters();
    }

    @Test
    void a_working_group_member_sees_their_groups_rows_weakest_first_and_drills_down() {
        TestUsers.signIn(member, null, Role.WORKING_GROUP);
        UI.getCurrent().navigate(DashboardView.class);

        assertThat(find(H2.class).withClassName("report-scope").single().getText())
                .isEqualTo("Tổ công tác " + data.province);
        assertThat(codes()).containsExactly(data.code("D2"), data.code("D1"));
        // The group's total: 5 of 1,200 citizens (0.4 %) against the group's own target of 2 %.
        assertThat(html(find(Div.class).withId("tile-completed").single()))
                .contains("Đã hoàn thành")
                .contains(">5<")
                .contains("0,4 % số người")
                .contains("Chỉ tiêu 2,0 %")
                .contains("Có nguy cơ không đạt")
                .contains("tile-at-risk");
        assertThat(find(Svg.class).all())
                .hasSize(2)
                .first()
                .satisfies(svg -> assertThat(svg.getElement().getProperty("innerHTML"))
                        .contains("role=\"img\"")
                        .contains("Huyện Hai")
                        .contains("class=\"target\""));

        test(reportGrid()).clickRow(1);

        assertThat(currentParameters()).containsEntry("org", List.of(String.valueOf(data.id("D1"))));
        assertThat(codes()).containsExactly(data.code("C1"));
        assertThat(find(H2.class).withClassName("report-scope").single().getText())
                .isEqualTo("Huyện Một");
        assertThat(find(Anchor.class).all())
                .extracting(Anchor::getText)
                .contains("Tất cả đơn vị của tôi")
                .doesNotContain("Tỉnh Báo Cáo");

        test(reportGrid()).clickRow(0);
        assertThat(codes()).containsExactly(data.code("S1"));
    }

    @Test
    void an_organisation_admin_forging_another_organisation_gets_a_message_not_its_figures() {
        TestUsers.signIn("orgadmin-" + data.province, data.code("D1"), Role.ORG_ADMIN);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(find(H2.class).withClassName("report-scope").single().getText())
                .isEqualTo("Huyện Một");
        assertThat(codes()).containsExactly(data.code("C1"));

        open(Map.of("org", String.valueOf(data.id("D2"))));

        assertThat(find(Paragraph.class)
                        .withClassName("report-message")
                        .single()
                        .getText())
                .isEqualTo(UI.getCurrent().getTranslation("report.message.out-of-scope"));
        assertThat(find(Grid.class).all()).isEmpty();
        assertThat(html(find(Div.class).withClassName("report-content").single()))
                .doesNotContain("Huyện Hai");

        open(Map.of("org", "not-a-number"));
        assertThat(find(Paragraph.class)
                        .withClassName("report-message")
                        .single()
                        .getText())
                .isEqualTo(UI.getCurrent().getTranslation("report.message.bad-link"));
        open(Map.of("quarter", "2019-Q1"));
        assertThat(find(Paragraph.class)
                        .withClassName("report-message")
                        .single()
                        .getText())
                .isEqualTo(UI.getCurrent().getTranslation("report.message.bad-quarter"));
    }

    @Test
    void a_working_group_member_in_no_group_is_told_so() {
        TestUsers.signIn("wg-alone-" + data.province, null, Role.WORKING_GROUP);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(find(Paragraph.class)
                        .withClassName("report-message")
                        .single()
                        .getText())
                .isEqualTo(UI.getCurrent().getTranslation("report.message.no-group"));
    }

    @Test
    void the_follow_up_list_names_people_with_masked_numbers_only() {
        TestUsers.signIn("orgadmin-" + data.province, data.code("D2"), Role.ORG_ADMIN);
        UI.getCurrent()
                .navigate(FollowUpView.class, QueryParameters.simple(Map.of("org", String.valueOf(data.id("D2")))));

        @SuppressWarnings("unchecked")
        Grid<FollowUpPerson> grid =
                find(Grid.class).withClassName("follow-up-grid").single();
        assertThat(test(grid).size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(test(grid).getCellText(i, 1)).matches("•{8}\\d{4}");
            assertThat(test(grid).getCellText(i, 4)).isEqualTo("Chưa");
        }
        assertThat(find(Paragraph.class).all())
                .extracting(Paragraph::getText)
                .contains("Số người chưa hoàn thành các khóa học bắt buộc: 3");

        UI.getCurrent()
                .navigate(FollowUpView.class, QueryParameters.simple(Map.of("org", String.valueOf(data.id("D1")))));
        assertThat(find(Paragraph.class)
                        .withClassName("report-message")
                        .single()
                        .getText())
                .isEqualTo(UI.getCurrent().getTranslation("report.message.out-of-scope"));
    }

    @Test
    void a_platform_admin_closes_an_ended_quarter_and_a_restatement_needs_a_reason() {
        admin();
        // Three quarters back: ended, and a quarter no other test expects to stay open.
        var quarter = reports.currentQuarter().previous().previous().previous();
        var parameters = Map.of("org", String.valueOf(data.id("")), "quarter", quarter.toString());
        open(parameters);
        if (reports.organisation(data.id(""), quarter, Audience.CITIZEN).source() == ReportSource.LIVE) {
            test(find(Button.class).withClassName("report-close").single()).click();
            var confirm =
                    find(Button.class).withClassName("close-quarter-confirm").single();
            assertThat(confirm.isEnabled()).as("closing needs no reason").isTrue();
            test(confirm).click();
        }
        var versions = reports.organisation(data.id(""), quarter, Audience.CITIZEN)
                .snapshots()
                .size();
        assertThat(html(find(Div.class).withClassName("report-source").single()))
                .contains("Quý đã chốt");

        test(find(Button.class).withClassName("report-close").single()).click();
        var confirm = find(Button.class).withClassName("close-quarter-confirm").single();
        assertThat(confirm.isEnabled()).as("a restatement without a reason").isFalse();
        test(find(TextArea.class).single()).setValue("   ");
        assertThat(confirm.isEnabled()).isFalse();
        test(find(TextArea.class).single()).setValue("Số liệu xã " + data.province + " được xác minh muộn");
        assertThat(confirm.isEnabled()).isTrue();
        test(confirm).click();

        var restated = reports.organisation(data.id(""), quarter, Audience.CITIZEN);
        assertThat(restated.snapshots()).hasSize(versions + 1);
        assertThat(restated.snapshots().getFirst().reason()).contains(data.province);
        assertThat(html(find(Div.class).withClassName("report-source").single()))
                .contains("điều chỉnh: Số liệu xã " + data.province)
                .contains("Các bản trước");
    }
}
