package org.digilit.account;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reconciliation at N provisioned accounts (DD008): the full reconciliation (accounts against users listed by
 * creation-time windows, and every holding of a staff or realm-management role read with the role-members endpoints)
 * against the account pass as it was before, listing the users by offset (the baseline); with the cost of one page by
 * offset at the start and at the end of the realm. Starts from
 * empty servers (target/local-stack-bench), provisions N people of the demo province and a few escalated holdings.
 * Command in the README's Benchmarks table.
 */
public final class ReconciliationBenchmark {

    private ReconciliationBenchmark() {}

    public static void main(String[] args) {
        org.digilit.localstack.Benchmarks.exitAfter(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        int size = org.digilit.localstack.Benchmarks.size(args, 300_000);
        // One round by default; "rounds=3" before the size for the median of three.
        int rounds = java.util.Arrays.stream(args)
                .filter(a -> a.startsWith("rounds="))
                .mapToInt(a -> Integer.parseInt(a.substring("rounds=".length())))
                .findFirst()
                .orElse(1);
        // "baseline=false" leaves out the account pass by offset (more than ten minutes at 300,000).
        boolean baseline = java.util.Arrays.stream(args).noneMatch("baseline=false"::equals);
        var organisations = DemoProvince.generate(2025, DemoProvince.NATURAL_SIZE);
        var organisationCsv = new StringWriter();
        DemoProvince.writeCsv(organisations, organisationCsv);
        var people = Files.createTempFile("bench-people-", ".csv");
        try (var out = Files.newBufferedWriter(people, StandardCharsets.UTF_8)) {
            DemoPeople.writeCsv(2025, organisations, size, out);
        }
        LocalStack.resetData(LocalStack.Mode.BENCH);
        try (var stack = LocalStack.startNew(LocalStack.Mode.BENCH, LocalStack.freePort())) {
            var context = stack.runApp(
                    List.of("--server.port=0", "--spring.main.banner-mode=off", "--digilit.demo.people=0"));
            var jdbc = context.getBean(JdbcClient.class);
            var imports = context.getBean(AccountImportService.class);
            var accounts = context.getBean(AccountService.class);
            var directory = context.getBean(AccountDirectory.class);
            var reconciliation = context.getBean(ReconciliationService.class);
            TestUsers.signIn("benchmark", null, Role.PLATFORM_ADMIN);
            DemoUsers.recordGrants(context);
            TestUsers.signIn("benchmark", null, Role.PLATFORM_ADMIN);
            context.getBean(OrganisationImportService.class)
                    .apply(
                            new ByteArrayInputStream(organisationCsv.toString().getBytes(StandardCharsets.UTF_8)),
                            "province.csv",
                            null);
            imports.apply(people, "people.csv", new ImportProgress(Files.size(people)), null);
            accounts.verifyAll(AccountFilter.none(), null);
            long begun = System.nanoTime();
            while (jdbc.sql("select count(*) from provisioning_outbox")
                            .query(Integer.class)
                            .single()
                    > 0) {
                Thread.sleep(500);
            }
            System.out.printf(Locale.ROOT, "provisioned %d accounts in %.0f s%n", size, seconds(begun));

            // A few escalations behind the platform's back, as a leaked credential would make them.
            try (var admin = DemoUsers.adminClient(stack)) {
                var realm = admin.realm(LocalStack.REALM);
                var platformAdmin = realm.roles().get("platform-admin").toRepresentation();
                var someUsers = realm.users().list(100, 5);
                for (var user : someUsers) {
                    realm.users().get(user.getId()).roles().realmLevel().add(List.of(platformAdmin));
                }
            }

            var keycloak = (KeycloakAccountDirectory) directory;
            var listing = new ArrayList<Double>();
            var privileged = new ArrayList<Double>();
            var full = new ArrayList<Double>();
            long found = 0;
            long requests = 0;
            long listed = 0;
            for (int round = 0; round < rounds; round++) {
                begun = System.nanoTime();
                var users = new AtomicLong();
                requests = keycloak.forEachUserByCreation(
                        u -> users.incrementAndGet(), KeycloakAccountDirectory.PAGE_SIZE);
                listing.add(seconds(begun));
                listed = users.get();

                begun = System.nanoTime();
                var holdings = new AtomicLong();
                directory.forEachPrivilegedHolding(
                        ReconciliationService.PRIVILEGED_ROLES, h -> holdings.incrementAndGet());
                privileged.add(seconds(begun));

                begun = System.nanoTime();
                var report = reconciliation.reconcile(false, "benchmark", null);
                full.add(seconds(begun));
                found = report.unexpectedPrivilegedCount();
                System.out.printf(
                        Locale.ROOT,
                        "round %d: reconcile %.1f s, listing by creation time %.1f s (%d users, %d requests),"
                                + " privileged check %.1f s%n",
                        round + 1,
                        full.getLast(),
                        listing.getLast(),
                        listed,
                        requests,
                        privileged.getLast());
            }
            double fullSeconds = median(full);

            // What one page of the listing by offset costs (Keycloak sorts the realm for each page), at the start and
            // at the end of the realm; then the whole account pass by offset, as before this change (the baseline).
            double firstPage;
            double lastPage;
            try (var admin = DemoUsers.adminClient(stack)) {
                var users = admin.realm(LocalStack.REALM).users();
                int page = KeycloakAccountDirectory.PAGE_SIZE;
                users.search(null, 0, page, false); // warm
                begun = System.nanoTime();
                users.search(null, 0, page, false);
                users.search(null, page, page, false);
                firstPage = seconds(begun) / 2;
                begun = System.nanoTime();
                users.search(null, Math.max(0, size - 2 * page), page, false);
                users.search(null, Math.max(0, size - page), page, false);
                lastPage = seconds(begun) / 2;
            }
            System.out.printf(
                    Locale.ROOT,
                    "one page of %d by offset: %.2f s at the start, %.2f s at the end; by creation time: %.3f s a"
                            + " request%n",
                    KeycloakAccountDirectory.PAGE_SIZE,
                    firstPage,
                    lastPage,
                    median(listing) / requests);
            double baselineSeconds = Double.NaN;
            if (baseline) {
                begun = System.nanoTime();
                jdbc.sql("select a.id, a.keycloak_id, a.state, o.code from account a join organisation_directory o"
                                + " on o.id = a.organisation_id where a.keycloak_id is not null")
                        .query()
                        .listOfRows();
                var users = new AtomicLong();
                keycloak.forEachUserByOffset(u -> users.incrementAndGet());
                baselineSeconds = seconds(begun);
            }
            System.out.printf(
                    Locale.ROOT,
                    "BENCH reconciliation size=%d reconcile_s=%.1f listing_s=%.1f privileged_check_s=%.1f"
                            + " unexpected_privileged=%d offset_page_first_s=%.2f offset_page_last_s=%.2f"
                            + " window_request_s=%.3f baseline_reconcile_s=%.1f ratio=%.3f%n",
                    size,
                    fullSeconds,
                    median(listing),
                    median(privileged),
                    found,
                    firstPage,
                    lastPage,
                    median(listing) / requests,
                    baselineSeconds,
                    fullSeconds / baselineSeconds);
            context.close();
        }
    }

    private static double median(List<Double> values) {
        var sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static double seconds(long begun) {
        return (System.nanoTime() - begun) / 1e9;
    }
}
