package org.digilit.learning.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.digilit.learning.LessonRenderer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Lessons as rendered HTML, shared by every learner (DD018): rendering (Markdown, the sanitiser, a look at each
 * picture's file for its address) was done again on every "done, next". A page is rendered again when its Markdown
 * differs from the one it was rendered from, and at least once a minute (a picture changed on disk changes its
 * address). Bounded: past {@value #MAX_PAGES} pages the cache starts over.
 */
@Component
class RenderedLessons {

    static final int MAX_PAGES = 2_000;
    static final Duration FRESH_FOR = Duration.ofMinutes(1);

    private record Key(String courseId, String lessonId, String language) {}

    private record Page(String markdown, String html, Instant renderedAt) {}

    private final LessonRenderer renderer;
    private final Clock clock;
    private final ConcurrentHashMap<Key, Page> pages = new ConcurrentHashMap<>();
    private final boolean enabled;

    RenderedLessons(LessonRenderer renderer, Clock clock) {
        this(renderer, clock, true);
    }

    /** {@code enabled} false renders every time: the learner load benchmark's "before" (DD018). */
    @org.springframework.beans.factory.annotation.Autowired
    RenderedLessons(
            LessonRenderer renderer,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${digilit.learning.rendered-lesson-cache:true}")
                    boolean enabled) {
        this.renderer = renderer;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** The lesson's HTML in this language; {@code pictures} gives a picture's address as for the renderer. */
    String html(
            String courseId,
            String lessonId,
            Locale locale,
            String markdown,
            UnaryOperator<@Nullable String> pictures) {
        if (!enabled) {
            return renderer.render(markdown, pictures);
        }
        var key = new Key(courseId, lessonId, locale.getLanguage());
        var now = clock.instant();
        var page = pages.get(key);
        if (page != null
                && page.markdown().equals(markdown)
                && page.renderedAt().plus(FRESH_FOR).isAfter(now)) {
            return page.html();
        }
        var html = renderer.render(markdown, pictures);
        if (pages.size() >= MAX_PAGES) {
            pages.clear();
        }
        pages.put(key, new Page(markdown, html, now));
        return html;
    }
}
