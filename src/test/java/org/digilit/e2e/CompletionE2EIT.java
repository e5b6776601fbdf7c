package org.digilit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.digilit.IntegrationTest;
import org.digilit.account.AccountService;
import org.digilit.completion.ExternalPlatformService;
import org.digilit.completion.ExternalProgramme;
import org.digilit.course.CourseContentService;
import org.digilit.course.CourseTestData;
import org.digilit.localstack.DemoUsers;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Completions from another platform walked in headless Chromium by the people they are for: the demo organisation
 * admin uploads the national platform's file on a desktop, reads the problems of a file with a person of another
 * commune and a programme nobody registered (nothing applied), uploads the corrected file, reads the dry run, applies
 * it and finds the unknown person on the holding list with a masked number; on a phone the same file again changes
 * nothing; the learner logs in on a phone and finds the completion on {@code /learn}, counted for the mapped course.
 */
@IntegrationTest
class CompletionE2EIT extends BrowserTest {

    private static final String PASSWORD = "Hoc-noi-khac-2026";

    @Autowired
    WalkSetup setup;

    @Autowired
    AccountService accounts;

    @Autowired
    ExternalPlatformService platforms;

    @Autowired
    CourseContentService content;

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_org_admin_imports_a_platforms_completions_and_the_learner_finds_theirs_on_a_phone() throws Exception {
        var tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        var platformCode = "QG-" + tag;
        var platformName = "Nền tảng Bình dân học vụ số " + tag;
        var course = "e2e-elsewhere-" + tag.toLowerCase(Locale.ROOT);
        var learnerNumber = number(true);
        var otherCommuneNumber = number(false);
        var unknownNumber = number(true);
        String username;
        TestUsers.signIn("test-setup", null, Role.PLATFORM_ADMIN);
        try {
            setup.organisations(WalkSetup.PROVINCE + "P01-C002,P01,COMMUNE,Xã Tây Sơn,Tay Son Commune,3000\n");
            CourseTestData.loadFixtureCourse(
                    content, Files.createTempDirectory("courses"), course, "Kỹ năng số nơi khác", "Skills elsewhere");
            var platform = platforms.save(new ExternalPlatformService.PlatformForm(
                    null, platformCode, platformName, "Digital literacy platform " + tag, null));
            platforms.save(new ExternalPlatformService.ProgrammeForm(
                    platform.id(),
                    "CDS-101",
                    "Công dân số cơ bản",
                    "Basic digital citizen",
                    ExternalProgramme.Kind.PROGRAMME,
                    List.of(course)));
            // The learner, activated, in the demo organisation admin's commune; another person in the next commune.
            var learnerId = setup.verifiedPeople(
                            learnerNumber + ",Đinh Thị Hạnh," + LocalDate.of(1996, 4, 2)
                                    + ",female,0987654323,P01-C001,citizen",
                            otherCommuneNumber + ",Hồ Văn Tài," + LocalDate.of(1996, 6, 1)
                                    + ",male,0987654324,P01-C002,citizen")
                    .getFirst();
            setup.awaitKeycloakUser(learnerId, Duration.ofSeconds(90));
            setup.activate(learnerId, learnerNumber, PASSWORD);
            username = accounts.get(learnerId).username();
        } finally {
            TestUsers.signOut();
        }

        // The organisation admin, on a desktop: a file with a person of another commune and an unregistered programme.
        var admin = browser.newPage(1280, 900, "vi-VN");
        admin.navigate(app("/completions/import"));
        BrowserSession.logIn(admin, DemoUsers.withRole("org-admin").username(), DemoUsers.PASSWORD);
        admin.waitForURL(
                Pattern.compile(".*/completions/import(\\?.*)?$"), new Page.WaitForURLOptions().setTimeout(90_000));
        assertThat(admin.locator("h1")).hasText("Kết quả học trên nền tảng khác");
        upload(
                admin,
                row(learnerNumber, "Đinh Thị Hạnh", "2026-10-15", platformCode, "CDS-101"),
                row(otherCommuneNumber, "Hồ Văn Tài", "2026-10-16", platformCode, "CDS-101"),
                row(unknownNumber, "Lò Thị Sen", "2026-10-17", platformCode, "CDS-999"));
        assertThat(admin.locator(".import-summary")).containsText("Tệp có 2 lỗi");
        assertThat(cell(admin, "Người này thuộc một đơn vị ngoài phạm vi bạn quản lý."))
                .hasCount(1);
        assertThat(cell(admin, "Chương trình \"CDS-999\" chưa được đăng ký cho nền tảng này."))
                .hasCount(1);
        assertThat(admin.locator("vaadin-button:has-text('Áp dụng tệp')")).isDisabled();
        org.assertj.core.api.Assertions.assertThat(admin.locator("main").textContent())
                .as("the problems name rows, never identity numbers")
                .doesNotContain(otherCommuneNumber, unknownNumber);
        BrowserSession.screenshot(admin, "completion-import-problems-1280");
        org.assertj.core.api.Assertions.assertThat(stored(platformCode)).isZero();

        // The corrected file: the learner and one person without an account yet.
        admin.navigate(app("/completions/import"));
        var corrected = new String[] {
            row(learnerNumber, "Đinh Thị Hạnh", "2026-10-15", platformCode, "CDS-101"),
            row(unknownNumber, "Lò Thị Sen", "2026-10-17", platformCode, "CDS-101")
        };
        upload(admin, corrected);
        assertThat(admin.locator(".import-summary"))
                .containsText("Tệp đã sẵn sàng: 2 dòng. Khi áp dụng sẽ ghi nhận 1 kết quả hoàn thành, đưa 1 vào danh"
                        + " sách chờ và giữ nguyên 0.");
        org.assertj.core.api.Assertions.assertThat(stored(platformCode))
                .as("a dry run writes nothing")
                .isZero();
        admin.locator("vaadin-button:has-text('Áp dụng tệp')").click();
        assertThat(admin.locator(".import-summary")).containsText("Đã áp dụng: 2 dòng.");
        assertThat(admin.locator("vaadin-button:has-text('Áp dụng tệp')")).isDisabled();
        BrowserSession.screenshot(admin, "completion-import-applied-1280");
        org.assertj.core.api.Assertions.assertThat(stored(platformCode)).isEqualTo(2);

        admin.navigate(app("/completions/holding"));
        var held = cell(admin, "Lò Thị Sen");
        assertThat(held).hasCount(1);
        org.assertj.core.api.Assertions.assertThat(admin.locator("main").textContent())
                .doesNotContain(unknownNumber)
                .contains(unknownNumber.substring(unknownNumber.length() - 4));
        BrowserSession.screenshot(admin, "completion-holding-1280");
        admin.context().close();

        // On a phone, the same file again: nothing to apply twice.
        var adminPhone = browser.newPage(360, 780, "vi-VN");
        adminPhone.navigate(app("/completions/import"));
        BrowserSession.logIn(adminPhone, DemoUsers.withRole("org-admin").username(), DemoUsers.PASSWORD);
        adminPhone.waitForURL(
                Pattern.compile(".*/completions/import(\\?.*)?$"), new Page.WaitForURLOptions().setTimeout(90_000));
        upload(adminPhone, corrected);
        assertThat(adminPhone.locator(".import-summary"))
                .containsText("ghi nhận 0 kết quả hoàn thành, đưa 0 vào danh sách chờ và giữ nguyên 2.");
        BrowserSession.noSidewaysScrolling(adminPhone);
        BrowserSession.screenshot(adminPhone, "completion-import-again-360");
        adminPhone.locator("vaadin-button:has-text('Áp dụng tệp')").click();
        assertThat(adminPhone.locator(".import-summary")).containsText("Đã áp dụng: 2 dòng.");
        org.assertj.core.api.Assertions.assertThat(stored(platformCode)).isEqualTo(2);
        adminPhone.context().close();

        // The learner, on a phone, finds it on their home page, and the page stays accessible.
        var phone = browser.newPage(360, 780, "vi-VN");
        phone.navigate(app("/learn"));
        BrowserSession.logIn(phone, username, PASSWORD);
        phone.waitForURL(Pattern.compile(".*/learn(\\?.*)?$"), new Page.WaitForURLOptions().setTimeout(90_000));
        var elsewhere = phone.locator("section.completed-elsewhere .completion-elsewhere")
                .filter(new Locator.FilterOptions().setHasText(platformName));
        assertThat(elsewhere).hasCount(1);
        assertThat(elsewhere.locator("h3")).hasText("Công dân số cơ bản");
        assertThat(elsewhere).containsText("Trên " + platformName + ", hoàn thành ngày 15/10/2026");
        assertThat(elsewhere).containsText("Được tính ở đây là: Kỹ năng số nơi khác");
        BrowserSession.noSidewaysScrolling(phone);
        BrowserSession.screenshot(phone, "completion-learner-home-360");
        org.assertj.core.api.Assertions.assertThat(AxeCore.check(phone)).isEmpty();
        phone.context().close();
    }

    /** Completions of this test's platform stored (matched or held): what an apply wrote. */
    private int stored(String platformCode) {
        return jdbc.sql("""
                        select count(*) from external_completion c join external_platform p on p.id = c.platform_id
                        where p.code = :code""").param("code", platformCode).query(Integer.class).single();
    }

    /** A CCCD of someone born in 1996: the fourth digit says the century and gender (0 a man, 1 a woman). */
    private static String number(boolean woman) {
        return "036" + (woman ? "1" : "0") + "96"
                + String.format("%06d", ThreadLocalRandom.current().nextInt(100_000, 999_999));
    }

    private static String row(String number, String name, String date, String platform, String programme) {
        return String.join(",", number, name, date, platform, programme, "", "");
    }

    private static void upload(Page page, String... rows) {
        var csv = "identity_number,full_name,completion_date,platform,programme_code,certificate_number,score\n"
                + String.join("\n", rows) + "\n";
        page.locator("vaadin-upload input[type=file]")
                .setInputFiles(new FilePayload("national.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static Locator cell(Page page, String text) {
        return page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(text));
    }
}
