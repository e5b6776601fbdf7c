package org.digilit.course;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.digilit.base.Audience;
import org.digilit.base.TextFolding;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches courses and lessons the way people type: with or without diacritics, with typos, Telex leftovers, prefixes
 * as they type. Elasticsearch first; when it is down, PostgreSQL answers (folded text, every word must appear) and the
 * result says so, so the page can show a notice rather than an error.
 */
@Service
public class CourseSearchService {

    private static final Logger log = LoggerFactory.getLogger(CourseSearchService.class);

    private static final int POPULAR_COURSES = 3;
    private static final Duration POPULAR_FOR = Duration.ofMinutes(10);

    private record Popular(List<SearchResult.PopularCourse> courses, Instant until) {}

    private final CourseSearchIndex index;
    private final SearchIndexer indexer;
    private final CatalogueQueries queries;
    private final Clock clock;
    private final SearchSynonyms synonyms = SearchSynonyms.standard();
    private final Map<String, Popular> popular = new ConcurrentHashMap<>();

    CourseSearchService(CourseSearchIndex index, SearchIndexer indexer, CatalogueQueries queries, Clock clock) {
        this.index = index;
        this.indexer = indexer;
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * Rebuilds the search index from PostgreSQL (the index holds nothing that cannot be rebuilt): recreates it and
     * indexes every course. For the platform admin, and after restoring a backup.
     */
    @PreAuthorize("hasRole('platform-admin')")
    public void rebuildIndex() throws java.io.IOException {
        indexer.rebuild();
    }

    public SearchResult search(SearchQuery query) {
        return search(query, null);
    }

    /**
     * Searches; when nothing matches, the result also offers the courses most taken by readers of the given audience
     * ({@code citizen}, {@code teacher} or {@code official}; anyone else reads as a citizen).
     */
    public SearchResult search(SearchQuery query, @Nullable String readerAudience) {
        SearchResult result;
        try {
            result = index.search(query);
        } catch (Exception e) {
            log.warn(
                    "Search index unavailable ({}); answering from PostgreSQL",
                    e.getClass().getSimpleName());
            result = fallback(query);
        }
        return result.hits().isEmpty() ? result.withPopular(popular(readerAudience, query.language())) : result;
    }

    /** Titles that start with what was typed so far (empty when the index is down: the box still works). */
    public List<String> suggest(String prefix, String language) {
        try {
            return index.suggest(prefix, language);
        } catch (Exception e) {
            return List.of();
        }
    }

    /**
     * The active courses for an audience, most taken first (from the learning feature's published view
     * {@code learning_course_popularity}), kept for a few minutes: counting every progress row on each empty search
     * would cost more than the search.
     */
    List<SearchResult.PopularCourse> popular(@Nullable String readerAudience, String language) {
        var audience = Audience.isCode(readerAudience) ? readerAudience : Audience.CITIZEN.code();
        var key = audience + ":" + language;
        var now = clock.instant();
        var cached = popular.get(key);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.courses();
        }
        var courses = queries.popularCourses(audience, POPULAR_COURSES, language);
        popular.put(key, new Popular(courses, now.plus(POPULAR_FOR)));
        return courses;
    }

    /**
     * The same search on PostgreSQL's folded text: slower and without typo tolerance, but always there. Every word of
     * the query, or of one of its synonym readings, must appear.
     */
    @Transactional(readOnly = true)
    SearchResult fallback(SearchQuery query) {
        var readings = new ArrayList<String>();
        readings.add(TextFolding.fold(query.text()));
        readings.addAll(synonyms.expand(query.text()).readings());
        var patterns = new ArrayList<String[]>();
        for (var reading : readings) {
            patterns.add(Arrays.stream(reading.split(" "))
                    .filter(w -> !w.isBlank())
                    .map(w -> "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                    .toArray(String[]::new));
        }
        var vi = query.language().equals("vi");
        var terms = Highlighter.terms(query.text(), synonyms.expand(query.text()));
        var hits = queries
                .searchText(
                        patterns,
                        query.levels().toArray(String[]::new),
                        query.audiences().toArray(String[]::new),
                        query.size())
                .stream()
                .map(found -> new SearchResult.Hit(
                        found.courseId(),
                        found.lessonId(),
                        vi ? found.titleVi() : found.titleEn(),
                        vi ? found.courseVi() : found.courseEn(),
                        Highlighter.snippet(vi ? found.bodyVi() : found.bodyEn(), terms, 160)))
                .toList();
        return new SearchResult(hits, Map.of(), true);
    }
}
