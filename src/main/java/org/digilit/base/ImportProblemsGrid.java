package org.digilit.base;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;

/**
 * The problems of an uploaded file as every import page shows them (people, organisations, devices, completions): the
 * row, the column and what is wrong in the reader's language. The text wraps instead of being cut with an ellipsis: it
 * is what the admin has to fix (seen cut at 1280 px in the completions import walk, session 9). Hidden until a file
 * has problems.
 */
public class ImportProblemsGrid extends Grid<ImportProblem> {

    /** Up to this many problems the grid shows them all without its own scrolling. */
    static final int SHORT_LIST = 20;

    public ImportProblemsGrid() {
        addColumn(ImportProblem::row)
                .setHeader(getTranslation("import.row"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(ImportProblem::column)
                .setHeader(getTranslation("import.column"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(p -> ImportProblemReport.describe(p, this::getTranslation))
                .setHeader(getTranslation("import.problem"))
                .setFlexGrow(1);
        addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        addClassName("import-problems");
        setVisible(false);
    }

    /** A file's problems: a short list takes only the height it needs, a long one scrolls within the page. */
    public void show(List<ImportProblem> problems) {
        setItems(problems);
        setAllRowsVisible(problems.size() <= SHORT_LIST);
    }
}
