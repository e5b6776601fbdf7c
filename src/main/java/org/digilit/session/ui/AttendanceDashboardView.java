package org.digilit.session.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
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
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.digilit.base.ProgrammeTime;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.Roles;
import org.digilit.session.AttendanceFigure;
import org.digilit.session.AttendanceReportService;
import org.digilit.session.FraudSignal;
import org.digilit.session.PeriodUnit;
import org.jspecify.annotations.Nullable;

/**
 * The attendance dashboard, Hazari's way: per day, week or month, the sessions held and the attendance rate of each
 * organisation at the top of the user's scope, drilled down to the children of one (province → commune → group),
 * weakest first; the trend of the last periods; a CSV file; and the sessions to follow up (fraud signals). Filters
 * live in the address ({@code ?unit=week&period=2026-11-30&org=42}).
 */
@Route(AttendanceDashboardView.ROUTE)
@RolesAllowed({Roles.ORG_ADMIN, Roles.WORKING_GROUP, Roles.PLATFORM_ADMIN})
@Menu(title = "nav.attendance", order = 31)
class AttendanceDashboardView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "sessions/attendance";
    static final int TREND_PERIODS = 8;

    private final transient AttendanceReportService reports;
    private PeriodUnit unit = PeriodUnit.WEEK;
    private LocalDate period;
    private @Nullable Long organisation;

    private final ProgrammeTime time;

    AttendanceDashboardView(AttendanceReportService reports, ProgrammeTime time) {
        this.time = time;
        this.reports = reports;
        this.period = PeriodUnit.WEEK.start(reports.today());
        addClassName("page");
        addClassName("attendance-dashboard");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        unit = parameters
                .getSingleParameter("unit")
                .flatMap(u -> java.util.Arrays.stream(PeriodUnit.values())
                        .filter(p -> p.name().equalsIgnoreCase(u))
                        .findFirst())
                .orElse(PeriodUnit.WEEK);
        try {
            period = unit.start(parameters
                    .getSingleParameter("period")
                    .map(LocalDate::parse)
                    .orElse(reports.today()));
        } catch (java.time.format.DateTimeParseException e) {
            period = unit.start(reports.today());
        }
        organisation = parameters.getSingleParameter("org").map(Long::valueOf).orElse(null);
        render();
    }

    private void render() {
        removeAll();
        add(
                new H1(getTranslation("attendance.dashboard.title")),
                new Paragraph(getTranslation("attendance.dashboard.intro")));
        List<AttendanceFigure> rows;
        try {
            rows = reports.figures(organisation, unit, period);
        } catch (OutOfScopeException | NoSuchElementException e) {
            add(
                    new Paragraph(getTranslation("attendance.dashboard.out-of-scope")),
                    new Anchor(ROUTE, getTranslation("attendance.dashboard.top")));
            return;
        }
        var controls = new FlexLayout();
        controls.addClassName("attendance-controls");
        controls.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        controls.setAlignItems(FlexLayout.Alignment.END);
        var units = new Select<PeriodUnit>();
        units.setLabel(getTranslation("attendance.dashboard.unit"));
        units.setItems(PeriodUnit.values());
        units.setItemLabelGenerator(
                u -> getTranslation("attendance.unit." + u.name().toLowerCase(Locale.ROOT)));
        units.setValue(unit);
        units.addValueChangeListener(e -> go(e.getValue(), e.getValue().start(period), organisation));
        var previous = new Button("‹", click -> go(unit, unit.previous(period), organisation));
        previous.setAriaLabel(getTranslation("attendance.dashboard.previous"));
        previous.addClassName("previous-period");
        var next = new Button("›", click -> go(unit, unit.next(period), organisation));
        next.setAriaLabel(getTranslation("attendance.dashboard.next"));
        next.setEnabled(unit.next(period).isBefore(reports.today().plusDays(1)));
        var label = new Span(periodLabel(period));
        label.addClassName("period-label");
        controls.add(units, previous, label, next, downloads());
        add(controls);
        if (organisation != null) {
            add(new Anchor(ROUTE + "?" + query(unit, period, null), getTranslation("attendance.dashboard.top")));
        }

        var grid = new Grid<AttendanceFigure>();
        grid.addClassName("attendance-grid");
        grid.addColumn(f -> f.code() + " · " + f.name(getLocale()) + (f.childCount() > 0 ? " ›" : ""))
                .setHeader(getTranslation("sessions.organisation"))
                .setFlexGrow(1);
        grid.addColumn(AttendanceFigure::sessionsHeld)
                .setHeader(getTranslation("attendance.dashboard.held"))
                .setAutoWidth(true);
        grid.addColumn(f -> f.attended() + " / " + f.enrolled())
                .setHeader(getTranslation("attendance.dashboard.attended"))
                .setAutoWidth(true);
        grid.addColumn(f -> rate(f))
                .setHeader(getTranslation("attendance.dashboard.rate"))
                .setAutoWidth(true);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> {
            if (e.getItem().childCount() > 0) {
                go(unit, period, e.getItem().organisationId());
            }
        });
        add(grid);

        var trend = new Grid<AttendanceFigure>();
        trend.addClassName("attendance-trend");
        trend.addColumn(f -> periodLabel(LocalDate.parse(f.code())))
                .setHeader(getTranslation("attendance.dashboard.period"))
                .setAutoWidth(true);
        trend.addColumn(AttendanceFigure::sessionsHeld).setHeader(getTranslation("attendance.dashboard.held"));
        trend.addColumn(f -> rate(f)).setHeader(getTranslation("attendance.dashboard.rate"));
        trend.setItems(reports.trend(organisation, unit, period, TREND_PERIODS));
        trend.setAllRowsVisible(true);
        add(new H2(getTranslation("attendance.dashboard.trend")), trend);

        var signals = new Grid<FraudSignal>();
        signals.addClassName("fraud-signals");
        signals.addColumn(s ->
                        getTranslation("attendance.signal." + s.kind().name().toLowerCase(Locale.ROOT), s.detail()))
                .setHeader(getTranslation("attendance.signal"))
                .setFlexGrow(1);
        signals.addColumn(s -> s.organisationCode() + " · " + s.place())
                .setHeader(getTranslation("sessions.session"))
                .setAutoWidth(true);
        signals.addColumn(s -> time.weekdayDateTime(s.startsAt(), getLocale()))
                .setHeader(getTranslation("sessions.when"))
                .setAutoWidth(true);
        signals.setItems(reports.signals());
        signals.setAllRowsVisible(true);
        add(
                new H2(getTranslation("attendance.signals")),
                new Paragraph(getTranslation("attendance.signals.help")),
                signals);
    }

    private Div downloads() {
        var csv = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    try {
                        var bytes = reports.csv(
                                organisation,
                                unit,
                                period,
                                getLocale(),
                                event.getRequest().getRemoteAddr());
                        return new DownloadResponse(
                                new ByteArrayInputStream(bytes),
                                "attendance-" + unit.name().toLowerCase(Locale.ROOT) + "-" + period + ".csv",
                                "text/csv",
                                bytes.length);
                    } catch (OutOfScopeException e) {
                        return DownloadResponse.error(403);
                    }
                }),
                getTranslation("attendance.dashboard.csv"));
        csv.addClassName("download-csv");
        return new Div(csv);
    }

    private String periodLabel(LocalDate start) {
        return switch (unit) {
            case DAY -> time.date().format(start);
            case WEEK -> time.date().format(start) + "–" + time.date().format(start.plusDays(6));
            case MONTH -> String.format("%02d/%d", start.getMonthValue(), start.getYear());
        };
    }

    private String rate(AttendanceFigure f) {
        return f.rate() < 0 ? "–" : String.format(getLocale(), "%.1f %%", 100 * f.rate());
    }

    private void go(PeriodUnit newUnit, LocalDate newPeriod, @Nullable Long org) {
        getUI().ifPresent(ui -> ui.navigate(ROUTE, QueryParameters.simple(parameters(newUnit, newPeriod, org))));
    }

    private static Map<String, String> parameters(PeriodUnit unit, LocalDate period, @Nullable Long org) {
        var map = new HashMap<String, String>();
        map.put("unit", unit.name().toLowerCase(Locale.ROOT));
        map.put("period", period.toString());
        if (org != null) {
            map.put("org", String.valueOf(org));
        }
        return map;
    }

    private static String query(PeriodUnit unit, LocalDate period, @Nullable Long org) {
        return QueryParameters.simple(parameters(unit, period, org)).getQueryString();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("attendance.dashboard.title") + " · DigiLit";
    }
}
