package org.digilit.course;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The relevance set (src/test/resources/search/relevance.tsv) and precision at 3 over it. */
public final class RelevanceSet {

    /** A query, its language, and the course a person typing it is looking for. */
    public record Case(String query, String language, String expectedCourse) {}

    /** Precision at 3 and the cases whose course was not in the top 3. */
    public record Score(double precisionAt3, List<Case> misses) {}

    private RelevanceSet() {}

    public static List<Case> load() throws IOException {
        try (InputStream in = RelevanceSet.class.getResourceAsStream("/search/relevance.tsv")) {
            var cases = new ArrayList<Case>();
            for (var line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var parts = line.split("\t");
                cases.add(new Case(parts[0], parts[1], parts[2].strip()));
            }
            return cases;
        }
    }

    /** The share of cases whose expected course is among the first three distinct courses returned. */
    public static Score score(List<Case> cases, Function<Case, SearchResult> search) {
        var misses = new ArrayList<Case>();
        for (var c : cases) {
            var top = search.apply(c).courseIds().stream().limit(3).toList();
            if (!top.contains(c.expectedCourse())) {
                misses.add(c);
            }
        }
        return new Score((cases.size() - misses.size()) / (double) cases.size(), misses);
    }
}
