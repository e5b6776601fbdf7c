package org.digilit.report.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.digilit.organisation.Audience;
import org.digilit.organisation.Metric;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OrganisationSummary;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.organisation.Quarter;
import org.digilit.organisation.WorkingGroupService;
import org.digilit.organisation.WorkingGroupService.WorkingGroup;
import org.digilit.report.Report;
import org.digilit.report.ReportCalendar;
import org.digilit.report.ReportExport;
import org.digilit.report.ReportLabels;
import org.digilit.report.ReportRow;
import org.digilit.report.ReportService;
import org.digilit.report.ReportSource;
import org.digilit.report.TargetCheck;
import org.digilit.report.TargetStatus;
import org.digilit.report.TrendPoint;
import org.digilit.security.AuthenticatedUser;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles;
import org.digilit.security.Roles.Role;
import org.jspecify.annotations.Nullable;

/**
 * The quarterly dashboard: completion against targets for a working group's organisations or a part of the
 * organisation tree, for one quarter and audience. Tiles for the total, a bar chart of the rows (weakest first, with
 * their targets), the trend over the last eight quarters, and the rows in a grid that drills down the tree. The
 * filters live in the address ({@link DashboardQuery}), so a report can be bookmarked and shared; a forged address
 * gets a message, never someone else's figures (the service checks scope). Platform admins recompute the figures and
 * close or restate an ended quarter here; everyone may download what they see as CSV, Excel or PDF.
 */
@Route(DashboardView.ROUTE)
@RolesAllowed({Roles.WORKING_GROUP, Roles.PLATFORM_ADMIN, Roles.ORG_ADMIN})
@Menu(title = "nav.dashboard", order = 30)
class DashboardView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "dashboard";
    static final int TREND_QUARTERS = 8;

    /** The key of the body row an event happened in (null elsewhere), from the grid's own event context. */
    private static final String ROW_KEY =
            "(ctx => ctx.section === 'body' && ctx.item ? ctx.item.key : null)" + "(element.getEventContext(event))";

    /** The choice between the organisation tree and one of the user's working groups. */
    record ViewChoice(@Nullable WorkingGroup group) {}

    private final transient ReportService reports;
    private final transient ReportExport exports;
    private final transient WorkingGroupService groups;
    private final transient OrganisationService organisations;
    private final transient AuthenticatedUser user;
    private final transient ReportLabels labels;

    private final Select<ViewChoice> view = new Select<>();
    private final Select<Quarter> quarter = new Select<>();
    private final Select<Optional<Audience>> audience = new Select<>();
    private final Div content = new Div();

    private DashboardQuery query = DashboardQuery.empty();

    DashboardView(
            ReportService reports,
            ReportExport exports,
            WorkingGroupService groups,
            OrganisationService organisations,
            ReportCalendar calendar,
            CurrentUser currentUser,
            org.springframework.beans.factory.ObjectProvider<org.digilit.learning.CompletionSourceNames> sourceNames) {
        this.reports = reports;
        this.exports = exports;
        this.groups = groups;
        this.organisations = organisations;
        this.user = currentUser.require();
        // The locale is fixed now: downloads are served outside the UI's request, where the UI's locale is unknown.
        var locale = getLocale();
        var names = sourceNames.stream().toList();
        this.labels = new ReportLabels(
                (key, arguments) -> getTranslation(locale, key, arguments),
                locale,
                calendar.zone(),
                (source, l) -> names.stream()
                        .map(n -> n.name(source, l))
                        .flatMap(Optional::stream)
                        .findFirst());
        addClassName("page");
        addClassName("dashboard");

        var greeting = new Paragraph(getTranslation("home.greeting", user.displayName()));
        greeting.addClassName("greeting");

        view.setLabel(getTranslation("report.filter.view"));
        view.setItemLabelGenerator(choice -> choice.group() == null
                ? getTranslation("report.filter.view.tree")
                : choice.group().code() + " · " + groupName(choice.group()));
        view.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                var group = event.getValue().group();
                go(group == null ? query.withTree() : query.withGroup(group.id()));
            }
        });
        quarter.setLabel(getTranslation("report.filter.quarter"));
        quarter.setItemLabelGenerator(labels::quarter);
        quarter.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                go(query.withQuarter(event.getValue()));
            }
        });
        audience.setLabel(getTranslation("report.filter.audience"));
        var audiences = new ArrayList<Optional<Audience>>();
        for (var a : Audience.values()) {
            audiences.add(Optional.of(a));
        }
        audiences.add(Optional.empty());
        audience.setItems(audiences);
        audience.setItemLabelGenerator(a -> labels.audience(a.orElse(null)));
        audience.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                go(query.withAudience(event.getValue().orElse(null)));
            }
        });
        var filters = new FlexLayout(view, quarter, audience);
        filters.addClassName("report-filters");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        content.addClassName("report-content");
        var intro = new Paragraph(getTranslation("dashboard.intro"));
        intro.addClassName("report-intro");
        add(new H1(getTranslation("dashboard.title")), greeting, intro, filters, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            query = DashboardQuery.parse(
                    event.getLocation().getQueryParameters().getParameters());
        } catch (IllegalArgumentException e) {
            query = DashboardQuery.empty();
            message("report.message.bad-link");
            return;
        }
        show();
    }

    private void go(DashboardQuery target) {
        getUI().ifPresent(ui -> ui.navigate(DashboardView.class, QueryParameters.simple(target.toParameters())));
    }

    private void show() {
        content.removeAll();
        var quarters = reports.quarters();
        quarter.setItems(quarters);
        var shownQuarter = query.quarter() == null ? quarters.getFirst() : query.quarter();
        audience.setValue(Optional.ofNullable(query.audience()));
        var myGroups = groupsOfUser();
        var groupId = query.group();
        if (groupId == null
                && query.organisation() == null
                && !query.tree()
                && !user.has(Role.PLATFORM_ADMIN)
                && !myGroups.isEmpty()) {
            groupId = myGroups.getFirst().id();
        }
        showViewChoice(myGroups, groupId);
        if (groupId == null
                && query.organisation() == null
                && myGroups.isEmpty()
                && !user.has(Role.PLATFORM_ADMIN)
                && !user.has(Role.ORG_ADMIN)) {
            message("report.message.no-group");
            return;
        }
        if (!quarters.contains(shownQuarter)) {
            quarter.clear();
            message("report.message.bad-quarter");
            return;
        }
        quarter.setValue(shownQuarter);
        Report report;
        try {
            report = groupId != null
                    ? reports.workingGroup(groupId, shownQuarter, query.audience())
                    : reports.organisation(query.organisation(), shownQuarter, query.audience());
        } catch (OutOfScopeException e) {
            message("report.message.out-of-scope");
            return;
        } catch (NoSuchElementException e) {
            message("report.message.not-found");
            return;
        }
        render(report, groupId);
    }

    private List<WorkingGroup> groupsOfUser() {
        if (!user.has(Role.WORKING_GROUP) && !user.has(Role.PLATFORM_ADMIN)) {
            return List.of();
        }
        try {
            return groups.mine();
        } catch (OutOfScopeException e) {
            return List.of();
        }
    }

    private void showViewChoice(List<WorkingGroup> myGroups, @Nullable Long groupId) {
        var choices = new ArrayList<ViewChoice>();
        choices.add(new ViewChoice(null));
        myGroups.forEach(g -> choices.add(new ViewChoice(g)));
        view.setItems(choices);
        view.setVisible(!myGroups.isEmpty());
        view.setValue(choices.stream()
                .filter(c -> c.group() == null
                        ? groupId == null
                        : groupId != null && c.group().id() == groupId)
                .findFirst()
                .orElse(choices.getFirst()));
    }

    private void message(String key) {
        content.removeAll();
        var message = new Paragraph(getTranslation(key));
        message.addClassName("report-message");
        message.getElement().setAttribute("role", "alert");
        var back = new Anchor(ROUTE, getTranslation("report.message.back"));
        content.add(message, back);
    }

    private void render(Report report, @Nullable Long groupId) {
        var scope = new H2(labels.name(report.total()));
        scope.addClassName("report-scope");
        if (groupId == null && report.total().organisationId() > 0) {
            content.add(breadcrumbs(report.total().organisationId()));
        }
        content.add(scope, source(report));
        if (user.has(Role.PLATFORM_ADMIN)) {
            content.add(adminActions(report));
        }
        if ((user.has(Role.ORG_ADMIN) || user.has(Role.PLATFORM_ADMIN))
                && report.total().organisationId() > 0) {
            var followUp = new Anchor(
                    FollowUpView.href(report.total().organisationId(), report.audience()),
                    getTranslation("report.follow-up.link"));
            followUp.addClassName("follow-up-link");
            content.add(new Paragraph(followUp));
        }
        content.add(tiles(report), barChart(report), trend(report, groupId), table(report));
        content.add(bySource(report));
        content.add(downloads(report));
    }

    /** Up the tree, within the user's scope: the top of their part of it, then each ancestor they may see. */
    private Component breadcrumbs(long organisationId) {
        var list = new OrderedList();
        var scope = organisations.currentScope();
        var tops = organisations.tops();
        if (tops.size() != 1) {
            list.add(new ListItem(new Anchor(query.withTree().href(ROUTE), getTranslation("report.breadcrumbs.top"))));
        }
        for (var ancestor : organisations.lineage(organisationId)) {
            if (!scope.includes(ancestor.id(), ancestor.path())) {
                continue;
            }
            if (ancestor.id() == organisationId) {
                var current = new Span(ancestor.name(getLocale()));
                current.getElement().setAttribute("aria-current", "page");
                list.add(new ListItem(current));
            } else {
                list.add(new ListItem(
                        new Anchor(query.withOrganisation(ancestor.id()).href(ROUTE), name(ancestor))));
            }
        }
        var nav = new Nav(list);
        nav.addClassName("breadcrumbs");
        nav.getElement().setAttribute("aria-label", getTranslation("report.breadcrumbs"));
        return nav;
    }

    private String name(OrganisationSummary organisation) {
        return organisation.name(getLocale());
    }

    private Component source(Report report) {
        var source = new Div(new Paragraph(labels.source(report)));
        source.addClassName("report-source");
        source.addClassName(report.source() == ReportSource.SNAPSHOT ? "snapshot" : "live");
        var earlier = labels.earlierVersions(report);
        if (!earlier.isEmpty()) {
            var paragraph = new Paragraph(getTranslation("report.source.earlier", String.join("; ", earlier)));
            paragraph.addClassName("report-versions");
            source.add(paragraph);
        }
        return source;
    }

    private Component adminActions(Report report) {
        var actions = new FlexLayout();
        actions.addClassName("report-admin");
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        var refresh = new Button(getTranslation("report.admin.refresh"), click -> {
            reports.refresh();
            Notification.show(getTranslation("report.admin.refreshed"))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            show();
        });
        refresh.addClassName("report-refresh");
        actions.add(refresh);
        if (report.quarter().compareTo(reports.currentQuarter()) < 0) {
            boolean restating = report.source() == ReportSource.SNAPSHOT;
            var close = new Button(
                    getTranslation(restating ? "report.admin.restate" : "report.admin.close"),
                    click -> new CloseQuarterDialog(reports, labels, report.quarter(), restating, this::show).open());
            close.addClassName("report-close");
            close.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
            actions.add(close);
        }
        return actions;
    }

    private Component tiles(Report report) {
        var f = report.total().figures();
        var tiles = new Div(
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
        return tiles;
    }

    private Component tile(String key, String value, String detail, @Nullable Metric metric, Report report) {
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
                tile.addClassName("tile-" + cssName(c.status()));
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
        badge.addClassName("report-status-" + cssName(status));
        return badge;
    }

    static String cssName(TargetStatus status) {
        return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private Component barChart(Report report) {
        var section = new Section();
        section.addClassName("report-section");
        section.add(new H2(getTranslation("report.chart.bars")));
        var rows = report.weakestFirst();
        if (rows.isEmpty()) {
            section.add(new Paragraph(getTranslation("report.empty")));
            return section;
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
        section.add(svg, barLegend(report.audience() != null), hidden(barTable(rows)));
        return section;
    }

    private Component barLegend(boolean withTargets) {
        var legend = new Div();
        legend.addClassName("chart-legend");
        legend.getElement().setAttribute("aria-hidden", "true");
        if (withTargets) {
            for (var status : TargetStatus.values()) {
                legend.add(swatch("swatch-" + cssName(status), labels.status(status)));
            }
            legend.add(swatch("swatch-none", getTranslation("report.chart.no-target")));
            legend.add(swatch("swatch-target", getTranslation("report.chart.target")));
        }
        return legend;
    }

    private static Span swatch(String cssClass, String text) {
        var mark = new Span();
        mark.addClassName("swatch");
        mark.addClassName(cssClass);
        var item = new Span(mark, new Span(text));
        item.addClassName("legend-item");
        return item;
    }

    /** The chart's figures as a table, for screen readers (visually hidden; the grid below shows them too). */
    private Component barTable(List<ReportRow> rows) {
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

    /** Out of sight, still read by screen readers (a table ignores a 1 px size, so a box holds it). */
    private static Div hidden(Component component) {
        var box = new Div(component);
        box.addClassName("visually-hidden");
        return box;
    }

    private static NativeTableRow headerRow(String... texts) {
        var row = new NativeTableRow();
        for (var text : texts) {
            var cell = new NativeTableHeaderCell(text);
            cell.getElement().setAttribute("scope", "col");
            row.add(cell);
        }
        return row;
    }

    private static NativeTableRow dataRow(String first, String... texts) {
        var row = new NativeTableRow();
        var heading = new NativeTableHeaderCell(first);
        heading.getElement().setAttribute("scope", "row");
        row.add(heading);
        for (var text : texts) {
            row.add(new NativeTableCell(text));
        }
        return row;
    }

    private Component trend(Report report, @Nullable Long groupId) {
        var section = new Section();
        section.addClassName("report-section");
        section.add(new H2(getTranslation("report.chart.trend")));
        List<TrendPoint> points;
        if (groupId != null) {
            points = reports.workingGroupTrend(groupId, report.audience(), report.quarter(), TREND_QUARTERS);
        } else if (report.total().organisationId() > 0) {
            points = reports.organisationTrend(
                    report.total().organisationId(), report.audience(), report.quarter(), TREND_QUARTERS);
        } else {
            section.add(new Paragraph(getTranslation("report.chart.trend.none")));
            return section;
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
        return section;
    }

    private Component table(Report report) {
        var section = new Section();
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
                                                .href(ROUTE)
                                        : ""))
                .setHeader(header("organisation"))
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
                                        .map(c -> cssName(c.status()))
                                        .orElse("")))
                .setHeader(header("status"))
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
                drill(click.getItem());
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
                            drill(row);
                        }
                    }
                })
                .setFilter("event.key === 'Enter' && event.composedPath()[0].localName !== 'a'")
                .addEventData(ROW_KEY);
        section.add(grid);
        var hint = new Paragraph(getTranslation("report.table.hint"));
        hint.addClassName("report-hint");
        section.add(hint);
        return section;
    }

    /**
     * The people who completed, by where they completed (issue #17): DigiLit online, in person, each other platform.
     * Each person counts once, in the source of the completion that made them complete, so a line's sources add up to
     * its "completed". Hidden while nobody has completed.
     */
    private Component bySource(Report report) {
        var section = new Section();
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
                .setHeader(header("organisation"))
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
                .setHeader(header("completed"))
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
        return section;
    }

    /** A grid header: short, so that the columns fit; the export's longer wording as its tooltip. */
    private Span header(String key) {
        var header = new Span(getTranslation("report.grid." + key));
        header.addClassName("grid-header");
        header.getElement().setAttribute("title", getTranslation("report.column." + key));
        return header;
    }

    private static Optional<TargetCheck> completionTarget(ReportRow row) {
        return row.target(Metric.COURSE_COMPLETION);
    }

    private void number(Grid<ReportRow> grid, String key, ValueProvider<ReportRow, String> value) {
        grid.addColumn(value)
                .setHeader(header(key))
                .setKey(key)
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("5.25rem")
                .setFlexGrow(1);
    }

    private void drill(ReportRow row) {
        if (row.hasChildren() && row.organisationId() > 0) {
            go(query.withOrganisation(row.organisationId()));
        }
    }

    private Component downloads(Report report) {
        var box = new Div();
        box.addClassName("report-downloads");
        box.add(new Span(getTranslation("report.download")));
        for (var format : ReportExport.Format.values()) {
            var link = new Anchor(
                    DownloadHandler.fromInputStream(event -> {
                        ReportExport.ExportedFile file;
                        try {
                            file = exports.export(
                                    report, format, labels, event.getRequest().getRemoteAddr());
                        } catch (OutOfScopeException e) {
                            return DownloadResponse.error(403);
                        }
                        return new DownloadResponse(
                                new ByteArrayInputStream(file.content()),
                                file.fileName(),
                                file.contentType(),
                                file.content().length);
                    }),
                    getTranslation("report.download." + format.extension()));
            link.addClassName("download-" + format.extension());
            box.add(link);
        }
        return box;
    }

    private String groupName(WorkingGroup group) {
        return getLocale().getLanguage().equals("vi") || group.nameEn().isBlank() ? group.nameVi() : group.nameEn();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.title") + " · DigiLit";
    }
}
