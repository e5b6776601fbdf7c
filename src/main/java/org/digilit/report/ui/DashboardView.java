package org.digilit.report.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.report.Report;
import org.digilit.report.ReportCalendar;
import org.digilit.report.ReportExport;
import org.digilit.report.ReportLabels;
import org.digilit.report.ReportNavigation;
import org.digilit.report.ReportRow;
import org.digilit.report.ReportService;
import org.digilit.report.ReportSource;
import org.digilit.report.TargetStatus;
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
 *
 * <p>The page reads the address, asks {@link ReportService} where to start (which working group a user sees first is
 * decided there) and for the report, and composes it from its parts: {@link DashboardFilters},
 * {@link DashboardBreadcrumbs}, {@link DashboardTiles}, {@link CompletionBars}, {@link CompletionTrend},
 * {@link ReportGridSection}, {@link CompletionSources} and {@link ReportDownloads}.
 */
@Route(DashboardView.ROUTE)
@RolesAllowed({Roles.WORKING_GROUP, Roles.PLATFORM_ADMIN, Roles.ORG_ADMIN})
@Menu(title = "nav.dashboard", order = 30)
class DashboardView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = ReportNavigation.DASHBOARD;

    private final transient ReportService reports;
    private final transient ReportExport exports;
    private final transient OrganisationService organisations;
    private final transient AuthenticatedUser user;
    private final transient ReportLabels labels;

    private final DashboardFilters filters;
    private final Div content = new Div();

    private DashboardQuery query = DashboardQuery.empty();

    DashboardView(
            ReportService reports,
            ReportExport exports,
            OrganisationService organisations,
            ReportCalendar calendar,
            CurrentUser currentUser,
            org.springframework.beans.factory.ObjectProvider<org.digilit.learning.CompletionSourceNames> sourceNames) {
        this.reports = reports;
        this.exports = exports;
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
        filters = new DashboardFilters(labels, () -> query, this::go);
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
        var shownQuarter = query.quarter() == null ? quarters.getFirst() : query.quarter();
        filters.show(quarters, query.audience());
        var start = reports.dashboardStart(query.group(), query.organisation(), query.tree());
        var groupId = start.group();
        filters.showGroups(start.groups(), groupId);
        if (start.nothingToShow()) {
            message("report.message.no-group");
            return;
        }
        if (!quarters.contains(shownQuarter)) {
            filters.showQuarter(null);
            message("report.message.bad-quarter");
            return;
        }
        filters.showQuarter(shownQuarter);
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

    private void message(String key) {
        content.removeAll();
        var message = new Paragraph(getTranslation(key));
        message.addClassName("report-message");
        message.getElement().setAttribute("role", "alert");
        var back = new Anchor(ROUTE, getTranslation("report.message.back"));
        content.add(message, back);
    }

    /** The page for one report: where it is in the tree, whose figures, then each part of the report. */
    private void render(Report report, @Nullable Long groupId) {
        var scope = new H2(labels.name(report.total()));
        scope.addClassName("report-scope");
        if (groupId == null && report.total().organisationId() > 0) {
            content.add(new DashboardBreadcrumbs(
                    organisations, query, report.total().organisationId()));
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
        content.add(
                new DashboardTiles(report, labels),
                new CompletionBars(report, labels),
                new CompletionTrend(report, groupId, reports, labels),
                new ReportGridSection(report, labels, query, this::drill),
                new CompletionSources(report, labels),
                new ReportDownloads(report, exports, labels));
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

    static String cssName(TargetStatus status) {
        return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private void drill(ReportRow row) {
        if (row.hasChildren() && row.organisationId() > 0) {
            go(query.withOrganisation(row.organisationId()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.title") + " · DigiLit";
    }
}
