package org.digilit.course;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads Telex leftovers, the keystrokes that type Vietnamese on a keyboard without a Vietnamese input method
 * ("luwa ddaor" for "lừa đảo"), into folded text ("lua dao"). Cheap and approximate: doubled letters and {@code w}
 * marks become the plain letter, a trailing tone key (s f r x j) after a vowel is dropped.
 */
final class Telex {

    private static final Pattern TONE_AT_END = Pattern.compile("([aeiouy])[sfrxj]$");
    private static final Pattern TELEX_SIGNS = Pattern.compile("dd|aa|ee|oo|aw|ow|uw|w|[aeiouy][sfrxj]$");

    private Telex() {}

    /** The folded reading of every word that looks like Telex; other words stay as they are. */
    static String read(String folded) {
        return Arrays.stream(folded.split(" ")).map(Telex::word).collect(Collectors.joining(" "));
    }

    static boolean looksLikeTelex(String folded) {
        return Arrays.stream(folded.split(" "))
                .anyMatch(w -> w.length() > 2 && TELEX_SIGNS.matcher(w).find());
    }

    private static String word(String word) {
        if (word.length() <= 2) {
            return word;
        }
        var plain = word.replace("dd", "d")
                .replace("aa", "a")
                .replace("ee", "e")
                .replace("oo", "o")
                .replace("aw", "a")
                .replace("ow", "o")
                .replace("uw", "u")
                .replace("w", "u");
        return TONE_AT_END.matcher(plain).replaceAll("$1");
    }
}
