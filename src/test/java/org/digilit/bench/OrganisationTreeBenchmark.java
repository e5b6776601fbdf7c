package org.digilit.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.digilit.demo.DemoProvince;
import org.digilit.localstack.DemoUsers;
import org.digilit.localstack.LocalStack;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * First paint of the organisation tree for a province of N organisations (last argument; 5,000 by default), in real
 * headless Chromium, signed in as the platform admin: from navigation start to the first tree row on screen, over 20
 * loads (p50, p95). The baseline is the landing page's first paint in the same browser, a floor for any page of the
 * app; the ratio says what the tree costs above it.
 */
public final class OrganisationTreeBenchmark {

    private static final int LOADS = 20;

    private OrganisationTreeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int size = org.digilit.localstack.Benchmarks.size(args, 5_000);
        int port = LocalStack.freePort();
        try (var stack = LocalStack.startNew(LocalStack.Mode.BENCH, port)) {
            var context = stack.runApp(List.of("--server.port=" + port, "--spring.main.banner-mode=off"));
            context.getBean(JdbcClient.class)
                    .sql("truncate organisation, organisation_parent_history, working_group_scope, target cascade")
                    .update();
            var csv = new StringWriter();
            DemoProvince.writeCsv(DemoProvince.generate(11, size), csv);
            TestUsers.signIn("benchmark", null, Role.PLATFORM_ADMIN);
            context.getBean(OrganisationImportService.class)
                    .apply(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "tree.csv", null);
            TestUsers.signOut();

            try (var chromium = new org.digilit.e2e.BrowserSession()) {
                var browser = chromium.browser();
                var page = browser.newContext(new Browser.NewContextOptions().setLocale("vi-VN"))
                        .newPage();
                var app = "http://localhost:" + port;
                page.navigate(app + "/organisations");
                page.locator("#username")
                        .fill(DemoUsers.withRole("platform-admin").username());
                page.locator("#password").fill(DemoUsers.PASSWORD);
                page.locator("#kc-login").click();
                page.waitForURL(Pattern.compile(".*/organisations(\\?.*)?$"));

                var tree = measure(page, app + "/organisations", "vaadin-grid-cell-content:has-text('P01')");
                var anonymous = browser.newContext(new Browser.NewContextOptions().setLocale("vi-VN"))
                        .newPage();
                var landing = measure(anonymous, app + "/", "h1");
                System.out.printf(
                        Locale.ROOT,
                        "tree first paint p50 %.0f ms p95 %.0f ms; floor page p50 %.0f ms%n",
                        tree[LOADS / 2],
                        tree[LOADS * 95 / 100],
                        landing[LOADS / 2]);
                System.out.printf(
                        Locale.ROOT,
                        "BENCH organisation-tree size=%d first_paint_p50_ms=%.0f first_paint_p95_ms=%.0f"
                                + " baseline_first_paint_p50_ms=%.0f ratio=%.2f%n",
                        size,
                        tree[LOADS / 2],
                        tree[LOADS * 95 / 100],
                        landing[LOADS / 2],
                        tree[LOADS / 2] / landing[LOADS / 2]);
            }
            context.close();
        }
        System.exit(0);
    }

    /** Loads the page LOADS times and returns the sorted times to the selector's first visible element, in ms. */
    private static double[] measure(Page page, String url, String selector) {
        var times = new double[LOADS];
        for (int i = 0; i < LOADS; i++) {
            long begun = System.nanoTime();
            page.navigate(url);
            page.locator(selector).first().waitFor();
            times[i] = (System.nanoTime() - begun) / 1e6;
        }
        Arrays.sort(times);
        return times;
    }
}
