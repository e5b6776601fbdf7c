package org.digilit.account;

import java.util.List;
import org.digilit.base.ImportProblem;

/**
 * What an account import found (dry run) or did (apply): rows read, accounts that are new, changed or unchanged, the
 * problems (the first {@link AccountImportService#MAX_REPORTED_PROBLEMS}, with the total count), and the rows whose
 * person already has an account (found by the blind index of their number; as many, at most). People found elsewhere
 * (DD007): unverified self-registrations the import claims into the importing organisation, and verified accounts of
 * another organisation, which become move requests for the platform admin while the rest of the file goes in.
 */
public record AccountImportReport(
        boolean applied,
        int rows,
        int created,
        int updated,
        int unchanged,
        int claimed,
        int moveRequested,
        int problemCount,
        List<ImportProblem> problems,
        List<Match> matches) {

    /**
     * A row whose person already has an account: the columns the row changes (none: the row changes nothing), and
     * whether the account is in scope, is a self-registration the import claims, or must be moved by the platform
     * admin.
     */
    public record Match(int row, List<String> changedColumns, Kind kind) {

        public enum Kind {
            IN_SCOPE,
            CLAIM,
            MOVE_REQUEST
        }

        public Match {
            changedColumns = List.copyOf(changedColumns);
        }

        public Match(int row, List<String> changedColumns) {
            this(row, changedColumns, Kind.IN_SCOPE);
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
