package org.digilit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Response;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.digilit.IntegrationTest;
import org.digilit.localstack.DemoUsers;
import org.junit.jupiter.api.Test;

/**
 * A citizen reads a real lesson on a 360 px phone in headless Chromium and goes on to the next one; prints the bytes
 * the browser received for that step (the "done" form's post and the next lesson's plain HTML page, DD015).
 */
@IntegrationTest
class LessonE2EIT extends BrowserTest {

    @Test
    void a_citizen_reads_a_lesson_on_a_phone_and_goes_on_to_the_next() {
        var page = browser.newPage(360, 780, "vi-VN");
        page.navigate(app("/learn/online-safety-scams/lesson/strong-passwords"));
        BrowserSession.logIn(page, DemoUsers.withRole("citizen").username(), DemoUsers.PASSWORD);
        page.waitForURL(Pattern.compile(".*/lesson/strong-passwords(\\?.*)?$"));
        assertThat(page.locator(".lesson-body")).isVisible();
        BrowserSession.noSidewaysScrolling(page);
        // The lesson's picture: loaded from the course's images when scrolled to, never wider than the phone.
        var picture = page.locator(".lesson-body img.lesson-image").first();
        picture.scrollIntoViewIfNeeded();
        page.waitForFunction("img => img.complete && img.naturalWidth > 0", picture.elementHandle());
        org.assertj.core.api.Assertions.assertThat(picture.getAttribute("src")).startsWith("/course-images/");
        org.assertj.core.api.Assertions.assertThat(picture.getAttribute("alt")).isNotBlank();
        org.assertj.core.api.Assertions.assertThat(picture.boundingBox().width)
                .as("the picture's width at 360 px")
                .isBetween(200.0, 360.0);
        BrowserSession.screenshot(page, "lesson-360");
        var firstTitle = page.locator("h1").textContent();

        var bytes = new AtomicLong();
        page.onResponse((Response response) -> {
            var length = response.headerValue("content-length");
            bytes.addAndGet(length != null ? Long.parseLong(length) : response.body().length);
        });
        long begun = System.nanoTime();
        page.locator("button.lesson-done").click();
        assertThat(page.locator("h1")).not().hasText(firstTitle);
        long millis = (System.nanoTime() - begun) / 1_000_000;
        assertThat(page.locator(".lesson-body")).isVisible();
        org.assertj.core.api.Assertions.assertThat(page.url()).contains("/lesson/");
        System.out.printf("next lesson: %d bytes received, %d ms until the new title showed%n", bytes.get(), millis);
        org.assertj.core.api.Assertions.assertThat(bytes.get())
                .as("bytes for one step to the next lesson")
                .isLessThan(50_000);

        // Home: the demo district's required courses come first, each with its due quarter, after the next step.
        page.navigate(app("/learn"));
        assertThat(page.locator(".next-step .cta")).isVisible();
        assertThat(page.locator(".assigned-courses .course-progress .due").first())
                .containsText("Hạn hoàn thành");
        BrowserSession.screenshot(page, "learner-home-360");
        page.context().close();
    }
}
