package org.digilit.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Lesson Markdown becomes the few safe elements a lesson needs, and every real lesson renders. */
class LessonRendererTest {

    private final LessonRenderer renderer = new LessonRenderer();

    @Test
    void headings_lists_emphasis_and_links_render() {
        var html = renderer.render("""
                ## Charging

                Tap **Power off**, then *wait*.

                - one
                - two

                1. first
                2. second

                See [the guide](https://example.org/guide) or [write to us](mailto:help@example.org).
                """);

        assertThat(html)
                .startsWith("<div class=\"lesson-body\">")
                .endsWith("</div>")
                .contains("<h2>Charging</h2>")
                .contains("<strong>Power off</strong>", "<em>wait</em>")
                .contains("<ul>", "<li>one</li>", "<ol>", "<li>second</li>")
                .contains("<a href=\"https://example.org/guide\" target=\"_blank\""
                        + " rel=\"noopener noreferrer nofollow\">the guide</a>")
                .contains("href=\"mailto:help&#64;example.org\">write to us</a>");
        assertThat(html).doesNotContain("mailto:help&#64;example.org\" target");
    }

    @Test
    void a_numbered_list_that_continues_keeps_its_start_number() {
        assertThat(renderer.render("3. third\n4. fourth\n")).contains("<ol start=\"3\">");
    }

    @Test
    void a_script_in_the_markdown_is_shown_as_text_never_run() {
        var html = renderer.render("Before\n\n<script>alert(1)</script>\n\nAfter <script>alert(2)</script>");

        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void a_javascript_link_loses_its_href_and_keeps_its_text() {
        var html = renderer.render("[x](javascript:alert(1)) and [y](JaVaScRiPt:alert(1)) and [z](data:text/html,hi)");

        assertThat(html).doesNotContainIgnoringCase("javascript").doesNotContain("href", "data:");
        assertThat(html).contains("<p>x and y and z</p>");
    }

    @Test
    void an_image_with_an_event_handler_is_inert() {
        var html = renderer.render("<img src=x onerror=alert(1)>\n\ntext <img src=x onerror=alert(1)>");

        assertThat(html).doesNotContain("<img").contains("&lt;img");
    }

    @Test
    void an_iframe_is_gone() {
        var html = renderer.render("<iframe src=\"https://evil.example\"></iframe>\n\nText <iframe></iframe>");

        assertThat(html).doesNotContain("<iframe");
    }

    @Test
    void the_sanitiser_alone_removes_scripts_handlers_styles_iframes_and_bad_urls() {
        var html = LessonRenderer.sanitize("""
                <h1>Title</h1><script>alert(1)</script><iframe src="https://evil.example"></iframe>
                <p style="color:red" onclick="alert(1)">text</p>
                <img src="x" onerror="alert(1)"><img src="data:image/png;base64,AAAA" alt="d">
                <img src="//evil.example/a.png"><a href="javascript:alert(1)">js</a><a href="images/a.html">rel</a>
                <a href="https://example.org" target="_self" rel="opener">ok</a>
                """);

        assertThat(html.toLowerCase(Locale.ROOT))
                .doesNotContain("<script", "<iframe", "<h1", "style=", "onclick", "onerror", "javascript", "data:")
                .doesNotContain("evil", "_self", "opener\"", "images/a.html");
        assertThat(html)
                .contains("Title", "<p>text</p>", "js", "rel")
                .contains("<img src=\"x\" class=\"lesson-image\" loading=\"lazy\" decoding=\"async\" />")
                .contains(
                        "<a href=\"https://example.org\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">ok</a>");
    }

    @Test
    void an_image_gets_its_alt_lazy_loading_and_the_class_the_theme_sizes() {
        var html = renderer.render("![A phone charging](https://example.org/a.png)");

        assertThat(html)
                .contains("<img src=\"https://example.org/a.png\" alt=\"A phone charging\" class=\"lesson-image\""
                        + " loading=\"lazy\" decoding=\"async\" />");
    }

    @Test
    void an_image_next_to_the_lesson_keeps_its_relative_path() {
        assertThat(renderer.render("![Home screen](images/home-screen.png)"))
                .contains("src=\"images/home-screen.png\"", "class=\"lesson-image\"");
        assertThat(renderer.render("![x](data:image/png;base64,AAAA)")).doesNotContain("<img", "data:");
    }

    @Test
    void a_picture_next_to_the_lesson_is_pointed_at_where_it_is_served_and_a_missing_one_leaves_its_text() {
        var html = renderer.render(
                "![Home screen](images/home-screen.png)\n\n![Gone](images/gone.png) and ![Web](https://example.org/a.png)",
                src -> src.equals("images/home-screen.png")
                        ? "course-images/phone/home-screen.png?v=0123456789abcdef"
                        : null);
        assertThat(html)
                .contains("<img src=\"course-images/phone/home-screen.png?v&#61;0123456789abcdef\" alt=\"Home screen\""
                        + " class=\"lesson-image\" loading=\"lazy\" decoding=\"async\" />")
                .contains("Gone and <img src=\"https://example.org/a.png\" alt=\"Web\"")
                .doesNotContain("gone.png");
    }

    @Test
    void an_h1_becomes_an_h2_because_the_page_owns_the_h1_and_deep_headings_stop_at_h4() {
        var html = renderer.render("# Lesson\n\n### Step\n\n###### Detail\n");

        assertThat(html).contains("<h2>Lesson</h2>", "<h3>Step</h3>", "<h4>Detail</h4>");
        assertThat(html).doesNotContain("<h1", "<h5", "<h6");
    }

    @Test
    void vietnamese_text_passes_intact_and_in_nfc() {
        var text = "Nhấn và **giữ nút nguồn** khoảng 3 giây. Đừng chia sẻ mã OTP với người lạ!";
        var html = renderer.render(text);

        assertThat(html).contains("Nhấn và <strong>giữ nút nguồn</strong> khoảng 3 giây.");
        assertThat(html).contains("Đừng chia sẻ mã OTP với người lạ!");
        assertThat(Normalizer.isNormalized(html, Normalizer.Form.NFC)).isTrue();

        var decomposed = Normalizer.normalize("Tiếng Việt", Normalizer.Form.NFD);
        assertThat(renderer.render(decomposed)).contains("Tiếng Việt");
    }

    @Test
    void every_real_lesson_renders_without_a_script() throws IOException {
        var bodies = lessonBodies();
        assertThat(bodies).hasSizeGreaterThan(50);

        for (var body : bodies) {
            var html = renderer.render(body);
            assertThat(html).isNotBlank().doesNotContainIgnoringCase("<script");
            assertThat(html).contains("<h2>");
        }
    }

    @Test
    void rendering_the_longest_real_lesson_is_fast_enough_to_do_on_every_request() throws IOException {
        var longest = lessonBodies().stream()
                .max(Comparator.comparingInt(String::length))
                .orElseThrow();
        for (int i = 0; i < 300; i++) {
            renderer.render(longest);
        }
        int runs = 1_000;
        long start = System.nanoTime();
        int sink = 0;
        for (int i = 0; i < runs; i++) {
            sink += renderer.render(longest).length();
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / runs;
        System.out.printf(
                "LessonRenderer: longest lesson (%,d chars of Markdown) rendered in %.1f µs on average over %,d runs%n",
                longest.length(), micros, runs);
        assertThat(sink).isPositive();
    }

    /** The Markdown after each lesson file's front matter, as the content format describes it. */
    private static List<String> lessonBodies() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("course-content"))) {
            return files.filter(path -> path.getParent() != null
                            && path.getParent().endsWith("lessons")
                            && path.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .map(LessonRendererTest::body)
                    .toList();
        }
    }

    private static String body(Path path) {
        try {
            var content = Files.readString(path, StandardCharsets.UTF_8).replace("\r\n", "\n");
            assertThat(content).as(path.toString()).startsWith("---\n");
            int end = content.indexOf("\n---", 4);
            assertThat(end).as(path.toString()).isPositive();
            return content.substring(content.indexOf('\n', end + 1) + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
