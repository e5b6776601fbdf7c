package org.digilit.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium from Debian ({@code /usr/bin/chromium}), driven by Playwright, which downloads no browser of its
 * own. One browser per test class; each test opens its own context (cookies, storage).
 */
public final class BrowserSession implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    /** How long actions and Playwright's assertions wait, in milliseconds. */
    static final int ASSERTION_TIMEOUT_MS = 30_000;

    /** Chromium's switches for a quiet headless browser in a test. */
    static final List<String> CHROMIUM_ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run");

    private final Playwright playwright;
    private final Browser browser;

    public BrowserSession() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(
                    "Chromium is missing: apt-get install -y chromium chromium-driver (.ci/run does this)");
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        // Assertions wait as long as actions do: on a busy 2-core machine a Vaadin page can take more than the
        // default 5 s to show (a full-suite run at load 25 once saw a device still "received" 5 s after "wipe" was
        // pressed, and an upload's round trip can take seconds); a page that never shows still fails.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(ASSERTION_TIMEOUT_MS);
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(CHROMIUM_ARGS));
    }

    /** The browser itself, for a benchmark that makes its own contexts. */
    public Browser browser() {
        return browser;
    }

    /** A fresh page in a fresh context, as a phone (360 px) or a desktop would show it, in the given language. */
    public Page newPage(int width, int height, String locale) {
        var context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(width, height).setLocale(locale));
        context.setDefaultTimeout(ASSERTION_TIMEOUT_MS);
        return context.newPage();
    }

    /**
     * As {@link #newPage(int, int, String)}, but the page's Content-Security-Policy does not apply to scripts the test
     * injects (axe-core), so the page is checked exactly as served.
     */
    Page newPageForChecks(int width, int height, String locale) {
        var context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setLocale(locale)
                .setBypassCSP(true));
        context.setDefaultTimeout(ASSERTION_TIMEOUT_MS);
        return context.newPage();
    }

    /** Keycloak's login form, wherever the app sent the browser to sign in. */
    static final java.util.regex.Pattern KEYCLOAK_LOGIN =
            java.util.regex.Pattern.compile(".*/protocol/openid-connect/auth.*");

    /** Waits for Keycloak's login form on the page, fills it as a person would and submits it. */
    public static void logIn(Page page, String username, String password) {
        page.waitForURL(KEYCLOAK_LOGIN);
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
    }

    /** Fails when the page is wider than the screen: a phone would scroll it sideways. */
    public static void noSidewaysScrolling(Page page) {
        noSidewaysScrolling(page, "");
    }

    /** As {@link #noSidewaysScrolling(Page)}, the failure saying more about where (" on /verify"). */
    public static void noSidewaysScrolling(Page page, String where) {
        var overflow = (Boolean)
                page.evaluate("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        org.assertj.core.api.Assertions.assertThat(overflow)
                .as("sideways scrolling at " + page.viewportSize().width + " px" + where)
                .isFalse();
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
