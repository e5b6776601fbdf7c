package org.digilit.organisation;

import java.util.List;

/**
 * One thing wrong with an import file: the row (1-based line of the file's records, the header being row 1; 0 for the
 * file as a whole), the column's header name (empty for the whole row or file), and a problem code with its arguments.
 * The code is a translation key suffix: the UI shows {@code import.problem.<code>} with the arguments, so the same
 * report reads in Vietnamese and English. Arguments never carry anything but what the file itself said.
 */
public record ImportProblem(int row, String column, String code, List<String> arguments) {

    public ImportProblem {
        arguments = List.copyOf(arguments);
    }

    public static ImportProblem of(int row, String column, String code, String... arguments) {
        return new ImportProblem(row, column, code, List.of(arguments));
    }
}
