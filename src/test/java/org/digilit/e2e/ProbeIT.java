package org.digilit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.digilit.IntegrationTest;
import org.digilit.account.AccountImportService;
import org.digilit.account.PrivilegedHolding;
import org.digilit.account.ReconciliationService;
import org.digilit.base.LimitedUploadHandler;
import org.digilit.completion.CompletionImportService;
import org.digilit.device.DeviceImportService;
import org.digilit.localstack.DemoUsers;
import org.digilit.localstack.LocalStack;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.security.KeycloakProperties;
import org.digilit.security.ProvisioningTokens;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The probes of issue #14, run again against the real app and servers: what a leaked provisioning credential, an
 * anonymous caller and a forged upload did before the hardening, and what they get now. Run with {@code ./mvnw verify
 * -Dit.test=ProbeIT -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@IntegrationTest
class ProbeIT extends BrowserTest {

    private static final ObjectMapper json = new ObjectMapper();

    @Autowired
    ProvisioningTokens tokens;

    @Autowired
    KeycloakProperties keycloak;

    @Autowired
    ReconciliationService reconciliation;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    /**
     * Probe 1: with the provisioning client's credential, one partial import creates a user holding platform-admin and
     * realm-management's realm-admin. Keycloak still allows it (partial import needs manage-realm); reconciliation now
     * lists both holdings and repair takes them away, leaving the users the platform granted alone.
     */
    @Test
    void a_partial_import_escalation_is_reported_by_reconciliation_and_stripped_by_repair() throws Exception {
        var username = "probe-escalation-" + System.nanoTime();
        var user = Map.of(
                "username",
                username,
                "enabled",
                true,
                "realmRoles",
                List.of("platform-admin"),
                "clientRoles",
                Map.of("realm-management", List.of("realm-admin")));
        var body = json.writeValueAsString(Map.of("ifResourceExists", "SKIP", "users", List.of(user)));
        var response = http.send(
                HttpRequest.newBuilder(URI.create(keycloak.backChannelServerUrl() + "/admin/realms/" + keycloak.realm()
                                + "/partialImport"))
                        .header("Authorization", "Bearer " + tokens.accessToken())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        TestUsers.signIn("probe-admin", null, Role.PLATFORM_ADMIN);
        var report = reconciliation.reconcile(false, "probe-admin", null, Integer.MAX_VALUE);
        var found = holdingsOf(report.unexpectedPrivileged(), username);
        assertThat(found).containsExactlyInAnyOrder("platform-admin", "realm-management/realm-admin");
        assertThat(report.clean()).isFalse();
        // The demo users' roles are the platform's grants: not reported.
        assertThat(report.unexpectedPrivileged())
                .extracting(PrivilegedHolding::username)
                .doesNotContain("admin.demo", "orgadmin.demo");

        reconciliation.reconcile(true, "probe-admin", "10.0.0.9");
        var after = reconciliation.reconcile(false, "probe-admin", null, Integer.MAX_VALUE);
        // Repair takes the platform role away; a realm-management role only a Keycloak realm admin can remove (Keycloak
        // refuses the provisioning client), so it stays listed until one does (DD008).
        assertThat(holdingsOf(after.unexpectedPrivileged(), username))
                .doesNotContain("platform-admin")
                .containsOnly("realm-management/realm-admin");
        try (var admin = DemoUsers.adminClient(stack())) {
            var users = admin.realm(LocalStack.REALM).users();
            var escalated = users.searchByUsername(username, true).getFirst();
            var realmRoles = users.get(escalated.getId()).roles().realmLevel().listEffective().stream()
                    .map(r -> r.getName())
                    .toList();
            assertThat(realmRoles).doesNotContain("platform-admin");
            var management = admin.realm(LocalStack.REALM)
                    .clients()
                    .findByClientId("realm-management")
                    .getFirst();
            assertThat(management.getClientId()).isEqualTo("realm-management");
            var orgAdmin = users.searchByUsername("orgadmin.demo", true).getFirst();
            assertThat(users.get(orgAdmin.getId()).roles().realmLevel().listAll())
                    .extracting(r -> r.getName())
                    .contains("org-admin");
        }
    }

    /** Probe 2: anonymous /actuator/health showed server addresses, the realm URL, disk paths and error texts. */
    @Test
    void anonymous_actuator_answers_the_status_without_details() throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(app("/actuator/health"))).build(),
                HttpResponse.BodyHandlers.ofString());
        // The status, and the names of the health groups (here "details", which needs a platform admin); nothing of
        // the servers.
        var body = json.readTree(response.body());
        assertThat(body.properties()).extracting(Map.Entry::getKey).isSubsetOf("status", "groups");
        assertThat(response.body()).doesNotContain("components", "keycloak", "elasticsearch", "http", "reason");
    }

    /**
     * Probe 3, on each import page (they share {@code base.ImportWizard} since #15): an upload forged past the
     * browser's limit (the file's length not announced, 64 MB more than the page's limit sent) is cut off near the
     * limit and leaves no file behind; a file within the limit still arrives by the same route. The pages are opened
     * on a 360 px phone, as an org admin or a device officer would, and looked at as screenshots.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/organisations/import, org-admin, organisation",
        "/accounts/import, org-admin, account",
        "/completions/import, org-admin, completion",
        "/devices/import, device-officer, device"
    })
    void an_oversized_upload_is_cut_off_and_leaves_no_file(String path, String role, String feature) throws Exception {
        long limit = switch (feature) {
            case "organisation" -> OrganisationImportService.MAX_FILE_BYTES;
            case "account" -> AccountImportService.MAX_FILE_BYTES;
            case "completion" -> CompletionImportService.MAX_FILE_BYTES;
            default -> DeviceImportService.MAX_BYTES;
        };
        var page = browser.newPage(360, 740, "vi-VN");
        page.navigate(app(path));
        page.waitForURL(Pattern.compile(".*/protocol/openid-connect/auth.*"));
        page.locator("#username").fill(DemoUsers.withRole(role).username());
        page.locator("#password").fill(DemoUsers.PASSWORD);
        page.locator("#kc-login").click();
        page.waitForURL(Pattern.compile(".*" + Pattern.quote(path) + "(\\?.*)?$"));
        assertThat(page.locator("vaadin-upload")).isVisible();
        // Nothing wider than the phone: the page scrolls down, never sideways.
        var overflow = (Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).as("sideways overflow of " + path).isLessThanOrEqualTo(0);
        BrowserSession.screenshot(page, feature + "-import-360");
        var target = (String) page.evaluate("() => document.querySelector('vaadin-upload').target");
        var cookie = page.context().cookies().stream()
                .filter(c -> c.name.equals("JSESSIONID"))
                .findFirst()
                .orElseThrow();
        var url = URI.create(app("/")).resolve(target);
        var before = uploads();

        // Within the limit: accepted by the same route (so a refusal below is the limit, not the route).
        var small = send(url, cookie.value, new Generator(1024), null);
        assertThat(small.status).isEqualTo(200);

        long offered = limit + 64L * 1024 * 1024;
        var generator = new Generator(offered);
        var started = System.nanoTime();
        var big = send(url, cookie.value, generator, null);
        var seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "PROBE oversized-upload page=%s offered=%d sent=%d status=%s seconds=%.1f%n",
                path, offered, generator.sent.get(), big.status, seconds);
        assertThat(generator.sent.get()).as("bytes the server took").isLessThan(limit + 32L * 1024 * 1024);
        Thread.sleep(500);
        var left = uploads();
        left.removeAll(before);
        // The small file may wait for the view (deleted when the view closes); nothing of the big one is left.
        assertThat(left.size()).isLessThanOrEqualTo(1);
        for (var file : left) {
            assertThat(Files.size(file)).isLessThanOrEqualTo(1024);
        }
        page.context().close();
    }

    private record Answer(int status, String error) {}

    private Answer send(URI url, String session, Generator body, String unused) throws InterruptedException {
        try {
            var response = http.send(
                    HttpRequest.newBuilder(url)
                            .header("Cookie", "JSESSIONID=" + session)
                            .header("Content-Type", "text/csv")
                            .header("X-Filename", "probe.csv")
                            .timeout(Duration.ofSeconds(120))
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), "");
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        }
    }

    /** Bytes of a CSV-looking file, counted as the client sends them. */
    static final class Generator extends InputStream {
        private final long size;
        final AtomicLong sent = new AtomicLong();

        Generator(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return sent.get() < size ? (sent.getAndIncrement() % 64 == 63 ? '\n' : 'a') : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            long left = size - sent.get();
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'a');
            sent.addAndGet(n);
            return n;
        }
    }

    private static java.util.Set<java.nio.file.Path> uploads() throws IOException {
        if (!Files.isDirectory(LimitedUploadHandler.FOLDER)) {
            return new java.util.HashSet<>();
        }
        try (var files = Files.list(LimitedUploadHandler.FOLDER)) {
            return new java.util.HashSet<>(files.toList());
        }
    }

    private static List<String> holdingsOf(List<PrivilegedHolding> holdings, String username) {
        return holdings.stream()
                .filter(h -> h.username().equals(username))
                .map(PrivilegedHolding::role)
                .toList();
    }

    private static LocalStack stack() {
        return LocalStack.shared(LocalStack.Mode.TEST, LocalStack.testAppPort());
    }
}
