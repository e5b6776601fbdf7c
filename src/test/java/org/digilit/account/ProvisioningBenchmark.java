package org.digilit.account;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.digilit.demo.DemoPeople;
import org.digilit.demo.DemoProvince;
import org.digilit.localstack.DemoUsers;
import org.digilit.localstack.LocalStack;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Imports and provisions N generated people (last argument; 300,000 by default) end to end, on empty servers: the
 * demo province's people file is checked (dry run), applied (parsed, validated, encrypted, written), verified in bulk,
 * and drained into Keycloak by the provisioning worker; the clock stops when every account has its Keycloak id. The
 * baseline is what a typical integration does: one admin-client {@code create} per user with a password, on a smaller
 * N. Heap is sampled throughout (run with -Xmx1g to prove the bound).
 */
public final class ProvisioningBenchmark {

    private ProvisioningBenchmark() {}

    public static void main(String[] args) {
        org.digilit.localstack.Benchmarks.exitAfter(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        int size = org.digilit.localstack.Benchmarks.size(args, 300_000);
        int baselineSize = Math.max(100, Math.min(1_000, size / 300));
        var organisations = DemoProvince.generate(2025, DemoProvince.NATURAL_SIZE);
        var organisationCsv = new StringWriter();
        DemoProvince.writeCsv(organisations, organisationCsv);
        var people = Files.createTempFile("bench-people-", ".csv");
        try (var out = Files.newBufferedWriter(people, StandardCharsets.UTF_8)) {
            DemoPeople.writeCsv(2025, organisations, size, out);
        }
        System.out.printf(Locale.ROOT, "people file: %d rows, %.1f MB%n", size, Files.size(people) / 1e6);

        LocalStack.resetData(LocalStack.Mode.BENCH);
        try (var stack = LocalStack.startNew(LocalStack.Mode.BENCH, LocalStack.freePort())) {
            // The demo data (scanned in from the test classes) brings the province but none of its people.
            var arguments = new ArrayList<String>(
                    List.of("--server.port=0", "--spring.main.banner-mode=off", "--digilit.demo.people=0"));
            // Settings to try, before the size: "--digilit.provisioning.concurrency=5 300000"
            arguments.addAll(List.of(args).subList(0, Math.max(0, args.length - 1)));
            var context = stack.runApp(arguments);
            var jdbc = context.getBean(JdbcClient.class);
            var imports = context.getBean(AccountImportService.class);
            var accounts = context.getBean(AccountService.class);
            var heap = new HeapWatch();
            heap.start();
            TestUsers.signIn("benchmark", null, Role.PLATFORM_ADMIN);
            context.getBean(OrganisationImportService.class)
                    .apply(
                            new ByteArrayInputStream(organisationCsv.toString().getBytes(StandardCharsets.UTF_8)),
                            "province.csv",
                            null);

            // The ceiling: Keycloak's bare partial import of the same users, as many threads and batches as the worker.
            var provisioning = context.getBean(ProvisioningProperties.class);
            int ceilingSize = Math.min(5_000, size);
            var someOrganisation = jdbc.sql("select code from organisation order by id desc limit 1")
                    .query(String.class)
                    .single();
            // Warm Keycloak up first, untimed: its first partial imports run cold code (after 1,000 users of warm-up
            // the ceiling still read 325 users/s before the run and 1,015 after it, at 50,000). Then time the ceiling
            // on the realm as it is before the run, and again after it (the realm then holds every new user, which
            // slows Keycloak at 300,000); the end-to-end rate is read against their mean.
            ceiling(
                    stack,
                    Math.min(WARM_UP, size),
                    provisioning.concurrency(),
                    provisioning.batchSize(),
                    someOrganisation,
                    "warm-");
            double ceilingBefore = ceiling(
                    stack,
                    ceilingSize,
                    provisioning.concurrency(),
                    provisioning.batchSize(),
                    someOrganisation,
                    "bare-a-");
            System.out.printf(
                    Locale.ROOT,
                    "ceiling before: Keycloak's bare partial import of %d users, %d threads × %d a batch: %.0f users/s%n",
                    ceilingSize,
                    provisioning.concurrency(),
                    provisioning.batchSize(),
                    ceilingBefore);

            long begun = System.nanoTime();
            var dry = imports.dryRun(people, "people.csv", new ImportProgress(Files.size(people)));
            double drySeconds = seconds(begun);
            check(
                    dry.valid() && dry.created() == size,
                    "dry run: " + dry.problemCount() + " problems, "
                            + dry.problems().stream().limit(5).toList());

            begun = System.nanoTime();
            var applied = imports.apply(people, "people.csv", new ImportProgress(Files.size(people)), null);
            double applySeconds = seconds(begun);
            check(applied.created() == size, "created " + applied.created());
            long verifyBegun = System.nanoTime();
            int verified = accounts.verifyAll(AccountFilter.none(), null);
            double verifySeconds = seconds(verifyBegun);
            check(verified == size, "verified " + verified);
            long lastReport = 0;
            while (true) {
                int left = jdbc.sql("select count(*) from provisioning_outbox")
                        .query(Integer.class)
                        .single();
                if (left == 0) {
                    break;
                }
                if (System.nanoTime() - lastReport > 15e9) {
                    System.out.printf(Locale.ROOT, "  %.0f s: %d accounts still to provision%n", seconds(begun), left);
                    lastReport = System.nanoTime();
                }
                Thread.sleep(250);
            }
            // Verification commits in chunks and provisioning starts on the first: count from the verification.
            double provisionSeconds = seconds(verifyBegun);
            double endToEnd = seconds(begun);
            int linked = jdbc.sql("select count(*) from account where keycloak_id is not null")
                    .query(Integer.class)
                    .single();
            check(linked == size, "linked " + linked + " of " + size);
            heap.stopWatching();
            double ceilingAfter = ceiling(
                    stack,
                    ceilingSize,
                    provisioning.concurrency(),
                    provisioning.batchSize(),
                    someOrganisation,
                    "bare-b-");
            double ceilingRate = (ceilingBefore + ceilingAfter) / 2;
            System.out.printf(
                    Locale.ROOT,
                    "ceiling after (realm of %d more users): %.0f users/s; mean %.0f users/s%n",
                    size,
                    ceilingAfter,
                    ceilingRate);

            var reimport = System.nanoTime();
            var again = imports.apply(people, "people.csv", new ImportProgress(Files.size(people)), null);
            double reimportSeconds = seconds(reimport);
            check(again.unchanged() == size, "re-import changed " + (size - again.unchanged()));

            // The accounts grid over all of them: a page, the count, a name search, a whole-number search.
            var someone = jdbc.sql("select full_name from account order by id limit 1 offset " + size / 2)
                    .query(String.class)
                    .single();
            double pageMs = medianMillis(() -> accounts.list(AccountFilter.none(), size / 2, 100));
            double countMs = medianMillis(() -> accounts.count(AccountFilter.none()));
            double nameMs = medianMillis(() -> accounts.list(new AccountFilter(null, null, null, someone), 0, 100));
            var number = firstNumber(people);
            double numberMs = medianMillis(() -> accounts.list(new AccountFilter(null, null, null, number), 0, 100));
            System.out.printf(
                    Locale.ROOT,
                    "accounts grid at %d accounts (median of 15): page at offset %d %.1f ms, count %.1f ms, name search"
                            + " %.1f ms, whole identity number %.1f ms%n",
                    size,
                    size / 2,
                    pageMs,
                    countMs,
                    nameMs,
                    numberMs);

            double baselineRate = naive(stack, baselineSize);
            double rate = size / endToEnd;
            System.out.printf(
                    Locale.ROOT,
                    "dry run %.1f s; apply %.1f s (%.0f rows/s); bulk verify %.1f s; verify and provision %.1f s (%.0f users/s);"
                            + " end to end %.1f s; re-import (unchanged) %.1f s; heap max %d MB of %d MB%n",
                    drySeconds,
                    applySeconds,
                    size / applySeconds,
                    verifySeconds,
                    provisionSeconds,
                    size / provisionSeconds,
                    endToEnd,
                    reimportSeconds,
                    heap.max() / (1024 * 1024),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            System.out.printf(
                    Locale.ROOT,
                    "BENCH account-provisioning size=%d accounts_per_s=%.0f end_to_end_s=%.1f apply_s=%.1f dry_run_s=%.1f"
                            + " verify_s=%.1f provision_s=%.1f heap_max_mb=%d baseline_size=%d"
                            + " ceiling_size=%d ceiling_before_per_s=%.0f ceiling_after_per_s=%.0f"
                            + " ceiling_accounts_per_s=%.0f share_of_ceiling=%.2f"
                            + " baseline_accounts_per_s=%.1f ratio=%.1f%n",
                    size,
                    rate,
                    endToEnd,
                    applySeconds,
                    drySeconds,
                    verifySeconds,
                    provisionSeconds,
                    heap.max() / (1024 * 1024),
                    baselineSize,
                    ceilingSize,
                    ceilingBefore,
                    ceilingAfter,
                    ceilingRate,
                    rate / ceilingRate,
                    baselineRate,
                    rate / baselineRate);
            context.close();
        } finally {
            Files.deleteIfExists(people);
        }
    }

    /** Users posted untimed before the ceiling is measured, so that Keycloak runs warm code. */
    static final int WARM_UP = 5_000;

    /**
     * Keycloak alone: {@code count} users (each as the worker sends one, with role and attributes) posted by partial
     * import in batches from {@code threads} threads, no database, no files, no app. The end-to-end rate is read as a
     * share of this, measured on the same servers in the same run.
     */
    private static double ceiling(
            LocalStack stack, int count, int threads, int batchSize, String organisation, String prefix)
            throws Exception {
        var next = new java.util.concurrent.atomic.AtomicInteger();
        try (var keycloak = DemoUsers.adminClient(stack);
                var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            var realm = keycloak.realm(LocalStack.REALM);
            long begun = System.nanoTime();
            var work = new ArrayList<java.util.concurrent.Future<?>>();
            for (int t = 0; t < threads; t++) {
                work.add(pool.submit(() -> {
                    while (true) {
                        int first = next.getAndAdd(batchSize);
                        if (first >= count) {
                            return null;
                        }
                        var users = new ArrayList<UserRepresentation>();
                        for (int i = first; i < Math.min(count, first + batchSize); i++) {
                            users.add(KeycloakAccountDirectory.toNewUser(new DirectoryUser(
                                    900_000_000L + i,
                                    prefix + i,
                                    "Văn An",
                                    "Nguyễn",
                                    "Nguyễn Văn An",
                                    organisation,
                                    "citizen",
                                    true,
                                    null)));
                        }
                        var request = new org.keycloak.representations.idm.PartialImportRepresentation();
                        request.setIfResourceExists(
                                org.keycloak.representations.idm.PartialImportRepresentation.Policy.SKIP.name());
                        request.setUsers(users);
                        try (var response = realm.partialImport(request)) {
                            check(response.getStatus() == 200, "bare partial import answered " + response.getStatus());
                        }
                    }
                }));
            }
            for (var future : work) {
                future.get();
            }
            return count / seconds(begun);
        }
    }

    /** A typical integration: one admin-client create per user, with a password (hashed by Keycloak), in sequence. */
    private static double naive(LocalStack stack, int count) {
        try (var keycloak = DemoUsers.adminClient(stack)) {
            var users = keycloak.realm(LocalStack.REALM).users();
            long begun = System.nanoTime();
            for (int i = 0; i < count; i++) {
                var user = new UserRepresentation();
                user.setUsername("naive-" + i);
                user.setEnabled(true);
                user.setFirstName("Văn An");
                user.setLastName("Nguyễn");
                var password = new CredentialRepresentation();
                password.setType(CredentialRepresentation.PASSWORD);
                password.setValue("Naive-password-" + i);
                password.setTemporary(true);
                user.setCredentials(List.of(password));
                try (var response = users.create(user)) {
                    check(response.getStatus() == 201, "naive create answered " + response.getStatus());
                }
            }
            return count / seconds(begun);
        }
    }

    private static double medianMillis(Runnable work) {
        var times = new double[15];
        for (int i = 0; i < times.length; i++) {
            long begun = System.nanoTime();
            work.run();
            times[i] = (System.nanoTime() - begun) / 1e6;
        }
        java.util.Arrays.sort(times);
        return times[times.length / 2];
    }

    /** The identity number in the file's second line (the benchmark's own generated data, never logged). */
    private static String firstNumber(java.nio.file.Path people) throws java.io.IOException {
        try (var lines = Files.lines(people)) {
            return lines.skip(1).findFirst().orElseThrow().split(",")[0];
        }
    }

    private static double seconds(long begun) {
        return (System.nanoTime() - begun) / 1e9;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    /** Samples the heap in use every 100 ms and keeps the largest value seen. */
    private static final class HeapWatch extends Thread {

        private final AtomicLong max = new AtomicLong();
        private volatile boolean running = true;

        HeapWatch() {
            super("heap-watch");
            setDaemon(true);
        }

        @Override
        public void run() {
            var memory = ManagementFactory.getMemoryMXBean();
            while (running) {
                max.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long max() {
            return max.get();
        }

        void stopWatching() {
            running = false;
        }
    }
}
