package org.digilit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.digilit.IntegrationTest;
import org.digilit.localstack.DemoUsers;
import org.digilit.localstack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Issue #14 §1 walked in real Chromium: someone holding a leaked Keycloak admin secret gives themselves a staff role
 * directly in Keycloak. The demo platform admin opens "Đối soát tài khoản đăng nhập" at 1280 px, compares, sees the
 * hand-made holder listed by name and role, and "So sánh và sửa" takes the role away in Keycloak. On a phone (360 px)
 * a second holding, given on purpose, is accepted instead: it stays in Keycloak and leaves the list. An org admin who
 * types the page's address is refused. (A grid keeps the cells of rows it no longer shows, hidden: the walk counts
 * visible cells only.)
 */
@IntegrationTest
class KeycloakSyncE2EIT extends BrowserTest {

    private static final String PAGE = "/accounts/keycloak";
    private static final String TITLE = "Đối soát tài khoản đăng nhập";
    private static final String DENIED = "Bạn không có quyền truy cập trang này";

    @BeforeAll
    static void assertionsWaitLonger() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
    }

    @AfterAll
    static void assertionsWaitAsBefore() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(
                BrowserSession.ASSERTION_TIMEOUT_MS);
    }

    @Test
    void a_role_given_by_hand_in_keycloak_is_listed_and_repair_takes_it_away() {
        try (var admin = DemoUsers.adminClient(stack())) {
            var realm = admin.realm(LocalStack.REALM);
            var rogue = "tu-cap-quyen-" + System.nanoTime() % 1_000_000_000L;
            var rogueId = userWithRole(realm, rogue, "platform-admin");

            var page = browser.newPage(1280, 900, "vi-VN");
            logIn(page, DemoUsers.withRole("platform-admin"));
            assertThat(page.locator("h1")).hasText(TITLE);
            page.getByText("So sánh", new Page.GetByTextOptions().setExact(true))
                    .click();
            var row = page.locator("vaadin-grid.privileged-holdings vaadin-grid-cell-content:visible")
                    .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(rogue));
            assertThat(row).hasCount(1);
            assertThat(page.locator(".reconciliation-report")).containsText("Máy chủ đăng nhập khác với nền tảng");
            org.assertj.core.api.Assertions.assertThat(AxeCore.check(page)).isEmpty();
            BrowserSession.screenshot(page, "keycloak-sync-privileged-1280");
            org.assertj.core.api.Assertions.assertThat(realmRoles(realm, rogueId))
                    .as("nothing changes on compare")
                    .contains("platform-admin");

            page.getByText("So sánh và sửa", new Page.GetByTextOptions().setExact(true))
                    .click();
            assertThat(page.locator(".reconciliation-report")).containsText("Đã xếp hàng các việc sửa");
            org.assertj.core.api.Assertions.assertThat(realmRoles(realm, rogueId))
                    .as("repair took the role away in Keycloak")
                    .doesNotContain("platform-admin");

            page.getByText("So sánh", new Page.GetByTextOptions().setExact(true))
                    .click();
            assertThat(page.locator(".reconciliation-report")).containsText("Số tài khoản đã so sánh");
            assertThat(page.locator("vaadin-grid.privileged-holdings vaadin-grid-cell-content:visible")
                            .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(rogue)))
                    .hasCount(0);
            page.context().close();
            realm.users().get(rogueId).remove();
        }
    }

    @Test
    void on_a_phone_a_role_given_on_purpose_is_accepted_and_kept() {
        try (var admin = DemoUsers.adminClient(stack())) {
            var realm = admin.realm(LocalStack.REALM);
            var officer = "can-bo-thiet-bi-" + System.nanoTime() % 1_000_000_000L;
            var officerId = userWithRole(realm, officer, "device-officer");

            var phone = browser.newPage(360, 780, "vi-VN");
            logIn(phone, DemoUsers.withRole("platform-admin"));
            phone.getByText("So sánh", new Page.GetByTextOptions().setExact(true))
                    .click();
            var grid = phone.locator("vaadin-grid.privileged-holdings");
            assertThat(grid.locator("vaadin-grid-cell-content:visible")
                            .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(officer)))
                    .hasCount(1);
            // Each accept button names whose role it accepts (its accessible name), so a screen reader tells them
            // apart.
            phone.getByRole(
                            com.microsoft.playwright.options.AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Chấp nhận: " + officer + " giữ quyền device-officer"))
                    .click();
            assertThat(phone.locator("vaadin-notification-card").first()).containsText(officer);
            assertThat(grid.locator("vaadin-grid-cell-content:visible")
                            .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(officer)))
                    .hasCount(0);
            org.assertj.core.api.Assertions.assertThat(realmRoles(realm, officerId))
                    .as("an accepted holding stays in Keycloak")
                    .contains("device-officer");
            BrowserSession.noSidewaysScrolling(phone);
            BrowserSession.screenshot(phone, "keycloak-sync-accepted-360");
            phone.context().close();
            realm.users().get(officerId).remove();
        }
    }

    @Test
    void an_org_admin_who_types_the_address_is_refused() {
        var page = browser.newPage(360, 780, "vi-VN");
        logIn(page, DemoUsers.withRole("org-admin"));
        assertThat(page.locator("h1")).hasText(DENIED);
        assertThat(page.getByText("So sánh và sửa")).hasCount(0);
        page.context().close();
    }

    private static String userWithRole(RealmResource realm, String username, String role) {
        var user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setAttributes(Map.of("organisationId", List.of("P01")));
        return DemoUsers.create(realm, user, role);
    }

    private static List<String> realmRoles(RealmResource realm, String id) {
        return realm.users().get(id).roles().realmLevel().listEffective().stream()
                .map(RoleRepresentation::getName)
                .toList();
    }

    private void logIn(Page page, DemoUsers.DemoUser user) {
        page.navigate(app(PAGE));
        BrowserSession.logIn(page, user.username(), DemoUsers.PASSWORD);
        page.waitForURL(
                u -> u.startsWith(app("/")) && !u.contains("/oauth2/") && !u.contains("/login/"),
                new Page.WaitForURLOptions().setTimeout(90_000));
        if (!page.url().contains(PAGE)) {
            page.navigate(app(PAGE));
        }
    }

    private static LocalStack stack() {
        return LocalStack.shared(LocalStack.Mode.TEST, LocalStack.testAppPort());
    }
}
