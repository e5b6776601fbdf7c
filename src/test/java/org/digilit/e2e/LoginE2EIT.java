package org.digilit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.regex.Pattern;
import org.digilit.IntegrationTest;
import org.digilit.localstack.DemoUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The path a person walks, in real headless Chromium against the real app and Keycloak: landing page, Keycloak's login
 * page, their role's home with their name, logout from the app and from Keycloak.
 */
@IntegrationTest
class LoginE2EIT extends BrowserTest {

    private static final Map<String, String> HOME_OF_ROLE = Map.of(
            "citizen", "learn",
            "teacher", "learn",
            "org-admin", "organisation",
            "working-group", "dashboard",
            "platform-admin", "admin");

    @ParameterizedTest
    @ValueSource(strings = {"citizen", "teacher", "org-admin", "working-group", "platform-admin"})
    void each_role_logs_in_through_keycloak_lands_on_its_home_and_logs_out(String role) {
        var user = DemoUsers.withRole(role);
        var page = browser.newPage(360, 780, "vi-VN");
        page.navigate(app("/"));
        page.locator("a.cta").click();

        page.waitForURL(Pattern.compile(".*/realms/digilit/protocol/openid-connect/auth.*"));
        assertThat(page.locator("html")).hasAttribute("lang", "vi");
        if (role.equals("citizen")) {
            BrowserSession.screenshot(page, "keycloak-login-360");
        }
        BrowserSession.logIn(page, user.username(), DemoUsers.PASSWORD);

        page.waitForURL(Pattern.compile(".*/" + HOME_OF_ROLE.get(role) + "(\\?.*)?$"));
        assertThat(page.locator(".greeting")).containsText(user.displayName());
        boolean learner = HOME_OF_ROLE.get(role).equals("learn");
        if (!learner) {
            // Vaadin's frame names the user; the learner's server-rendered home (DD015) greets them by name instead.
            assertThat(page.locator(".user-name")).containsText(user.displayName());
        }
        BrowserSession.screenshot(page, "home-" + role + "-360");
        assertNoSidewaysScrolling(page);

        page.locator(learner ? "button.logout-link" : "vaadin-button.logout").click();
        page.waitForURL(app("/"));
        assertThat(page.locator("a.cta")).isVisible();

        // The Keycloak session ended too: a protected page asks for the password again.
        page.navigate(app("/" + HOME_OF_ROLE.get(role)));
        page.waitForURL(Pattern.compile(".*/protocol/openid-connect/auth.*"));
        assertThat(page.locator("#password")).isVisible();
        page.context().close();
    }

    @Test
    void a_citizen_opening_an_admin_url_gets_a_refusal_not_the_page() {
        var page = browser.newPage(360, 780, "vi-VN");
        page.navigate(app("/admin"));
        page.waitForURL(Pattern.compile(".*/protocol/openid-connect/auth.*"));
        BrowserSession.logIn(page, DemoUsers.withRole("citizen").username(), DemoUsers.PASSWORD);
        page.waitForURL(Pattern.compile(".*/admin(\\?.*)?$"));
        assertThat(page.locator("h1")).hasText("Bạn không có quyền truy cập trang này");
        assertThat(page.getByText("Tình trạng hệ thống")).hasCount(0);
        page.context().close();
    }

    @Test
    void the_landing_page_reads_well_on_a_phone_and_on_a_desktop() {
        for (var size : new int[][] {{360, 780}, {1280, 800}}) {
            var page = browser.newPage(size[0], size[1], "vi-VN");
            page.navigate(app("/"));
            assertThat(page.locator("h1")).hasText("Kỹ năng số cho mọi người");
            // Nothing wider than the screen: no sideways scrolling on a 360 px phone.
            BrowserSession.noSidewaysScrolling(page);
            BrowserSession.screenshot(page, "landing-" + size[0]);
            page.context().close();
        }
    }

    /** Nothing sticks out of the screen: no sideways scrolling, and the navbar's controls all fit. */
    private static void assertNoSidewaysScrolling(Page page) {
        var overflow = (Boolean) page.evaluate("() => document.documentElement.scrollWidth"
                + " > document.documentElement.clientWidth || [...document.querySelectorAll('[slot=navbar]')]"
                + ".some(e => e.getBoundingClientRect().right > window.innerWidth + 1)");
        org.assertj.core.api.Assertions.assertThat(overflow)
                .as("content wider than the " + page.viewportSize().width + " px screen")
                .isFalse();
    }
}
