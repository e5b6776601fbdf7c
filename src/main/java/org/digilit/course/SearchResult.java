package org.digilit.course;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Search results: hits best first, facet counts, and whether they came from the PostgreSQL fallback (Elasticsearch
 * down), which the UI says plainly. When nothing matched: "did you mean" (corrected words and titles from the index's
 * suggesters) and the courses most taken by readers of the same audience, so a search never ends on an empty page.
 * A hit whose {@code foundInLanguage} is set matched in that language, not the reader's (its titles are the reader's).
 */
public record SearchResult(
        List<Hit> hits,
        Map<String, Map<String, Long>> facets,
        boolean fallback,
        List<String> didYouMean,
        List<PopularCourse> popular) {

    /**
     * One course or lesson found. {@code snippet} marks highlighted words between {@link #MARK_START} and
     * {@link #MARK_END}; everything else is plain text (the UI escapes it).
     */
    public record Hit(
            String courseId,
            @Nullable String lessonId,
            String title,
            String courseTitle,
            String snippet,
            @Nullable String foundInLanguage) {

        public Hit(String courseId, @Nullable String lessonId, String title, String courseTitle, String snippet) {
            this(courseId, lessonId, title, courseTitle, snippet, null);
        }
    }

    /** A course many readers of the same audience have taken: offered when nothing matched. */
    public record PopularCourse(String courseId, String title, long learners) {}

    public static final char MARK_START = '\u0001';
    public static final char MARK_END = '\u0002';

    public SearchResult {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
        didYouMean = List.copyOf(didYouMean);
        popular = List.copyOf(popular);
    }

    public SearchResult(List<Hit> hits, Map<String, Map<String, Long>> facets, boolean fallback) {
        this(hits, facets, fallback, List.of(), List.of());
    }

    /** The same result with the courses to offer when nothing matched. */
    public SearchResult withPopular(List<PopularCourse> courses) {
        return new SearchResult(hits, facets, fallback, didYouMean, courses);
    }

    /** The distinct course ids of the hits, best first. */
    public List<String> courseIds() {
        return hits.stream().map(Hit::courseId).distinct().toList();
    }
}
