package org.digilit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.digilit.IntegrationTest;
import org.digilit.localstack.DemoUsers;
import org.junit.jupiter.api.Test;

/**
 * The first visit on a phone (issue #21, DD015), in real headless Chromium: the landing page and the certificate check
 * arrive in few bytes (everything the browser received over the wire, headers included, from the DevTools protocol),
 * read well at 360 px, switch language without script, and a signed-in person opening the landing page goes home.
 */
@IntegrationTest
class FirstVisitE2EIT extends BrowserTest {

    /** The ceiling for a first visit of a page a citizen meets first. */
    static final long FIRST_VISIT_CEILING_BYTES = 150 * 1024;

    @Test
    void the_landing_page_and_the_certificate_check_arrive_in_under_150_kib_on_a_first_visit() {
        for (var path : new String[] {"/", "/verify"}) {
            var page = browser.newPage(360, 780, "vi-VN");
            var bytes = firstVisitBytes(page, app(path));
            org.assertj.core.api.Assertions.assertThat(bytes)
                    .as("bytes of a first visit of " + path)
                    .isPositive()
                    .isLessThan(FIRST_VISIT_CEILING_BYTES);
            assertThat(page.locator("h1")).isVisible();
            BrowserSession.noSidewaysScrolling(page, " on " + path);
            BrowserSession.screenshot(page, "first-visit" + path.replace('/', '-') + "360");
            page.context().close();
        }
    }

    @Test
    void the_language_links_switch_the_landing_page_without_script() {
        var page = browser.newPage(360, 780, "vi-VN");
        page.navigate(app("/"));
        assertThat(page.locator("h1")).hasText("Kỹ năng số cho mọi người");
        page.locator(".language-links a[lang=en]").click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("h1")).not().hasText("Kỹ năng số cho mọi người");
        page.locator(".language-links a[lang=vi]").click();
        assertThat(page.locator("h1")).hasText("Kỹ năng số cho mọi người");
        page.context().close();
    }

    @Test
    void a_signed_in_citizen_opening_the_landing_page_goes_to_the_learner_home() {
        var page = browser.newPage(360, 780, "vi-VN");
        page.navigate(app("/"));
        page.locator("a.cta").click();
        BrowserSession.logIn(page, DemoUsers.withRole("citizen").username(), DemoUsers.PASSWORD);
        page.waitForURL(Pattern.compile(".*/learn(\\?.*)?$"));
        page.navigate(app("/"));
        page.waitForURL(Pattern.compile(".*/learn(\\?.*)?$"));
        // The Vaadin frame's brand leads back to the front door, outside Vaadin's router, and on home again.
        page.locator("a.brand").click();
        page.waitForURL(Pattern.compile(".*/learn(\\?.*)?$"));
        assertThat(page.locator(".greeting")).isVisible();
        page.context().close();
    }

    /** Loads the page in a fresh context and sums the bytes received over the wire until the network is quiet. */
    private static long firstVisitBytes(Page page, String url) {
        var cdp = page.context().newCDPSession(page);
        cdp.send("Network.enable");
        var bytes = new AtomicLong();
        cdp.on(
                "Network.loadingFinished",
                event -> bytes.addAndGet((long) event.get("encodedDataLength").getAsDouble()));
        page.navigate(url);
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        return bytes.get();
    }
}
