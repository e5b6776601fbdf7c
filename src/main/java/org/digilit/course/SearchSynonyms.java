package org.digilit.course;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.digilit.base.TextFolding;

/**
 * The words people type for the same thing ("cccd", "căn cước", "identity card"), read from the reviewed file
 * {@code search/synonyms.txt}: one group a line, phrases separated by commas. The minimal Elasticsearch has no synonym
 * filter worth relying on and the PostgreSQL fallback has none, so the query is expanded here, in Java, the same way for
 * both: every phrase of a group found in the (folded) query gives a reading of the query with that phrase replaced by
 * each other phrase of its group. Groups apply both ways by construction. See DD012.
 */
final class SearchSynonyms {

    /** At most this many readings of one query are sent (a long query touching many groups stays cheap). */
    static final int MAX_READINGS = 12;

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** The query's other readings and every phrase they brought in (for highlighting). */
    record Expansion(List<String> readings, Set<String> phrases) {

        static final Expansion NONE = new Expansion(List.of(), Set.of());

        boolean isEmpty() {
            return readings.isEmpty();
        }
    }

    private final List<List<List<String>>> groups;

    private SearchSynonyms(List<List<List<String>>> groups) {
        this.groups = groups;
    }

    /** The reviewed file on the class path. */
    static SearchSynonyms standard() {
        try (InputStream in = SearchSynonyms.class.getResourceAsStream("/search/synonyms.txt")) {
            if (in == null) {
                throw new IllegalStateException("search/synonyms.txt is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SearchSynonyms parse(String text) {
        var groups = new ArrayList<List<List<String>>>();
        for (var line : text.split("\n")) {
            var stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            var group = new ArrayList<List<String>>();
            for (var phrase : stripped.split(",")) {
                var words = words(phrase);
                if (!words.isEmpty() && !group.contains(words)) {
                    group.add(words);
                }
            }
            if (group.size() > 1) {
                groups.add(List.copyOf(group));
            }
        }
        return new SearchSynonyms(List.copyOf(groups));
    }

    /** The folded words of a text, split on anything that is not a letter or digit. */
    static List<String> words(String text) {
        return Arrays.stream(NON_WORD.split(TextFolding.fold(text)))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    int groupCount() {
        return groups.size();
    }

    /**
     * The other readings of a query: for each group phrase found in it (whole words), the query with that phrase
     * replaced by each other phrase of the group. Longer phrases first, so "mã otp" wins over "otp" alone.
     */
    Expansion expand(String query) {
        var words = words(query);
        if (words.isEmpty()) {
            return Expansion.NONE;
        }
        record Match(List<List<String>> group, List<String> phrase, int at) {}
        var matches = new ArrayList<Match>();
        for (var group : groups) {
            group.stream()
                    .filter(phrase -> indexOf(words, phrase) >= 0)
                    .max((a, b) -> Integer.compare(a.size(), b.size()))
                    .ifPresent(phrase -> matches.add(new Match(group, phrase, indexOf(words, phrase))));
        }
        // The longest phrase first; a phrase inside a longer one found by another group ("định danh" inside
        // "định danh điện tử") gives no readings of its own.
        matches.sort((a, b) -> Integer.compare(b.phrase().size(), a.phrase().size()));
        var kept = new ArrayList<Match>();
        for (var match : matches) {
            boolean inside = kept.stream()
                    .anyMatch(k -> k.at() <= match.at()
                            && match.at() + match.phrase().size()
                                    <= k.at() + k.phrase().size());
            if (!inside) {
                kept.add(match);
            }
        }
        var readings = new LinkedHashSet<String>();
        var phrases = new LinkedHashSet<String>();
        var original = String.join(" ", words);
        for (var match : kept) {
            var phrase = match.phrase();
            int at = match.at();
            for (var other : match.group()) {
                if (other.equals(phrase)) {
                    continue;
                }
                var reading = new ArrayList<String>(words.subList(0, at));
                reading.addAll(other);
                reading.addAll(words.subList(at + phrase.size(), words.size()));
                var joined = String.join(" ", reading);
                if (!joined.equals(original) && readings.size() < MAX_READINGS) {
                    readings.add(joined);
                }
                phrases.add(String.join(" ", other));
            }
        }
        return new Expansion(List.copyOf(readings), Set.copyOf(phrases));
    }

    private static int indexOf(List<String> words, List<String> phrase) {
        outer:
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            for (int j = 0; j < phrase.size(); j++) {
                if (!words.get(i + j).equals(phrase.get(j))) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
