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
import org.digilit.account.AccountService;
import org.digilit.localstack.DemoUsers;
import org.digilit.localstack.LocalStack;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Recovery of a forgotten password in real headless Chromium at 360 px (DD007): a citizen with an activated account is
 * logged in on a phone; they forget their password; the public "forgot password" page names who helps in their commune;
 * the organisation admin prints a reset slip; the citizen sets a new password at the activation page; their old
 * Keycloak session is gone, the old password fails, and the new one logs them in.
 */
@IntegrationTest
class RecoveryE2EIT extends BrowserTest {

    private static final String OLD_PASSWORD = "Mat-khau-cu-2026";
    private static final String NEW_PASSWORD = "Mat-khau-moi-2026";

    @Autowired
    WalkSetup setup;

    @Autowired
    AccountService accounts;

    @Test
    void an_admin_prints_a_reset_slip_and_the_person_sets_a_new_password_on_a_phone_and_logs_in_with_it()
            throws Exception {
        // An activated citizen of the demo organisation admin's ward, with a password they have forgotten.
        var number =
                "036195" + String.format("%06d", ThreadLocalRandom.current().nextInt(500_000, 999_999));
        long accountId = activatedCitizen(number);
        String keycloakId;
        String username;
        TestUsers.signIn("test-setup", null, Role.PLATFORM_ADMIN);
        try {
            keycloakId = accounts.get(accountId).keycloakId();
            username = accounts.get(accountId).username();
        } finally {
            TestUsers.signOut();
        }

        // They were logged in on their phone with the old password.
        var oldPhone = browser.newPage(360, 780, "vi-VN");
        oldPhone.navigate(app("/oauth2/authorization/keycloak"));
        BrowserSession.logIn(oldPhone, username, OLD_PASSWORD);
        oldPhone.waitForURL(Pattern.compile(".*/learn(\\?.*)?$"));
        try (var admin = DemoUsers.adminClient(LocalStack.shared(LocalStack.Mode.TEST, LocalStack.testAppPort()))) {
            org.assertj.core.api.Assertions.assertThat(admin.realm(LocalStack.REALM)
                            .users()
                            .get(keycloakId)
                            .getUserSessions())
                    .isNotEmpty();
        }

        // The public page says what to do and who helps in their commune, without asking for their number.
        var visitor = browser.newPage(360, 780, "vi-VN");
        visitor.navigate(app("/activate"));
        visitor.locator("a.forgot-password").click();
        visitor.waitForURL(Pattern.compile(".*/forgot-password$"));
        assertThat(visitor.locator("h1")).hasText("Bạn quên mật khẩu?");
        visitor.locator("vaadin-combo-box input").fill("Đông Hòa");
        visitor.locator("vaadin-combo-box-item").first().click();
        assertThat(visitor.locator(".forgot-answer")).containsText("Xã Đông Hòa");
        assertThat(visitor.locator(".forgot-answer")).containsText("Lê Thị Hoa");
        BrowserSession.screenshot(visitor, "forgot-password-360");
        visitor.context().close();

        // The organisation admin prints a reset slip, on a phone too.
        var adminPage = browser.newPage(360, 780, "vi-VN");
        adminPage.navigate(app("/accounts/details/" + accountId));
        BrowserSession.logIn(adminPage, DemoUsers.withRole("org-admin").username(), DemoUsers.PASSWORD);
        adminPage.waitForURL(Pattern.compile(".*/accounts/details/" + accountId + "(\\?.*)?$"));
        adminPage.locator("vaadin-button.print-reset-slip").click();
        BrowserSession.screenshot(adminPage, "reset-slip-dialog-360");
        var download = adminPage.waitForDownload(
                () -> adminPage.locator("a.download-slips").click());
        String text;
        try (var pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            text = new PDFTextStripper().getText(pdf);
        }
        org.assertj.core.api.Assertions.assertThat(text)
                .contains("ĐẶT LẠI MẬT KHẨU")
                .contains("Trần Thị Kim Oanh")
                .doesNotContain(number);
        var matcher = Pattern.compile("[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}").matcher(text);
        org.assertj.core.api.Assertions.assertThat(matcher.find()).isTrue();
        var code = matcher.group();
        adminPage.context().close();

        // The person sets a new password at the same public page.
        var phone = browser.newPage(360, 780, "vi-VN");
        phone.navigate(app("/activate?code=" + code));
        phone.waitForFunction("code => !location.href.includes(code)", code);
        phone.getByLabel("Số định danh cá nhân").fill(number);
        phone.getByLabel("Mật khẩu mới").fill(NEW_PASSWORD);
        phone.getByLabel("Nhập lại mật khẩu").fill(NEW_PASSWORD);
        phone.locator("button.activation-submit").click();
        assertThat(phone.locator(".activation-done")).containsText(username);
        BrowserSession.screenshot(phone, "reset-done-360");

        // Their old Keycloak session is gone: the old phone must log in again.
        try (var admin = DemoUsers.adminClient(LocalStack.shared(LocalStack.Mode.TEST, LocalStack.testAppPort()))) {
            org.assertj.core.api.Assertions.assertThat(admin.realm(LocalStack.REALM)
                            .users()
                            .get(keycloakId)
                            .getUserSessions())
                    .isEmpty();
        }
        oldPhone.context()
                .clearCookies(new com.microsoft.playwright.BrowserContext.ClearCookiesOptions()
                        .setDomain("localhost")
                        .setName("JSESSIONID"));
        oldPhone.navigate(app("/oauth2/authorization/keycloak"));
        oldPhone.waitForURL(Pattern.compile(".*/protocol/openid-connect/auth.*"));
        assertThat(oldPhone.locator("#password")).isVisible();
        // The old password fails there.
        oldPhone.locator("#username").fill(username);
        oldPhone.locator("#password").fill(OLD_PASSWORD);
        oldPhone.locator("#kc-login").click();
        // Keycloak answers on its login page again, with its error next to the fields.
        assertThat(oldPhone.locator("[id^='input-error']").first()).isVisible();
        assertThat(oldPhone.locator("#kc-login")).isVisible();
        org.assertj.core.api.Assertions.assertThat(oldPhone.url()).doesNotContain("/learn");
        oldPhone.context().close();

        // The new one logs them in.
        phone.locator("a.cta").click();
        BrowserSession.logIn(phone, username, NEW_PASSWORD);
        phone.waitForURL(Pattern.compile(".*/learn(\\?.*)?$"));
        assertThat(phone.locator(".greeting")).containsText("Trần Thị Kim Oanh");
        phone.context().close();
    }

    /** Imports, verifies, provisions and activates a citizen of commune P01-C001 with {@link #OLD_PASSWORD}. */
    private long activatedCitizen(String number) throws Exception {
        TestUsers.signIn("test-setup", null, Role.PLATFORM_ADMIN);
        long accountId;
        try {
            setup.organisations(WalkSetup.PROVINCE);
            var born = LocalDate.of(1995, 3, 9);
            accountId = setup.verifiedPeople(
                            number + ",Trần Thị Kim Oanh," + born + ",female,0987654322,P01-C001,citizen")
                    .getFirst();
            setup.awaitKeycloakUser(accountId, Duration.ofSeconds(60));
            setup.activate(accountId, number, OLD_PASSWORD);
        } finally {
            TestUsers.signOut();
        }
        return accountId;
    }
}
