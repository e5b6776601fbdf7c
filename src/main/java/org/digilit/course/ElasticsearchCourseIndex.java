package org.digilit.course;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.search.CompletionContext;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.digilit.base.TextFolding;
import org.springframework.stereotype.Component;

/**
 * The course search index in Elasticsearch: one document per course or lesson and language. The minimal server has no
 * folding analyzers, so folded copies of titles and bodies are made in Java ({@link TextFolding}) and the query is
 * folded the same way. Fuzziness is AUTO:4,7: words of up to three letters (most Vietnamese syllables) must match
 * exactly, or "ba" would match everything. A query runs in the reader's language and, in the same round trip, in the
 * other one, whose hits come after (an English word in the Vietnamese interface still finds the course); synonyms
 * ({@link SearchSynonyms}) add readings of the query; snippets are marked in Java on folded text ({@link Highlighter}),
 * so words typed without diacritics are marked too. See DD012.
 */
@Component
class ElasticsearchCourseIndex implements CourseSearchIndex {

    static final String INDEX = "digilit-courses";
    private static final String FUZZINESS = "AUTO:4,7";
    /**
     * One copy of the index on every node up to two: none on a single node (which stays green), a replica as soon as a
     * second node joins, so the loss of one node loses no search. See DD017.
     */
    static final String REPLICAS = "0-1";

    private static final int PREFIX_MIN_LENGTH = 6;
    private static final int SNIPPET_CHARS = 160;

    private final ElasticsearchClient client;
    private final SearchSynonyms synonyms = SearchSynonyms.standard();

    ElasticsearchCourseIndex(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * The shape of the index (mapping and similarities), kept in the mapping's {@code _meta}. Raise it with every change
     * of {@link #createIndex()}: an index of another shape is made again at start-up and filled from PostgreSQL. 2: titles
     * scored without term frequency and length (DD012).
     */
    static final int MAPPING_VERSION = 2;

    /**
     * Titles are scored by which words they hold, not how often or in how short a title: BM25 with k1 = 0 (the rarity of
     * the word still counts). A title names its subject or does not; "link link scam" is no more about links than
     * "Fake messages and strange links".
     */
    static final String TITLE_SIMILARITY = "title_words";

    @Override
    public boolean ensureIndex() throws IOException {
        if (!client.indices().exists(e -> e.index(INDEX)).value()) {
            create();
            return true;
        }
        if (mappingVersion() != MAPPING_VERSION) {
            recreate();
            return true;
        }
        // An index made before replicas were set (or by hand) gets them now: settings, not a reindex.
        client.indices().putSettings(p -> p.index(INDEX).settings(s -> s.autoExpandReplicas(REPLICAS)));
        return false;
    }

    /** The version in the index's {@code _meta} (1 for an index made before it was kept). */
    private int mappingVersion() throws IOException {
        var mapping = client.indices().getMapping(g -> g.index(INDEX)).result().get(INDEX);
        var version = mapping == null ? null : mapping.mappings().meta().get("version");
        return version == null ? 1 : version.to(Integer.class);
    }

    @Override
    public void recreate() throws IOException {
        if (client.indices().exists(e -> e.index(INDEX)).value()) {
            client.indices().delete(d -> d.index(INDEX));
        }
        create();
    }

    /**
     * Creates the index. Another app instance starting at the same moment (or a retry of a slow request on another
     * node) may have created it first: that is the same index, so "already exists" is success.
     */
    private void create() throws IOException {
        try {
            createIndex();
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    private void createIndex() throws IOException {
        client.indices()
                .create(c -> c.index(INDEX)
                        .settings(s -> s.numberOfShards("1")
                                .autoExpandReplicas(REPLICAS)
                                .refreshInterval(t -> t.time("1s"))
                                .similarity(
                                        TITLE_SIMILARITY,
                                        sim -> sim.bm25(b -> b.k1(0.0).b(0.0))))
                        .mappings(m -> m.meta("version", JsonData.of(MAPPING_VERSION))
                                .properties("kind", p -> p.keyword(k -> k))
                                .properties("course_id", p -> p.keyword(k -> k))
                                .properties("lesson_id", p -> p.keyword(k -> k))
                                .properties("language", p -> p.keyword(k -> k))
                                .properties("level", p -> p.keyword(k -> k))
                                .properties("audiences", p -> p.keyword(k -> k))
                                .properties("tags", p -> p.keyword(k -> k))
                                .properties("title", p -> p.text(t -> t.similarity(TITLE_SIMILARITY)))
                                .properties("course_title", p -> p.text(t -> t.index(false)))
                                .properties("other_title", p -> p.text(t -> t.index(false)))
                                .properties("other_course_title", p -> p.text(t -> t.index(false)))
                                .properties(
                                        "title_folded",
                                        p -> p.text(t -> t.similarity(TITLE_SIMILARITY)
                                                .indexPrefixes(
                                                        i -> i.minChars(2).maxChars(10))))
                                .properties("body", p -> p.text(t -> t))
                                .properties("body_folded", p -> p.text(t -> t))
                                .properties(
                                        "suggest",
                                        p -> p.completion(c2 -> c2.contexts(ctx -> ctx.name("language")
                                                .type("category")
                                                .path("language"))))));
    }

    /**
     * Overwrites the course's documents (their ids are stable) and deletes those that are gone, in one bulk request.
     * The minimal server has no delete-by-query, so the stale ids are looked up first.
     */
    @Override
    @SuppressWarnings("rawtypes")
    public void replaceCourse(String courseId, List<Document> documents) throws IOException {
        var keep = documents.stream().map(Document::id).collect(java.util.stream.Collectors.toSet());
        var existing = client.search(
                s -> s.index(INDEX)
                        .size(10_000)
                        .source(src -> src.fetch(false))
                        .query(q -> q.term(t -> t.field("course_id").value(courseId))),
                Map.class);
        var stale = existing.hits().hits().stream()
                .map(Hit::id)
                .filter(id -> id != null && !keep.contains(id))
                .toList();
        write(documents, stale);
    }

    @Override
    public void bulk(List<Document> documents) throws IOException {
        write(documents, List.of());
    }

    private void write(List<Document> documents, List<String> deletions) throws IOException {
        if (documents.isEmpty() && deletions.isEmpty()) {
            return;
        }
        var response = client.bulk(b -> {
            for (var document : documents) {
                b.operations(
                        op -> op.index(i -> i.index(INDEX).id(document.id()).document(source(document))));
            }
            for (var id : deletions) {
                b.operations(op -> op.delete(d -> d.index(INDEX).id(id)));
            }
            return b;
        });
        if (response.errors()) {
            var first = response.items().stream()
                    .filter(item -> item.error() != null)
                    .findFirst()
                    .map(item -> item.error().reason())
                    .orElse("unknown");
            throw new IOException("Elasticsearch refused some documents: " + first);
        }
        client.indices().refresh(r -> r.index(INDEX));
    }

    private static Map<String, Object> source(Document document) {
        var source = new HashMap<String, Object>();
        source.put("kind", document.kind());
        source.put("course_id", document.courseId());
        source.put("lesson_id", document.lessonId());
        source.put("language", document.language());
        source.put("level", document.level());
        source.put("audiences", document.audiences());
        source.put("tags", document.tags());
        source.put("title", document.title());
        source.put("course_title", document.courseTitle());
        source.put("other_title", document.otherTitle());
        source.put("other_course_title", document.otherCourseTitle());
        source.put("title_folded", TextFolding.fold(document.title()));
        source.put("body", document.body());
        source.put("body_folded", TextFolding.fold(document.body()));
        source.put("suggest", Map.of("input", List.of(TextFolding.fold(document.title()), document.title())));
        return source;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SearchResult search(SearchQuery query) throws IOException {
        var folded = TextFolding.fold(query.text());
        var expansion = folded.isEmpty() ? SearchSynonyms.Expansion.NONE : synonyms.expand(query.text());
        var main = mainQuery(query.text(), folded, expansion);
        var boosts = boosts(folded);
        var other = query.language().equals("vi") ? "en" : "vi";
        var aggregations = new LinkedHashMap<String, Aggregation>();
        for (var field : List.of("level", "audiences", "tags")) {
            aggregations.put(
                    field, Aggregation.of(a -> a.terms(t -> t.field(field).size(30))));
        }
        // One round trip: the reader's language, then (for words typed) the other language, ranked after it.
        var response = client.msearch(
                m -> {
                    m.searches(s -> s.header(h -> h.index(INDEX)).body(b -> {
                        b.size(query.size())
                                .query(filtered(query, query.language(), main, boosts))
                                .aggregations(aggregations);
                        if (!folded.isEmpty()) {
                            b.suggest(didYouMean(folded, query.language()));
                        }
                        return b;
                    }));
                    if (!folded.isEmpty()) {
                        m.searches(s -> s.header(h -> h.index(INDEX))
                                .body(b -> b.size(query.size()).query(filtered(query, other, main, boosts))));
                    }
                    return m;
                },
                Map.class);
        var terms = Highlighter.terms(query.text(), expansion);
        var hits = new ArrayList<SearchResult.Hit>();
        var seen = new java.util.HashSet<String>();
        var facets = new LinkedHashMap<String, Map<String, Long>>();
        var didYouMean = new ArrayList<String>();
        for (int i = 0; i < response.responses().size(); i++) {
            var item = response.responses().get(i);
            if (item.isFailure()) {
                throw new IOException("Elasticsearch refused the search: "
                        + item.failure().error().reason());
            }
            var result = item.result();
            boolean otherLanguage = i > 0;
            for (Hit<Map> hit : result.hits().hits()) {
                var source = hit.source();
                if (source == null || hits.size() >= query.size()) {
                    continue;
                }
                var lessonId = source.get("lesson_id");
                var lesson = lessonId == null || "".equals(lessonId) ? null : String.valueOf(lessonId);
                var courseId = String.valueOf(source.get("course_id"));
                if (!seen.add(courseId + ":" + lesson)) {
                    continue;
                }
                var body = String.valueOf(source.get("body"));
                hits.add(new SearchResult.Hit(
                        courseId,
                        lesson,
                        String.valueOf(source.get(otherLanguage ? "other_title" : "title")),
                        String.valueOf(source.get(otherLanguage ? "other_course_title" : "course_title")),
                        terms.isEmpty()
                                ? body.substring(0, Math.min(SNIPPET_CHARS, body.length()))
                                : Highlighter.snippet(body, terms, SNIPPET_CHARS),
                        otherLanguage ? String.valueOf(source.get("language")) : null));
            }
            if (i == 0) {
                result.aggregations().forEach((name, aggregate) -> {
                    var counts = new LinkedHashMap<String, Long>();
                    aggregate
                            .sterms()
                            .buckets()
                            .array()
                            .forEach(b -> counts.put(b.key().stringValue(), b.docCount()));
                    facets.put(name, counts);
                });
                didYouMean.addAll(suggestions(folded, result.suggest()));
            }
        }
        return new SearchResult(hits, facets, false, hits.isEmpty() ? didYouMean : List.of(), List.of());
    }

    /** What lifts a hit above the others that match: being a course, the words side by side. */
    private static List<Query> boosts(String folded) {
        var boosts = new ArrayList<Query>();
        boosts.add(Query.of(q -> q.term(t -> t.field("kind").value("course").boost(3f))));
        if (!folded.isEmpty()) {
            boosts.add(Query.of(q ->
                    q.matchPhrase(m -> m.field("title_folded").query(folded).boost(3f))));
            boosts.add(Query.of(q -> q.matchPhrase(
                    m -> m.field("body_folded").query(folded).slop(1).boost(1.5f))));
        }
        return boosts;
    }

    /**
     * The reader's-language search exactly as {@link #search} ranks it, one line per hit with its score (course,
     * lesson, title): for the search benchmark's list of the queries that miss, and for anyone tuning the ranking.
     */
    @SuppressWarnings("rawtypes")
    List<String> explain(SearchQuery query) throws IOException {
        var folded = TextFolding.fold(query.text());
        var expansion = folded.isEmpty() ? SearchSynonyms.Expansion.NONE : synonyms.expand(query.text());
        var ranked = filtered(query, query.language(), mainQuery(query.text(), folded, expansion), boosts(folded));
        var response = client.search(s -> s.index(INDEX).size(query.size()).query(ranked), Map.class);
        var lines = new ArrayList<String>();
        for (Hit<Map> hit : response.hits().hits()) {
            var source = hit.source();
            lines.add(String.format(
                    java.util.Locale.ROOT,
                    "%7.2f %s %s \"%s\"",
                    hit.score() == null ? 0.0 : hit.score(),
                    source == null ? "?" : source.get("course_id"),
                    source == null ? "?" : source.get("lesson_id"),
                    source == null ? "?" : source.get("title")));
        }
        return lines;
    }

    /**
     * What the words typed match: as typed (fuzzy for longer words), folded, as a title being typed, their Telex
     * reading, and every reading the synonyms give (exact words, a little below the words typed).
     */
    private static Query mainQuery(String text, String folded, SearchSynonyms.Expansion expansion) {
        if (folded.isEmpty()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        var should = new ArrayList<Query>();
        should.add(Query.of(q -> q.multiMatch(m -> m.query(text)
                .fields("title^3", "body")
                .type(TextQueryType.BestFields)
                .fuzziness(FUZZINESS)
                .prefixLength(1))));
        should.add(Query.of(q -> q.multiMatch(m -> m.query(folded)
                .fields("title_folded^3", "body_folded", "tags^2")
                .type(TextQueryType.BestFields)
                .fuzziness(FUZZINESS)
                .prefixLength(1))));
        should.add(Query.of(q ->
                q.matchBoolPrefix(m -> m.field("title_folded").query(folded).boost(2f))));
        // A whole word typed is also the start of a longer word of the text: "grandchild" finds "grandchildren",
        // "install" finds "installing". The analyzer does not stem, and fuzziness forgives at most 2 letters, so
        // without this such words were found only by the PostgreSQL fallback (which matches substrings). Only for a
        // last word of 6 letters or more, so that short syllables do not open up to everything; ranked low.
        var words = folded.split(" ");
        if (words[words.length - 1].length() >= PREFIX_MIN_LENGTH) {
            should.add(Query.of(q ->
                    q.matchBoolPrefix(m -> m.field("body_folded").query(folded).boost(0.5f))));
        }
        if (Telex.looksLikeTelex(folded)) {
            var telex = Telex.read(folded);
            should.add(Query.of(q -> q.multiMatch(
                    m -> m.query(telex).fields("title_folded^2", "body_folded").type(TextQueryType.BestFields))));
        }
        for (var reading : expansion.readings()) {
            should.add(Query.of(q -> q.multiMatch(m -> m.query(reading)
                    .fields("title_folded^3", "body_folded", "tags^2")
                    .type(TextQueryType.BestFields)
                    .boost(0.8f))));
            should.add(Query.of(q ->
                    q.matchPhrase(m -> m.field("title_folded").query(reading).boost(2.4f))));
            should.add(Query.of(q -> q.matchPhrase(
                    m -> m.field("body_folded").query(reading).slop(1).boost(1.2f))));
        }
        return Query.of(q -> q.bool(b -> b.should(should).minimumShouldMatch("1")));
    }

    private static Query filtered(SearchQuery query, String language, Query main, List<Query> boosts) {
        var filters = new ArrayList<Query>();
        filters.add(Query.of(q -> q.term(t -> t.field("language").value(language))));
        addTerms(filters, "level", query.levels());
        addTerms(filters, "audiences", query.audiences());
        addTerms(filters, "tags", query.tags());
        return Query.of(q -> q.bool(b -> b.must(main).filter(filters).should(boosts)));
    }

    /** "Did you mean": each word's closest indexed word, and titles that start like the words typed (fuzzy). */
    private static co.elastic.clients.elasticsearch.core.search.Suggester didYouMean(String folded, String language) {
        return co.elastic.clients.elasticsearch.core.search.Suggester.of(sg -> sg.suggesters(
                        "words",
                        fs -> fs.text(folded).term(t -> t.field("body_folded").size(1)))
                .suggesters(
                        "titles",
                        fs -> fs.prefix(folded)
                                .completion(c -> c.field("suggest")
                                        .size(3)
                                        .skipDuplicates(true)
                                        .fuzzy(f -> f.fuzziness("AUTO"))
                                        .contexts(
                                                "language",
                                                List.of(CompletionContext.of(
                                                        cc -> cc.context(c2 -> c2.category(language))))))));
    }

    @SuppressWarnings("rawtypes")
    private static List<String> suggestions(
            String folded, Map<String, List<co.elastic.clients.elasticsearch.core.search.Suggestion<Map>>> suggest) {
        var out = new ArrayList<String>();
        var words = suggest.getOrDefault("words", List.of());
        if (!words.isEmpty()) {
            var corrected = new StringBuilder(folded);
            boolean changed = false;
            // Replace from the end so earlier offsets stay valid.
            for (var suggestion : words.reversed()) {
                var term = suggestion.term();
                if (!term.options().isEmpty()) {
                    corrected.replace(
                            term.offset(),
                            term.offset() + term.length(),
                            term.options().getFirst().text());
                    changed = true;
                }
            }
            if (changed) {
                out.add(corrected.toString());
            }
        }
        for (var suggestion : suggest.getOrDefault("titles", List.of())) {
            for (var option : suggestion.completion().options()) {
                var source = option.source();
                var title = source == null ? option.text() : String.valueOf(source.get("title"));
                if (!out.contains(title)) {
                    out.add(title);
                }
            }
        }
        return out;
    }

    private static void addTerms(List<Query> filters, String field, Set<String> values) {
        if (!values.isEmpty()) {
            var terms = values.stream().map(FieldValue::of).toList();
            filters.add(Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(terms)))));
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List<String> suggest(String prefix, String language) throws IOException {
        var folded = TextFolding.fold(prefix);
        if (folded.length() < 2) {
            return List.of();
        }
        var response = client.search(
                s -> s.index(INDEX)
                        .size(0)
                        .suggest(sg -> sg.suggesters(
                                "titles",
                                fs -> fs.prefix(folded)
                                        .completion(c -> c.field("suggest")
                                                .size(8)
                                                .skipDuplicates(true)
                                                .contexts(
                                                        "language",
                                                        List.of(CompletionContext.of(
                                                                cc -> cc.context(c2 -> c2.category(language)))))))),
                Map.class);
        var titles = new ArrayList<String>();
        for (var suggestion : response.suggest().getOrDefault("titles", List.of())) {
            for (var option : suggestion.completion().options()) {
                var source = option.source();
                var title = source == null ? option.text() : String.valueOf(source.get("title"));
                if (!titles.contains(title)) {
                    titles.add(title);
                }
            }
        }
        return titles;
    }
}
