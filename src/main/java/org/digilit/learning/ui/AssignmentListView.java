package org.digilit.learning.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.digilit.base.ProgrammeTime;
import org.digilit.base.Quarter;
import org.digilit.course.CatalogueService;
import org.digilit.course.CatalogueService.CourseCard;
import org.digilit.learning.Assignment;
import org.digilit.learning.AssignmentService;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.Roles;

/**
 * Required courses for organisation admins: the live assignments on the organisations they administer, a form to
 * assign a course to an audience of one of them (due by a quarter), and withdrawing one after a confirmation. A refusal
 * (outside their organisations, a course no longer active) says so and changes nothing.
 */
@Route("learning/assignments")
@RolesAllowed({Roles.ORG_ADMIN, Roles.PLATFORM_ADMIN})
@Menu(title = "nav.assignments", order = 28)
class AssignmentListView extends Main implements HasDynamicTitle {

    private final transient AssignmentService assignments;
    private final transient Map<String, CourseCard> courses;
    private final Grid<Assignment> grid = new Grid<>();
    private final Paragraph message = new Paragraph();

    private final ProgrammeTime time;

    AssignmentListView(
            AssignmentService assignments,
            CatalogueService catalogue,
            OrganisationService organisations,
            ProgrammeTime time) {
        this.time = time;
        this.assignments = assignments;
        addClassName("page");
        addClassName("assignments");
        var active = catalogue.catalogue("");
        courses = active.stream().collect(Collectors.toMap(CourseCard::id, Function.identity()));

        var form = new AssignmentForm(organisations, active, assignments.dueQuarters(), this::assign);
        message.addClassName("assignment-message");
        message.getElement().setAttribute("role", "status");

        grid.addClassName("assignment-grid");
        grid.addColumn(a -> a.organisationCode() + " · " + a.organisationName(getLocale()))
                .setHeader(getTranslation("assignments.organisation"))
                .setAutoWidth(true);
        grid.addColumn(a -> getTranslation("audience." + a.audience().code()))
                .setHeader(getTranslation("assignments.audience"))
                .setAutoWidth(true);
        grid.addColumn(a -> courseTitle(a.courseId()))
                .setHeader(getTranslation("assignments.course"))
                .setAutoWidth(true);
        grid.addColumn(a -> quarter(a.due()))
                .setHeader(getTranslation("assignments.due"))
                .setAutoWidth(true);
        grid.addColumn(a -> a.assignedBy() + " · " + time.date().format(a.assignedAt()))
                .setHeader(getTranslation("assignments.assigned"))
                .setAutoWidth(true);
        grid.addComponentColumn(a -> {
                    var withdraw = new Button(getTranslation("assignments.withdraw"), click -> confirmWithdraw(a));
                    withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                    withdraw.addClassName("assignment-withdraw");
                    return withdraw;
                })
                .setAutoWidth(true);
        grid.setItems(query -> assignments.inScope(query.getOffset(), query.getLimit()).stream());
        grid.setEmptyStateText(getTranslation("assignments.empty"));

        add(
                new H1(getTranslation("assignments.title")),
                new Paragraph(getTranslation("assignments.intro")),
                new H2(getTranslation("assignments.new")),
                form,
                message,
                new H2(getTranslation("assignments.live")),
                grid);
    }

    private void assign(AssignmentForm.AssignmentRequest request) {
        act(() -> {
            var assignment =
                    assignments.assign(request.organisationId(), request.audience(), request.courseId(), request.due());
            return getTranslation(
                    "assignments.assigned-ok",
                    courseTitle(assignment.courseId()),
                    getTranslation("audience." + assignment.audience().code()),
                    assignment.organisationName(getLocale()),
                    quarter(assignment.due()));
        });
    }

    private void confirmWithdraw(Assignment assignment) {
        var dialog = new ConfirmDialog();
        dialog.addClassName("assignment-withdraw-dialog");
        dialog.setHeader(getTranslation("assignments.withdraw.title"));
        dialog.setText(getTranslation(
                "assignments.withdraw.text",
                courseTitle(assignment.courseId()),
                getTranslation("audience." + assignment.audience().code()),
                assignment.organisationName(getLocale())));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("assignments.cancel"));
        dialog.setConfirmText(getTranslation("assignments.withdraw"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(event -> act(() -> {
            assignments.withdraw(assignment.id());
            return getTranslation("assignments.withdrawn-ok");
        }));
        dialog.open();
    }

    /** Runs a change and reports it; a refusal is reported as such, and the service has changed nothing. */
    private void act(java.util.function.Supplier<String> change) {
        try {
            show(change.get(), false);
            grid.getDataProvider().refreshAll();
        } catch (OutOfScopeException e) {
            show(getTranslation("assignments.out-of-scope"), true);
        } catch (NoSuchElementException e) {
            show(getTranslation("assignments.not-found"), true);
        } catch (IllegalArgumentException e) {
            show(getTranslation("assignments.invalid"), true);
        }
    }

    private void show(String text, boolean error) {
        message.setText(text);
        message.removeClassNames("error", "success");
        message.addClassName(error ? "error" : "success");
    }

    private String courseTitle(String courseId) {
        var card = courses.get(courseId);
        return card == null ? courseId : card.title(getLocale());
    }

    private String quarter(Quarter quarter) {
        return getTranslation("learn.quarter", quarter.quarter(), String.valueOf(quarter.year()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("assignments.title") + " · DigiLit";
    }
}
