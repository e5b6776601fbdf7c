package org.digilit.course;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.digilit.base.TextFolding;
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

    private final CourseSearchIndex index;
    private final SearchIndexer indexer;
    private final JdbcClient jdbc;

    CourseSearchService(CourseSearchIndex index, SearchIndexer indexer, JdbcClient jdbc) {
        this.index = index;
        this.indexer = indexer;
        this.jdbc = jdbc;
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
        try {
            return index.search(query);
        } catch (Exception e) {
            log.warn(
                    "Search index unavailable ({}); answering from PostgreSQL",
                    e.getClass().getSimpleName());
            return fallback(query);
        }
    }

    /** Titles that start with what was typed so far (empty when the index is down: the box still works). */
    public List<String> suggest(String prefix, String language) {
        try {
            return index.suggest(prefix, language);
        } catch (Exception e) {
            return List.of();
        }
    }

    /** The same search on PostgreSQL's folded text: slower and without typo tolerance, but always there. */
    @Transactional(readOnly = true)
    SearchResult fallback(SearchQuery query) {
        var words = Arrays.stream(TextFolding.fold(query.text()).split(" "))
                .filter(w -> !w.isBlank())
                .map(w -> "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .toArray(String[]::new);
        var vi = query.language().equals("vi");
        var hits = new ArrayList<SearchResult.Hit>();
        jdbc.sql("""
                        select c.id as course_id, null as lesson_id, c.title_vi, c.title_en, c.summary_vi as body_vi,
                            c.summary_en as body_en, c.title_vi as course_vi, c.title_en as course_en, 0 as rank
                        from course c
                        where c.active and c.search_text like all (:words)
                            and (cardinality(cast(:levels as text[])) = 0 or c.level = any (cast(:levels as text[])))
                            and (cardinality(cast(:audiences as text[])) = 0
                                or c.audiences && cast(:audiences as text[]))
                        union all
                        select l.course_id, l.id, l.title_vi, l.title_en, l.body_vi, l.body_en, c.title_vi, c.title_en, 1
                        from lesson l join course c on c.id = l.course_id
                        where l.active and c.active and l.search_text like all (:words)
                            and (cardinality(cast(:levels as text[])) = 0 or c.level = any (cast(:levels as text[])))
                            and (cardinality(cast(:audiences as text[])) = 0
                                or c.audiences && cast(:audiences as text[]))
                        order by rank, course_id limit :size""")
                .param("words", words)
                .param("levels", query.levels().toArray(String[]::new))
                .param("audiences", query.audiences().toArray(String[]::new))
                .param("size", query.size())
                .query((rs, n) -> {
                    var body = rs.getString(vi ? "body_vi" : "body_en");
                    hits.add(new SearchResult.Hit(
                            rs.getString("course_id"),
                            rs.getString("lesson_id"),
                            rs.getString(vi ? "title_vi" : "title_en"),
                            rs.getString(vi ? "course_vi" : "course_en"),
                            body.substring(0, Math.min(160, body.length()))));
                    return null;
                })
                .list();
        return new SearchResult(hits, Map.of(), true);
    }
}
