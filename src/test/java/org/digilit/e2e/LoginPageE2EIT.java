package org.digilit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;
import org.digilit.IntegrationTest;
import org.digilit.localstack.DemoUsers;
import org.junit.jupiter.api.Test;

/**
 * Keycloak's login page in the realm's "digilit" theme (keycloak-realm/themes/digilit, DD014), in real Chromium at
 * 360 px: the slip's words, a way out for a forgotten password to the app's own recovery page, and a wrong password
 * answered in plain Vietnamese.
 */
@IntegrationTest
class LoginPageE2EIT extends BrowserTest {

    @Test
    void the_login_page_uses_the_slip_s_words_and_leads_a_forgotten_password_to_the_app() {
        var page = browser.newPage(360, 780, "vi-VN");
        page.navigate(app("/learn"));
        page.waitForURL(Pattern.compile(".*/realms/digilit/protocol/openid-connect/auth.*"));

        assertThat(page.locator("html")).hasAttribute("lang", "vi");
        assertThat(page.locator("#kc-page-title")).containsText("Đăng nhập DigiLit");
        assertThat(page.locator("label[for=username]")).containsText("Tên đăng nhập");
        assertThat(page.getByText("Tên người dùng")).hasCount(0);
        assertThat(page.locator("label[for=password]")).containsText("Mật khẩu");
        var forgot = page.locator("#digilit-forgot-password");
        assertThat(forgot).hasText("Quên mật khẩu?");
        assertThat(forgot).hasAttribute("href", app("/forgot-password"));
        assertThat(page.locator("#digilit-activate")).hasAttribute("href", app("/activate"));
        // The app's look: its own stylesheet is loaded, and nothing is wider than the phone.
        assertThat(page.locator("link[href$='css/digilit.css']")).hasCount(1);
        BrowserSession.noSidewaysScrolling(page);
        BrowserSession.screenshot(page, "login-page-360");

        page.locator("#username").fill(DemoUsers.withRole("citizen").username());
        page.locator("#password").fill("not-the-password-2026");
        page.locator("#kc-login").click();
        assertThat(page.locator("#input-error-username")).containsText("Tên đăng nhập hoặc mật khẩu chưa đúng");
        BrowserSession.screenshot(page, "login-page-wrong-password-360");

        page.locator("#digilit-forgot-password").click();
        page.waitForURL(app("/forgot-password"));
        // The app's first page after Keycloak's: slow on a loaded machine, hence the longer wait.
        assertThat(page.locator("h1"))
                .hasText(
                        "Bạn quên mật khẩu?",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
        page.context().close();
    }

    @Test
    void the_login_page_speaks_english_to_an_english_reader() {
        var page = browser.newPage(360, 780, "en-GB");
        page.navigate(app("/learn?lang=en"));
        page.waitForURL(Pattern.compile(".*/protocol/openid-connect/auth.*"));
        page.navigate(page.url().replaceFirst("ui_locales=[^&]*", "ui_locales=en")
                + (page.url().contains("ui_locales=") ? "" : "&ui_locales=en"));
        assertThat(page.locator("label[for=username]")).containsText("Username");
        assertThat(page.locator("#digilit-forgot-password")).hasText("Forgot your password?");
        page.context().close();
    }
}
