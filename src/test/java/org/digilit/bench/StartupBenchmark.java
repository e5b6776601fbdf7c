package org.digilit.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.digilit.localstack.LocalStack;
import org.springframework.util.FileSystemUtils;

/**
 * Start-up figures: the local stack from a cold data folder (initdb, Keycloak's schema and realm import, a fresh
 * Elasticsearch node) against warm restarts on the same data, the resident memory of each server after start, and the
 * app's time from launch to its first served page. The last argument is the number of stack starts (first cold, the
 * rest warm). The baseline is the cold start; the ratio is warm over cold.
 */
public final class StartupBenchmark {

    private StartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        int starts = args.length == 0 ? 2 : Math.max(2, Integer.parseInt(args[args.length - 1]));
        FileSystemUtils.deleteRecursively(LocalStack.dataFolder(LocalStack.Mode.BENCH));

        var stackSeconds = new ArrayList<Double>();
        Map<String, Double> rss = Map.of();
        double appSeconds = Double.NaN;
        for (int i = 0; i < starts; i++) {
            int appPort = LocalStack.freePort();
            long begun = System.nanoTime();
            try (var stack = LocalStack.startNew(LocalStack.Mode.BENCH, appPort)) {
                stackSeconds.add(seconds(begun));
                System.out.printf(
                        Locale.ROOT,
                        "stack start %d (%s): %.1f s %s%n",
                        i + 1,
                        i == 0 ? "cold" : "warm",
                        stackSeconds.getLast(),
                        stack.startTimes());
                if (i == 0) {
                    rss = residentMegabytes(stack.pids());
                    appSeconds = appToFirstPage(stack, appPort);
                    System.out.printf(Locale.ROOT, "app to first page: %.1f s; server RSS: %s%n", appSeconds, rss);
                }
            }
        }
        double cold = stackSeconds.getFirst();
        double warm = stackSeconds.subList(1, stackSeconds.size()).stream()
                .mapToDouble(Double::doubleValue)
                .sorted()
                .toArray()[(stackSeconds.size() - 1) / 2];
        System.out.printf(
                Locale.ROOT,
                "BENCH startup size=%d stack_warm_s=%.1f app_first_page_s=%.1f rss_postgres_mb=%.0f"
                        + " rss_elasticsearch_mb=%.0f rss_keycloak_mb=%.0f baseline_stack_cold_s=%.1f ratio=%.2f%n",
                starts,
                warm,
                appSeconds,
                rss.getOrDefault("PostgreSQL", Double.NaN),
                rss.getOrDefault("Elasticsearch", Double.NaN),
                rss.getOrDefault("Keycloak", Double.NaN),
                cold,
                warm / cold);
        System.exit(0);
    }

    /** Launches the app on the stack and waits until its landing page is served; returns the seconds it took. */
    private static double appToFirstPage(LocalStack stack, int port) throws Exception {
        long begun = System.nanoTime();
        var app = stack.runApp(List.of("--server.port=" + port));
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .build();
        while (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            Thread.sleep(50);
        }
        double elapsed = seconds(begun);
        app.close();
        return elapsed;
    }

    /** The resident memory of each server and the processes it started, from /proc. */
    private static Map<String, Double> residentMegabytes(Map<String, Long> pids) throws Exception {
        var rss = new LinkedHashMap<String, Double>();
        for (var server : pids.entrySet()) {
            var handle = ProcessHandle.of(server.getValue()).orElseThrow();
            long kilobytes = kilobytes(handle.pid());
            for (var child : handle.descendants().toList()) {
                kilobytes += kilobytes(child.pid());
            }
            rss.put(server.getKey(), kilobytes / 1024.0);
        }
        return rss;
    }

    private static long kilobytes(long pid) throws Exception {
        var status = Path.of("/proc/" + pid + "/status");
        if (!Files.exists(status)) {
            return 0;
        }
        return Files.readAllLines(status).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst()
                .orElse(0L);
    }

    private static double seconds(long begunNanos) {
        return (System.nanoTime() - begunNanos) / 1e9;
    }
}
