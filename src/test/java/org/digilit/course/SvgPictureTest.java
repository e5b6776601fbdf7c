package org.digilit.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Only plain SVG drawings pass: shapes and text, nothing that runs or fetches. */
class SvgPictureTest {

    private static boolean plain(String svg) {
        return SvgPicture.isPlainDrawing(svg.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_drawing_of_shapes_and_text_passes() {
        assertThat(plain("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" role=\"img\""
                        + " aria-labelledby=\"t\"><title id=\"t\">A phone</title><rect x=\"1\" y=\"1\" width=\"8\""
                        + " height=\"8\" fill=\"#fff\"/><text x=\"2\" y=\"5\">Gọi</text></svg>"))
                .isTrue();
    }

    @Test
    void script_events_links_styles_entities_and_other_roots_are_refused() {
        var open = "<svg xmlns=\"http://www.w3.org/2000/svg\">";
        assertThat(plain(open + "<script>alert(1)</script></svg>")).isFalse();
        assertThat(plain(open + "<rect onload=\"alert(1)\"/></svg>")).isFalse();
        assertThat(plain("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                        + "<a xlink:href=\"https://example.org\"><text>x</text></a></svg>"))
                .isFalse();
        assertThat(plain(open + "<foreignObject><div>x</div></foreignObject></svg>"))
                .isFalse();
        assertThat(plain(open + "<rect fill=\"url(https://example.org/x)\"/></svg>"))
                .isFalse();
        assertThat(plain(open + "<style>rect{}</style></svg>")).isFalse();
        assertThat(plain("<!DOCTYPE svg [<!ENTITY x \"y\">]>" + open + "<text>&x;</text></svg>"))
                .isFalse();
        assertThat(plain("<html><body/></html>")).isFalse();
        assertThat(plain("not xml at all")).isFalse();
    }

    @Test
    void every_course_picture_drawn_for_the_courses_passes() throws Exception {
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("course-content"))) {
            var svgs = files.filter(p -> p.toString().endsWith(".svg")).toList();
            assertThat(svgs).hasSizeGreaterThanOrEqualTo(40);
            for (var svg : svgs) {
                assertThat(SvgPicture.isPlainDrawing(java.nio.file.Files.readAllBytes(svg)))
                        .as(svg.toString())
                        .isTrue();
                assertThat(java.nio.file.Files.size(svg)).as(svg.toString()).isLessThan(4_000);
            }
        }
    }
}
