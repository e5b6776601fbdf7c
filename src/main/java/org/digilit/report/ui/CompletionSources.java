package org.digilit.report.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import org.digilit.report.Report;
import org.digilit.report.ReportLabels;
import org.digilit.report.ReportRow;

/**
 * The people who completed, by where they completed (issue #17): DigiLit online, in person, each other platform.
 * Each person counts once, in the source of the completion that made them complete, so a line's sources add up to
 * its "completed". Hidden while nobody has completed.
 */
class CompletionSources extends Composite<Section> {

    CompletionSources(Report report, ReportLabels labels) {
        var section = getContent();
        section.addClassName("report-section");
        section.addClassName("report-by-source");
        var sources = report.sources();
        section.setVisible(!sources.isEmpty());
        section.add(new H2(getTranslation("report.by-source.title")));
        var grid = new Grid<ReportRow>();
        grid.addClassName("report-source-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        grid.getElement().setAttribute("aria-label", getTranslation("report.by-source.title"));
        var nameColumn = grid.addColumn(labels::name)
                .setHeader(ReportGridSection.header(this, "organisation"))
                .setFlexGrow(2)
                .setWidth("11rem")
                .setFrozen(true);
        var footer = grid.appendFooterRow();
        footer.getCell(nameColumn).setText(getTranslation("report.total.of", labels.name(report.total())));
        for (var source : sources) {
            var column = grid.addColumn(r -> labels.number(r.completedBy(source)))
                    .setHeader(labels.completionSource(source))
                    .setKey("source-" + source)
                    .setTextAlign(ColumnTextAlign.END)
                    .setWidth("6rem")
                    .setFlexGrow(1);
            footer.getCell(column).setText(labels.number(report.total().completedBy(source)));
        }
        var completed = grid.addColumn(r -> labels.number(r.figures().completed()))
                .setHeader(ReportGridSection.header(this, "completed"))
                .setKey("completed")
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("6rem")
                .setFlexGrow(1);
        footer.getCell(completed).setText(labels.number(report.total().figures().completed()));
        var rows = report.weakestFirst();
        grid.setItems(rows);
        grid.setAllRowsVisible(rows.size() <= 25);
        if (rows.size() > 25) {
            grid.setHeight("30rem");
        }
        var hint = new Paragraph(getTranslation("report.by-source.hint"));
        hint.addClassName("report-hint");
        section.add(grid, hint);
    }
}
