package org.digilit.course;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Marks the words of a query in a text and cuts a snippet around them, matching on folded text (no diacritics, lower
 * case) and marking the original: "mat khau" marks "mật khẩu". Done here rather than by Elasticsearch, whose
 * highlighter only marks what the analysed field holds (and this minimal server cannot fold), and whose fuzzy
 * highlighting is slow. Whole words only; the last word typed also matches as a prefix (people are still typing).
 */
final class Highlighter {

    private static final Pattern DIACRITICS = Pattern.compile("\\p{InCombiningDiacriticalMarks}+");

    private Highlighter() {}

    /** A folded copy of a text and, for each of its characters, where it came from in the original. */
    record Folded(String text, int[] origin) {}

    /**
     * Folds like {@link org.digilit.base.TextFolding} but character by character, keeping each folded character's
     * position in the original (spaces are not collapsed, so words keep their places).
     */
    static Folded fold(String original) {
        var out = new StringBuilder(original.length());
        var origin = new int[original.length() + 1];
        int n = 0;
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            int width = Character.charCount(cp);
            var piece = java.text.Normalizer.normalize(original.substring(i, i + width), java.text.Normalizer.Form.NFD);
            piece = DIACRITICS.matcher(piece).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
            piece = java.text.Normalizer.normalize(piece, java.text.Normalizer.Form.NFC)
                    .toLowerCase(Locale.ROOT);
            for (int k = 0; k < piece.length(); k++) {
                if (n == origin.length) {
                    origin = java.util.Arrays.copyOf(origin, origin.length * 2);
                }
                out.append(piece.charAt(k));
                origin[n++] = i;
            }
            i += width;
        }
        if (n == origin.length) {
            origin = java.util.Arrays.copyOf(origin, origin.length + 1);
        }
        origin[n] = original.length();
        return new Folded(out.toString(), java.util.Arrays.copyOf(origin, n + 1));
    }

    /** A match in the original text: [start, end). */
    record Span(int start, int end) {}

    /**
     * Where the terms (folded words or phrases) occur in the text as whole words; a term ending in {@code *} matches
     * as a prefix.
     */
    static List<Span> find(String original, Collection<String> terms) {
        var folded = fold(original);
        var text = folded.text();
        var spans = new ArrayList<Span>();
        for (var term : terms) {
            boolean prefix = term.endsWith("*");
            var word = prefix ? term.substring(0, term.length() - 1) : term;
            if (word.length() < 2) {
                continue;
            }
            for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
                int end = at + word.length();
                if (at > 0 && Character.isLetterOrDigit(text.charAt(at - 1))) {
                    continue;
                }
                if (!prefix) {
                    if (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                        continue;
                    }
                } else {
                    while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                        end++;
                    }
                }
                spans.add(new Span(folded.origin()[at], folded.origin()[end - 1] + 1));
            }
        }
        spans.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : b.end() - a.end());
        // Overlaps (a phrase and its words) become one mark.
        var merged = new ArrayList<Span>();
        for (var span : spans) {
            if (!merged.isEmpty() && span.start() <= merged.getLast().end()) {
                var last = merged.removeLast();
                merged.add(new Span(last.start(), Math.max(last.end(), span.end())));
            } else {
                merged.add(span);
            }
        }
        // A mark over the end of a surrogate pair or a combining sequence would split it: end on a whole character.
        return merged;
    }

    /**
     * A snippet of about {@code chars} characters of the text around the place with the most different terms,
     * with the terms marked between {@link SearchResult#MARK_START} and {@link SearchResult#MARK_END}; the text's
     * beginning, unmarked, when no term occurs.
     */
    static String snippet(String text, Collection<String> terms, int chars) {
        var spans = find(text, terms);
        if (spans.isEmpty()) {
            return cut(text, 0, chars);
        }
        int bestStart = spans.getFirst().start();
        int bestCount = -1;
        for (var span : spans) {
            var seen = new HashSet<String>();
            for (var other : spans) {
                if (other.start() >= span.start() && other.end() <= span.start() + chars) {
                    seen.add(text.substring(other.start(), other.end()).toLowerCase(Locale.ROOT));
                }
            }
            if (seen.size() > bestCount) {
                bestCount = seen.size();
                bestStart = span.start();
            }
        }
        // Start a little before the first mark, at a word's beginning.
        int start = Math.max(0, bestStart - chars / 5);
        while (start > 0 && start < bestStart && !Character.isWhitespace(text.charAt(start - 1))) {
            start++;
        }
        int end = Math.min(text.length(), start + chars);
        while (end < text.length() && end > start && Character.isLetterOrDigit(text.charAt(end))) {
            end--;
        }
        if (end <= bestStart) {
            end = Math.min(text.length(), start + chars);
        }
        var out = new StringBuilder();
        if (start > 0) {
            out.append('…');
        }
        int at = start;
        for (var span : spans) {
            if (span.end() <= start || span.start() >= end) {
                continue;
            }
            int s = Math.max(span.start(), start);
            int e = Math.min(span.end(), end);
            out.append(text, at, s)
                    .append(SearchResult.MARK_START)
                    .append(text, s, e)
                    .append(SearchResult.MARK_END);
            at = e;
        }
        out.append(text, at, end);
        if (end < text.length()) {
            out.append('…');
        }
        return out.toString().strip();
    }

    /** The folded words and phrases to mark for a query: as typed, its Telex reading and its synonyms. */
    static Set<String> terms(String query, SearchSynonyms.Expansion expansion) {
        var terms = new java.util.LinkedHashSet<String>();
        var words = SearchSynonyms.words(query);
        for (int i = 0; i < words.size(); i++) {
            var word = words.get(i);
            terms.add(i == words.size() - 1 && !query.endsWith(" ") ? word + "*" : word);
        }
        var folded = String.join(" ", words);
        if (Telex.looksLikeTelex(folded)) {
            terms.addAll(List.of(Telex.read(folded).split(" ")));
        }
        terms.addAll(expansion.phrases());
        return terms;
    }

    private static String cut(String text, int start, int chars) {
        return text.substring(start, Math.min(text.length(), start + chars));
    }
}
