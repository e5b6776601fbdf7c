package org.digilit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.digilit.IntegrationTest;
import org.digilit.base.Audience;
import org.digilit.base.Quarter;
import org.digilit.course.CourseContentService;
import org.digilit.course.CourseTestData;
import org.digilit.localstack.DemoUsers;
import org.digilit.organisation.Metric;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.organisation.TargetService;
import org.digilit.organisation.WorkingGroupService;
import org.digilit.report.ReportService;
import org.digilit.report.ReportTestData;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo working-group member reads the quarterly dashboard in real Chromium, on a desktop (1280 px) and a phone
 * (390 px): the charts drawn, a row opened, the PDF downloaded. The test run's demo province has no people, so this
 * test makes a province of its own with six districts whose people verified, activated and completed over the last
 * six quarters, closes two of the ended quarters, and gives the demo user a working group that follows it. The
 * screenshots (and the PDF's first page as a picture) land in {@code target/screenshots}.
 */
@IntegrationTest
class DashboardE2EIT extends BrowserTest {

    /** Districts: name, share of the expected citizens with an account, share who completed. */
    private static final Object[][] DISTRICTS = {
        {"Huyện Đông Sơn", 0.85, 0.32},
        {"Huyện Tây Sơn", 0.70, 0.22},
        {"Huyện Nam Trà", 0.55, 0.12},
        {"Huyện Bắc Hà", 0.90, 0.28},
        {"Thị xã Phú Lộc", 0.40, 0.05},
        {"Huyện Kim Bảng", 0.65, 0.18},
    };

    private static final int CITIZENS_PER_COMMUNE = 120;

    @Autowired
    OrganisationImportService imports;

    @Autowired
    WorkingGroupService groups;

    @Autowired
    TargetService targets;

    @Autowired
    ReportService reports;

    @Autowired
    CourseContentService content;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    /** Made once for both tests (the first to run makes it). */
    private static ReportTestData data;

    private static long groupId;

    @BeforeEach
    void province() throws Exception {
        if (data != null) {
            return;
        }
        data = new ReportTestData(jdbc);
        var p = data.province;
        var csv = new StringBuilder(
                "code,parent_code,type,name_vi,name_en,expected_citizens,expected_teachers,expected_officials\n");
        csv.append("%s,,PROVINCE,Tỉnh Minh Họa,Sample Province,0,0,40\n".formatted(p));
        for (int d = 1; d <= DISTRICTS.length; d++) {
            var name = (String) DISTRICTS[d - 1][0];
            csv.append("%s-D%d,%s,DISTRICT,%s,%s,0,0,12\n".formatted(p, d, p, name, ascii(name)));
            for (int c = 1; c <= 2; c++) {
                var commune = (c == 1 ? "Xã An Bình " : "Xã Phước Long ") + d;
                csv.append("%s-D%d-C%d,%s-D%d,COMMUNE,%s,%s,%d,0,0\n"
                        .formatted(p, d, c, p, d, commune, ascii(commune), CITIZENS_PER_COMMUNE));
            }
        }
        TestUsers.signIn("e2e-setup", null, Role.PLATFORM_ADMIN);
        try {
            imports.apply(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "e2e.csv", null);
            var course = "e2e-" + p.toLowerCase(Locale.ROOT);
            CourseTestData.loadFixtureCourse(content, Files.createTempDirectory("courses"), course, false);
            people(course);
            reports.refresh();
            var current = reports.currentQuarter();
            // Two ended quarters closed (or restated, should another test have closed them): points marked closed.
            reports.closeQuarter(current.previous().previous().previous(), "Figures for the dashboard test");
            reports.closeQuarter(current.previous().previous(), "Figures for the dashboard test");
            targets.setOrganisationTarget(
                    data.id(""), current, Metric.COURSE_COMPLETION, Audience.CITIZEN, new BigDecimal("25"));
            targets.setOrganisationTarget(
                    data.id(""), current, Metric.ACCOUNT_COVERAGE, Audience.CITIZEN, new BigDecimal("75"));
            targets.setOrganisationTarget(
                    data.id(""), current, Metric.ACTIVATION, Audience.CITIZEN, new BigDecimal("70"));
            var group = groups.create("WG-" + p, "Tổ công tác Minh Họa", "Sample working group");
            groupId = group.id();
            groups.addMember(groupId, DemoUsers.withRole("working-group").username());
            for (int d = 1; d <= DISTRICTS.length; d++) {
                groups.follow(groupId, data.id("D" + d), true);
            }
            targets.setWorkingGroupTarget(
                    groupId, current, Metric.COURSE_COMPLETION, Audience.CITIZEN, new BigDecimal("25"));
            targets.setWorkingGroupTarget(
                    groupId, current, Metric.ACCOUNT_COVERAGE, Audience.CITIZEN, new BigDecimal("75"));
        } finally {
            TestUsers.signOut();
        }
    }

    /** Accounts verified over the last six quarters, most of them activated, some completed a quarter later. */
    private void people(String course) {
        var zone = ZoneId.of("Asia/Ho_Chi_Minh");
        var now = clock.instant();
        var current = Quarter.of(now.atZone(zone).toLocalDate());
        for (int d = 1; d <= DISTRICTS.length; d++) {
            double coverage = (Double) DISTRICTS[d - 1][1];
            double completion = (Double) DISTRICTS[d - 1][2];
            for (int c = 1; c <= 2; c++) {
                int accounts = (int) Math.round(CITIZENS_PER_COMMUNE * coverage);
                int completed = (int) Math.round(CITIZENS_PER_COMMUNE * completion);
                for (int i = 0; i < accounts; i++) {
                    var quarter = current;
                    for (int back = i % 6; back > 0; back--) {
                        quarter = quarter.previous();
                    }
                    var verified = earlier(
                            quarter.firstDay().plusDays(10).atStartOfDay(zone).toInstant(), now);
                    var activated = i % 5 == 4 ? null : earlier(verified.plus(Duration.ofDays(3)), now);
                    var person = data.person("D" + d + "-C" + c, "CITIZEN", verified, activated);
                    if (i < completed && activated != null) {
                        data.completed(person, course, earlier(verified.plus(Duration.ofDays(60)), now));
                    }
                }
            }
        }
    }

    private static Instant earlier(Instant wanted, Instant now) {
        var latest = now.minus(Duration.ofHours(1));
        return wanted.isAfter(latest) ? latest : wanted;
    }

    private static String ascii(String vietnamese) {
        return java.text.Normalizer.normalize(vietnamese, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{InCombiningDiacriticalMarks}", "")
                .replace("Đ", "D")
                .replace("đ", "d");
    }

    @Test
    void a_working_group_member_reads_the_dashboard_on_a_desktop_opens_a_district_and_downloads_the_pdf()
            throws Exception {
        var page = browser.newPage(1280, 900, "vi-VN");
        page.navigate(app("/dashboard?group=" + groupId));
        BrowserSession.logIn(page, DemoUsers.withRole("working-group").username(), DemoUsers.PASSWORD);
        page.waitForURL(Pattern.compile(".*/dashboard\\?group=" + groupId + ".*"));

        var bars = page.locator(".bar-chart");
        assertThat(bars).isVisible();
        assertThat(page.locator(".trend-chart")).isVisible();
        assertThat(bars.locator("rect.bar")).hasCount(DISTRICTS.length);
        assertThat(bars.locator("line.target")).hasCount(DISTRICTS.length);
        assertThat(bars.locator("text.bar-label").first()).hasText("Thị xã Phú Lộc");
        assertThat(page.locator(".trend-chart circle.closed").first()).isVisible();
        assertThat(page.locator(".tile.tile-behind, .tile.tile-at-risk, .tile.tile-met"))
                .not()
                .hasCount(0);
        assertThat(page.locator(".greeting"))
                .containsText(DemoUsers.withRole("working-group").displayName());
        screenshot(page, "dashboard-1280");

        var download = page.waitForDownload(() -> page.locator("a.download-pdf").click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename())
                .isEqualTo("digilit-report-WG-" + data.province + "-" + reports.currentQuarter() + "-citizen.pdf");
        var pdf = Files.readAllBytes(download.path());
        // The download ran as the signed-in member, and left its trace in the audit trail.
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                                select actor from audit_event where action = 'report.export' and target_id = :target""")
                        .param("target", "working-group WG-" + data.province)
                        .query(String.class)
                        .list())
                .containsExactly(DemoUsers.withRole("working-group").username());
        try (var document = Loader.loadPDF(pdf)) {
            var image = new PDFRenderer(document).renderImageWithDPI(0, 110);
            ImageIO.write(
                    image,
                    "png",
                    BrowserSession.SCREENSHOTS
                            .resolve("dashboard-pdf-page1.png")
                            .toFile());
        }

        // From the keyboard: the grid's header, Tab into its rows (the first is the weakest), Enter opens that
        // district.
        page.locator("vaadin-grid.report-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("Cần tham gia"))
                .first()
                .click();
        page.keyboard().press("Tab"); // from the header to the first row, the weakest
        page.keyboard().press("Enter");
        page.waitForURL(Pattern.compile(".*/dashboard\\?.*org=" + data.id("D5") + ".*"));
        assertThat(page.locator(".report-scope")).hasText("Thị xã Phú Lộc");
        assertThat(page.locator(".bar-chart rect.bar")).hasCount(2);
        assertThat(page.locator("nav.breadcrumbs")).containsText("Tất cả đơn vị của tôi");
        screenshot(page, "dashboard-district-1280");
        page.context().close();
    }

    @Test
    void the_dashboard_reads_on_a_phone_without_sideways_scrolling() {
        var page = browser.newPage(390, 844, "vi-VN");
        page.navigate(app("/dashboard?group=" + groupId));
        BrowserSession.logIn(page, DemoUsers.withRole("working-group").username(), DemoUsers.PASSWORD);
        page.waitForURL(Pattern.compile(".*/dashboard\\?group=" + groupId + ".*"));
        assertThat(page.locator(".bar-chart")).isVisible();
        assertThat(page.locator(".bar-chart rect.bar")).hasCount(DISTRICTS.length);
        var wide = page.evaluate("() => [...document.querySelectorAll('main.dashboard *')]"
                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                + ".map(e => e.localName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"
                + ".slice(0, 10).join('; ')");
        BrowserSession.noSidewaysScrolling(page, ": " + wide);
        screenshot(page, "dashboard-390");
        page.context().close();
    }

    /**
     * The whole page: the app layout scrolls its content inside the window, so a full-page screenshot would stop at
     * the window's height; the window is made as tall as the content for the picture.
     */
    private static void screenshot(Page page, String name) {
        var size = page.viewportSize();
        var height = ((Number) page.evaluate("() => Math.ceil(Math.max(document.documentElement.scrollHeight,"
                        + " ...[...document.querySelectorAll('main')].map(m => m.getBoundingClientRect().top"
                        + " + m.scrollHeight + 24)))"))
                .intValue();
        page.setViewportSize(size.width, Math.max(size.height, height));
        page.waitForTimeout(400);
        BrowserSession.screenshot(page, name);
        page.setViewportSize(size.width, size.height);
    }
}
