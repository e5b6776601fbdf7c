package org.digilit.organisation;

import java.util.List;
import org.digilit.base.ImportProblem;

/**
 * What an organisation file would do (dry run) or did (applied): the problems found, row by row, and how many
 * organisations are new, changed, moved or unchanged. Nothing is applied unless there are no problems.
 */
public record ImportReport(
        String fileName, int rows, List<ImportProblem> problems, int created, int updated, int moved, int unchanged) {

    public ImportReport {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
