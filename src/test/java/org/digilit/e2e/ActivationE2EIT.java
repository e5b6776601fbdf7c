package org.digilit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.digilit.IntegrationTest;
import org.digilit.localstack.DemoUsers;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The activation path in real headless Chromium: the organisation admin prints a slip, the code is read off the PDF,
 * the citizen opens the slip's link on a phone, activates with their identity number and a password of their choice,
 * and logs in through Keycloak with it.
 */
@IntegrationTest
class ActivationE2EIT extends BrowserTest {

    @Autowired
    WalkSetup setup;

    @Test
    void print_a_slip_read_its_code_activate_on_a_phone_and_log_in() throws Exception {
        // A verified, provisioned citizen in the demo organisation admin's ward.
        TestUsers.signIn("test-setup", null, Role.PLATFORM_ADMIN);
        long accountId;
        String number;
        try {
            setup.organisations(WalkSetup.PROVINCE);
            var born = LocalDate.of(1994, 8, 12);
            number =
                    "036194" + String.format("%06d", ThreadLocalRandom.current().nextInt(500_000, 999_999));
            accountId = setup.verifiedPeople(
                            number + ",Nguyễn Thị Thu Hà," + born + ",female,0987654321,P01-C001,citizen")
                    .getFirst();
            setup.awaitKeycloakUser(accountId, Duration.ofSeconds(60));
        } finally {
            TestUsers.signOut();
        }

        // The organisation admin prints the slip.
        var admin = browser.newPage(1280, 900, "vi-VN");
        admin.navigate(app("/accounts/details/" + accountId));
        BrowserSession.logIn(admin, DemoUsers.withRole("org-admin").username(), DemoUsers.PASSWORD);
        admin.waitForURL(Pattern.compile(".*/accounts/details/" + accountId + "(\\?.*)?$"));
        assertThat(admin.locator("h1")).hasText("Nguyễn Thị Thu Hà");
        assertThat(admin.getByText(number)).hasCount(0);
        BrowserSession.screenshot(admin, "account-details-1280");
        // The pages around it, looked at as screenshots: the accounts grid, the queue, the import wizard.
        admin.navigate(app("/accounts"));
        assertThat(admin.locator("h1")).hasText("Người học và tài khoản");
        BrowserSession.screenshot(admin, "accounts-1280");
        admin.navigate(app("/accounts/verification"));
        assertThat(admin.locator("h1")).hasText("Hàng chờ xác minh");
        BrowserSession.screenshot(admin, "verification-1280");
        admin.navigate(app("/accounts/import"));
        assertThat(admin.locator("h1")).hasText("Nhập danh sách người học");
        BrowserSession.screenshot(admin, "people-import-1280");
        admin.navigate(app("/accounts/details/" + accountId));
        admin.getByText("In phiếu kích hoạt").click();
        var download =
                admin.waitForDownload(() -> admin.locator("a.download-slips").click());
        String text;
        try (var pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            text = new PDFTextStripper().getText(pdf);
        }
        org.assertj.core.api.Assertions.assertThat(text)
                .contains("Nguyễn Thị Thu Hà")
                .doesNotContain(number);
        var matcher = Pattern.compile("[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}").matcher(text);
        org.assertj.core.api.Assertions.assertThat(matcher.find())
                .as("a code on the slip")
                .isTrue();
        var code = matcher.group();
        admin.context().close();

        // The public registration page, on a phone.
        var visitor = browser.newPage(360, 780, "vi-VN");
        visitor.navigate(app("/register"));
        assertThat(visitor.locator("h1")).hasText("Đăng ký học kỹ năng số");
        BrowserSession.screenshot(visitor, "register-360");
        visitor.context().close();

        // The citizen opens the slip's link on a phone and activates.
        var phone = browser.newPage(360, 780, "vi-VN");
        phone.navigate(app("/activate?code=" + code));
        assertThat(phone.locator("h1")).hasText("Kích hoạt tài khoản học tập");
        // The code leaves the address bar (and the history) as soon as the page has it.
        phone.waitForFunction("code => !location.href.includes(code)", code);
        phone.getByLabel("Số định danh cá nhân").fill(number.substring(0, 6) + " " + number.substring(6));
        phone.getByLabel("Mật khẩu mới").fill("Hoc-ky-nang-so-2026");
        phone.getByLabel("Nhập lại mật khẩu").fill("Hoc-ky-nang-so-2026");
        BrowserSession.screenshot(phone, "activation-360");
        phone.locator("button.activation-submit").click();
        assertThat(phone.locator(".activation-done")).containsText("dl");
        var done = phone.locator(".activation-done").textContent();
        var login = Pattern.compile("dl\\d+").matcher(done);
        org.assertj.core.api.Assertions.assertThat(login.find()).isTrue();
        BrowserSession.screenshot(phone, "activation-done-360");

        // And logs in with the password they chose.
        phone.locator("a.cta").click();
        BrowserSession.logIn(phone, login.group(), "Hoc-ky-nang-so-2026");
        phone.waitForURL(Pattern.compile(".*/learn(\\?.*)?$"));
        assertThat(phone.locator(".greeting")).containsText("Nguyễn Thị Thu Hà");
        phone.context().close();
    }
}
