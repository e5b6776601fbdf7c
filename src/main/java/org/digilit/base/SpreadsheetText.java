package org.digilit.base;

/**
 * Text bound for a CSV or spreadsheet cell, made inert: a value that a spreadsheet would run as a formula ({@code =},
 * {@code +}, {@code -}, {@code @}, tab or carriage return first) gets a leading apostrophe, so
 * {@code =HYPERLINK(...)} in a name shows as text in every export.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {}

    public static String inert(String value) {
        if (value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}
