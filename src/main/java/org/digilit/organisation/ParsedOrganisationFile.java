package org.digilit.organisation;

import java.util.List;
import org.digilit.base.ImportProblem;

/**
 * What {@link OrganisationFileParser} found in an import file: the rows that passed every check with the row number
 * each came from (as a person sees it in a spreadsheet), how many data rows failed, and every problem (row by row, in
 * file order). The file may only be imported when there are no problems at all.
 */
record ParsedOrganisationFile(
        List<OrganisationRow> rows, List<Integer> rowNumbers, int rejectedRows, List<ImportProblem> problems) {

    ParsedOrganisationFile {
        rows = List.copyOf(rows);
        rowNumbers = List.copyOf(rowNumbers);
        problems = List.copyOf(problems);
    }

    boolean valid() {
        return problems.isEmpty();
    }
}
