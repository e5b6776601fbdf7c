package org.digilit.report.ui;

import static org.digilit.report.ui.ChartParts.dataRow;
import static org.digilit.report.ui.ChartParts.headerRow;
import static org.digilit.report.ui.ChartParts.hidden;
import static org.digilit.report.ui.ChartParts.swatch;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import java.util.List;
import org.digilit.report.Report;
import org.digilit.report.ReportLabels;
import org.digilit.report.ReportService;
import org.digilit.report.ReportSource;
import org.digilit.report.TrendPoint;
import org.jspecify.annotations.Nullable;

/**
 * Completion and account coverage over the last {@link #QUARTERS} quarters up to the one shown (closed quarters from
 * their snapshots), as lines and as a table; for a working group or an organisation, not for several tops at once.
 */
class CompletionTrend extends Composite<Section> {

    static final int QUARTERS = 8;

    CompletionTrend(Report report, @Nullable Long groupId, ReportService reports, ReportLabels labels) {
        var section = getContent();
        section.addClassName("report-section");
        section.add(new H2(getTranslation("report.chart.trend")));
        List<TrendPoint> points;
        if (groupId != null) {
            points = reports.workingGroupTrend(groupId, report.audience(), report.quarter(), QUARTERS);
        } else if (report.total().organisationId() > 0) {
            points = reports.organisationTrend(
                    report.total().organisationId(), report.audience(), report.quarter(), QUARTERS);
        } else {
            section.add(new Paragraph(getTranslation("report.chart.trend.none")));
            return;
        }
        var ticks = points.stream()
                .map(p -> new SvgCharts.Tick(
                        getTranslation("report.quarter.short", p.quarter().quarter()),
                        String.valueOf(p.quarter().year()),
                        p.source() == ReportSource.SNAPSHOT))
                .toList();
        var completion = new SvgCharts.Series(
                getTranslation("report.trend.completion"),
                "completion",
                SvgCharts.COMPLETION,
                "",
                points.stream().map(p -> p.figures().completionOfHeadcount()).toList());
        var coverage = new SvgCharts.Series(
                getTranslation("report.trend.coverage"),
                "coverage",
                SvgCharts.COVERAGE,
                "7 5",
                points.stream().map(p -> p.figures().coverage()).toList());
        var svg = new Svg(SvgCharts.lines(
                "trend",
                getTranslation("report.chart.trend"),
                getTranslation("report.chart.trend.description"),
                ticks,
                List.of(completion, coverage),
                labels::scale));
        svg.addClassName("chart-frame");
        var legend = new Div(
                swatch("swatch-completion", completion.name()),
                swatch("swatch-coverage", coverage.name()),
                swatch("swatch-closed", getTranslation("report.trend.closed")),
                swatch("swatch-live", getTranslation("report.trend.live")));
        legend.addClassName("chart-legend");
        legend.getElement().setAttribute("aria-hidden", "true");
        var table = new NativeTable();
        table.setCaptionText(getTranslation("report.chart.trend"));
        table.getHead()
                .addRows(headerRow(
                        getTranslation("report.filter.quarter"),
                        completion.name(),
                        coverage.name(),
                        getTranslation("report.trend.source")));
        for (var p : points) {
            table.getBody()
                    .addRows(dataRow(
                            labels.quarter(p.quarter()),
                            labels.percent(p.figures().completionOfHeadcount()),
                            labels.percent(p.figures().coverage()),
                            getTranslation(
                                    p.source() == ReportSource.SNAPSHOT
                                            ? "report.trend.closed"
                                            : "report.trend.live")));
        }
        section.add(svg, legend, hidden(table));
    }
}
