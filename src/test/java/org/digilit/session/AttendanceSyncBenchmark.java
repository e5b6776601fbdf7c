package org.digilit.session;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.digilit.course.CourseContentService;
import org.digilit.localstack.DemoUsers;
import org.digilit.localstack.LocalStack;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * N facilitators' phones (last argument; 200 by default) as HTTP clients on loopback, each logged in through Keycloak
 * (its own facilitator user, its own session of 50 learners): each sends its 50 marks in 5 batches of 10 through the
 * real endpoint (session cookie, CSRF token), then every batch again (replays). Prints marks/s, sync p50/p95, the
 * marks stored (must be exactly N × 50), the bytes of the phone page's first load and of a 50-mark sync (compressed,
 * as sent), and the attendance dashboard's p95 over the province once the marks are in (bulk marks added by SQL to
 * reach the size given as the second-to-last argument, 200,000 by default). Baseline: the same clients sending one
 * mark per request (the naive phone), on a tenth of the marks.
 */
public final class AttendanceSyncBenchmark {

    private static final int MARKS_PER_CLIENT = 50;
    private static final int BATCH = 10;
    private static final int THREADS = 32;
    private static final Pattern FORM_ACTION =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern FORM_ACTION_ANY = Pattern.compile("action=\"([^\"]+)\"");

    private AttendanceSyncBenchmark() {}

    public static void main(String[] args) {
        org.digilit.localstack.Benchmarks.exitAfter(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        int clients = org.digilit.localstack.Benchmarks.size(args, 200);
        int dashboardMarks = args.length < 2 ? 200_000 : Integer.parseInt(args[args.length - 2]);
        int port = LocalStack.freePort();
        try (var stack = LocalStack.startNew(LocalStack.Mode.BENCH, port)) {
            var context = stack.runApp(
                    List.of("--server.port=" + port, "--spring.main.banner-mode=off", "--digilit.demo.people=0"));
            var jdbc = context.getBean(JdbcClient.class);
            jdbc.sql("truncate class_session, attendance_batch cascade").update();
            var data = new SessionTestData(jdbc)
                    .load(
                            context.getBean(OrganisationImportService.class),
                            context.getBean(CourseContentService.class));
            var app = "http://localhost:" + port;
            var prefix = "bench-fac-";
            ensureFacilitators(stack, prefix, clients + clients / 10);
            // Each client's session (started an hour ago) with 50 learners of its own, written by SQL (set-up only).
            var sessions = new long[clients + clients / 10];
            var learners = new String[sessions.length][MARKS_PER_CLIENT];
            for (int c = 0; c < sessions.length; c++) {
                var facilitator = prefix + c;
                TestUsers.signIn(facilitator, data.code("G1"), Role.FACILITATOR);
                sessions[c] = context.getBean(SessionService.class)
                        .schedule(data.draft("G1", Instant.now().minus(Duration.ofHours(1)), List.of(), 1), null)
                        .getFirst();
                TestUsers.signOut();
                for (int l = 0; l < MARKS_PER_CLIENT; l++) {
                    learners[c][l] = "bench-" + c + "-" + l;
                }
                jdbc.sql("""
                                insert into session_learner (session_id, username, full_name, joined, added_at, added_by)
                                select :s, u, u, 'ENROLLED', now(), 'bench' from unnest(cast(:u as text[])) u""").param("s", sessions[c]).param("u", learners[c]).update();
            }
            System.out.printf(
                    "Set-up: %d facilitators, %d sessions of %d learners%n",
                    sessions.length, sessions.length, MARKS_PER_CLIENT);

            var pool = Executors.newFixedThreadPool(THREADS);
            var phones = new Phone[sessions.length];
            var logins = new ArrayList<Future<?>>();
            for (int c = 0; c < sessions.length; c++) {
                int client = c;
                logins.add(pool.submit(() -> {
                    phones[client] = Phone.logIn(app, prefix + client);
                    return null;
                }));
            }
            for (var f : logins) {
                f.get();
            }

            // Bytes of the phone page's first load (compressed bodies, as they travel) and of a 50-mark sync.
            long firstLoad = 0;
            for (var file : List.of("index.html", "app.js", "app.css", "manifest.webmanifest", "icon.svg", "sw.js")) {
                firstLoad += phones[0].get("/attendance/" + file).body().length;
            }
            firstLoad += phones[0].get("/attendance/api/sessions").body().length;

            // The naive phone: one mark per request, for a tenth of the clients (baseline).
            var baselineLatencies = new ConcurrentLinkedQueue<Long>();
            long baselineStart = System.nanoTime();
            var baseline = new ArrayList<Future<?>>();
            for (int c = clients; c < sessions.length; c++) {
                int client = c;
                baseline.add(pool.submit(() -> {
                    var phone = phones[client];
                    for (int l = 0; l < MARKS_PER_CLIENT; l++) {
                        long t = System.nanoTime();
                        phone.sync(batch(sessions[client], learners[client], l, 1, UUID.randomUUID()));
                        baselineLatencies.add(System.nanoTime() - t);
                    }
                    return null;
                }));
            }
            for (var f : baseline) {
                f.get();
            }
            double baselineSeconds = (System.nanoTime() - baselineStart) / 1e9;
            int baselineMarks = (sessions.length - clients) * MARKS_PER_CLIENT;

            // The real run: batches of 10, then every batch again.
            var batches = new String[clients][MARKS_PER_CLIENT / BATCH];
            for (int c = 0; c < clients; c++) {
                for (int b = 0; b < batches[c].length; b++) {
                    batches[c][b] = batch(sessions[c], learners[c], b * BATCH, BATCH, UUID.randomUUID());
                }
            }
            var latencies = new ConcurrentLinkedQueue<Long>();
            long[] syncBytes = new long[1];
            long begun = System.nanoTime();
            var work = new ArrayList<Future<?>>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                work.add(pool.submit(() -> {
                    phones[client].get("/attendance/api/sessions");
                    for (var body : batches[client]) {
                        long t = System.nanoTime();
                        phones[client].sync(body);
                        latencies.add(System.nanoTime() - t);
                    }
                    return null;
                }));
            }
            for (var f : work) {
                f.get();
            }
            double seconds = (System.nanoTime() - begun) / 1e9;
            var replayLatencies = new ConcurrentLinkedQueue<Long>();
            long replayBegun = System.nanoTime();
            work.clear();
            for (int c = 0; c < clients; c++) {
                int client = c;
                work.add(pool.submit(() -> {
                    for (var body : batches[client]) {
                        long t = System.nanoTime();
                        var answer = phones[client].sync(body);
                        if (!answer.contains("\"replay\":true")) {
                            throw new IllegalStateException("A replayed batch was not recognised: " + answer);
                        }
                        replayLatencies.add(System.nanoTime() - t);
                    }
                    return null;
                }));
            }
            for (var f : work) {
                f.get();
            }
            double replaySeconds = (System.nanoTime() - replayBegun) / 1e9;
            // One 50-mark sync: request body as sent (JSON) and the answer as it travels.
            // On a baseline client's session: its 50 new marks must not count among the 10,000 checked below.
            var fifty = batch(sessions[clients], learners[clients], 0, MARKS_PER_CLIENT, UUID.randomUUID());
            var answer = phones[clients].syncRaw(fifty);
            syncBytes[0] = fifty.getBytes(StandardCharsets.UTF_8).length + answer.body().length;
            pool.shutdown();

            var ids = Arrays.stream(sessions, 0, clients).boxed().toArray(Long[]::new);
            int stored = jdbc.sql("select count(*) from attendance_mark where session_id = any(cast(:s as bigint[]))")
                    .param("s", ids)
                    .query(Integer.class)
                    .single();

            // The dashboard over the province with many marks: bulk sessions and marks straight into the tables.
            int extra = Math.max(0, dashboardMarks - stored);
            bulk(jdbc, data, extra);
            int total = jdbc.sql("select count(*) from attendance_mark")
                    .query(Integer.class)
                    .single();
            var reports = context.getBean(AttendanceReportService.class);
            TestUsers.signIn("bench-admin", null, Role.PLATFORM_ADMIN);
            var dashboard = new long[20];
            var province = jdbc.sql("select id from organisation where code = :c")
                    .param("c", data.code(""))
                    .query(Long.class)
                    .single();
            for (int i = 0; i < dashboard.length; i++) {
                long t = System.nanoTime();
                reports.figures(province, PeriodUnit.MONTH, PeriodUnit.MONTH.start(reports.today()));
                reports.trend(province, PeriodUnit.MONTH, PeriodUnit.MONTH.start(reports.today()), 8);
                dashboard[i] = System.nanoTime() - t;
            }
            TestUsers.signOut();
            Arrays.sort(dashboard);

            int marks = clients * MARKS_PER_CLIENT;
            double rate = marks / seconds;
            double baselineRate = baselineMarks / baselineSeconds;
            System.out.printf(
                    Locale.ROOT,
                    "%d phones: %d marks in %.1f s (%.0f marks/s), sync p50 %.1f ms p95 %.1f ms; replays p50 %.1f ms"
                            + " p95 %.1f ms (%.1f s); stored %d; one mark per request (baseline) %.0f marks/s, p50 %.1f ms;"
                            + " first load %d bytes, 50-mark sync %d bytes; dashboard at %d marks p50 %.1f ms p95 %.1f ms%n",
                    clients,
                    marks,
                    seconds,
                    rate,
                    percentile(latencies, 50),
                    percentile(latencies, 95),
                    percentile(replayLatencies, 50),
                    percentile(replayLatencies, 95),
                    replaySeconds,
                    stored,
                    baselineRate,
                    percentile(baselineLatencies, 50),
                    firstLoad,
                    syncBytes[0],
                    total,
                    dashboard[dashboard.length / 2] / 1e6,
                    dashboard[dashboard.length * 95 / 100] / 1e6);
            if (stored != marks) {
                throw new IllegalStateException("Stored " + stored + " marks, expected exactly " + marks);
            }
            System.out.printf(
                    Locale.ROOT,
                    "BENCH attendance-sync size=%d marks_per_s=%.0f sync_p50_ms=%.1f sync_p95_ms=%.1f stored=%d"
                            + " first_load_bytes=%d sync50_bytes=%d dashboard_marks=%d dashboard_p95_ms=%.1f"
                            + " baseline_marks_per_s=%.0f ratio=%.2f%n",
                    clients,
                    rate,
                    percentile(latencies, 50),
                    percentile(latencies, 95),
                    stored,
                    firstLoad,
                    syncBytes[0],
                    total,
                    dashboard[dashboard.length * 95 / 100] / 1e6,
                    baselineRate,
                    rate / baselineRate);
            context.close();
        }
    }

    private static String batch(long session, String[] learners, int from, int count, UUID id) {
        var marks = new StringBuilder();
        var now = Instant.now();
        for (int l = from; l < from + count; l++) {
            if (marks.length() > 0) {
                marks.append(',');
            }
            marks.append("{\"id\":\"")
                    .append(UUID.randomUUID())
                    .append("\",\"sessionId\":")
                    .append(session)
                    .append(",\"learner\":\"")
                    .append(learners[l])
                    .append("\",\"status\":\"PRESENT\",\"method\":\"MANUAL\",")
                    .append("\"capturedAt\":\"")
                    .append(now.minusSeconds(60))
                    .append("\"}");
        }
        return "{\"batchId\":\"" + id + "\",\"sentAt\":\"" + now + "\",\"walkIns\":[],\"marks\":[" + marks + "]}";
    }

    private static double percentile(java.util.Collection<Long> nanos, int p) {
        var sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }

    /** Sessions over the last 60 days in the test province's groups, 20 learners each, every one marked. */
    private static void bulk(JdbcClient jdbc, SessionTestData data, int marks) {
        int sessions = marks / 20;
        if (sessions == 0) {
            return;
        }
        jdbc.sql("""
                        insert into class_session (organisation_id, course_id, place, starts_at, ends_at, capacity,
                            audience, created_by, created_at)
                        select case when g % 2 = 0 then :g1 else :g2 end, :course, 'bench',
                            now() - make_interval(days => g % 60, hours => 3),
                            now() - make_interval(days => g % 60, hours => 1), 30, 'CITIZEN', 'bench', now()
                        from generate_series(1, :n) g""")
                .param("g1", data.id("G1"))
                .param("g2", data.id("G2"))
                .param("course", data.course)
                .param("n", sessions)
                .update();
        jdbc.sql("""
                        insert into session_learner (session_id, username, full_name, joined, added_at, added_by)
                        select s.id, 'bulk-' || l, 'bulk', 'ENROLLED', now(), 'bench'
                        from class_session s, generate_series(1, 20) l where s.place = 'bench'""").update();
        jdbc.sql("""
                        insert into attendance_mark (id, session_id, learner, status, method, facilitator,
                            phone_captured_at, captured_at, received_at)
                        select gen_random_uuid(), l.session_id, l.username,
                            case when random() < 0.7 then 'PRESENT' else 'ABSENT' end, 'MANUAL', 'bench',
                            s.starts_at, s.starts_at, now()
                        from session_learner l join class_session s on s.id = l.session_id where s.place = 'bench'""").update();
        jdbc.sql("""
                        insert into attendance (session_id, learner, status, method, mark_id, captured_at)
                        select session_id, learner, status, method, id, captured_at from attendance_mark m
                        where exists (select 1 from class_session s where s.id = m.session_id and s.place = 'bench')""").update();
        jdbc.sql("analyze").update();
    }

    private static void ensureFacilitators(LocalStack stack, String prefix, int count) {
        try (var keycloak = DemoUsers.adminClient(stack)) {
            var realm = keycloak.realm(LocalStack.REALM);
            var role = realm.roles().get("facilitator").toRepresentation();
            for (int i = 0; i < count; i++) {
                var name = prefix + i;
                if (!realm.users().searchByUsername(name, true).isEmpty()) {
                    continue;
                }
                var user = new UserRepresentation();
                user.setUsername(name);
                user.setEnabled(true);
                user.setEmail(name + "@bench.digilit.invalid");
                user.setEmailVerified(true);
                user.setFirstName("Bench");
                user.setLastName("Facilitator " + i);
                user.setCredentials(List.of(DemoUsers.demoPassword()));
                try (var response = realm.users().create(user)) {
                    var id = org.keycloak.admin.client.CreatedResponseUtil.getCreatedId(response);
                    realm.users().get(id).roles().realmLevel().add(List.of(role));
                }
            }
        }
    }

    /**
     * A phone's cookie jar on loopback: like a browser on {@code http://localhost} (a secure context), it sends cookies
     * marked {@code Secure} over plain HTTP, which Java's {@link CookieManager} alone would hold back.
     */
    static final class LoopbackCookies extends java.net.CookieHandler {

        private final CookieManager cookies = new CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);

        @Override
        public java.util.Map<String, java.util.List<String>> get(
                URI uri, java.util.Map<String, java.util.List<String>> headers) throws java.io.IOException {
            return cookies.get(secure(uri), headers);
        }

        @Override
        public void put(URI uri, java.util.Map<String, java.util.List<String>> headers) throws java.io.IOException {
            cookies.put(secure(uri), headers);
        }

        private static URI secure(URI uri) {
            return URI.create("https://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "/" : uri.getRawPath()));
        }
    }

    /** One phone: its own cookies (the login's session), the CSRF token of its last download. */
    static final class Phone {

        private final HttpClient http;
        private final String app;
        private volatile String[] csrf;

        private Phone(HttpClient http, String app) {
            this.http = http;
            this.app = app;
        }

        /** Logs in through Keycloak's login form, as a browser would (authorization code flow with PKCE). */
        static Phone logIn(String app, String username) throws Exception {
            var http = HttpClient.newBuilder()
                    .cookieHandler(new LoopbackCookies())
                    .followRedirects(HttpClient.Redirect.ALWAYS)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            var loginPage = http.send(
                    HttpRequest.newBuilder(URI.create(app + "/attendance/login"))
                            .header("Accept", "text/html") // as a phone's browser asks: the login, not a 401
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var matcher = FORM_ACTION.matcher(loginPage.body());
            if (!matcher.find()) {
                matcher = FORM_ACTION_ANY.matcher(loginPage.body());
                if (!matcher.find()) {
                    throw new IllegalStateException("No login form for " + username);
                }
            }
            var action = matcher.group(1).replace("&amp;", "&");
            var form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(DemoUsers.PASSWORD, StandardCharsets.UTF_8) + "&credentialId=";
            var done = http.send(
                    HttpRequest.newBuilder(URI.create(action))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (!done.uri().getPath().startsWith("/attendance/")) {
                throw new IllegalStateException("Login of " + username + " ended at " + done.uri());
            }
            var phone = new Phone(http, app);
            phone.get("/attendance/api/sessions");
            return phone;
        }

        HttpResponse<byte[]> get(String path) throws Exception {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(app + path))
                            .header("Accept-Encoding", "gzip")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            if (path.equals("/attendance/api/sessions")) {
                var json = gunzip(response);
                var header = Pattern.compile("\"header\":\"([^\"]+)\"").matcher(json);
                var token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(json);
                if (header.find() && token.find()) {
                    csrf = new String[] {header.group(1), token.group(1)};
                }
            }
            return response;
        }

        HttpResponse<byte[]> syncRaw(String body) throws Exception {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(app + "/attendance/api/sync"))
                            .header("Content-Type", "application/json")
                            .header("Accept-Encoding", "gzip")
                            .header(csrf[0], csrf[1])
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("sync answered " + response.statusCode() + ": " + gunzip(response));
            }
            return response;
        }

        String sync(String body) throws Exception {
            return gunzip(syncRaw(body));
        }

        private static String gunzip(HttpResponse<byte[]> response) throws java.io.IOException {
            if (response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
                try (var in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(response.body()))) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return new String(response.body(), StandardCharsets.UTF_8);
        }
    }
}
