package org.digilit.learning.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.digilit.learning.LessonRenderer;
import org.junit.jupiter.api.Test;

/** A lesson is rendered once for every learner, again when its text changes and once its minute is up. */
class RenderedLessonsTest {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private Instant now = Instant.parse("2026-12-02T08:00:00Z");
    private final AtomicInteger pictureLookups = new AtomicInteger();
    private final RenderedLessons lessons = new RenderedLessons(new LessonRenderer(), new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    private String html(String markdown) {
        return lessons.html("c1", "l1", VI, markdown, picture -> {
            pictureLookups.incrementAndGet();
            return "/course-images/c1/" + picture.substring("images/".length()) + "?v=1";
        });
    }

    @Test
    void the_same_lesson_is_rendered_once_for_every_learner() {
        var first = html("Tap **OK**.\n\n![Phone](images/phone.png)");
        var second = html("Tap **OK**.\n\n![Phone](images/phone.png)");

        assertThat(second)
                .isSameAs(first)
                .contains("<strong>OK</strong>")
                .contains("/course-images/c1/phone.png?v&#61;1");
        assertThat(pictureLookups).hasValue(1);
    }

    @Test
    void a_changed_text_is_rendered_again() {
        html("Tap **OK**.");

        assertThat(html("Tap **Cancel**.")).contains("<strong>Cancel</strong>").doesNotContain("OK");
    }

    @Test
    void another_language_is_another_page() {
        var vietnamese = html("Chạm **OK**.");
        var english = lessons.html("c1", "l1", Locale.ENGLISH, "Tap **OK**.", p -> null);

        assertThat(vietnamese).contains("Chạm");
        assertThat(english).contains("Tap").doesNotContain("Chạm");
    }

    @Test
    void pictures_are_looked_up_again_after_a_minute() {
        html("![Phone](images/phone.png)");
        now = now.plus(RenderedLessons.FRESH_FOR).plusSeconds(1);
        html("![Phone](images/phone.png)");

        assertThat(pictureLookups).hasValue(2);
    }
}
