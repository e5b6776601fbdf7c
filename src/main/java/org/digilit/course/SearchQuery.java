package org.digilit.course;

import java.util.Set;

/**
 * What a learner searches for: the text as typed, the language they read, and facet filters (empty: no filter).
 */
public record SearchQuery(
        String text, String language, Set<String> levels, Set<String> audiences, Set<String> tags, int size) {

    public static final int MAX_TEXT_LENGTH = 200;

    public SearchQuery {
        text = text.length() > MAX_TEXT_LENGTH ? text.substring(0, MAX_TEXT_LENGTH) : text;
        language = language.equals("en") ? "en" : "vi";
        levels = Set.copyOf(levels);
        audiences = Set.copyOf(audiences);
        tags = Set.copyOf(tags);
        size = Math.clamp(size, 1, 50);
    }

    public static SearchQuery of(String text, String language) {
        return new SearchQuery(text, language, Set.of(), Set.of(), Set.of(), 10);
    }
}
