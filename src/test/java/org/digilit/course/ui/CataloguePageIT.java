package org.digilit.course.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.digilit.IntegrationTest;
import org.digilit.course.CatalogueService;
import org.digilit.course.CourseContentService;
import org.digilit.course.CourseSearchService;
import org.digilit.course.SearchResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The server-rendered catalogue and course pages (issue #21, DD015) asked over HTTP as a phone's browser asks them,
 * against the real courses in Elasticsearch: a search typed without diacritics, no dead end, forged filters ignored, a
 * course page with its lessons in order, an unknown course not found. The walk in Chromium is {@code CatalogueE2EIT}.
 */
@IntegrationTest
class CataloguePageIT {

    private static final Pattern FIRST_RESULT =
            Pattern.compile("class=\"card course-card\">\\s*<h2><a href=\"([^\"]+)\"");

    @Value("${local.server.port}")
    int port;

    @Autowired
    CourseContentService content;

    @Autowired
    CourseSearchService search;

    @Autowired
    CatalogueService catalogue;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void loadTheRealCourses() {
        org.digilit.course.CourseTestData.indexRealCourses(content, search);
    }

    @Test
    void the_catalogue_finds_the_scams_course_typed_without_diacritics_in_plain_html() throws Exception {
        var page = get("/courses?q=" + URLEncoder.encode("lua dao", StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html lang=\"vi\"", "value=\"lua dao\"", "<mark class=\"hit\">")
                .doesNotContain("<script", "/VAADIN/");
        // Folded "lua dao" also matches "lựa" and "đạo" elsewhere: the scams course must come first.
        var first = FIRST_RESULT.matcher(page.body());
        assertThat(first.find()).isTrue();
        assertThat(first.group(1)).isEqualTo("/courses/online-safety-scams");

        var all = get("/courses");
        assertThat(all.body()).contains("/courses/smartphone-basics", "/courses/online-safety-scams");
    }

    @Test
    void a_search_that_finds_nothing_offers_what_was_meant_and_courses_to_take() throws Exception {
        assertThat(get("/courses?q=qqxq+zzkw").body())
                .as("the most-taken courses for a citizen")
                .contains("popular-course");
        assertThat(get("/courses?q=zalooo").body()).as("did you mean").contains("class=\"did-you-mean\"");
    }

    @Test
    void filters_narrow_the_results_and_forged_values_or_overlong_words_are_ignored_not_errors() throws Exception {
        var beginners = get("/courses?level=beginner");
        assertThat(beginners.body()).contains("name=\"level\" value=\"beginner\" checked");
        for (var course : catalogue.catalogue("")) {
            if (!course.level().equals("beginner")) {
                assertThat(beginners.body()).doesNotContain("href=\"/courses/" + course.id() + "\"");
            }
        }
        var forged = get("/courses?level=%3Cscript%3E&audience=root");
        assertThat(forged.statusCode()).isEqualTo(200);
        assertThat(forged.body()).doesNotContain("<script");
        var overlong = get("/courses?q=" + "a".repeat(5_000));
        assertThat(overlong.statusCode()).isEqualTo(200);
    }

    @Test
    void highlighted_words_are_marked_as_text_never_as_markup() {
        var parts = CatalogueController.snippet(
                "an " + SearchResult.MARK_START + "<b>toàn</b>" + SearchResult.MARK_END + " trên mạng");
        assertThat(parts)
                .containsExactly(
                        new CatalogueController.Part("an ", false),
                        new CatalogueController.Part("<b>toàn</b>", true),
                        new CatalogueController.Part(" trên mạng", false));
    }

    @Test
    void a_course_page_lists_its_lessons_in_order_and_an_unknown_course_is_not_found() throws Exception {
        var page = get("/courses/smartphone-basics");
        assertThat(page.statusCode()).isEqualTo(200);
        var lessons = catalogue.lessons("smartphone-basics");
        var links = Pattern.compile("href=\"/learn/smartphone-basics/lesson/([^\"]+)\"")
                .matcher(page.body());
        var found = new ArrayList<String>();
        while (links.find()) {
            found.add(links.group(1));
        }
        // The "start" link opens the first lesson; the list follows in order.
        assertThat(found.getFirst()).isEqualTo(lessons.getFirst().id());
        assertThat(found.subList(1, found.size()))
                .containsExactlyElementsOf(
                        lessons.stream().map(CatalogueService.LessonTitle::id).toList());
        assertThat(page.body()).doesNotContain("<script");

        assertThat(get("/courses/no-such-course").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", "text/html")
                        .header("Accept-Language", "vi-VN,vi;q=0.9")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
