package org.digilit.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.RequestOptions;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.digilit.IntegrationTest;
import org.digilit.localstack.DemoUsers;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.digilit.session.LearnerCardService;
import org.digilit.session.SessionProvinces;
import org.digilit.session.SessionService;
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
 *
 * <p>The phone's camera is Chromium's fake capture device playing a real learner card: the roster's card PDF, rendered
 * and cut to its first card. With no BarcodeDetector and no network, the page reads it with the JavaScript QR decoder
 * its service worker cached.
 */
@IntegrationTest
class AttendanceOfflineE2EIT {

    private static Playwright playwright;

    @Value("${local.server.port}")
    int port;

    @Autowired
    SessionService sessions;

    @Autowired
    SessionProvinces provinces;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LearnerCardService cards;

    private Path camera;

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
                                .setArgs(java.util.stream.Stream.concat(
                                                BrowserSession.CHROMIUM_ARGS.stream(),
                                                java.util.stream.Stream.of(
                                                        "--use-fake-ui-for-media-stream",
                                                        "--use-fake-device-for-media-stream",
                                                        "--use-file-for-fake-video-capture=" + camera))
                                        .toList()));
        context.setDefaultTimeout(60_000);
        return context;
    }

    @Test
    void marks_taken_offline_survive_a_browser_restart_and_an_expired_login_and_reach_the_server_once()
            throws Exception {
        var data = provinces.load();
        var learners = List.of(data.learner("G1"), data.learner("G1"), data.learner("G1"));
        var facilitator = DemoUsers.withRole("facilitator").username();
        TestUsers.signIn("admin-" + data.province, data.code("G1"), Role.ORG_ADMIN);
        long id;
        String cardCode;
        try {
            id = sessions.schedule(
                            data.draft("G1", Instant.now().minus(Duration.ofMinutes(30)), List.of(facilitator), 1),
                            null)
                    .getFirst();
            sessions.enrol(id, learners, null);
            cardCode = cameraPlaying(cards.rosterCardsPdf(id, "DigiLit", "Thẻ học viên"));
        } finally {
            TestUsers.signOut();
        }
        var profile = Files.createTempDirectory("phone-profile");

        var context = phone(profile);
        var page =
                context.pages().isEmpty() ? context.newPage() : context.pages().getFirst();
        page.navigate(app("/attendance/index.html"));
        page.waitForURL(Pattern.compile(".*/protocol/openid-connect/auth.*"));
        BrowserSession.logIn(page, facilitator, DemoUsers.PASSWORD);
        backToThePhonePage(page);
        var session = page.locator(".session[data-session='" + id + "']");
        session.waitFor();
        assertThat(session.locator(".learner").count()).isEqualTo(3);
        page.evaluate("() => navigator.serviceWorker.ready.then(() => true)");
        // The QR decoder the service worker keeps for offline use is served (a public library file).
        assertThat(context.request()
                        .get(app("/webjars/html5-qrcode/2.2.1/third_party/zxing-js.umd.min.js"))
                        .status())
                .isEqualTo(200);
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

        // Still offline, on a phone whose browser has no BarcodeDetector: the learner shows their card to the camera,
        // and the JavaScript decoder, from the service worker's cache, reads it.
        page.evaluate("() => { delete window.BarcodeDetector; }");
        assertThat(page.evaluate("() => 'BarcodeDetector' in window")).isEqualTo(false);
        var scannedLearner = cardCode.substring("DLC1.".length(), cardCode.lastIndexOf('.'));
        assertThat(learners).contains(scannedLearner);
        page.locator(".session[data-session='" + id + "'] button.scan").click();
        try {
            // Reading a frame takes a few seconds on a loaded machine; give it two minutes.
            page.waitForFunction(
                    "n => document.getElementById('unsent').dataset.count === String(n)",
                    4,
                    new Page.WaitForFunctionOptions().setTimeout(120_000));
        } catch (com.microsoft.playwright.PlaywrightException e) {
            BrowserSession.screenshot(page, "attendance-phone-scan-stuck");
            var state =
                    page.evaluate("async () => JSON.stringify({ hint: document.getElementById('scan-hint').textContent,"
                            + " message: document.getElementById('message').textContent, zxing: typeof window.ZXing,"
                            + " video: document.getElementById('video').videoWidth, online: navigator.onLine,"
                            + " cached: await caches.keys().then(ks => Promise.all(ks.map(k => caches.open(k)"
                            + ".then(c => c.keys()).then(rs => rs.map(r => r.url)))))})");
            throw new AssertionError("The card was not read: " + state, e);
        }
        assertThat(page.evaluate("() => typeof window.ZXing")).isEqualTo("object");
        assertThat(page.locator("#scan-dialog").isVisible()).isFalse();
        assertThat(stored(id)).isZero();

        // The login has expired meanwhile (its cookies are gone). The network comes back: the page asks to log in
        // again and keeps its queue.
        context.clearCookies();
        context.setOffline(false);
        page.locator("#login").waitFor();
        waitForUnsent(page, 4);
        page.locator("#login-link").click();
        page.waitForURL(Pattern.compile(".*(/protocol/openid-connect/auth.*|/attendance/index.html(\\?.*)?)$"));
        if (page.url().contains("openid-connect")) {
            BrowserSession.logIn(page, facilitator, DemoUsers.PASSWORD);
        }
        backToThePhonePage(page);
        waitForUnsent(page, 0);
        assertThat(stored(id)).isEqualTo(4);
        var expected = new java.util.HashMap<>(
                Map.of(learners.get(0), "PRESENT", learners.get(1), "ABSENT", learners.get(2), "LATE"));
        expected.put(scannedLearner, "PRESENT"); // the scan came last, and a scan beats a manual "absent"
        expected.forEach(
                (learner, status) -> assertThat(status(id, learner)).as(learner).isEqualTo(status));
        assertThat(jdbc.sql("select count(*) from attendance_mark where session_id = :s and learner = :l"
                                + " and method = 'QR'")
                        .param("s", id)
                        .param("l", scannedLearner)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // Pressing "send" again, or reloading, sends nothing twice.
        page.locator("#sync").click();
        page.reload();
        waitForUnsent(page, 0);
        assertThat(stored(id)).isEqualTo(4);

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
        assertThat(stored(id)).isEqualTo(5);

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

    /**
     * The fake camera plays the first card of the roster's card PDF, rendered at 200 dpi and centred in a 640x480
     * frame, as a Motion-JPEG file; answers the card's code, read from the same picture by ZXing on the server side.
     */
    private String cameraPlaying(byte[] cardsPdf) throws Exception {
        BufferedImage page;
        try (var pdf = Loader.loadPDF(cardsPdf)) {
            page = new PDFRenderer(pdf).renderImageWithDPI(0, 200);
        }
        double mm = 200 / 25.4;
        int cardWidth = (int) Math.round(85.6 * mm);
        int cardHeight = (int) Math.round(54 * mm);
        int left = (page.getWidth() - 2 * cardWidth) / 2;
        int top = (page.getHeight() - 5 * cardHeight) / 2;
        var card = page.getSubimage(left, top, cardWidth, cardHeight);
        var frame = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        var g = frame.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 640, 480);
        int width = 600;
        int height = cardHeight * width / cardWidth;
        g.drawImage(card, 20, (480 - height) / 2, width, height, null);
        g.dispose();
        var pixels = frame.getRGB(0, 0, 640, 480, null, 0, 640);
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(640, 480, pixels)));
        var code = new QRCodeReader()
                .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                .getText();
        var jpeg = new ByteArrayOutputStream();
        ImageIO.write(frame, "jpg", jpeg);
        camera = Files.createTempFile("learner-card-camera", ".mjpeg");
        try (var out = Files.newOutputStream(camera)) {
            for (int i = 0; i < 30; i++) {
                out.write(jpeg.toByteArray());
            }
        }
        Files.createDirectories(BrowserSession.SCREENSHOTS);
        Files.write(BrowserSession.SCREENSHOTS.resolve("learner-card-camera-frame.jpg"), jpeg.toByteArray());
        return code;
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

    private String app(String path) {
        return "http://localhost:" + port + path;
    }
}
