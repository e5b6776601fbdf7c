package org.digilit.completion.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.digilit.IntegrationTest;
import org.digilit.completion.CompletionImportService;
import org.digilit.completion.CompletionTestData;
import org.digilit.completion.ExternalPlatform;
import org.digilit.completion.ExternalPlatformService;
import org.digilit.completion.ExternalProgramme;
import org.digilit.completion.HeldCompletion;
import org.digilit.course.CatalogueService.CourseCard;
import org.digilit.course.CourseContentService;
import org.digilit.course.CourseTestData;
import org.digilit.identity.IdentityProtector;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.report.ReportTestData;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The completion views without a browser: a platform admin registers a platform and a programme mapped to a course;
 * an organisation admin's dry run says what applying would do, and applying fills the holding list; a learner's home
 * (a server-rendered page, read through MockMvc) lists what they completed elsewhere with the platform's name.
 */
@IntegrationTest
@ViewPackages(packages = "org.digilit")
class CompletionViewsBrowserlessIT extends SpringBrowserlessTest {

    static final Instant OCTOBER_2019 =
            OffsetDateTime.parse("2019-10-02T09:00:00+07:00").toInstant();

    @Autowired
    ExternalPlatformService registry;

    @Autowired
    CompletionImportService imports;

    @Autowired
    OrganisationImportService organisations;

    @Autowired
    CourseContentService content;

    @Autowired
    IdentityProtector protector;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebApplicationContext context;

    CompletionTestData data;

    @BeforeEach
    void province() throws Exception {
        var report = new ReportTestData(jdbc).importProvince(organisations);
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        CourseTestData.loadFixtureCourse(content, Files.createTempDirectory("courses"), "vw-" + suffix, false);
        CourseTestData.loadFixtureCourse(content, Files.createTempDirectory("courses"), "vo-" + suffix, false);
        data = new CompletionTestData(report, jdbc, protector, "vw-" + suffix, "vo-" + suffix);
        UI.getCurrent().setLocale(Locale.forLanguageTag("vi"));
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_platform_admin_registers_a_platform_and_maps_a_programme_to_a_course() {
        TestUsers.signIn("completion-ui-admin", null, Role.PLATFORM_ADMIN);
        var view = navigate(ExternalPlatformsView.class);
        var fields = find(TextField.class).all();
        test(fields.get(0)).setValue(data.platformCode);
        test(fields.get(1)).setValue("Hệ thống đào tạo ngành");
        test(find(Button.class).withClassName("save-platform").single()).click();

        var platforms = (Grid<ExternalPlatform>)
                find(Grid.class).withClassName("platform-grid").single();
        assertThat(registry.platforms()).extracting(ExternalPlatform::code).contains(data.platformCode);
        var programmeSection =
                find(Section.class).withClassName("programme-section").single();
        assertThat(programmeSection.isVisible())
                .as("the saved platform is selected")
                .isTrue();

        var programmeFields = find(TextField.class).from(programmeSection).all();
        test(programmeFields.get(0)).setValue("SKILLS-1");
        test(programmeFields.get(1)).setValue("Kỹ năng số 1");
        var courses = (MultiSelectComboBox<CourseCard>)
                find(MultiSelectComboBox.class).single();
        var course = view.courseChoices().stream()
                .filter(c -> c.id().equals(data.course))
                .findFirst()
                .orElseThrow();
        courses.select(course);
        test(find(Button.class).withClassName("save-programme").single()).click();

        var platform = registry.platforms().stream()
                .filter(p -> p.code().equals(data.platformCode))
                .findFirst()
                .orElseThrow();
        assertThat(registry.programmes(platform.id())).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ExternalProgramme.Kind.COURSE);
            assertThat(p.courseIds()).containsExactly(data.course);
        });
        var programmes = (Grid<ExternalProgramme>)
                find(Grid.class).withClassName("programme-grid").single();
        assertThat(test(programmes).size()).isEqualTo(1);
        assertThat(test(platforms).size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_organisation_admins_dry_run_says_what_applying_does_and_the_holding_list_shows_who_waits()
            throws Exception {
        data.register(registry, null);
        var known = CompletionTestData.identityNumber();
        var unknown = CompletionTestData.identityNumber();
        data.account("C1", known, OCTOBER_2019);
        var file = Files.createTempFile("completions", ".csv");
        try (var in = CompletionTestData.csv(
                data.row(known, "2019-11-05", "BASIC"), data.row(unknown, "2019-11-05", "BASIC"))) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        TestUsers.signIn("completion-ui-orgadmin", data.report.code("D1"), Role.ORG_ADMIN);
        var view = navigate(CompletionImportView.class);

        view.received(file, "national.csv");
        view.dryRun();

        var summary = find(Paragraph.class)
                .from(find(Div.class).withClassName("import-summary").single())
                .single();
        assertThat(summary.getText()).contains("2 dòng").contains("ghi nhận 1").contains("đưa 1 vào danh sách chờ");
        var apply = find(Button.class).withText("Áp dụng tệp").single();
        assertThat(apply.isEnabled()).isTrue();
        test(apply).click();
        assertThat(data.stored()).isEqualTo(2);

        navigate(HoldingListView.class);
        var held = (Grid<HeldCompletion>)
                find(Grid.class).withClassName("holding-grid").single();
        assertThat(test(held).size()).isEqualTo(1);
        assertThat(test(held).getRow(0).maskedIdentityNumber()).doesNotContain(unknown);
        assertThat(test(held).getCellText(0, 0)).isEqualTo(CompletionTestData.name(unknown));
    }

    @Test
    void a_learners_home_lists_what_they_completed_on_other_platforms() throws Exception {
        data.register(registry, null);
        var number = CompletionTestData.identityNumber();
        var learner = data.account("C1", number, OCTOBER_2019);
        TestUsers.signIn("completion-ui-admin", null, Role.PLATFORM_ADMIN);
        imports.apply(CompletionTestData.csv(data.row(number, "2019-11-05", "CITIZEN-101")), "national.csv", null);
        TestUsers.signOut();

        // The learner's home is a server-rendered page (DD015): read it through the real security filters.
        var mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        var response = mvc.perform(get("/learn")
                        .header("Accept-Language", "vi-VN,vi;q=0.9")
                        .with(authentication(
                                TestUsers.authentication(learner, "Người Học", data.report.code("C1"), Role.CITIZEN))))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        var section = Jsoup.parse(response.getContentAsString()).select("section.completed-elsewhere");
        assertThat(section).hasSize(1);
        assertThat(section.select("h3").text()).isEqualTo("Công dân số");
        assertThat(section.select("p").eachText())
                .contains("Trên Nền tảng quốc gia " + data.platformCode + ", hoàn thành ngày 05/11/2019");
    }
}
