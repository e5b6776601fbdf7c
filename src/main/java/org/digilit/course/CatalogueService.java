package org.digilit.course;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.digilit.base.Bilingual;
import org.digilit.base.TextFolding;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The course catalogue as learners see it, read from PostgreSQL. Its text filter folds diacritics, so "lua dao" finds
 * "lừa đảo"; it is also the fallback when the search index is down.
 */
@Service
public class CatalogueService {

    /** A course as the catalogue shows it. */
    public record CourseCard(
            String id,
            String titleVi,
            String titleEn,
            String summaryVi,
            String summaryEn,
            String level,
            Set<String> audiences,
            List<String> tags,
            int estimatedMinutes,
            int lessons) {

        public String title(Locale locale) {
            return Bilingual.pick(locale, titleVi, titleEn);
        }

        public String summary(Locale locale) {
            return Bilingual.pick(locale, summaryVi, summaryEn);
        }
    }

    /** A lesson's place in a course, without its text. */
    public record LessonTitle(String id, int position, String titleVi, String titleEn) {

        public String title(Locale locale) {
            return Bilingual.pick(locale, titleVi, titleEn);
        }
    }

    private final CatalogueQueries queries;

    /**
     * The catalogue's rows as learners read them, shared by every learner (issue #20, DD018: a lesson step read the
     * course and the lesson from PostgreSQL each time, though content changes only when the courses are loaded).
     * Emptied when a course's content changes on this node; kept at most {@code digilit.course.catalogue-cache} (30 s by
     * default) so another node's load shows within that time; 0 turns it off.
     */
    private final Cache<Object, Object> rows;

    CatalogueService(
            CatalogueQueries queries, @Value("${digilit.course.catalogue-cache:30s}") Duration catalogueCache) {
        this.queries = queries;
        this.rows = Caffeine.newBuilder()
                .expireAfterWrite(catalogueCache)
                .maximumSize(10_000)
                .build();
    }

    /** Keys of the cached rows: one per kind of read. */
    private record Cards() {}

    private record Card(String id) {}

    private record Lesson(String courseId, String lessonId) {}

    private record Quiz(String courseId) {}

    private record Structure(String courseId) {}

    @SuppressWarnings("unchecked")
    private <T> T cached(Object key, java.util.function.Supplier<T> read) {
        return (T) rows.get(key, k -> read.get());
    }

    /** A course's content changed (stored, committed): every row is read again on next use. */
    @EventListener
    void on(CourseContentChanged changed) {
        rows.invalidateAll();
    }

    /** The active courses whose title, summary or tags contain every word typed (diacritics optional). */
    @Transactional(readOnly = true)
    public List<CourseCard> catalogue(String text) {
        var words = Arrays.stream(TextFolding.fold(text).split(" "))
                .filter(w -> !w.isBlank())
                .toList();
        return all().stream()
                .filter(card -> {
                    var folded = TextFolding.fold(String.join(
                            " ",
                            card.titleVi(),
                            card.titleEn(),
                            card.summaryVi(),
                            card.summaryEn(),
                            String.join(" ", card.tags())));
                    return words.stream().allMatch(folded::contains);
                })
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<CourseCard> course(String id) {
        return cached(new Card(id), () -> queries.activeCard(id));
    }

    @Transactional(readOnly = true)
    public List<LessonTitle> lessons(String courseId) {
        return queries.lessons(courseId);
    }

    /** A lesson's text, for the lesson viewer. */
    public record LessonContent(
            String courseId, String id, int position, String titleVi, String titleEn, String bodyVi, String bodyEn) {

        public String title(Locale locale) {
            return Bilingual.pick(locale, titleVi, titleEn);
        }

        public String body(Locale locale) {
            return Bilingual.pick(locale, bodyVi, bodyEn);
        }
    }

    /** An active lesson of an active course. */
    @Transactional(readOnly = true)
    public Optional<LessonContent> lesson(String courseId, String lessonId) {
        return cached(new Lesson(courseId, lessonId), () -> queries.lesson(courseId, lessonId));
    }

    /** A quiz question as the learner sees it (which answers are right is the learning service's to judge). */
    public record QuizQuestion(String id, boolean multiple, String textVi, String textEn, List<QuizAnswer> answers) {

        public String text(Locale locale) {
            return Bilingual.pick(locale, textVi, textEn);
        }
    }

    /** An answer, with the explanation shown after the attempt. */
    public record QuizAnswer(String id, String textVi, String textEn, String explanationVi, String explanationEn) {

        public String text(Locale locale) {
            return Bilingual.pick(locale, textVi, textEn);
        }

        public String explanation(Locale locale) {
            return Bilingual.pick(locale, explanationVi, explanationEn);
        }
    }

    /** The active questions of a course's quiz, in order. */
    @Transactional(readOnly = true)
    public List<QuizQuestion> quiz(String courseId) {
        return cached(new Quiz(courseId), () -> queries.quiz(courseId));
    }

    /**
     * A course's structure for judging progress: active lessons in order and the quiz's answer key. Cached with the
     * other rows; an unknown course is not (a forged id must not push real courses out of the cache).
     */
    @Transactional(readOnly = true)
    public Optional<CourseStructure> structure(String courseId) {
        return Optional.ofNullable((CourseStructure) rows.get(
                new Structure(courseId), k -> queries.structure(courseId).orElse(null)));
    }

    private List<CourseCard> all() {
        return cached(new Cards(), () -> List.copyOf(queries.activeCards()));
    }
}
