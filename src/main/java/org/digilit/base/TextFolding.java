package org.digilit.base;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text the way people type it: lower case, Vietnamese diacritics removed ("Xã Tân Phú" → "xa tan phu", đ → d).
 * Only the combining diacritical marks block is dropped, so scripts whose vowel signs are other marks (Devanagari)
 * stay intact.
 */
public final class TextFolding {

    private static final Pattern DIACRITICS = Pattern.compile("\\p{InCombiningDiacriticalMarks}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TextFolding() {}

    public static String fold(String text) {
        var decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        var folded =
                DIACRITICS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(Normalizer.normalize(folded, Normalizer.Form.NFC)
                        .toLowerCase(Locale.ROOT)
                        .trim())
                .replaceAll(" ");
    }
}
