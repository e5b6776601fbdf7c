package org.digilit.session.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.digilit.base.ClientAddress;
import org.digilit.base.ProgrammeTime;
import org.digilit.course.CatalogueService;
import org.digilit.course.CatalogueService.CourseCard;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.Roles;
import org.digilit.session.AttendanceService;
import org.digilit.session.ClassSession;
import org.digilit.session.Correction;
import org.digilit.session.SessionDraft;
import org.digilit.session.SessionNavigation;
import org.digilit.session.SessionRejectedException;
import org.digilit.session.SessionService;
import org.digilit.session.WalkIn;

/**
 * In-person sessions for organisation admins and facilitators: the link to the phone page, scheduling a session or a
 * weekly series, the sessions of their organisations (newest first, each opening its roster), correction requests to
 * decide (admins) and walk-ins to register.
 */
@Route(SessionListView.ROUTE)
@RolesAllowed({Roles.ORG_ADMIN, Roles.FACILITATOR, Roles.PLATFORM_ADMIN})
@Menu(title = "nav.sessions", order = 26)
class SessionListView extends Main implements HasDynamicTitle {

    static final String ROUTE = SessionNavigation.SESSIONS;

    private final transient SessionService sessions;
    private final transient AttendanceService attendance;
    private final transient Map<String, CourseCard> courses;
    private final Grid<ClassSession> grid = new Grid<>();
    private final Grid<Correction> corrections = new Grid<>();
    private final Paragraph message = new Paragraph();

    private final ProgrammeTime time;

    SessionListView(
            SessionService sessions, AttendanceService attendance, CatalogueService catalogue, ProgrammeTime time) {
        this.time = time;
        this.sessions = sessions;
        this.attendance = attendance;
        addClassName("page");
        addClassName("sessions");
        courses = catalogue.catalogue("").stream().collect(Collectors.toMap(CourseCard::id, Function.identity()));
        message.addClassName("session-message");
        message.getElement().setAttribute("role", "status");

        var phone = new Anchor("/attendance/index.html", getTranslation("sessions.phone-page"));
        phone.setRouterIgnore(true);
        phone.addClassName("phone-page");
        var dashboard = new Anchor(AttendanceDashboardView.ROUTE, getTranslation("sessions.dashboard-link"));

        var form = new ScheduleSessionForm(sessions, catalogue, time, this::schedule);
        var scheduling = new Details(getTranslation("sessions.schedule"), form);
        scheduling.addClassName("scheduling");

        grid.addClassName("session-grid");
        grid.addColumn(s -> time.session(s.startsAt(), s.endsAt(), getLocale()))
                .setHeader(getTranslation("sessions.when"))
                .setAutoWidth(true);
        grid.addColumn(s -> courseTitle(s.courseId()))
                .setHeader(getTranslation("sessions.course"))
                .setFlexGrow(1);
        grid.addColumn(ClassSession::place)
                .setHeader(getTranslation("sessions.place"))
                .setAutoWidth(true);
        grid.addColumn(s -> s.organisationCode() + " · " + s.organisationName(getLocale()))
                .setHeader(getTranslation("sessions.organisation"))
                .setAutoWidth(true);
        grid.addColumn(s -> s.attended() + " / " + s.enrolled() + " / " + s.capacity())
                .setHeader(getTranslation("sessions.attended-enrolled-capacity"))
                .setAutoWidth(true);
        grid.addColumn(s -> getTranslation(s.closed() ? "sessions.state.closed" : "sessions.state.open"))
                .setHeader(getTranslation("sessions.state"))
                .setAutoWidth(true);
        grid.setItems(q -> sessions.list(q.getOffset(), q.getLimit()).stream());
        grid.addItemClickListener(e -> getUI().ifPresent(
                        ui -> ui.navigate(SessionDetailsView.class, e.getItem().id())));
        grid.setAllRowsVisible(false);
        grid.setHeight("420px");

        corrections.addClassName("correction-grid");
        corrections
                .addColumn(c -> c.organisationCode() + " · " + c.place() + " · "
                        + time.date().format(c.sessionStartsAt()))
                .setHeader(getTranslation("sessions.session"))
                .setAutoWidth(true);
        CorrectionColumns.add(corrections);
        corrections.addColumn(Correction::requestedBy).setHeader(getTranslation("sessions.requested-by"));
        corrections.addComponentColumn(c -> {
            var approve = new Button(getTranslation("sessions.approve"), click -> decide(c, true));
            approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
            approve.addClassName("approve");
            var reject = new Button(getTranslation("sessions.reject"), click -> decide(c, false));
            reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            reject.addClassName("reject");
            return new Span(approve, reject);
        });
        corrections.setAllRowsVisible(true);
        refreshCorrections();

        var walkIns = new Grid<WalkIn>();
        walkIns.addClassName("walk-in-grid");
        walkIns.addColumn(WalkIn::fullName)
                .setHeader(getTranslation("sessions.walk-in.name"))
                .setAutoWidth(true);
        walkIns.addColumn(WalkIn::phone)
                .setHeader(getTranslation("sessions.walk-in.phone"))
                .setAutoWidth(true);
        walkIns.addColumn(w -> w.organisationCode() + " · " + w.place() + " · "
                        + time.date().format(w.capturedAt()))
                .setHeader(getTranslation("sessions.session"))
                .setFlexGrow(1);
        walkIns.setItems(sessions.walkIns(200));
        walkIns.setAllRowsVisible(true);

        add(
                new H1(getTranslation("sessions.title")),
                new Paragraph(getTranslation("sessions.intro")),
                new Paragraph(phone, new Span(" · "), dashboard),
                scheduling,
                message,
                grid,
                new H2(getTranslation("sessions.corrections")),
                corrections,
                new H2(getTranslation("sessions.walk-ins")),
                new Paragraph(getTranslation("sessions.walk-ins.help")),
                walkIns);
    }

    private void schedule(SessionDraft draft) {
        try {
            var ids = sessions.schedule(draft, ClientAddress.orUnknown());
            message.setText(getTranslation("sessions.scheduled", ids.size()));
            message.removeClassName("error");
            grid.getDataProvider().refreshAll();
        } catch (SessionRejectedException e) {
            error(getTranslation(e.messageKey()));
        } catch (OutOfScopeException e) {
            error(getTranslation("sessions.error.scope"));
        }
    }

    private void decide(Correction correction, boolean approve) {
        try {
            attendance.decideCorrection(correction.id(), approve, ClientAddress.orUnknown());
            message.setText(getTranslation(approve ? "sessions.approved" : "sessions.rejected"));
            message.removeClassName("error");
        } catch (SessionRejectedException e) {
            error(getTranslation(e.messageKey()));
        } catch (OutOfScopeException e) {
            error(getTranslation("sessions.error.approve"));
        }
        refreshCorrections();
        grid.getDataProvider().refreshAll();
    }

    private void refreshCorrections() {
        corrections.setItems(attendance.openCorrections(200));
    }

    private void error(String text) {
        message.setText(text);
        message.addClassName("error");
    }

    private String courseTitle(String courseId) {
        var course = courses.get(courseId);
        return course == null ? courseId : course.title(getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sessions.title") + " · DigiLit";
    }
}
