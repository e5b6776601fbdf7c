package org.digilit.account;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.digilit.localstack.LocalStack;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Figures for account recovery (DD007), on the local stack with the demo province:
 *
 * <ul>
 *   <li>reset slips for N activated people (last argument; 2,000 by default): codes issued (hashed, stored, audited)
 *       and the PDF drawn, time and size; the baseline is activation slips for the same N people;
 *   <li>activation attempts per second with a wrong code, each a full check (rate limits, code lookup, audit), from
 *       addresses under their limit, and the refusals per second once an address is over its limit. In process, on the
 *       service the public page calls, not over HTTP (a Vaadin round trip adds its own cost).
 * </ul>
 */
public final class RecoveryBenchmark {

    private static final String COMMUNE = "P01-C002";
    private static final int ATTEMPTS = 1_000;

    private RecoveryBenchmark() {}

    public static void main(String[] args) {
        org.digilit.localstack.Benchmarks.exitAfter(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        int size = org.digilit.localstack.Benchmarks.size(args, 2_000);
        try (var stack = LocalStack.startNew(LocalStack.Mode.BENCH, LocalStack.freePort())) {
            var context = stack.runApp(
                    List.of("--server.port=0", "--spring.main.banner-mode=off", "--digilit.demo.people=0"));
            var jdbc = context.getBean(JdbcClient.class);
            var imports = context.getBean(AccountImportService.class);
            var activation = context.getBean(ActivationService.class);

            TestUsers.signIn("benchmark", null, Role.PLATFORM_ADMIN);
            var file = AccountTestData.file(AccountTestData.people(size, COMMUNE, "citizen"));
            imports.apply(file, "recovery-bench.csv", AccountTestData.progress(file), null);
            // Slips need no Keycloak call: the accounts are marked provisioned and activated directly.
            var ids = jdbc.sql("""
                            update account a set state = 'VERIFIED', keycloak_id = coalesce(keycloak_id, 'bench-' || a.id),
                                activated_at = now() from organisation o
                            where o.id = a.organisation_id and o.code = :commune returning a.id""").param("commune", COMMUNE).query(Long.class).list().stream()
                    .sorted()
                    .limit(size)
                    .toList();
            var texts = new SlipTexts(
                    "ĐẶT LẠI MẬT KHẨU · Tài khoản học tập DigiLit",
                    "Họ tên",
                    "Số định danh",
                    "Tên đăng nhập",
                    "Mã kích hoạt",
                    "Hiệu lực đến",
                    "Bạn đã xin mật khẩu mới. Quét mã hoặc mở trang kích hoạt, nhập số định danh và mã này, rồi chọn"
                            + " mật khẩu mới. Mật khẩu cũ sẽ không dùng được nữa.",
                    "Quét để kích hoạt",
                    DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            var vi = Locale.forLanguageTag("vi");

            activation.issueResetSlips(ids.subList(0, Math.min(50, ids.size())), vi, null); // warm-up
            long start = System.nanoTime();
            var resets = activation.issueResetSlips(ids, vi, null);
            long issued = System.nanoTime();
            var resetPdf = activation.slipsPdf(resets, texts);
            long resetEnd = System.nanoTime();

            jdbc.sql("update account set activated_at = null where id = any (:ids)")
                    .param("ids", ids.toArray(Long[]::new))
                    .update();
            long baseStart = System.nanoTime();
            var activations = activation.issueSlips(ids, vi, null);
            var activationPdf = activation.slipsPdf(activations, texts);
            long baseEnd = System.nanoTime();
            TestUsers.signOut();

            // Attempts: a wrong code each time, from addresses and for numbers that stay under their limits.
            var person = AccountTestData.cccd(java.time.LocalDate.of(1990, 1, 1), "male");
            long attemptsStart = System.nanoTime();
            for (int i = 0; i < ATTEMPTS; i++) {
                var address = "10.99." + (i / 250) + "." + (i % 250);
                var number = AccountTestData.cccd(java.time.LocalDate.of(1990, 1, 1), "male");
                var result = activation.activate(number, "ABCDE-FGH" + (char) ('J' + i % 10), "x", address);
                if (result.status() != ActivationResult.Status.INVALID
                        && result.status() != ActivationResult.Status.RATE_LIMITED) {
                    throw new IllegalStateException("Unexpected " + result.status());
                }
            }
            long attemptsEnd = System.nanoTime();
            // One address over its limit: every further attempt is refused before any lookup.
            var flooder = "10.98.0.1";
            var refusedStatuses = new ArrayList<ActivationResult.Status>();
            for (int i = 0; i < ActivationService.PER_ADDRESS_ATTEMPTS; i++) {
                activation.activate(person, "ABCDE-FGHJK", "x", flooder);
            }
            long refusedStart = System.nanoTime();
            for (int i = 0; i < ATTEMPTS; i++) {
                refusedStatuses.add(
                        activation.activate(person, "ABCDE-FGHJK", "x", flooder).status());
            }
            long refusedEnd = System.nanoTime();
            if (refusedStatuses.stream().anyMatch(s -> s != ActivationResult.Status.RATE_LIMITED)) {
                throw new IllegalStateException("The flooding address was not refused every time");
            }

            double resetSeconds = (resetEnd - start) / 1e9;
            double baseSeconds = (baseEnd - baseStart) / 1e9;
            double attemptsPerSecond = ATTEMPTS / ((attemptsEnd - attemptsStart) / 1e9);
            double refusalsPerSecond = ATTEMPTS / ((refusedEnd - refusedStart) / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "reset slips for %d people: codes %.2f s, PDF %.2f s, %.2f MB (%.0f bytes a slip); activation slips"
                            + " %.2f s, %.2f MB%n",
                    resets.size(),
                    (issued - start) / 1e9,
                    (resetEnd - issued) / 1e9,
                    resetPdf.length / 1e6,
                    (double) resetPdf.length / resets.size(),
                    baseSeconds,
                    activationPdf.length / 1e6);
            System.out.printf(
                    Locale.ROOT,
                    "activation attempts (wrong code, full check): %.0f/s; refused over the address limit: %.0f/s%n",
                    attemptsPerSecond,
                    refusalsPerSecond);
            System.out.printf(
                    Locale.ROOT,
                    "BENCH recovery size=%d reset_slips_s=%.2f reset_pdf_mb=%.2f attempts_per_s=%.0f"
                            + " refusals_per_s=%.0f baseline_activation_slips_s=%.2f ratio=%.2f%n",
                    resets.size(),
                    resetSeconds,
                    resetPdf.length / 1e6,
                    attemptsPerSecond,
                    refusalsPerSecond,
                    baseSeconds,
                    resetSeconds / baseSeconds);
        }
    }
}
