package org.digilit.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import org.digilit.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Search against the real Elasticsearch, the way people type, and the PostgreSQL fallback. */
@IntegrationTest
class CourseSearchIT {

    /** The share of the relevance set whose course must be in the top 3. */
    static final double PRECISION_AT_3_THRESHOLD = 0.9;

    @Autowired
    CourseSearchService search;

    @Autowired
    CourseContentService content;

    @Autowired
    SearchIndexer indexer;

    @TempDir
    Path temp;

    @BeforeEach
    void indexTheRealCourses() {
        content.loadAll();
        indexer.drain();
    }

    private SearchResult vi(String text) {
        return search.search(SearchQuery.of(text, "vi"));
    }

    @Test
    void the_relevance_set_finds_the_right_course_in_the_top_three() throws Exception {
        var score =
                RelevanceSet.score(RelevanceSet.load(), c -> search.search(SearchQuery.of(c.query(), c.language())));
        assertThat(score.precisionAt3())
                .as("misses: " + score.misses())
                .isGreaterThanOrEqualTo(PRECISION_AT_3_THRESHOLD);
    }

    @Test
    void words_typed_without_diacritics_find_the_vietnamese_course() {
        assertThat(vi("lua dao").courseIds()).first().isEqualTo("online-safety-scams");
        assertThat(vi("dinh danh dien tu").courseIds()).first().isEqualTo("e-identity-public-services");
    }

    @Test
    void telex_leftovers_are_understood() {
        assertThat(vi("luwa ddaor").courseIds().stream().limit(3)).contains("online-safety-scams");
    }

    @Test
    void long_words_forgive_a_typo_but_short_syllables_must_be_exact() {
        assertThat(search.search(SearchQuery.of("passwrod", "en")).courseIds().stream()
                        .limit(3))
                .contains("online-safety-scams");
        // "qx" and "zyw" are a typo away from nothing useful: fuzziness is off for words of three letters or less.
        assertThat(vi("qx").hits()).isEmpty();
        assertThat(vi("zyw").hits()).isEmpty();
    }

    @Test
    void results_highlight_the_words_found_and_count_facets() {
        var result = vi("mật khẩu");
        assertThat(result.hits()).anyMatch(h -> h.snippet().indexOf(SearchResult.MARK_START) >= 0);
        var everything = vi("");
        assertThat(everything.facets().get("level")).containsKeys("beginner", "intermediate");
        assertThat(everything.facets().get("audiences")).containsKeys("citizen", "teacher", "official");
    }

    @Test
    void filters_narrow_the_results_to_the_chosen_audience() {
        var teachers = search.search(new SearchQuery("", "vi", Set.of(), Set.of("teacher"), Set.of(), 50));
        assertThat(teachers.courseIds())
                .contains("teaching-with-digital-tools")
                .doesNotContain("e-identity-public-services");
    }

    @Test
    void suggestions_complete_a_title_as_one_types() {
        assertThat(search.suggest("lam quen", "vi")).anyMatch(t -> t.startsWith("Làm quen với điện thoại"));
        assertThat(search.suggest("Thư điện", "vi")).anyMatch(t -> t.startsWith("Thư điện tử"));
    }

    @Test
    void the_postgresql_fallback_answers_the_same_everyday_queries() {
        var result = search.fallback(SearchQuery.of("lua dao", "vi"));
        assertThat(result.fallback()).isTrue();
        assertThat(result.courseIds()).contains("online-safety-scams");
    }

    @Test
    void a_content_change_reaches_the_index_through_the_outbox() throws Exception {
        var id = "sync-" + UUID.randomUUID().toString().substring(0, 8);
        var folder = CourseFixtures.validCourse(temp, id);
        // Other tests load the same fixture under other ids: a word of its own finds this copy among them.
        CourseFixtures.write(
                folder.resolve("course.yaml"),
                java.nio.file.Files.readString(folder.resolve("course.yaml"))
                        .replace("en: The first steps.", "en: The first steps with a quokka."));
        content.load(temp);
        indexer.drain();
        assertThat(search.search(SearchQuery.of("quokka first steps", "en")).courseIds())
                .first()
                .isEqualTo(id);
        CourseFixtures.write(
                folder.resolve("course.yaml"),
                java.nio.file.Files.readString(folder.resolve("course.yaml"))
                        .replace("en: Getting to know your phone", "en: Zebra crossing safety"));
        content.load(temp);
        indexer.drain();
        assertThat(search.search(SearchQuery.of("zebra crossing", "en")).courseIds())
                .first()
                .isEqualTo(id);
    }
}
