package org.digilit.report.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.digilit.organisation.Metric;
import org.digilit.report.Report;
import org.digilit.report.ReportLabels;
import org.digilit.report.TargetStatus;
import org.jspecify.annotations.Nullable;

/**
 * The report's total as tiles: headcount, accounts, activated, completed, certificates; with an audience chosen, each
 * rate against its target (coloured by status).
 */
class DashboardTiles extends Composite<Div> {

    private final ReportLabels labels;

    DashboardTiles(Report report, ReportLabels labels) {
        this.labels = labels;
        var f = report.total().figures();
        var tiles = getContent();
        tiles.add(
                tile("report.tile.headcount", labels.number(f.headcount()), "", null, report),
                tile(
                        "report.tile.accounts",
                        labels.number(f.accounts()),
                        getTranslation("report.tile.coverage", labels.percent(f.coverage())),
                        Metric.ACCOUNT_COVERAGE,
                        report),
                tile(
                        "report.tile.activated",
                        labels.number(f.activated()),
                        getTranslation("report.tile.activation", labels.percent(f.activation())),
                        Metric.ACTIVATION,
                        report),
                tile(
                        "report.tile.completed",
                        labels.number(f.completed()),
                        getTranslation(
                                "report.tile.completion",
                                labels.percent(f.completionOfHeadcount()),
                                labels.percent(f.completionOfAccounts())),
                        Metric.COURSE_COMPLETION,
                        report),
                tile("report.tile.certificates", labels.number(f.certificates()), "", null, report));
        tiles.addClassName("tiles");
    }

    private Div tile(String key, String value, String detail, @Nullable Metric metric, Report report) {
        var tile = new Div();
        tile.addClassName("tile");
        var label = new Span(getTranslation(key));
        label.addClassName("tile-label");
        var figure = new Span(value);
        figure.addClassName("tile-value");
        tile.add(label, figure);
        if (!detail.isEmpty()) {
            var sub = new Span(detail);
            sub.addClassName("tile-detail");
            tile.add(sub);
        }
        if (metric != null && report.audience() != null) {
            var check = report.total().target(metric);
            var target = new Div();
            target.addClassName("tile-target");
            if (check.isPresent()) {
                var c = check.get();
                target.add(
                        new Span(getTranslation(
                                c.inherited() ? "report.tile.target.inherited" : "report.tile.target",
                                labels.percent(c.target()))),
                        status(c.status()));
                tile.addClassName("tile-" + DashboardView.cssName(c.status()));
            } else {
                target.add(new Span(getTranslation("report.tile.no-target")));
            }
            tile.add(target);
        }
        tile.setId("tile-" + key.substring(key.lastIndexOf('.') + 1));
        return tile;
    }

    private Span status(TargetStatus status) {
        var badge = new Span(labels.status(status));
        badge.addClassName("report-status");
        badge.addClassName("report-status-" + DashboardView.cssName(status));
        return badge;
    }
}
