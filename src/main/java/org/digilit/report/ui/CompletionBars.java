package org.digilit.report.ui;

import static org.digilit.report.ui.ChartParts.dataRow;
import static org.digilit.report.ui.ChartParts.headerRow;
import static org.digilit.report.ui.ChartParts.hidden;
import static org.digilit.report.ui.ChartParts.swatch;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import java.util.List;
import org.digilit.organisation.Metric;
import org.digilit.report.Report;
import org.digilit.report.ReportLabels;
import org.digilit.report.ReportRow;
import org.digilit.report.TargetCheck;
import org.digilit.report.TargetStatus;

/** Completion of the headcount per row as bars, weakest first, with their targets; the same figures as a table. */
class CompletionBars extends Composite<Section> {

    private final ReportLabels labels;

    CompletionBars(Report report, ReportLabels labels) {
        this.labels = labels;
        var section = getContent();
        section.addClassName("report-section");
        section.add(new H2(getTranslation("report.chart.bars")));
        var rows = report.weakestFirst();
        if (rows.isEmpty()) {
            section.add(new Paragraph(getTranslation("report.empty")));
            return;
        }
        var bars = rows.stream()
                .map(row -> {
                    var check = row.target(Metric.COURSE_COMPLETION);
                    var value = row.figures().completionOfHeadcount();
                    var detail = check.map(c -> getTranslation(
                                    "report.chart.detail",
                                    labels.percent(value),
                                    labels.percent(c.target()),
                                    labels.status(c.status())))
                            .orElse(labels.percent(value));
                    return new SvgCharts.Bar(
                            labels.name(row),
                            value,
                            check.map(TargetCheck::target).orElse(null),
                            check.map(TargetCheck::status).orElse(null),
                            labels.percent(value),
                            detail);
                })
                .toList();
        var svg = new Svg(SvgCharts.bars(
                "bars",
                getTranslation("report.chart.bars"),
                getTranslation("report.chart.bars.description"),
                bars,
                labels::scale));
        svg.addClassName("chart-frame");
        section.add(svg, legend(report.audience() != null), hidden(table(rows)));
    }

    private Component legend(boolean withTargets) {
        var legend = new Div();
        legend.addClassName("chart-legend");
        legend.getElement().setAttribute("aria-hidden", "true");
        if (withTargets) {
            for (var status : TargetStatus.values()) {
                legend.add(swatch("swatch-" + DashboardView.cssName(status), labels.status(status)));
            }
            legend.add(swatch("swatch-none", getTranslation("report.chart.no-target")));
            legend.add(swatch("swatch-target", getTranslation("report.chart.target")));
        }
        return legend;
    }

    /** The chart's figures as a table, for screen readers (visually hidden; the grid below shows them too). */
    private Component table(List<ReportRow> rows) {
        var table = new NativeTable();
        table.setCaptionText(getTranslation("report.chart.bars"));
        table.getHead()
                .addRows(headerRow(
                        getTranslation("report.column.organisation"),
                        getTranslation("report.column.completion-headcount"),
                        getTranslation("report.column.target"),
                        getTranslation("report.column.status")));
        for (var row : rows) {
            var check = row.target(Metric.COURSE_COMPLETION);
            table.getBody()
                    .addRows(dataRow(
                            labels.name(row),
                            labels.percent(row.figures().completionOfHeadcount()),
                            check.map(c -> labels.percent(c.target())).orElse(ReportLabels.NO_VALUE),
                            check.map(c -> labels.status(c.status())).orElse(ReportLabels.NO_VALUE)));
        }
        return table;
    }
}
