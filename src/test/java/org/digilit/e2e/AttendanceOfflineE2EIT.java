package org.digilit.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.digilit.IntegrationTest;
import org.digilit.course.CourseContentService;
import org.digilit.localstack.DemoUsers;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.digilit.session.SessionService;
import org.digilit.session.SessionTestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The facilitator's phone page in real headless Chromium with a persistent profile (a phone's browser): log in through
 * Keycloak, the session's roster downloaded, the network cut mid-session, marks taken offline and queued, the browser
 * closed and opened again (marks still queued, the page served by its service worker with no network, the login
 * gone), the network back: the page asks to log in again without losing the queue, and after logging in the marks
 * reach the server exactly once. Also: the JSON endpoints refuse a POST without the CSRF token and answer 401 (not a
 * redirect) without a login.
 */
@IntegrationTest
class AttendanceOfflineE2EIT {

    private static Playwright playwright;

    @Value("${local.server.port}")
    int port;

    @Autowired
    SessionService sessions;

    @Autowired
    OrganisationImportService imports;

    @Autowired
    CourseContentService content;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void start() {
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    @AfterAll
    static void stop() {
        playwright.close();
    }

    private BrowserContext phone(Path profile) {
        var context = playwright
                .chromium()
                .launchPersistentContext(
                        profile,
                        new BrowserType.LaunchPersistentContextOptions()
                                .setExecutablePath(BrowserSession.CHROMIUM)
                                .setHeadless(true)
                                .setViewportSize(360, 780)
                                .setLocale("vi-VN")
                                .setArgs(List.of(
                                        "--no-sandbox",
                                        "--disable-gpu",
                                        "--disable-background-networking",
                                        "--disable-component-update",
                                        "--disable-sync",
                                        "--no-first-run")));
        context.setDefaultTimeout(60_000);
        return context;
    }

    @Test
    void marks_taken_offline_survive_a_browser_restart_and_an_expired_login_and_reach_the_server_once()
            throws Exception {
        var data = new SessionTestData(jdbc).load(imports, content);
        var learners = List.of(data.learner("G1"), data.learner("G1"), data.learner("G1"));
        var facilitator = DemoUsers.withRole("facilitator").username();
        TestUsers.signIn("admin-" + data.province, data.code("G1"), Role.ORG_ADMIN);
        long id;
        try {
            id = sessions.schedule(
                            data.draft("G1", Instant.now().minus(Duration.ofMinutes(30)), List.of(facilitator), 1),
                            null)
                    .getFirst();
            sessions.enrol(id, learners, null);
        } finally {
            TestUsers.signOut();
        }
        var profile = Files.createTempDirectory("phone-profile");

        var context = phone(profile);
        var page =
                context.pages().isEmpty() ? context.newPage() : context.pages().getFirst();
        page.navigate(app("/attendance/index.html"));
        page.waitForURL(Pattern.compile(".*/protocol/openid-connect/auth.*"));
        logIn(page, facilitator);
        backToThePhonePage(page);
        var session = page.locator(".session[data-session='" + id + "']");
        session.waitFor();
        assertThat(session.locator(".learner").count()).isEqualTo(3);
        page.evaluate("() => navigator.serviceWorker.ready.then(() => true)");
        BrowserSession.screenshot(page, "attendance-phone-360");

        // Mid-session the network goes.
        context.setOffline(true);
        page.waitForFunction("() => !navigator.onLine");
        learner(session, learners.get(0)).locator("button.PRESENT").click();
        learner(session, learners.get(1)).locator("button.ABSENT").click();
        learner(session, learners.get(2)).locator("button.LATE").click();
        waitForUnsent(page, 3);
        assertThat(stored(id)).isZero();
        BrowserSession.screenshot(page, "attendance-phone-offline-360");
        context.close();

        // The browser opens again with no network: the page comes from the service worker, the queue from IndexedDB.
        context = phone(profile);
        context.setOffline(true);
        page = context.pages().isEmpty() ? context.newPage() : context.pages().getFirst();
        page.navigate(app("/attendance/index.html"));
        waitForUnsent(page, 3);
        assertThat(page.locator(".session[data-session='" + id + "'] .learner").count())
                .isEqualTo(3);
        assertThat(stored(id)).isZero();

        // The login has expired meanwhile (its cookies are gone). The network comes back: the page asks to log in
        // again and keeps its queue.
        context.clearCookies();
        context.setOffline(false);
        page.locator("#login").waitFor();
        waitForUnsent(page, 3);
        page.locator("#login-link").click();
        page.waitForURL(Pattern.compile(".*(/protocol/openid-connect/auth.*|/attendance/index.html(\\?.*)?)$"));
        if (page.url().contains("openid-connect")) {
            logIn(page, facilitator);
        }
        backToThePhonePage(page);
        waitForUnsent(page, 0);
        assertThat(stored(id)).isEqualTo(3);
        assertThat(status(id, learners.get(0))).isEqualTo("PRESENT");
        assertThat(status(id, learners.get(1))).isEqualTo("ABSENT");
        assertThat(status(id, learners.get(2))).isEqualTo("LATE");

        // Pressing "send" again, or reloading, sends nothing twice.
        page.locator("#sync").click();
        page.reload();
        waitForUnsent(page, 0);
        assertThat(stored(id)).isEqualTo(3);

        // The JSON endpoints: a POST without the CSRF token is refused; the same batch twice is stored once.
        var batch = """
                {"batchId":"%s","sentAt":"%s","walkIns":[],"marks":[{"id":"%s","sessionId":%d,"learner":"%s",
                "status":"LATE","method":"MANUAL","capturedAt":"%s"}]}""".formatted(
                        java.util.UUID.randomUUID(),
                        Instant.now(),
                        java.util.UUID.randomUUID(),
                        id,
                        learners.get(0),
                        Instant.now());
        var noToken = context.request()
                .post(
                        app("/attendance/api/sync"),
                        RequestOptions.create()
                                .setHeader("Content-Type", "application/json")
                                .setData(batch));
        assertThat(noToken.status()).isEqualTo(403);
        var csrf = (String) page.evaluate("() => fetch('/attendance/api/sessions').then(r => r.json())"
                + ".then(d => d.csrf.header + ' ' + d.csrf.token)");
        var header = csrf.split(" ");
        for (int i = 0; i < 2; i++) {
            var sent = context.request()
                    .post(
                            app("/attendance/api/sync"),
                            RequestOptions.create()
                                    .setHeader("Content-Type", "application/json")
                                    .setHeader(header[0], header[1])
                                    .setData(batch));
            assertThat(sent.status()).isEqualTo(200);
            assertThat(sent.text()).contains(i == 0 ? "\"replay\":false" : "\"replay\":true");
        }
        assertThat(stored(id)).isEqualTo(4);

        // The facilitator's Vaadin pages on the same phone: their sessions and their own learner card.
        page.navigate(app("/sessions"));
        page.locator("vaadin-grid.session-grid").waitFor();
        BrowserSession.screenshot(page, "sessions-360");
        page.navigate(app("/learn/card"));
        page.locator(".card-code").waitFor();
        BrowserSession.screenshot(page, "learner-card-360");
        context.close();

        // Without a login the endpoints answer 401, so the page can ask to log in again.
        var anonymous = playwright.request().newContext();
        assertThat(anonymous.get(app("/attendance/api/sessions")).status()).isEqualTo(401);
        anonymous.dispose();
    }

    private static com.microsoft.playwright.Locator learner(com.microsoft.playwright.Locator session, String username) {
        return session.locator(".learner[data-learner='" + username + "']");
    }

    /**
     * After Keycloak's login the app sends the facilitator back to the page they asked for or, when Vaadin's request
     * cache did not keep it, to their home ({@code /sessions}), which links the phone page: they open it from there.
     */
    private void backToThePhonePage(Page page) {
        try {
            page.waitForURL(url -> url.startsWith(app("/")) && !url.contains("/oauth2/") && !url.contains("/login/"));
        } catch (com.microsoft.playwright.PlaywrightException e) {
            BrowserSession.screenshot(page, "attendance-phone-login-stuck");
            var text = (String) page.evaluate("() => document.body ? document.body.innerText.slice(0, 500) : ''");
            throw new AssertionError("Not back on the app after logging in; at " + page.url() + ": " + text, e);
        }
        if (!page.url().contains("/attendance/index.html")) {
            page.navigate(app("/attendance/index.html"));
        }
    }

    private static void waitForUnsent(Page page, int count) {
        page.waitForFunction(
                "n => document.getElementById('unsent') && document.getElementById('unsent').dataset.count === String(n)",
                count);
    }

    private int stored(long session) {
        return jdbc.sql("select count(*) from attendance_mark where session_id = :s")
                .param("s", session)
                .query(Integer.class)
                .single();
    }

    private String status(long session, String learner) {
        return jdbc.sql("select status from attendance where session_id = :s and learner = :l")
                .param("s", session)
                .param("l", learner)
                .query(String.class)
                .single();
    }

    private static void logIn(Page page, String username) {
        page.locator("#username").fill(username);
        page.locator("#password").fill(DemoUsers.PASSWORD);
        page.locator("#kc-login").click();
    }

    private String app(String path) {
        return "http://localhost:" + port + path;
    }
}
