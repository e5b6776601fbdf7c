package org.digilit.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.digilit.IntegrationTest;
import org.digilit.localstack.DemoUsers;
import org.junit.jupiter.api.Test;

/**
 * Every page a visitor and each role's demo user reaches from the menu (plus the course, lesson and quiz pages), in
 * headless Chromium at 360 and 1280 px: axe-core finds no WCAG 2 A/AA violation, and at 360 px no button's text is cut
 * (DD014). The walk runs once; each test reads its findings. Prints the axe count per page.
 */
@IntegrationTest
class AccessibilityE2EIT extends BrowserTest {

    /** Pages anyone can open, with no login. */
    private static final List<String> PUBLIC_PAGES = List.of(
            "/",
            "/courses",
            "/courses/online-safety-scams",
            "/activate",
            "/register",
            "/forgot-password",
            "/verify",
            "/donate",
            "/ledger");

    /** Pages not in a role's menu that its users open from other pages. */
    private static final Map<String, List<String>> MORE_PAGES = Map.of(
            "citizen",
            List.of(
                    "/learn/online-safety-scams/lesson/strong-passwords",
                    "/learn/online-safety-scams/quiz",
                    "/learn/card",
                    "/profile"),
            "facilitator",
            List.of("/learn/card"),
            "org-admin",
            List.of("/accounts/verification", "/accounts/import", "/organisations/import"));

    private static final List<Integer> WIDTHS = List.of(360, 1280);

    /** Per page and width: the axe violations found. */
    private static final Map<String, List<AxeCore.Violation>> VIOLATIONS = new LinkedHashMap<>();
    /** Per page at 360 px: the buttons whose text is cut. */
    private static final Map<String, List<String>> CUT_BUTTONS = new LinkedHashMap<>();

    @Test
    void no_page_of_any_role_has_an_axe_violation_at_360_or_1280_px() {
        walk();
        var failing = new LinkedHashMap<String, List<AxeCore.Violation>>();
        VIOLATIONS.forEach((page, found) -> {
            if (!found.isEmpty()) {
                failing.put(page, found);
            }
        });
        assertThat(failing).as("axe-core violations (WCAG 2 A/AA) per page").isEmpty();
    }

    @Test
    void no_button_text_is_cut_on_a_360_px_phone() {
        walk();
        var failing = new LinkedHashMap<String, List<String>>();
        CUT_BUTTONS.forEach((page, cut) -> {
            if (!cut.isEmpty()) {
                failing.put(page, cut);
            }
        });
        assertThat(failing).as("buttons whose text does not fit at 360 px").isEmpty();
    }

    /** Visits every page once per width and role; the findings are kept for both tests. */
    private synchronized void walk() {
        if (!VIOLATIONS.isEmpty()) {
            return;
        }
        // Each page is loaded once, at the phone's width, checked, then checked again at each wider width (the same
        // page, re-laid out by the browser): half the page loads and logins of a walk per width.
        // A public page (the catalogue, the ledger) in several roles' menus is checked once logged in, not per
        // role.
        var publicSeenLoggedIn = new java.util.HashSet<String>();
        var page = browser.newPageForChecks(WIDTHS.getFirst(), 800, "vi-VN");
        for (var path : PUBLIC_PAGES) {
            check(page, "visitor", path);
        }
        page.context().close();
        for (var role : List.of(
                "citizen",
                "teacher",
                "facilitator",
                "org-admin",
                "working-group",
                "device-officer",
                "platform-admin")) {
            page = browser.newPageForChecks(WIDTHS.getFirst(), 800, "vi-VN");
            var user = DemoUsers.withRole(role);
            page.navigate(app("/home"));
            BrowserSession.logIn(page, user.username(), DemoUsers.PASSWORD);
            page.waitForURL(url -> url.startsWith(app("/")));
            settle(page);
            var paths = new LinkedHashSet<String>();
            @SuppressWarnings("unchecked")
            // Vaadin's menu, or on the learner's server-rendered home (DD015) that page and its links.
            var menu = (List<String>) page.evaluate("() => [...document.querySelectorAll('vaadin-side-nav-item')]"
                    + ".map(i => i.getAttribute('path')).concat(document.querySelector('.learner-links') ?"
                    + " [location.pathname, ...[...document.querySelectorAll('.learner-links a')]"
                    + ".map(a => a.getAttribute('href'))] : []).filter(p => p)");
            menu.forEach(p -> paths.add("/" + p.replaceFirst("^/", "")));
            paths.addAll(MORE_PAGES.getOrDefault(role, List.of()));
            for (var path : paths) {
                if (PUBLIC_PAGES.contains(path) && !publicSeenLoggedIn.add(path)) {
                    continue;
                }
                check(page, role, path);
            }
            page.context().close();
        }
        System.out.println("axe-core " + AxeCore.VERSION + " violations per page (WCAG 2 A/AA):");
        VIOLATIONS.forEach((key, found) -> System.out.println("AXE " + key + " violations=" + found.size()
                + found.stream().map(v -> " " + v).reduce("", String::concat)));
        CUT_BUTTONS.forEach((key, cut) -> {
            if (!cut.isEmpty()) {
                System.out.println("CUT " + key + " " + cut);
            }
        });
    }

    private void check(Page page, String who, String path) {
        page.setViewportSize(WIDTHS.getFirst(), 800);
        page.navigate(app(path));
        settle(page);
        for (int width : WIDTHS) {
            if (width != WIDTHS.getFirst()) {
                page.setViewportSize(width, 800);
                settle(page);
                // Let the browser lay the page out again at the new width (and Vaadin's layout react to it).
                page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            }
            var key = who + " " + path + " @" + width;
            VIOLATIONS.put(key, AxeCore.check(page));
            if (width == 360) {
                CUT_BUTTONS.put(key, cutButtons(page));
                // The screen as a phone shows it first (a full-page picture of a long grid costs seconds per page).
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(BrowserSession.SCREENSHOTS.resolve(
                                "a11y-" + who + path.replace('/', '_') + "-360.png")));
            }
        }
    }

    /** Buttons (Vaadin's and plain ones) shown on the page whose label is clipped or sticks out of the screen. */
    @SuppressWarnings("unchecked")
    private static List<String> cutButtons(Page page) {
        return new ArrayList<>((List<String>) page.evaluate("""
                () => [...document.querySelectorAll(
                    'vaadin-button, button, a.cta, vaadin-menu-bar-button, vaadin-details-summary')]
                  .filter(b => b.getClientRects().length > 0 && getComputedStyle(b).visibility !== 'hidden')
                  .filter(b => {
                    const label = (b.shadowRoot && b.shadowRoot.querySelector('[part=label]')) || b;
                    const box = b.getBoundingClientRect();
                    // Inside a grid, a column past the screen's edge is scrolled to, not cut: only a clipped label counts.
                    const scrolled = b.closest('vaadin-grid') !== null;
                    return label.scrollWidth > label.clientWidth + 1
                      || (!scrolled && (box.right > window.innerWidth + 1 || box.left < -1));
                  })
                  .map(b => (b.innerText || b.getAttribute('aria-label') || b.tagName).trim().slice(0, 80))"""));
    }

    /** Waits until Vaadin has no request in flight (or, on a page without Vaadin, until the network is quiet). */
    private static void settle(Page page) {
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        page.waitForFunction("() => !(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)"
                + " || Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
        // Vaadin sets the page's title with the route's first response; on a loaded machine it may come a beat later.
        try {
            page.waitForFunction(
                    "() => document.title !== ''", null, new Page.WaitForFunctionOptions().setTimeout(5_000));
        } catch (com.microsoft.playwright.TimeoutError e) {
            // no title: axe reports it (document-title)
        }
    }
}
