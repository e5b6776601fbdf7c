package org.digilit.account;

import java.util.List;
import org.digilit.base.ImportProblem;

/**
 * What an account import found (dry run) or did (apply): rows read, accounts that are new, changed or unchanged, and
 * the problems (the first {@link AccountImportService#MAX_REPORTED_PROBLEMS}, with the total count).
 */
public record AccountImportReport(
        boolean applied,
        int rows,
        int created,
        int updated,
        int unchanged,
        int problemCount,
        List<ImportProblem> problems) {

    public AccountImportReport {
        problems = List.copyOf(problems);
    }

    /** A file that can be applied: rows and no problem. */
    public boolean valid() {
        return problemCount == 0 && rows > 0;
    }
}
