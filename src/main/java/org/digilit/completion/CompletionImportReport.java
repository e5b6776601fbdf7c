package org.digilit.completion;

import java.util.List;
import org.digilit.base.ImportProblem;

/**
 * What a completions import did (or, in a dry run, would do): rows read; completions matched to accounts (new, or
 * earlier dates); rows put in the holding list (no account yet); rows that changed nothing; and every problem. A file
 * with problems is not applied.
 */
public record CompletionImportReport(int rows, int matched, int held, int unchanged, List<ImportProblem> problems) {

    public CompletionImportReport {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
