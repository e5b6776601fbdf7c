package org.digilit.learning;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Request;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.digilit.course.CatalogueService;
import org.digilit.localstack.DemoUsers;
import org.digilit.localstack.LocalStack;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * N learners at once (last argument; 100 by default), each an HTTP client on loopback doing what a phone's browser
 * does on the learner's server-rendered pages (DD015, DD018): it logs in through Keycloak's login form, loads the
 * learner home ({@code /learn}), opens the first lesson of a course, then sends the lesson's "done, next" form (a
 * {@code POST} with the page's CSRF token, answered by a redirect) and loads the next lesson it leads to, with think
 * time between steps; at the end of the course it opens the quiz and sends it with no answer chosen (a failed attempt,
 * its outcome page after the redirect) and goes on with the next course. A step is one "done, next": the post, the
 * redirect and the next lesson's page, until its last byte. The style sheets are cached by the browser after the first
 * page (a year, hashed names aside: DD015), so a step asks for no more than that. Prints learners held, steps per
 * second, step p50/p95/p99, errors, the server's heap per live learner session (heap after a full GC with the learners
 * in, minus the same before any logged in, over the learners) and CPU per step (process CPU time over the measured
 * steps; the clients run in the same process and are included). The baseline is one learner alone walking the same
 * steps earlier in the same run. A calibration pass first walks a few steps in real headless Chromium and prints its
 * requests and bytes per step beside the client's.
 *
 * <p>Optional arguments before N: {@code think=2000-5000} (milliseconds between steps), {@code seconds=60} (the
 * measured time once every learner is in), {@code chromium=3} (calibration steps; 0 skips Chromium), {@code
 * logins=8} (logins at once), and any of the app's settings as {@code --name=value} (e.g. {@code
 * --digilit.course.catalogue-cache=0} to measure without the catalogue's cached rows).
 */
public final class LearnerLoadBenchmark {

    private static final Pattern FORM_ACTION =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern FORM_ACTION_ANY = Pattern.compile("action=\"([^\"]+)\"");
    private static final String PREFIX = "bench-learner-";

    private LearnerLoadBenchmark() {}

    /** One course as the learner walks it: its id, its lessons in order, whether it ends with a quiz. */
    record Course(String id, List<String> lessons, boolean quiz) {}

    public static void main(String[] args) {
        org.digilit.localstack.Benchmarks.exitAfter(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        int size = org.digilit.localstack.Benchmarks.size(args, 100);
        var options = new HashMap<String, String>();
        var appArguments = new java.util.ArrayList<String>();
        for (int i = 0; i < args.length - 1; i++) {
            var pair = args[i].split("=", 2);
            if (args[i].startsWith("--")) {
                appArguments.add(args[i]);
            } else if (pair.length == 2) {
                options.put(pair[0], pair[1]);
            }
        }
        var think = options.getOrDefault("think", "2000-5000").split("-");
        long thinkMin = Long.parseLong(think[0]);
        long thinkMax = Long.parseLong(think[think.length - 1]);
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int chromiumSteps = Integer.parseInt(options.getOrDefault("chromium", "3"));
        int loginsAtOnce = Integer.parseInt(options.getOrDefault("logins", "8"));
        int port = LocalStack.freePort();
        try (var stack = LocalStack.startNew(LocalStack.Mode.BENCH, port)) {
            var arguments = new java.util.ArrayList<>(List.of(
                    "--server.port=" + port,
                    "--spring.main.banner-mode=off",
                    "--digilit.demo.people=0",
                    "--digilit.learning.rendered-lesson-cache=" + !"off".equals(options.get("lessoncache"))));
            // Settings of the app under load, to compare a change with its "before" in the same code and run.
            arguments.addAll(appArguments);
            var context = stack.runApp(arguments);
            var catalogue = context.getBean(CatalogueService.class);
            var courses = catalogue.catalogue("").stream()
                    .map(card -> new Course(
                            card.id(),
                            catalogue.lessons(card.id()).stream()
                                    .map(l -> l.id())
                                    .toList(),
                            !catalogue.quiz(card.id()).isEmpty()))
                    .filter(c -> c.lessons().size() > 1)
                    .toList();
            if (courses.isEmpty()) {
                throw new IllegalStateException("No course with two lessons or more: the real content did not load");
            }
            int accounts = size + 2;
            long createBegun = System.nanoTime();
            ensureLearners(stack, accounts);
            System.out.printf(
                    Locale.ROOT,
                    "Set-up: %d courses, %d learner accounts in Keycloak (%.1f s)%n",
                    courses.size(),
                    accounts,
                    (System.nanoTime() - createBegun) / 1e9);
            var app = "http://localhost:" + port;
            var http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(20))
                    .build();

            // Calibration: real Chromium on a few steps, then this client on the same steps.
            if (chromiumSteps > 0) {
                calibrate(app, http, courses, chromiumSteps, PREFIX + (size + 1));
            }

            // Baseline: one learner alone.
            var baselineSteps = new ConcurrentLinkedQueue<Long>();
            var baselineErrors = new AtomicInteger();
            var alone = Learner.logIn(http, app, PREFIX + size);
            alone.walk(
                    courses,
                    0,
                    System.nanoTime()
                            + Duration.ofSeconds(Math.max(10, seconds / 3)).toNanos(),
                    thinkMin,
                    thinkMax,
                    baselineSteps,
                    baselineErrors,
                    new AtomicInteger());
            alone.close();
            double baselineP95 = percentile(baselineSteps, 95);

            // Heap before the learners: after a full GC, the app idle.
            long heapBefore = heapAfterGc();
            var threads = Executors.newVirtualThreadPerTaskExecutor();
            var learners = new Learner[size];
            var loginGate = new Semaphore(loginsAtOnce);
            var loginErrors = new AtomicInteger();
            var steps = new ConcurrentLinkedQueue<Long>();
            var errors = new AtomicInteger();
            var quizzes = new AtomicInteger();
            var measuring = new java.util.concurrent.atomic.AtomicBoolean(false);
            var warmSteps = new ConcurrentLinkedQueue<Long>();
            var ready = new java.util.concurrent.CountDownLatch(size);
            var end = new AtomicLong(Long.MAX_VALUE);
            long loginBegun = System.nanoTime();
            var futures = new ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < size; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    try {
                        loginGate.acquire();
                        try {
                            learners[index] = Learner.logIn(http, app, PREFIX + index);
                        } finally {
                            loginGate.release();
                        }
                    } catch (Exception e) {
                        loginErrors.incrementAndGet();
                        System.out.println("Login of learner " + index + " failed: " + e);
                        ready.countDown();
                        return null;
                    }
                    ready.countDown();
                    // Until everyone is in, the early learners walk (not measured), then the measured time.
                    var learner = learners[index];
                    learner.walk(
                            courses,
                            index,
                            () -> end.get(),
                            thinkMin,
                            thinkMax,
                            () -> measuring.get() ? steps : warmSteps,
                            errors,
                            quizzes);
                    return null;
                }));
            }
            ready.await();
            double loginSeconds = (System.nanoTime() - loginBegun) / 1e9;
            var cpu = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBegun = cpu.getProcessCpuTime();
            long measureBegun = System.nanoTime();
            measuring.set(true);
            end.set(measureBegun + Duration.ofSeconds(seconds).toNanos());
            for (var f : futures) {
                f.get();
            }
            double measured = (System.nanoTime() - measureBegun) / 1e9;
            long cpuUsed = cpu.getProcessCpuTime() - cpuBegun;
            int held = 0;
            for (var learner : learners) {
                if (learner != null && learner.alive) {
                    held++;
                }
            }
            // Heap with the learners' sessions live (they are not closed yet).
            long heapWith = heapAfterGc();
            double heapPerSessionKb = held == 0 ? 0 : (heapWith - heapBefore) / 1024.0 / held;
            int stepCount = steps.size();
            double stepsPerSecond = stepCount / measured;
            double cpuPerStep = stepCount == 0 ? 0 : cpuUsed / 1e6 / stepCount;
            double p95 = percentile(steps, 95);
            System.out.printf(
                    Locale.ROOT,
                    "%d learners (think %d-%d ms): logged in in %.1f s (%d failed), %d held; %d steps in %.1f s"
                            + " (%.1f steps/s), p50 %.1f ms p95 %.1f ms p99 %.1f ms, %d errors, %d quizzes sent;"
                            + " heap after GC %.1f MB before the learners, %.1f MB with them: %.1f KB per session;"
                            + " CPU %.1f ms per step (process, clients included); alone: %d steps, p50 %.1f ms,"
                            + " p95 %.1f ms, %d errors%n",
                    size,
                    thinkMin,
                    thinkMax,
                    loginSeconds,
                    loginErrors.get(),
                    held,
                    stepCount,
                    measured,
                    stepsPerSecond,
                    percentile(steps, 50),
                    p95,
                    percentile(steps, 99),
                    errors.get(),
                    quizzes.get(),
                    heapBefore / 1048576.0,
                    heapWith / 1048576.0,
                    heapPerSessionKb,
                    cpuPerStep,
                    baselineSteps.size(),
                    percentile(baselineSteps, 50),
                    baselineP95,
                    baselineErrors.get());
            System.out.printf(
                    Locale.ROOT,
                    "BENCH learner-load size=%d learners=%d steps_per_s=%.1f step_p50_ms=%.1f step_p95_ms=%.1f"
                            + " step_p99_ms=%.1f errors=%d heap_per_session_kb=%.0f cpu_ms_per_step=%.1f"
                            + " baseline_step_p95_ms=%.1f ratio=%.2f%n",
                    size,
                    held,
                    stepsPerSecond,
                    percentile(steps, 50),
                    p95,
                    percentile(steps, 99),
                    errors.get() + loginErrors.get(),
                    heapPerSessionKb,
                    cpuPerStep,
                    baselineP95,
                    baselineP95 == 0 ? 0 : p95 / baselineP95);
            for (var learner : learners) {
                if (learner != null) {
                    learner.close();
                }
            }
            threads.shutdown();
            context.close();
        }
    }

    /** Used heap after a full collection (the app runs in this JVM). */
    private static long heapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /**
     * Real Chromium (360 px) logs in as one learner, opens the first lesson and clicks "done, next" a few times; its
     * requests and bytes per step are printed beside this client's on the same steps.
     */
    private static void calibrate(String app, HttpClient http, List<Course> courses, int count, String username)
            throws Exception {
        var course = courses.getFirst();
        int n = Math.min(count, course.lessons().size() - 1);
        var browserRequests = new double[n];
        var browserCached = new double[n];
        var browserBytes = new double[n];
        try (var chromium = new org.digilit.e2e.BrowserSession()) {
            var browser = chromium.browser();
            var page = browser.newContext(new Browser.NewContextOptions()
                            .setViewportSize(360, 780)
                            .setLocale("vi-VN"))
                    .newPage();
            page.setDefaultTimeout(120_000);
            // Which of Chromium's requests its cache answered (Playwright reports those as requests too): only the
            // others reach the server or the network.
            var fromCache = new java.util.concurrent.atomic.AtomicInteger();
            var devtools = page.context().newCDPSession(page);
            devtools.send("Network.enable");
            devtools.on("Network.requestServedFromCache", event -> fromCache.incrementAndGet());
            page.navigate(app + "/learn");
            page.locator("#username").fill(username);
            page.locator("#password").fill(DemoUsers.PASSWORD);
            page.locator("#kc-login").click();
            // Back on the app, wherever Keycloak's redirect lands (it timed out waiting for exactly /learn once).
            page.waitForURL(url -> url.startsWith(app) && !url.contains("/oauth2/"));
            page.navigate(app + "/" + lessonPath(course.id(), course.lessons().getFirst()));
            page.locator("#lesson-done").waitFor();
            for (int i = 0; i < n; i++) {
                var finished = new ArrayList<Request>();
                java.util.function.Consumer<Request> listener = finished::add;
                page.onRequestFinished(listener);
                int cachedBefore = fromCache.get();
                var next = lessonPath(course.id(), course.lessons().get(i + 1));
                page.locator("#lesson-done").click();
                page.waitForURL("**/" + next);
                page.locator("#lesson-done").waitFor();
                page.waitForTimeout(500);
                page.offRequestFinished(listener);
                browserCached[i] = fromCache.get() - cachedBefore;
                browserRequests[i] = finished.size() - browserCached[i];
                long bytes = 0;
                for (var request : finished) {
                    var body = request.postDataBuffer();
                    bytes += (body == null ? 0 : body.length) + Math.max(0, request.sizes().responseBodySize);
                    // (a response from the cache counts its body too: bytes that did not cross the network)
                    if (i == 0) {
                        System.out.println("Chromium step request: " + request.method() + " " + request.url() + " "
                                + (request.postData() == null ? "" : abbreviate(request.postData())));
                    }
                }
                browserBytes[i] = bytes;
            }
            browser.close();
        }
        var client = Learner.logIn(http, app, username);
        client.open(lessonPath(course.id(), course.lessons().getFirst()));
        var clientBytes = new double[n];
        var clientRequests = new double[n];
        for (int i = 0; i < n; i++) {
            long before = client.bytes;
            int requests = client.requests;
            client.done(lessonPath(course.id(), course.lessons().get(i + 1)));
            clientBytes[i] = client.bytes - before;
            clientRequests[i] = client.requests - requests;
        }
        client.close();
        Arrays.sort(browserBytes);
        Arrays.sort(clientBytes);
        Arrays.sort(browserRequests);
        Arrays.sort(browserCached);
        System.out.printf(
                Locale.ROOT,
                "Calibration, %d \"done, next\" steps: Chromium %.0f request(s) to the server and %.0f answered by its"
                        + " cache, %.0f bytes (request + response bodies, cached ones included, p50) per step; this"
                        + " client %.0f request(s) and %.0f bytes%n",
                n,
                browserRequests[n / 2],
                browserCached[n / 2],
                browserBytes[n / 2],
                clientRequests[n / 2],
                clientBytes[n / 2]);
    }

    private static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }

    static String lessonPath(String courseId, String lessonId) {
        return "learn/" + courseId + "/lesson/" + lessonId;
    }

    static String quizPath(String courseId) {
        return "learn/" + courseId + "/quiz";
    }

    private static void ensureLearners(LocalStack stack, int count) {
        try (var keycloak = DemoUsers.adminClient(stack)) {
            var realm = keycloak.realm(LocalStack.REALM);
            for (int from = 0; from < count; from += 500) {
                var users = new ArrayList<UserRepresentation>();
                for (int i = from; i < Math.min(count, from + 500); i++) {
                    var user = new UserRepresentation();
                    user.setUsername(PREFIX + i);
                    user.setEnabled(true);
                    user.setEmail(PREFIX + i + "@bench.digilit.invalid");
                    user.setEmailVerified(true);
                    user.setFirstName("Learner " + i);
                    user.setLastName("Bench");
                    user.setAttributes(Map.of(
                            "displayName", List.of("Bench Learner " + i),
                            "organisationId", List.of("P01-C001"),
                            "audience", List.of("citizen")));
                    user.setRealmRoles(List.of("citizen"));
                    var password = new CredentialRepresentation();
                    password.setType(CredentialRepresentation.PASSWORD);
                    password.setValue(DemoUsers.PASSWORD);
                    password.setTemporary(false);
                    user.setCredentials(List.of(password));
                    users.add(user);
                }
                var partial = new PartialImportRepresentation();
                partial.setIfResourceExists(PartialImportRepresentation.Policy.SKIP.name());
                partial.setUsers(users);
                try (var response = realm.partialImport(partial)) {
                    if (response.getStatus() / 100 != 2) {
                        throw new IllegalStateException("Partial import answered " + response.getStatus());
                    }
                }
            }
        }
    }

    private static double percentile(Collection<Long> nanos, int p) {
        var sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }

    /**
     * One learner's browser tab, reduced to its network traffic: its cookies (by host and port) and the CSRF token of
     * the last page it loaded.
     */
    static final class Learner {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private static final Pattern DONE =
                Pattern.compile("<form class=\"lesson-done-form\" method=\"post\" action=\"([^\"]+)\"");

        private final HttpClient http;
        private final String app;
        private final String username;
        private final Map<String, Map<String, String>> cookies = new HashMap<>();
        private String csrf = "";
        private String page = "";
        volatile boolean alive;
        long bytes;
        int requests;

        private Learner(HttpClient http, String app, String username) {
            this.http = http;
            this.app = app;
            this.username = username;
        }

        /** Logs in through Keycloak's form (authorization code flow with PKCE), landing on the learner home. */
        static Learner logIn(HttpClient http, String app, String username) throws Exception {
            var learner = new Learner(http, app, username);
            var page = learner.follow(HttpRequest.newBuilder(URI.create(app + "/learn"))
                    .header("Accept", "text/html")
                    .GET());
            var matcher = FORM_ACTION.matcher(page.body());
            if (!matcher.find()) {
                matcher = FORM_ACTION_ANY.matcher(page.body());
                if (!matcher.find()) {
                    throw new IllegalStateException("No login form for " + username + " at " + page.uri());
                }
            }
            var action = matcher.group(1).replace("&amp;", "&");
            var form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(DemoUsers.PASSWORD, StandardCharsets.UTF_8) + "&credentialId=";
            var home = learner.follow(HttpRequest.newBuilder(URI.create(action))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            if (!home.uri().getPath().equals("/learn")) {
                throw new IllegalStateException("Login of " + username + " ended at " + home.uri());
            }
            learner.read(home);
            learner.alive = true;
            return learner;
        }

        /** Sends a request and follows redirects by hand, keeping cookies per host and port. */
        private Text follow(HttpRequest.Builder builder) throws Exception {
            var request = builder.build();
            for (int hops = 0; hops < 10; hops++) {
                var withCookies = HttpRequest.newBuilder(request, (name, value) -> true);
                var jar = cookies.get(request.uri().getRawAuthority());
                if (jar != null && !jar.isEmpty()) {
                    var header = new StringBuilder();
                    jar.forEach((k, v) -> header.append(header.isEmpty() ? "" : "; ")
                            .append(k)
                            .append('=')
                            .append(v));
                    withCookies.setHeader("Cookie", header.toString());
                }
                withCookies.setHeader("Accept-Language", "vi-VN,vi;q=0.9");
                withCookies.setHeader("Accept-Encoding", "gzip");
                var raw = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofByteArray());
                requests++;
                bytes += raw.body().length
                        + request.bodyPublisher()
                                .map(p -> Math.max(0, p.contentLength()))
                                .orElse(0L);
                var response = new Text(raw, gunzip(raw));
                keepCookies(raw);
                int status = raw.statusCode();
                if (status / 100 == 3) {
                    var location = raw.headers().firstValue("Location").orElseThrow();
                    request = HttpRequest.newBuilder(request.uri().resolve(location))
                            .header("Accept", "text/html")
                            .GET()
                            .build();
                    continue;
                }
                if (status != 200) {
                    throw new IllegalStateException(request.uri() + " answered " + status);
                }
                return response;
            }
            throw new IllegalStateException("Too many redirects for " + username);
        }

        /** An answer's address and its body as text. */
        record Text(HttpResponse<byte[]> raw, String body) {
            URI uri() {
                return raw.uri();
            }
        }

        private static String gunzip(HttpResponse<byte[]> response) throws java.io.IOException {
            if (response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
                try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return new String(response.body(), StandardCharsets.UTF_8);
        }

        private void keepCookies(HttpResponse<?> response) {
            var jar = cookies.computeIfAbsent(response.uri().getRawAuthority(), k -> new LinkedHashMap<>());
            for (var header : response.headers().allValues("Set-Cookie")) {
                var first = header.split(";", 2)[0];
                int eq = first.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                var name = first.substring(0, eq).trim();
                var value = first.substring(eq + 1).trim();
                var lower = header.toLowerCase(Locale.ROOT);
                if (value.isEmpty() || lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
                    jar.remove(name);
                } else {
                    jar.put(name, value);
                }
            }
        }

        /** Keeps the page just loaded and the CSRF token its forms carry. */
        private Text read(Text text) {
            page = text.body();
            var token = CSRF.matcher(page);
            if (token.find()) {
                csrf = token.group(1);
            }
            return text;
        }

        /** Loads a page of the app (a link followed). */
        String open(String path) throws Exception {
            var text = read(follow(HttpRequest.newBuilder(URI.create(app + "/" + path))
                    .header("Accept", "text/html")
                    .GET()));
            if (path.contains("/lesson/") && !text.body().contains("lesson-done")) {
                throw new IllegalStateException("Opening " + path + " showed no lesson: " + abbreviate(text.body()));
            }
            return text.body();
        }

        /** Sends a form of the page (with its CSRF token) and loads the page the answer's redirect leads to. */
        private Text send(String action, String fields) throws Exception {
            var form =
                    "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + (fields.isEmpty() ? "" : "&" + fields);
            return read(follow(HttpRequest.newBuilder(URI.create(app).resolve(action.replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(form))));
        }

        /** "Done, next": the lesson's form sent, and the check that it led to the expected next page. */
        void done(String expectedPath) throws Exception {
            var form = DONE.matcher(page);
            if (!form.find()) {
                throw new IllegalStateException("No \"done\" form on the page of " + username);
            }
            var next = send(form.group(1), "");
            if (!next.uri().getPath().equals("/" + expectedPath)) {
                throw new IllegalStateException("\"Done, next\" led to " + next.uri() + ", not /" + expectedPath);
            }
        }

        /** The quiz opened and sent with no answer chosen; its outcome page is the answer. */
        void quiz(String quizPath) throws Exception {
            open(quizPath);
            var outcome = send("/" + quizPath, "");
            if (!outcome.body().contains("quiz-result")) {
                throw new IllegalStateException("The quiz showed no outcome: " + abbreviate(outcome.body()));
            }
        }

        interface Until {
            long nanos();
        }

        interface Sink {
            Collection<Long> get();
        }

        void walk(
                List<Course> courses,
                int first,
                long until,
                long thinkMin,
                long thinkMax,
                Collection<Long> steps,
                AtomicInteger errors,
                AtomicInteger quizzes) {
            walk(courses, first, () -> until, thinkMin, thinkMax, () -> steps, errors, quizzes);
        }

        /**
         * Course after course from the given one: the first lesson, "done, next" to the last, the quiz; think time
         * before each step. An error is counted and the learner goes back to their home, as a person would.
         */
        void walk(
                List<Course> courses,
                int first,
                Until until,
                long thinkMin,
                long thinkMax,
                Sink steps,
                AtomicInteger errors,
                AtomicInteger quizzes) {
            var random = ThreadLocalRandom.current();
            int c = first % courses.size();
            while (System.nanoTime() < until.nanos()) {
                var course = courses.get(c);
                try {
                    open(lessonPath(course.id(), course.lessons().getFirst()));
                    for (int i = 0; i < course.lessons().size() && System.nanoTime() < until.nanos(); i++) {
                        Thread.sleep(random.nextLong(thinkMin, thinkMax + 1));
                        boolean last = i == course.lessons().size() - 1;
                        var expected = last
                                ? (course.quiz() ? quizPath(course.id()) : "courses/" + course.id())
                                : lessonPath(course.id(), course.lessons().get(i + 1));
                        long begun = System.nanoTime();
                        done(expected);
                        long took = System.nanoTime() - begun;
                        if (!last) {
                            steps.get().add(took);
                        }
                    }
                    if (course.quiz() && System.nanoTime() < until.nanos()) {
                        Thread.sleep(random.nextLong(thinkMin, thinkMax + 1));
                        quiz(quizPath(course.id()));
                        quizzes.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    if (errors.incrementAndGet() <= 5) {
                        System.out.println("Learner " + username + ": " + e.getMessage());
                    }
                    try {
                        open("learn");
                    } catch (Exception again) {
                        alive = false;
                        return;
                    }
                }
                c = (c + 1) % courses.size();
            }
        }

        void close() {
            alive = false;
        }
    }
}
