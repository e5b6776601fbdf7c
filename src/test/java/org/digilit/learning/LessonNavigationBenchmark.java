package org.digilit.learning;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.LoadState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.digilit.course.CatalogueService;
import org.digilit.localstack.DemoUsers;
import org.digilit.localstack.LocalStack;

/**
 * Moving to the next lesson in real headless Chromium at 360 px, signed in as the demo citizen: N steps (last argument;
 * 50 by default) of "done, next" through the real courses, cycling through them. Each step is the lesson's plain HTML
 * form (DD015): a {@code POST} answered by a redirect, and the next lesson's page loaded (its style sheets from the
 * browser's cache); it measures the bytes the browser received (headers and bodies as transferred, from Chromium's own
 * accounting), the time from the click until the new lesson's title shows, and the server's share of it (the next
 * page's time to first byte). A second pass repeats the steps on an emulated slow 3G network (400 kbit/s each way,
 * 400 ms latency, through the DevTools protocol). The baseline is a plain link to the next lesson: a full page load of
 * its address (navigate, same signed-in browser, its cache warm), bytes and time until the title shows; the ratio is
 * those bytes over a step's (a step adds the form's post and its redirect to such a load). The same load with an empty
 * cache (the first visit) and on slow 3G are printed for context.
 */
public final class LessonNavigationBenchmark {

    private static final int BASELINE_LOADS = 20;

    /** One lesson and the next in the same course. */
    private record Step(String courseId, String lessonId) {}

    private LessonNavigationBenchmark() {}

    public static void main(String[] args) {
        org.digilit.localstack.Benchmarks.exitAfter(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        int size = org.digilit.localstack.Benchmarks.size(args, 50);
        int port = LocalStack.freePort();
        try (var stack = LocalStack.startNew(LocalStack.Mode.BENCH, port)) {
            var context = stack.runApp(
                    List.of("--server.port=" + port, "--spring.main.banner-mode=off", "--digilit.demo.people=0"));
            var catalogue = context.getBean(CatalogueService.class);
            // Every course as a run of lessons; a step goes from one lesson to the next of the same course.
            var courses = catalogue.catalogue("").stream()
                    .map(card -> catalogue.lessons(card.id()).stream()
                            .map(lesson -> new Step(card.id(), lesson.id()))
                            .toList())
                    .filter(lessons -> lessons.size() > 1)
                    .toList();

            try (var chromium = new org.digilit.e2e.BrowserSession()) {
                var browser = chromium.browser();
                var page = browser.newContext(new Browser.NewContextOptions()
                                .setViewportSize(360, 780)
                                .setLocale("vi-VN"))
                        .newPage();
                page.setDefaultTimeout(60_000);
                var app = "http://localhost:" + port + "/";
                var first = courses.getFirst().getFirst();
                page.navigate(app + lessonPath(first));
                page.locator("#username").fill(DemoUsers.withRole("citizen").username());
                page.locator("#password").fill(DemoUsers.PASSWORD);
                page.locator("#kc-login").click();
                page.waitForURL(Pattern.compile(".*/lesson/" + first.lessonId() + "(\\?.*)?$"));
                page.locator(".lesson-body").waitFor();

                var fast = steps(page, app, courses, size);
                var cdp = page.context().newCDPSession(page);
                cdp.send("Network.enable");
                var slow = new JsonObject();
                slow.addProperty("offline", false);
                slow.addProperty("latency", 400);
                slow.addProperty("downloadThroughput", 400_000 / 8);
                slow.addProperty("uploadThroughput", 400_000 / 8);
                cdp.send("Network.emulateNetworkConditions", slow);
                var slow3g = steps(page, app, courses, size);
                var slowFull = fullLoads(page, app, courses, 5);
                var normal = new JsonObject();
                normal.addProperty("offline", false);
                normal.addProperty("latency", 0);
                normal.addProperty("downloadThroughput", -1);
                normal.addProperty("uploadThroughput", -1);
                cdp.send("Network.emulateNetworkConditions", normal);
                var full = fullLoads(page, app, courses, BASELINE_LOADS);
                // For context only: the same load in a fresh browser cache (the session cookie copied over).
                var coldBytes = new double[3];
                var coldMillis = new double[3];
                for (int i = 0; i < coldBytes.length; i++) {
                    var fresh = browser.newContext(new Browser.NewContextOptions()
                            .setStorageState(page.context().storageState())
                            .setViewportSize(360, 780)
                            .setLocale("vi-VN"));
                    var cold = fullLoads(fresh.newPage(), app, courses, 1);
                    coldBytes[i] = cold.bytes()[0];
                    coldMillis[i] = cold.millis()[0];
                    fresh.close();
                }

                double stepBytes = median(fast.bytes());
                double fullBytes = median(full.bytes());
                System.out.printf(
                        Locale.ROOT,
                        "%d next-lesson steps at 360 px: %.0f bytes received (p50; max %.0f), %.0f ms click to"
                                + " title p50, %.0f ms p95, next page's time to first byte p50 %.1f ms; slow 3G: p50 %.0f ms,"
                                + " p95 %.0f ms. Full page load of the next lesson (warm cache, %d loads): %.0f bytes,"
                                + " %.0f ms p50; on slow 3G %.0f ms p50; with an empty cache %.0f bytes, %.0f ms"
                                + " (median of 3)%n",
                        size,
                        stepBytes,
                        fast.bytes()[fast.bytes().length - 1],
                        median(fast.millis()),
                        percentile(fast.millis(), 0.95),
                        median(fast.serverMillis()),
                        median(slow3g.millis()),
                        percentile(slow3g.millis(), 0.95),
                        BASELINE_LOADS,
                        fullBytes,
                        median(full.millis()),
                        median(slowFull.millis()),
                        median(sorted(coldBytes)),
                        median(sorted(coldMillis)));
                System.out.printf(
                        Locale.ROOT,
                        "BENCH lesson-navigation size=%d step_bytes_p50=%.0f step_ms_p50=%.0f step_ms_p95=%.0f"
                                + " step_server_ms_p50=%.1f slow3g_step_ms_p50=%.0f baseline_full_load_bytes=%.0f"
                                + " baseline_full_load_ms=%.0f ratio=%.1f%n",
                        size,
                        stepBytes,
                        median(fast.millis()),
                        percentile(fast.millis(), 0.95),
                        median(fast.serverMillis()),
                        median(slow3g.millis()),
                        fullBytes,
                        median(full.millis()),
                        fullBytes / stepBytes);
            }
            context.close();
        }
    }

    /** Bytes, click-to-title time and server time of each measured step or load. */
    private record Figures(double[] bytes, double[] millis, double[] serverMillis) {}

    /**
     * Walks N steps: opens a course's first lesson (not measured), then "done, next" until its last lesson (whose
     * button leads to the quiz instead), then the next course, round again as needed.
     */
    private static Figures steps(Page page, String app, List<List<Step>> courses, int size) {
        var bytes = new double[size];
        var millis = new double[size];
        var server = new double[size];
        int done = 0;
        for (int c = 0; done < size; c = (c + 1) % courses.size()) {
            var lessons = courses.get(c);
            page.navigate(app + lessonPath(lessons.getFirst()));
            page.locator(".lesson-body").waitFor();
            for (int i = 0; i + 1 < lessons.size() && done < size; i++, done++) {
                var title = page.locator("h1").textContent();
                var finished = new ArrayList<Request>();
                java.util.function.Consumer<Request> listener = finished::add;
                page.onRequestFinished(listener);
                var next = lessonPath(lessons.get(i + 1));
                long begun = System.nanoTime();
                var document = page.waitForResponse(
                        r -> r.url().endsWith("/" + next)
                                && r.request().method().equals("GET"),
                        () -> page.locator("button.lesson-done").click());
                page.waitForFunction(
                        "previous => { const h = document.querySelector('h1');"
                                + " return h && h.textContent !== previous; }",
                        title);
                millis[done] = (System.nanoTime() - begun) / 1e6;
                document.finished();
                page.waitForLoadState(LoadState.NETWORKIDLE);
                page.offRequestFinished(listener);
                var timing = document.request().timing();
                server[done] = timing.responseStart - timing.requestStart;
                bytes[done] = transferred(finished);
                // The address follows the new lesson (a sanity check, outside the measured time).
                page.waitForURL("**/" + lessonPath(lessons.get(i + 1)));
            }
        }
        return new Figures(sorted(bytes), sorted(millis), sorted(server));
    }

    /** Full page loads of lessons (a plain link's cost): navigate until the title shows; bytes until the page is idle. */
    private static Figures fullLoads(Page page, String app, List<List<Step>> courses, int loads) {
        var bytes = new double[loads];
        var millis = new double[loads];
        var server = new double[loads];
        for (int i = 0; i < loads; i++) {
            var lessons = courses.get(i % courses.size());
            var step = lessons.get(1 + i / courses.size() % (lessons.size() - 1));
            var finished = new ArrayList<Request>();
            java.util.function.Consumer<Request> listener = finished::add;
            page.onRequestFinished(listener);
            long begun = System.nanoTime();
            var document = page.navigate(app + lessonPath(step));
            page.locator(".lesson-body").waitFor();
            millis[i] = (System.nanoTime() - begun) / 1e6;
            page.waitForLoadState(LoadState.NETWORKIDLE);
            page.offRequestFinished(listener);
            var timing = document.request().timing();
            server[i] = timing.responseStart - timing.requestStart;
            bytes[i] = transferred(finished);
        }
        return new Figures(sorted(bytes), sorted(millis), sorted(server));
    }

    /** What crossed the network for these requests: response headers and (encoded) bodies, as Chromium counted them. */
    private static double transferred(List<Request> requests) {
        long total = 0;
        for (var request : requests) {
            var sizes = request.sizes();
            total += Math.max(0, sizes.responseHeadersSize) + Math.max(0, sizes.responseBodySize);
        }
        return total;
    }

    private static String lessonPath(Step step) {
        return "learn/" + step.courseId() + "/lesson/" + step.lessonId();
    }

    private static double[] sorted(double[] values) {
        var copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static double median(double[] sorted) {
        return percentile(sorted, 0.5);
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }
}
