package org.digilit.course;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.digilit.base.TextFolding;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private static final Set<String> AUDIENCES = Set.of("citizen", "teacher", "official");
    private static final int POPULAR_COURSES = 3;
    private static final Duration POPULAR_FOR = Duration.ofMinutes(10);

    private record Popular(List<SearchResult.PopularCourse> courses, Instant until) {}

    private final CourseSearchIndex index;
    private final SearchIndexer indexer;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SearchSynonyms synonyms = SearchSynonyms.standard();
    private final Map<String, Popular> popular = new ConcurrentHashMap<>();

    CourseSearchService(CourseSearchIndex index, SearchIndexer indexer, JdbcClient jdbc, Clock clock) {
        this.index = index;
        this.indexer = indexer;
        this.jdbc = jdbc;
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
        var audience = readerAudience != null && AUDIENCES.contains(readerAudience) ? readerAudience : "citizen";
        var key = audience + ":" + language;
        var now = clock.instant();
        var cached = popular.get(key);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.courses();
        }
        var courses = jdbc.sql("""
                        select c.id, c.title_vi, c.title_en, coalesce(p.learners, 0) as learners
                        from course c
                        left join learning_course_popularity p on p.course_id = c.id and p.audience = :audience
                        where c.active and :audience = any (c.audiences)
                        order by learners desc, c.title_vi
                        limit :limit""")
                .param("audience", audience)
                .param("limit", POPULAR_COURSES)
                .query((rs, n) -> new SearchResult.PopularCourse(
                        rs.getString("id"),
                        rs.getString(language.equals("vi") ? "title_vi" : "title_en"),
                        rs.getLong("learners")))
                .list();
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
        var params = new LinkedHashMap<String, Object>();
        var course = new ArrayList<String>();
        var lesson = new ArrayList<String>();
        for (int i = 0; i < readings.size(); i++) {
            var words = Arrays.stream(readings.get(i).split(" "))
                    .filter(w -> !w.isBlank())
                    .map(w -> "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                    .toArray(String[]::new);
            params.put("w" + i, words);
            course.add("c.search_text like all (:w" + i + ")");
            lesson.add("l.search_text like all (:w" + i + ")");
        }
        var vi = query.language().equals("vi");
        var hits = new ArrayList<SearchResult.Hit>();
        var sql = jdbc.sql("""
                        select c.id as course_id, null as lesson_id, c.title_vi, c.title_en, c.summary_vi as body_vi,
                            c.summary_en as body_en, c.title_vi as course_vi, c.title_en as course_en, 0 as rank
                        from course c
                        where c.active and (%s)
                            and (cardinality(cast(:levels as text[])) = 0 or c.level = any (cast(:levels as text[])))
                            and (cardinality(cast(:audiences as text[])) = 0
                                or c.audiences && cast(:audiences as text[]))
                        union all
                        select l.course_id, l.id, l.title_vi, l.title_en, l.body_vi, l.body_en, c.title_vi, c.title_en, 1
                        from lesson l join course c on c.id = l.course_id
                        where l.active and c.active and (%s)
                            and (cardinality(cast(:levels as text[])) = 0 or c.level = any (cast(:levels as text[])))
                            and (cardinality(cast(:audiences as text[])) = 0
                                or c.audiences && cast(:audiences as text[]))
                        order by rank, course_id limit :size""".formatted(String.join(" or ", course), String.join(" or ", lesson)));
        for (var param : params.entrySet()) {
            sql = sql.param(param.getKey(), param.getValue());
        }
        var terms = Highlighter.terms(query.text(), synonyms.expand(query.text()));
        sql.param("levels", query.levels().toArray(String[]::new))
                .param("audiences", query.audiences().toArray(String[]::new))
                .param("size", query.size())
                .query((rs, n) -> {
                    var body = rs.getString(vi ? "body_vi" : "body_en");
                    hits.add(new SearchResult.Hit(
                            rs.getString("course_id"),
                            rs.getString("lesson_id"),
                            rs.getString(vi ? "title_vi" : "title_en"),
                            rs.getString(vi ? "course_vi" : "course_en"),
                            Highlighter.snippet(body, terms, 160)));
                    return null;
                })
                .list();
        return new SearchResult(hits, Map.of(), true);
    }
}
