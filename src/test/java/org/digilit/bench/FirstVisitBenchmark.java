package org.digilit.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.digilit.course.CatalogueService;
import org.digilit.localstack.Benchmarks;
import org.digilit.localstack.DemoUsers;
import org.digilit.localstack.LocalStack;

/**
 * The first visit a citizen makes on a cheap phone (issue #21, DD015): Lighthouse 12.2.3 (npm, run with {@code npx} on
 * the machine's Node, Debian's Chromium through {@code CHROME_PATH}), mobile preset (simulated slow 4G, 4x CPU
 * slowdown, 412 px), performance only, over the six pages a citizen meets first: the landing page, activation, the
 * certificate check, the catalogue, and, signed in as the demo citizen (the session cookie passed to Lighthouse with
 * {@code --extra-headers}), the learner home and a lesson. Each of N rounds (last argument; 2 by default) prints per
 * page the score, LCP, TBT and the bytes of a first visit (Lighthouse's total byte weight), and the bytes of a repeat
 * visit (Chromium, same browser cache, from the DevTools protocol's encoded lengths). The app runs as a province runs
 * it: in Vaadin's production mode (the only mode of this build: {@code vaadin-dev} is not a dependency, DD003), with
 * the demo data of the run command. The baseline is the measurement before DD015 (score 57, LCP 5.4 s,
 * 422 KiB); the ratio is the baseline's KiB over the heaviest page's.
 */
public final class FirstVisitBenchmark {

    private static final String LIGHTHOUSE = "lighthouse@12.2.3";
    private static final int BASELINE_SCORE = 57;
    private static final int BASELINE_LCP_MS = 5400;
    private static final int BASELINE_KIB = 422;

    /** One page: its name, its path, whether it needs the signed-in citizen. */
    private record Target(String name, String path, boolean signedIn) {}

    /** One Lighthouse run of one page. */
    private record Figures(int score, double lcpMillis, double tbtMillis, long firstBytes, long repeatBytes) {}

    private FirstVisitBenchmark() {}

    public static void main(String[] args) {
        Benchmarks.exitAfter(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        int rounds = org.digilit.localstack.Benchmarks.size(args, 2);
        int port = LocalStack.freePort();
        System.out.println("load average before: " + loadAverage());
        try (var stack = LocalStack.startNew(LocalStack.Mode.BENCH, port)) {
            var context = stack.runApp(
                    List.of("--server.port=" + port, "--spring.main.banner-mode=off", "--digilit.demo.people=0"));
            var catalogue = context.getBean(CatalogueService.class);
            var course = catalogue.catalogue("").getFirst();
            var lesson = catalogue.lessons(course.id()).getFirst();
            var app = "http://localhost:" + port;
            var targets = List.of(
                    new Target("landing", "/", false),
                    new Target("activation", "/activate", false),
                    new Target("certificate-check", "/verify", false),
                    new Target("catalogue", "/courses", false),
                    new Target("learner-home", "/learn", true),
                    new Target("lesson", "/learn/" + course.id() + "/lesson/" + lesson.id(), true));

            try (var chromium = new org.digilit.e2e.BrowserSession()) {
                var browser = chromium.browser();
                var signedIn = signIn(browser, app);
                var cookie = signedIn.cookies().stream()
                        .filter(c -> c.name.equals("JSESSIONID"))
                        .map(c -> c.name + "=" + c.value)
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no session cookie after the citizen's login"));
                var storage = signedIn.storageState();

                var all = new ArrayList<Figures>();
                for (int round = 1; round <= rounds; round++) {
                    System.out.printf(
                            Locale.ROOT,
                            "round %d (load average %s)%n%-18s %5s %8s %8s %10s %11s%n",
                            round,
                            loadAverage(),
                            "page",
                            "score",
                            "LCP ms",
                            "TBT ms",
                            "first KiB",
                            "repeat KiB");
                    for (var target : targets) {
                        var url = app + target.path();
                        var lighthouse = lighthouse(url, target.signedIn() ? cookie : null);
                        var options = new Browser.NewContextOptions()
                                .setViewportSize(412, 823)
                                .setLocale("vi-VN");
                        if (target.signedIn()) {
                            options.setStorageState(storage);
                        }
                        long repeat;
                        try (var visit = browser.newContext(options)) {
                            repeat = repeatVisitBytes(visit, url);
                        }
                        var figures = new Figures(
                                lighthouse.score(),
                                lighthouse.lcpMillis(),
                                lighthouse.tbtMillis(),
                                lighthouse.firstBytes(),
                                repeat);
                        all.add(figures);
                        System.out.printf(
                                Locale.ROOT,
                                "%-18s %5d %8.0f %8.0f %10.1f %11.1f%n",
                                target.name(),
                                figures.score(),
                                figures.lcpMillis(),
                                figures.tbtMillis(),
                                figures.firstBytes() / 1024.0,
                                figures.repeatBytes() / 1024.0);
                    }
                }
                int worstScore = all.stream().mapToInt(Figures::score).min().orElseThrow();
                double worstLcp =
                        all.stream().mapToDouble(Figures::lcpMillis).max().orElseThrow();
                double maxKib =
                        all.stream().mapToLong(Figures::firstBytes).max().orElseThrow() / 1024.0;
                System.out.println("load average after: " + loadAverage());
                System.out.printf(
                        Locale.ROOT,
                        "BENCH first-visit size=%d worst_score=%d worst_lcp_ms=%.0f max_kib=%.1f baseline_score=%d"
                                + " baseline_lcp_ms=%d baseline_kib=%d ratio=%.2f%n",
                        targets.size(),
                        worstScore,
                        worstLcp,
                        maxKib,
                        BASELINE_SCORE,
                        BASELINE_LCP_MS,
                        BASELINE_KIB,
                        BASELINE_KIB / maxKib);
            }
            context.close();
        }
    }

    /** Logs the demo citizen in through Keycloak's login page and returns the signed-in browser context. */
    private static BrowserContext signIn(Browser browser, String app) {
        var context = browser.newContext(new Browser.NewContextOptions().setLocale("vi-VN"));
        var page = context.newPage();
        page.setDefaultTimeout(60_000);
        page.navigate(app + "/learn");
        page.locator("#username").fill(DemoUsers.withRole("citizen").username());
        page.locator("#password").fill(DemoUsers.PASSWORD);
        page.locator("#kc-login").click();
        page.waitForURL(Pattern.compile(".*/learn(\\?.*)?$"));
        page.close();
        return context;
    }

    /** A first visit, then a second one in the same browser (its cache warm); the bytes over the wire of the second. */
    private static long repeatVisitBytes(BrowserContext context, String url) {
        var bytes = new AtomicLong();
        for (int visit = 0; visit < 2; visit++) {
            var page = context.newPage();
            page.setDefaultTimeout(60_000);
            var cdp = context.newCDPSession(page);
            cdp.send("Network.enable");
            bytes.set(0);
            cdp.on(
                    "Network.loadingFinished",
                    event -> bytes.addAndGet(
                            (long) event.get("encodedDataLength").getAsDouble()));
            page.navigate(url);
            page.waitForLoadState(LoadState.NETWORKIDLE);
            page.close();
        }
        return bytes.get();
    }

    /** Lighthouse's figures for one page. */
    private record LighthouseFigures(int score, double lcpMillis, double tbtMillis, long firstBytes) {}

    private static LighthouseFigures lighthouse(String url, String cookie) throws IOException, InterruptedException {
        var report = Files.createTempFile("lighthouse", ".json");
        try {
            var headers = new JsonObject();
            headers.addProperty("Accept-Language", "vi-VN,vi;q=0.9");
            if (cookie != null) {
                headers.addProperty("Cookie", cookie);
            }
            var command = List.of(
                    "npx",
                    "-y",
                    LIGHTHOUSE,
                    url,
                    "--only-categories=performance",
                    "--output=json",
                    "--output-path=" + report,
                    "--quiet",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                    "--extra-headers=" + headers);
            var process = new ProcessBuilder(command).redirectErrorStream(true);
            process.environment().put("CHROME_PATH", "/usr/bin/chromium");
            var started = process.start();
            var output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!started.waitFor(5, TimeUnit.MINUTES) || started.exitValue() != 0) {
                throw new IllegalStateException("Lighthouse failed on " + url + ":\n" + output);
            }
            var json = JsonParser.parseString(Files.readString(report)).getAsJsonObject();
            var audits = json.getAsJsonObject("audits");
            var runtimeError = json.get("runtimeError");
            if (runtimeError != null && runtimeError.isJsonObject()) {
                throw new IllegalStateException("Lighthouse on " + url + ": " + runtimeError);
            }
            var score = json.getAsJsonObject("categories")
                    .getAsJsonObject("performance")
                    .get("score");
            return new LighthouseFigures(
                    score.isJsonNull() ? 0 : (int) Math.round(score.getAsDouble() * 100),
                    numeric(audits, "largest-contentful-paint"),
                    numeric(audits, "total-blocking-time"),
                    (long) numeric(audits, "total-byte-weight"));
        } finally {
            Files.deleteIfExists(report);
        }
    }

    private static double numeric(JsonObject audits, String audit) {
        var value = audits.getAsJsonObject(audit).get("numericValue");
        return value == null || value.isJsonNull() ? Double.NaN : value.getAsDouble();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
