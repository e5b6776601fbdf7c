package org.digilit.base;

import java.util.List;

/**
 * One thing wrong with an import file: the row (1-based line of the file's records, the header being row 1; 0 for the
 * file as a whole), the column's header name (empty for the whole row or file), and a problem code with its arguments.
 * The code is a translation key suffix: the UI shows {@code import.problem.<code>} with the arguments, so the same
 * report reads in Vietnamese and English. Arguments never carry anything but what the file itself said, and never
 * personal identity numbers. Shared by every import (organisations, accounts) so that one report view shows them all.
 */
public record ImportProblem(int row, String column, String code, List<String> arguments) {

    /** The longest text an argument quotes from the file; longer values are cut (see {@link #excerpt}). */
    public static final int ARGUMENT_MAX_LENGTH = 40;

    public ImportProblem {
        arguments = List.copyOf(arguments);
    }

    public static ImportProblem of(int row, String column, String code, String... arguments) {
        return new ImportProblem(row, column, code, List.of(arguments));
    }

    /**
     * A value from the file as a problem may quote it: at most {@link #ARGUMENT_MAX_LENGTH} characters, never cutting
     * a surrogate pair in half.
     */
    public static String excerpt(String text) {
        if (text.length() <= ARGUMENT_MAX_LENGTH) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(ARGUMENT_MAX_LENGTH - 1))
                ? ARGUMENT_MAX_LENGTH - 1
                : ARGUMENT_MAX_LENGTH;
        return text.substring(0, end);
    }
}
