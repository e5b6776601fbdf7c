package org.digilit.course;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Search results: hits best first, facet counts, and whether they came from the PostgreSQL fallback (Elasticsearch
 * down), which the UI says plainly.
 */
public record SearchResult(List<Hit> hits, Map<String, Map<String, Long>> facets, boolean fallback) {

    /**
     * One course or lesson found. {@code snippet} marks highlighted words between {@link #MARK_START} and
     * {@link #MARK_END}; everything else is plain text (the UI escapes it).
     */
    public record Hit(String courseId, @Nullable String lessonId, String title, String courseTitle, String snippet) {}

    public static final char MARK_START = '\u0001';
    public static final char MARK_END = '\u0002';

    public SearchResult {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }

    /** The distinct course ids of the hits, best first. */
    public List<String> courseIds() {
        return hits.stream().map(Hit::courseId).distinct().toList();
    }
}
