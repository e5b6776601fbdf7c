package org.digilit.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.digilit.IntegrationTest;
import org.digilit.e2e.BrowserSession;
import org.digilit.localstack.DemoUsers;
import org.digilit.localstack.LocalStack;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #20 §2: two more app instances (separate JVMs, as a second machine would run them) on the same PostgreSQL,
 * Keycloak and Elasticsearch, behind HAProxy from Debian with sticky sessions. People are imported and verified, and
 * the provisioning of all of them runs on every instance at once (the test's own app is a third); one node is killed
 * (SIGKILL) in the middle of it. Every account ends with exactly one Keycloak user and nothing is left in the outbox;
 * a learner whose session lived on the surviving node keeps working without logging in; a learner of the dead node is
 * sent to Keycloak and comes back (single sign-on) to a new session on the survivor; the survivor's scheduled report
 * recompute goes on.
 */
@IntegrationTest
class TwoNodesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(300);
    private static final Path FOLDER = Path.of("target/two-nodes");
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final String NODE_COOKIE = "DLNODE";

    @Autowired
    AccountFixtures fixtures;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountDirectory directory;

    @Autowired
    JdbcClient jdbc;

    private final List<Process> processes = new ArrayList<>();
    private final List<Process> mustLive = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void stopEverything() {
        TestUsers.signOut();
        processes.forEach(Process::destroyForcibly);
        for (var process : processes) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void two_nodes_behind_haproxy_do_every_piece_of_work_once_and_keep_the_survivors_users() throws Exception {
        assertThat(HAPROXY)
                .as("HAProxy is missing: apt-get install -y haproxy (.ci/run does this)")
                .isExecutable();
        var stack = LocalStack.shared(LocalStack.Mode.TEST, LocalStack.testAppPort());
        var data = fixtures.province();
        Files.createDirectories(FOLDER);

        int proxyPort = LocalStack.freePort();
        int portA = LocalStack.freePort();
        int portB = LocalStack.freePort();
        var publicUrl = "http://localhost:" + proxyPort;
        allowLoginThrough(stack, publicUrl);

        var begun = Instant.now();
        var nodeA = startNode(stack, "a", portA, publicUrl);
        var nodeB = startNode(stack, "b", portB, publicUrl);
        mustLive.addAll(List.of(nodeA, nodeB));
        await(() -> healthy(portA) && healthy(portB), "both nodes answer");
        var nodesUp = Duration.between(begun, Instant.now());
        mustLive.add(startHaproxy(proxyPort, portA, portB));
        await(() -> healthy(proxyPort), "HAProxy answers");

        try (var browser = new BrowserSession()) {
            // Two learners, one on each node (HAProxy's cookie says which).
            Page onA = null;
            Page onB = null;
            for (int tries = 0; tries < 8 && (onA == null || onB == null); tries++) {
                var page = browser.newPage(360, 780, "vi-VN");
                logIn(page, publicUrl, DemoUsers.withRole("citizen").username());
                var node = node(page);
                if ("a".equals(node) && onA == null) {
                    onA = page;
                } else if ("b".equals(node) && onB == null) {
                    onB = page;
                } else {
                    page.context().close();
                }
            }
            assertThat(onA).as("a learner's session on node a").isNotNull();
            assertThat(onB).as("a learner's session on node b").isNotNull();

            // People imported and verified; every instance provisions from the outbox; node a dies in the middle.
            TestUsers.signIn("platform", null, Role.PLATFORM_ADMIN);
            var people = AccountTestData.people(3000, data.commune1(), "citizen");
            fixtures.importPeople(people);
            var ids = people.stream()
                    .map(p -> accounts.list(new AccountFilter(null, null, null, p.identityNumber()), 0, 1)
                            .getFirst()
                            .id())
                    .toList();
            var provisioningBegun = Instant.now();
            accounts.verify(ids, null);
            await(() -> AccountTestData.provisioned(jdbc, ids) > 0, "provisioning has begun");
            mustLive.remove(nodeA);
            nodeA.destroyForcibly().waitFor();
            var killedAt = Instant.now();
            int doneWhenKilled = AccountTestData.provisioned(jdbc, ids);
            assertThat(doneWhenKilled).as("node a was killed mid-provisioning").isLessThan(ids.size());

            await(() -> AccountTestData.provisioned(jdbc, ids) == ids.size(), "every account is provisioned");
            var provisioningTook = Duration.between(provisioningBegun, Instant.now());
            AccountTestData.assertExactlyOneKeycloakUserEach(jdbc, directory, ids);
            assertThat(jdbc.sql("select count(*) from provisioning_outbox where account_id = any (:ids)")
                            .param("ids", ids.toArray(Long[]::new))
                            .query(Integer.class)
                            .single())
                    .isZero();

            // The survivor's learner goes on in the same session; the dead node's learner signs in again.
            onB.navigate(publicUrl + "/learn");
            assertThat(onB.url()).endsWith("/learn");
            assertThat(onB.locator("#password").count()).isZero();
            assertThat(node(onB)).isEqualTo("b");

            onA.navigate(publicUrl + "/learn");
            if (onA.url().contains("/protocol/openid-connect/")) {
                logInOnForm(onA);
            }
            onA.waitForURL(Pattern.compile(".*/learn(\\?.*)?$"));
            assertThat(node(onA))
                    .as("the dead node's learner is now on the survivor")
                    .isEqualTo("b");

            // The survivor's scheduler recomputes the report (the test's own app waits an hour before its first pass).
            await(
                    () -> jdbc.sql("select refreshed_at from report_refresh where id = 1")
                            .query(Timestamp.class)
                            .optional()
                            .map(at -> at.toInstant().isAfter(killedAt))
                            .orElse(false),
                    "the surviving node recomputes the report");

            System.out.printf(
                    "BENCH two-nodes size=%d nodes_up_s=%.1f provisioning_s=%.1f done_when_killed=%d%n",
                    ids.size(), nodesUp.toMillis() / 1000.0, provisioningTook.toMillis() / 1000.0, doneWhenKilled);
        } finally {
            nodeB.destroyForcibly();
        }
    }

    /** An app instance in its own JVM: the test's classpath, the stack's properties, its own port. */
    private Process startNode(LocalStack stack, String name, int port, String publicUrl) throws IOException {
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "org.digilit.Application"));
        // A key given twice on the command line would read as both values joined: overrides replace the stack's.
        var properties = new java.util.LinkedHashMap<String, Object>(stack.springProperties());
        properties.put("server.port", port);
        properties.put("digilit.app.url", publicUrl);
        properties.put("digilit.reporting.initial-delay", "2s");
        properties.put("digilit.reporting.refresh-interval", "5s");
        properties.put("spring.main.banner-mode", "off");
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(FOLDER.resolve("node-" + name + ".log").toFile())
                .start();
        processes.add(process);
        return process;
    }

    /** HAProxy in the foreground: round robin for new visitors, a cookie that keeps each session on its node. */
    private Process startHaproxy(int proxyPort, int portA, int portB) throws IOException {
        var config = FOLDER.resolve("haproxy.cfg");
        Files.writeString(config, """
                global
                    maxconn 512
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 120s
                    timeout server 120s
                    timeout check 5s
                    option redispatch
                    retries 2
                frontend web
                    bind 127.0.0.1:%d
                    default_backend app
                backend app
                    balance roundrobin
                    cookie %s insert indirect nocache httponly
                    option httpchk GET /actuator/health
                    http-check expect status 200
                    server a 127.0.0.1:%d check inter 2s fall 3 rise 1 cookie a
                    server b 127.0.0.1:%d check inter 2s fall 3 rise 1 cookie b
                """.formatted(proxyPort, NODE_COOKIE, portA, portB), StandardCharsets.UTF_8);
        var process = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(FOLDER.resolve("haproxy.log").toFile())
                .start();
        processes.add(process);
        return process;
    }

    /** Adds the balancer's address to the web client's redirect URIs (the test's own app keeps its own). */
    private static void allowLoginThrough(LocalStack stack, String publicUrl) {
        try (var keycloak = DemoUsers.adminClient(stack)) {
            var clients = keycloak.realm(LocalStack.REALM).clients();
            var client = clients.findByClientId("digilit-web").getFirst();
            var redirects = new ArrayList<>(client.getRedirectUris());
            redirects.add(publicUrl + "/login/oauth2/code/keycloak");
            client.setRedirectUris(redirects);
            var origins = new ArrayList<>(client.getWebOrigins());
            origins.add(publicUrl);
            client.setWebOrigins(origins);
            clients.get(client.getId()).update(client);
        }
    }

    private static void logIn(Page page, String publicUrl, String username) {
        page.navigate(publicUrl + "/learn");
        page.waitForURL(Pattern.compile(".*/protocol/openid-connect/auth.*"));
        page.locator("#username").fill(username);
        logInOnForm(page);
        page.waitForURL(Pattern.compile(".*/learn(\\?.*)?$"));
    }

    private static void logInOnForm(Page page) {
        page.locator("#password").fill(DemoUsers.PASSWORD);
        page.locator("#kc-login").click();
    }

    private static String node(Page page) {
        return page.context().cookies().stream()
                .filter(c -> c.name.equals(NODE_COOKIE))
                .map(c -> c.value)
                .findFirst()
                .orElse(null);
    }

    private boolean healthy(int port) {
        try {
            return http.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void await(BooleanSupplier condition, String what) throws InterruptedException {
        var deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (mustLive.stream().anyMatch(p -> !p.isAlive())) {
                throw new AssertionError(
                        "A node or HAProxy exited while waiting until " + what + "; logs in " + FOLDER);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what + "; logs in " + FOLDER);
            }
            Thread.sleep(250);
        }
    }
}
