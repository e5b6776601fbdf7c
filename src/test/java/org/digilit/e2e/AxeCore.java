package org.digilit.e2e;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * axe-core (Deque's accessibility engine, npm package {@code axe-core}) run inside a page. It is not on Maven Central
 * as a WebJar, so the test fetches the npm package once with the ordinary npm client ({@code npm pack}) into
 * {@code target/axe-core} and injects {@code axe.min.js}; the page's own CSP is bypassed for that script only.
 */
final class AxeCore {

    static final String VERSION = "4.10.3";
    /** WCAG 2.0 and 2.1, levels A and AA. */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final Path FOLDER = Path.of("target/axe-core");
    private static String source;

    /** One violation: the rule, its impact and the first nodes it names. */
    record Violation(String rule, String impact, int nodes, String targets) {
        @Override
        public String toString() {
            return rule + " (" + impact + ", " + nodes + " node" + (nodes == 1 ? "" : "s") + ": " + targets + ")";
        }
    }

    private AxeCore() {}

    static synchronized String source() {
        if (source == null) {
            var script = FOLDER.resolve("package/axe.min.js");
            try {
                if (!Files.exists(script)) {
                    Files.createDirectories(FOLDER);
                    run(List.of("npm", "pack", "--silent", "axe-core@" + VERSION));
                    run(List.of("tar", "xzf", "axe-core-" + VERSION + ".tgz"));
                }
                source = Files.readString(script, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    private static void run(List<String> command) throws IOException {
        var process = new ProcessBuilder(command)
                .directory(FOLDER.toFile())
                .redirectErrorStream(true)
                .redirectOutput(FOLDER.resolve("npm.log").toFile())
                .start();
        try {
            if (!process.waitFor(Duration.ofMinutes(3).toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " failed: see " + FOLDER.resolve("npm.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs axe over the whole page as it stands, WCAG 2 A and AA rules only. */
    @SuppressWarnings("unchecked")
    static List<Violation> check(Page page) {
        if (!(Boolean) page.evaluate("() => typeof window.axe === 'object'")) {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(source()));
        }
        var found = (List<Map<String, Object>>) page.evaluate("""
                async tags => {
                  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
                  return result.violations.map(v => ({
                    rule: v.id, impact: v.impact || '', nodes: v.nodes.length,
                    targets: v.nodes.slice(0, 3).map(n => JSON.stringify(n.target)).join(' ')}));
                }""", TAGS);
        var violations = new ArrayList<Violation>();
        for (var v : found) {
            violations.add(new Violation(
                    (String) v.get("rule"), (String) v.get("impact"), ((Number) v.get("nodes")).intValue(), (String)
                            v.get("targets")));
        }
        return violations;
    }
}
