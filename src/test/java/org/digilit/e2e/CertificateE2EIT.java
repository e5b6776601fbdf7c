package org.digilit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.digilit.IntegrationTest;
import org.digilit.course.CatalogueService;
import org.digilit.localstack.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole way to a certificate in headless Chromium: the demo citizen logs in, starts a real course, reads every
 * lesson with "done, next", passes the quiz (the test knows the answer key), downloads the certificate PDF, finds it at
 * home; then a stranger (a fresh browser, nobody logged in) checks its code on a 360 px phone and sees it valid.
 */
@IntegrationTest
class CertificateE2EIT extends BrowserTest {

    /** A real course with few lessons (six) and a quiz of eight questions. */
    private static final String COURSE = "safe-digital-payments";

    private static final Pattern CODE = Pattern.compile("DL-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");

    @Autowired
    CatalogueService catalogue;

    @Test
    void a_citizen_earns_a_certificate_downloads_it_and_a_stranger_checks_it() throws Exception {
        var citizen = DemoUsers.withRole("citizen");
        var page = browser.newPage(1024, 800, "vi-VN");
        page.navigate(app("/learn"));
        BrowserSession.logIn(page, citizen.username(), DemoUsers.PASSWORD);
        page.waitForURL(Pattern.compile(".*/learn(\\?.*)?$"));

        page.navigate(app("/courses/" + COURSE));
        page.locator("a.cta").click();
        var lessons = catalogue.lessons(COURSE);
        for (var lesson : lessons) {
            assertThat(page).hasURL(Pattern.compile(".*/learn/" + COURSE + "/lesson/" + lesson.id() + "$"));
            assertThat(page.locator(".lesson-body")).isVisible();
            page.locator("button.lesson-done").click();
        }
        assertThat(page).hasURL(Pattern.compile(".*/learn/" + COURSE + "/quiz$"));

        answerEveryQuestionRight(page);
        page.locator("button.quiz-submit").click();
        assertThat(page.locator(".certificate-ready")).isVisible();

        var download = page.waitForDownload(
                () -> page.locator(".certificate-ready a.certificate-pdf").click());
        var pdf = Files.readAllBytes(download.path());
        String text;
        try (var document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        var found = CODE.matcher(text);
        org.assertj.core.api.Assertions.assertThat(found.find())
                .as("a code in the PDF")
                .isTrue();
        var code = found.group();
        org.assertj.core.api.Assertions.assertThat(text)
                .contains(citizen.displayName(), "Thanh toán số an toàn", "/verify/" + code);

        page.locator("a.certificate-home").click();
        assertThat(page).hasURL(Pattern.compile(".*/learn(#certificates)?$"));
        assertThat(page.locator(".my-certificates")).containsText(code);
        assertThat(page.locator(".my-certificates a.certificate-pdf")).isVisible();
        BrowserSession.screenshot(page, "learner-home-certificates");
        page.setViewportSize(360, 780);
        page.locator(".my-certificates").scrollIntoViewIfNeeded();
        BrowserSession.screenshot(page, "learner-home-certificates-360");
        page.context().close();

        var stranger = browser.newPage(360, 780, "vi-VN");
        stranger.navigate(app("/verify/" + code));
        assertThat(stranger.locator(".certificate-summary.valid")).isVisible();
        assertThat(stranger.locator(".certificate-summary .verdict")).hasText("Chứng nhận hợp lệ");
        assertThat(stranger.locator(".certificate-summary")).containsText(citizen.displayName());
        assertThat(stranger.locator(".certificate-summary")).not().containsText(citizen.username());
        BrowserSession.noSidewaysScrolling(stranger);
        BrowserSession.screenshot(stranger, "verify-360");

        // The same check typed by hand, as someone reading the paper would (a plain form, DD015).
        stranger.navigate(app("/verify"));
        stranger.locator("#verify-code").fill(code.toLowerCase(java.util.Locale.ROOT));
        stranger.locator("button.verify-submit").click();
        stranger.waitForURL("**/verify/" + code);
        assertThat(stranger.locator(".certificate-summary.valid")).isVisible();
        stranger.context().close();
    }

    /** Ticks the right answers of each question (shown in the order of the quiz file, answers shuffled). */
    private void answerEveryQuestionRight(Page page) {
        var key = catalogue.structure(COURSE).orElseThrow().questions();
        var questions = catalogue.quiz(COURSE);
        var boxes = page.locator(".quiz-question");
        assertThat(boxes).hasCount(questions.size());
        for (int i = 0; i < questions.size(); i++) {
            var question = questions.get(i);
            var correct = key.stream()
                    .filter(q -> q.id().equals(question.id()))
                    .findFirst()
                    .orElseThrow()
                    .correct();
            var box = boxes.nth(i);
            for (var answer : question.answers()) {
                if (correct.contains(answer.id())) {
                    box.getByRole(
                                    question.multiple() ? AriaRole.CHECKBOX : AriaRole.RADIO,
                                    new Locator.GetByRoleOptions()
                                            .setName(answer.textVi())
                                            .setExact(true))
                            .check();
                }
            }
        }
    }
}
