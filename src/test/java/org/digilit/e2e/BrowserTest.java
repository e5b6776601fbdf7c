package org.digilit.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Value;

/**
 * A test class that walks the app in headless Chromium: one {@link BrowserSession} for the class (opened before its
 * first test, closed after its last) and the app's address on the test port. Test classes run one after another
 * (junit-platform.properties), so the one static browser is never shared by two classes at once. A class that needs
 * more (longer assertion waits) adds its own {@code @BeforeAll}/{@code @AfterAll}, which JUnit runs after opening and
 * before closing the browser.
 */
abstract class BrowserTest {

    static BrowserSession browser;

    @Value("${local.server.port}")
    int port;

    @BeforeAll
    static void openBrowser() {
        browser = new BrowserSession();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    /** The app's address of a path, e.g. {@code app("/learn")}. */
    String app(String path) {
        return "http://localhost:" + port + path;
    }
}
