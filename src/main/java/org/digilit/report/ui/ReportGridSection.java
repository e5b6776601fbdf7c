package org.digilit.report.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import java.util.Optional;
import java.util.function.Consumer;
import org.digilit.organisation.Metric;
import org.digilit.report.Report;
import org.digilit.report.ReportLabels;
import org.digilit.report.ReportRow;
import org.digilit.report.TargetCheck;

/**
 * The report's rows in a grid, weakest first, with the total in the footer. A row with organisations under it opens
 * them: its name is a link, and a click or Enter anywhere else on the row does the same.
 */
class ReportGridSection extends Composite<Section> {

    /** The key of the body row an event happened in (null elsewhere), from the grid's own event context. */
    private static final String ROW_KEY =
            "(ctx => ctx.section === 'body' && ctx.item ? ctx.item.key : null)" + "(element.getEventContext(event))";

    private final ReportLabels labels;

    /**
     * @param query the address shown, for the rows' links
     * @param drill opens a row that has organisations under it
     */
    ReportGridSection(Report report, ReportLabels labels, DashboardQuery query, Consumer<ReportRow> drill) {
        this.labels = labels;
        var section = getContent();
        section.addClassName("report-section");
        section.add(new H2(getTranslation("report.table")));
        var grid = new Grid<ReportRow>();
        grid.addClassName("report-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        grid.getElement().setAttribute("aria-label", getTranslation("report.table"));
        var nameColumn = grid.addColumn(LitRenderer.<ReportRow>of(
                                "<a href=\"${item.link}\" ?hidden=\"${!item.link}\">${item.name}</a>"
                                        + "<span ?hidden=\"${item.link}\">${item.name}</span>")
                        .withProperty("name", labels::name)
                        .withProperty(
                                "link",
                                row -> row.hasChildren()
                                        ? query.withOrganisation(row.organisationId())
                                                .href(DashboardView.ROUTE)
                                        : ""))
                .setHeader(header(this, "organisation"))
                .setKey("organisation")
                .setFlexGrow(2)
                .setWidth("11rem")
                .setFrozen(true);
        number(grid, "headcount", r -> labels.number(r.figures().headcount()));
        number(grid, "accounts", r -> labels.number(r.figures().accounts()));
        number(grid, "coverage", r -> labels.percent(r.figures().coverage()));
        number(grid, "activated", r -> labels.number(r.figures().activated()));
        number(grid, "completed", r -> labels.number(r.figures().completed()));
        number(grid, "completion-headcount", r -> labels.percent(r.figures().completionOfHeadcount()));
        number(
                grid,
                "target",
                r -> completionTarget(r).map(c -> labels.percent(c.target())).orElse(ReportLabels.NO_VALUE));
        number(
                grid,
                "gap",
                r -> completionTarget(r).map(c -> labels.points(c.gap())).orElse(ReportLabels.NO_VALUE));
        grid.addColumn(LitRenderer.<ReportRow>of(
                                "<span class=\"report-status report-status-${item.css}\" ?hidden=\"${!item.status}\">${item.status}</span>")
                        .withProperty(
                                "status",
                                r -> completionTarget(r)
                                        .map(c -> labels.status(c.status()))
                                        .orElse(""))
                        .withProperty(
                                "css",
                                r -> completionTarget(r)
                                        .map(c -> DashboardView.cssName(c.status()))
                                        .orElse("")))
                .setHeader(header(this, "status"))
                .setKey("status")
                .setWidth("8.5rem")
                .setFlexGrow(1);
        var footer = grid.appendFooterRow();
        footer.getCell(nameColumn).setText(getTranslation("report.total.of", labels.name(report.total())));
        var totals = report.total();
        footer.getCell(grid.getColumnByKey("headcount"))
                .setText(labels.number(totals.figures().headcount()));
        footer.getCell(grid.getColumnByKey("accounts"))
                .setText(labels.number(totals.figures().accounts()));
        footer.getCell(grid.getColumnByKey("coverage"))
                .setText(labels.percent(totals.figures().coverage()));
        footer.getCell(grid.getColumnByKey("activated"))
                .setText(labels.number(totals.figures().activated()));
        footer.getCell(grid.getColumnByKey("completed"))
                .setText(labels.number(totals.figures().completed()));
        footer.getCell(grid.getColumnByKey("completion-headcount"))
                .setText(labels.percent(totals.figures().completionOfHeadcount()));
        completionTarget(totals).ifPresent(c -> {
            footer.getCell(grid.getColumnByKey("target")).setText(labels.percent(c.target()));
            footer.getCell(grid.getColumnByKey("gap")).setText(labels.points(c.gap()));
            footer.getCell(grid.getColumnByKey("status")).setText(labels.status(c.status()));
        });
        var rows = report.weakestFirst();
        grid.setItems(rows);
        grid.setAllRowsVisible(rows.size() <= 25);
        if (rows.size() > 25) {
            grid.setHeight("36rem");
        }
        grid.addItemClickListener(click -> {
            // A click on the name's link navigates by itself.
            if (click.getColumn() != nameColumn) {
                drill.accept(click.getItem());
            }
        });
        // Enter on a row opens it too: the grid itself does nothing with Enter on a cell without a link, so the
        // key event brings the row's key along (the grid's own event context tells which row has focus).
        grid.getElement()
                .addEventListener("keydown", event -> {
                    var key = event.getEventData().get(ROW_KEY);
                    if (key != null && key.isString()) {
                        var row = grid.getDataCommunicator().getKeyMapper().get(key.asString());
                        if (row != null) {
                            drill.accept(row);
                        }
                    }
                })
                .setFilter("event.key === 'Enter' && event.composedPath()[0].localName !== 'a'")
                .addEventData(ROW_KEY);
        section.add(grid);
        var hint = new Paragraph(getTranslation("report.table.hint"));
        hint.addClassName("report-hint");
        section.add(hint);
    }

    /** A grid header: short, so that the columns fit; the export's longer wording as its tooltip. */
    static Span header(com.vaadin.flow.component.Component owner, String key) {
        var header = new Span(owner.getTranslation("report.grid." + key));
        header.addClassName("grid-header");
        header.getElement().setAttribute("title", owner.getTranslation("report.column." + key));
        return header;
    }

    private static Optional<TargetCheck> completionTarget(ReportRow row) {
        return row.target(Metric.COURSE_COMPLETION);
    }

    private void number(Grid<ReportRow> grid, String key, ValueProvider<ReportRow, String> value) {
        grid.addColumn(value)
                .setHeader(header(this, key))
                .setKey(key)
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("5.25rem")
                .setFlexGrow(1);
    }
}
