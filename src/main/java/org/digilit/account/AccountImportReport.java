package org.digilit.account;

import java.util.List;
import org.digilit.base.ImportProblem;

/**
 * What an account import found (dry run) or did (apply): rows read, accounts that are new, changed or unchanged, the
 * problems (the first {@link AccountImportService#MAX_REPORTED_PROBLEMS}, with the total count), and the rows whose
 * person already has an account (found by the blind index of their number; as many, at most).
 */
public record AccountImportReport(
        boolean applied,
        int rows,
        int created,
        int updated,
        int unchanged,
        int problemCount,
        List<ImportProblem> problems,
        List<Match> matches) {

    /** A row whose person already has an account: the columns the row changes (none: the row changes nothing). */
    public record Match(int row, List<String> changedColumns) {

        public Match {
            changedColumns = List.copyOf(changedColumns);
        }
    }

    public AccountImportReport {
        problems = List.copyOf(problems);
        matches = List.copyOf(matches);
    }

    /** A file that can be applied: rows and no problem. */
    public boolean valid() {
        return problemCount == 0 && rows > 0;
    }
}
