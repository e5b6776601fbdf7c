package org.digilit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.digilit.IntegrationTest;
import org.digilit.course.CourseContentService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A visitor on a phone finds the scams course by typing without diacritics, and opens it. */
@IntegrationTest
class CatalogueE2EIT extends BrowserTest {

    @Autowired
    CourseContentService content;

    @Autowired
    org.digilit.course.CourseSearchService search;

    @Test
    void a_visitor_finds_a_course_typed_without_diacritics_on_a_phone() {
        org.digilit.course.CourseTestData.indexRealCourses(content, search);
        var page = browser.newPage(360, 780, "vi-VN");
        page.navigate(app("/courses"));
        assertThat(page.locator(".course-card").first()).isVisible();
        var box = page.getByLabel("Tìm khóa học");
        box.fill("lua dao");
        box.press("Enter");
        // The search has run when the scams course leads the results (folded words match elsewhere too).
        assertThat(page.locator(".course-card h2 a").first()).hasAttribute("href", "/courses/online-safety-scams");
        var card = page.locator(".course-card a[href='/courses/online-safety-scams']")
                .first();
        assertThat(card).isVisible();
        BrowserSession.screenshot(page, "catalogue-search-360");
        card.click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/courses/online-safety-scams$"));
        assertThat(page.locator("h1")).containsText("lừa đảo");
        assertThat(page.locator("li")).not().hasCount(0);
        BrowserSession.screenshot(page, "course-360");
        page.context().close();
    }
}
