package org.digilit.bench;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.digilit.demo.DemoProvince;
import org.digilit.localstack.LocalStack;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.organisation.OrganisationRow;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a generated province of N organisations (last argument; 10,000 by default) through the platform's import
 * service: dry run, apply on an empty tree, and a re-import of the same file (which must change nothing). The baseline
 * is the naive way: one transaction per row, looking its parent up, into a scratch table of the same shape.
 */
public final class OrganisationImportBenchmark {

    private OrganisationImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int size = org.digilit.localstack.Benchmarks.size(args, 10_000);
        var rows = DemoProvince.generate(7, size);
        var out = new StringWriter();
        DemoProvince.writeCsv(rows, out);
        var file = out.toString().getBytes(StandardCharsets.UTF_8);

        try (var stack = LocalStack.startNew(LocalStack.Mode.BENCH, LocalStack.freePort())) {
            var context = stack.runApp(List.of("--server.port=0", "--spring.main.banner-mode=off"));
            var imports = context.getBean(OrganisationImportService.class);
            var jdbc = context.getBean(JdbcClient.class);
            var transactions = context.getBean(TransactionTemplate.class);
            jdbc.sql("truncate organisation, organisation_parent_history, working_group_scope, target cascade")
                    .update();
            TestUsers.signIn("benchmark", null, Role.PLATFORM_ADMIN);

            long begun = System.nanoTime();
            var dryRun = imports.dryRun(new ByteArrayInputStream(file), "province.csv");
            double dryRunSeconds = seconds(begun);
            check(
                    dryRun.valid(),
                    "dry run found problems: "
                            + dryRun.problems().stream().limit(5).toList());

            begun = System.nanoTime();
            var applied = imports.apply(new ByteArrayInputStream(file), "province.csv", null);
            double applySeconds = seconds(begun);
            check(applied.created() == rows.size(), "created " + applied.created() + " of " + rows.size());

            begun = System.nanoTime();
            var again = imports.apply(new ByteArrayInputStream(file), "province.csv", null);
            double reimportSeconds = seconds(begun);
            check(again.unchanged() == rows.size(), "re-import changed " + (rows.size() - again.unchanged()));

            double baselineSeconds = naiveRowByRow(jdbc, transactions, rows);
            System.out.printf(
                    Locale.ROOT,
                    "dry run %.2f s, apply %.2f s (%.0f rows/s), re-import %.2f s, naive row-by-row %.2f s%n",
                    dryRunSeconds,
                    applySeconds,
                    rows.size() / applySeconds,
                    reimportSeconds,
                    baselineSeconds);
            System.out.printf(
                    Locale.ROOT,
                    "BENCH organisation-import size=%d apply_s=%.2f dry_run_s=%.2f reimport_s=%.2f rows_per_s=%.0f"
                            + " baseline_apply_s=%.2f ratio=%.1f%n",
                    rows.size(),
                    applySeconds,
                    dryRunSeconds,
                    reimportSeconds,
                    rows.size() / applySeconds,
                    baselineSeconds,
                    baselineSeconds / applySeconds);
            context.close();
        }
        System.exit(0);
    }

    /** The naive import: a transaction per row, with a parent lookup, as a typical admin form would do it. */
    private static double naiveRowByRow(JdbcClient jdbc, TransactionTemplate transactions, List<OrganisationRow> rows) {
        jdbc.sql("drop table if exists organisation_naive").update();
        jdbc.sql("create table organisation_naive (like organisation including defaults including constraints)")
                .update();
        jdbc.sql("alter table organisation_naive add unique (code)").update();
        long begun = System.nanoTime();
        for (var row : rows) {
            transactions.executeWithoutResult(status -> {
                Long parent = row.parentCode() == null
                        ? null
                        : jdbc.sql("select id from organisation_naive where code = :code")
                                .param("code", row.parentCode())
                                .query(Long.class)
                                .single();
                jdbc.sql("""
                                insert into organisation_naive (id, code, parent_id, type, name_vi, name_en, search_text,
                                    expected_citizens, expected_teachers, expected_officials, path, depth, created_at,
                                    updated_at)
                                values ((select coalesce(max(id), 0) + 1 from organisation_naive), :code, :parent, :type,
                                    :vi, :en, '', :c, :t, :o, '', 0, now(), now())""")
                        .param("code", row.code())
                        .param("parent", parent)
                        .param("type", row.type().name())
                        .param("vi", row.nameVi())
                        .param("en", row.nameEn())
                        .param("c", row.headcounts().citizens())
                        .param("t", row.headcounts().teachers())
                        .param("o", row.headcounts().officials())
                        .update();
            });
        }
        double elapsed = seconds(begun);
        jdbc.sql("drop table organisation_naive").update();
        return elapsed;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static double seconds(long begunNanos) {
        return (System.nanoTime() - begunNanos) / 1e9;
    }
}
