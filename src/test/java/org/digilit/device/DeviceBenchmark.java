package org.digilit.device;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.digilit.localstack.Benchmarks;
import org.digilit.localstack.LocalStack;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.organisation.OrganisationService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Devices at scale: imports N supplied devices (first argument; 10,000 by default) through the supply import (dry run,
 * then apply, each new device a signed RECEIVED ledger entry), fills the ledger to E events (second argument; 10 × N
 * by default) across a province of 50 communes, then reads the province's ledger page (counts per stage and 50 entries,
 * keyset-paged) 300 times at random depths. Baseline: the same pages read with OFFSET paging.
 */
public final class DeviceBenchmark {

    private DeviceBenchmark() {}

    public static void main(String[] args) {
        Benchmarks.exitAfter(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 10 * devices;
        try (var stack = LocalStack.startNew(LocalStack.Mode.BENCH, LocalStack.freePort())) {
            var context = stack.runApp(List.of("--server.port=0", "--spring.main.banner-mode=off"));
            var jdbc = context.getBean(JdbcClient.class);
            var imports = context.getBean(OrganisationImportService.class);
            var organisations = context.getBean(OrganisationService.class);
            var deviceService = context.getBean(DeviceService.class);
            var supply = context.getBean(DeviceImportService.class);
            var ledger = context.getBean(DeviceLedger.class);
            jdbc.sql("""
                            truncate device_ledger_entry, device_wipe, device_handover, device_stocktake_item,
                                device_stocktake, device_event, device, device_donation, device_request, device_point""").update();
            TestUsers.signIn("benchmark", null, Role.PLATFORM_ADMIN);
            var csv = new StringBuilder(
                    "code,parent_code,type,name_vi,name_en\nBENCHP,,PROVINCE,Tỉnh Đo,Bench Province\n");
            for (int c = 1; c <= 50; c++) {
                csv.append(String.format(Locale.ROOT, "BENCHP-C%02d,BENCHP,COMMUNE,Xã %d,Commune %d%n", c, c, c));
            }
            imports.apply(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "bench.csv", null);
            var province = organisations.findByCode("BENCHP").orElseThrow().id();
            var point = organisations.findByCode("BENCHP-C01").orElseThrow();
            deviceService.flagPoint(point.id(), true, true, null);

            var file = new StringBuilder("serial,kind,model,batch,storage_point\n");
            for (int i = 0; i < devices; i++) {
                file.append(
                        String.format(Locale.ROOT, "BSN%09d,TABLET,Lenovo Tab M8,LOT-%d,BENCHP-C01%n", i, i / 1000));
            }
            var bytes = file.toString().getBytes(StandardCharsets.UTF_8);
            long begun = System.nanoTime();
            var dry = supply.check(new ByteArrayInputStream(bytes), "supply.csv");
            double drySeconds = seconds(begun);
            check(
                    dry.problems().isEmpty() && dry.created() == devices,
                    "dry run: " + dry.problems().size());
            begun = System.nanoTime();
            var applied = supply.apply(new ByteArrayInputStream(bytes), "supply.csv");
            double applySeconds = seconds(begun);
            check(applied.created() == devices, "applied " + applied.created());
            begun = System.nanoTime();
            var again = supply.apply(new ByteArrayInputStream(bytes), "supply.csv");
            double reimportSeconds = seconds(begun);
            check(again.unchanged() == devices, "re-import changed rows");

            // The rest of the ledger: copies of one real signed statement, spread over the 50 communes and stages.
            var communes = jdbc.sql("select id from organisation where code like 'BENCHP-C%' order by code")
                    .query(Long.class)
                    .list();
            var statement = ledger.page(province, null, null).getFirst().statement();
            int rest = Math.max(0, events - devices);
            jdbc.sql("""
                            insert into device_ledger_entry (occurred_at, device_code, kind, stage, province_id,
                                commune_id, request_number, statement)
                            select now() - (g || ' seconds')::interval, 'TB-B' || g, 'LAPTOP',
                                (array['OFFERED','RECEIVED','WIPED','READY','ALLOCATED','HANDED_OVER'])[1 + g % 6],
                                :province, (cast(:communes as bigint[]))[1 + g % 50],
                                case when g % 6 >= 4 then 'YC-' || g end, :statement
                            from generate_series(1, :n) g""")
                    .param("province", province)
                    .param("communes", communes.toArray(Long[]::new))
                    .param("statement", statement)
                    .param("n", rest)
                    .update();
            jdbc.sql("analyze device_ledger_entry").update();
            var total = jdbc.sql("select count(*) from device_ledger_entry")
                    .query(Long.class)
                    .single();
            var bounds = jdbc.sql("select min(id), max(id) from device_ledger_entry")
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .single();

            var random = new Random(18);
            int reads = 300;
            var ours = new long[reads];
            var baseline = new long[reads];
            for (int i = 0; i < reads; i++) {
                // A reader pages back: depth in pages, roughly uniform over the whole ledger.
                long depthEntries = (long) (random.nextDouble() * (total - 50));
                long before = bounds[1] - depthEntries;
                long t = System.nanoTime();
                ledger.counts(province, null);
                var page = ledger.page(province, null, i == 0 ? null : before);
                ours[i] = System.nanoTime() - t;
                check(!page.isEmpty(), "empty page");
                t = System.nanoTime();
                ledger.counts(province, null);
                jdbc.sql("select * from device_ledger_entry where province_id = :p order by id desc offset :o limit 50")
                        .param("p", province)
                        .param("o", i == 0 ? 0 : depthEntries)
                        .query()
                        .listOfRows();
                baseline[i] = System.nanoTime() - t;
            }
            double p95 = percentile(ours, 95);
            double p50 = percentile(ours, 50);
            double baseP95 = percentile(baseline, 95);
            System.out.printf(
                    Locale.ROOT,
                    "devices %d: dry run %.2f s, apply %.2f s (%.0f/s), re-import %.2f s; ledger %d events: page p50 %.1f"
                            + " ms, p95 %.1f ms; OFFSET paging p95 %.1f ms%n",
                    devices,
                    drySeconds,
                    applySeconds,
                    devices / applySeconds,
                    reimportSeconds,
                    total,
                    p50,
                    p95,
                    baseP95);
            System.out.printf(
                    Locale.ROOT,
                    "BENCH device-ledger size=%d devices=%d import_apply_s=%.2f import_dry_run_s=%.2f"
                            + " ledger_page_p95_ms=%.1f ledger_page_p50_ms=%.1f baseline_ledger_page_p95_ms=%.1f"
                            + " ratio=%.1f%n",
                    total,
                    devices,
                    applySeconds,
                    drySeconds,
                    p95,
                    p50,
                    baseP95,
                    baseP95 / p95);
            context.close();
        }
    }

    private static double percentile(long[] nanos, int percent) {
        var sorted = Arrays.copyOf(nanos, nanos.length);
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static double seconds(long begun) {
        return (System.nanoTime() - begun) / 1e9;
    }
}
