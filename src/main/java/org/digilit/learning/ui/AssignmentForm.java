package org.digilit.learning.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.binder.Binder;
import java.util.List;
import java.util.function.Consumer;
import org.digilit.base.Audience;
import org.digilit.base.Quarter;
import org.digilit.course.CatalogueService.CourseCard;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OrganisationSummary;
import org.digilit.organisation.ui.OrganisationPicker;
import org.jspecify.annotations.Nullable;

/**
 * The form to assign a course: organisation (within the admin's scope), audience, active course and due quarter, all
 * required. Hands a complete {@link AssignmentRequest} to its callback; the view calls the service.
 */
class AssignmentForm extends FormLayout {

    /** What the form hands over: everything the service needs to assign. */
    record AssignmentRequest(long organisationId, Audience audience, String courseId, Quarter due) {}

    /** The form's fields while being filled in. */
    static final class Draft {
        @Nullable
        OrganisationSummary organisation;

        @Nullable
        Audience audience = Audience.CITIZEN;

        @Nullable
        CourseCard course;

        @Nullable
        Quarter due;
    }

    final OrganisationPicker organisation;
    final Select<Audience> audience = new Select<>();
    final Select<CourseCard> course = new Select<>();
    final Select<Quarter> due = new Select<>();
    final Button assign;
    private final Binder<Draft> binder = new Binder<>();

    AssignmentForm(
            OrganisationService organisations,
            List<CourseCard> courses,
            List<Quarter> quarters,
            Consumer<AssignmentRequest> onAssign) {
        organisation = new OrganisationPicker(organisations, getTranslation("assignments.organisation"));
        organisation.addClassName("assignment-organisation");
        audience.setLabel(getTranslation("assignments.audience"));
        audience.setItems(Audience.values());
        audience.setItemLabelGenerator(a -> getTranslation("audience." + a.code()));
        course.setLabel(getTranslation("assignments.course"));
        course.setItems(courses);
        course.setItemLabelGenerator(c -> c.title(getLocale()));
        due.setLabel(getTranslation("assignments.due"));
        due.setItems(quarters);
        due.setItemLabelGenerator(q -> getTranslation("learn.quarter", q.quarter(), String.valueOf(q.year())));

        var required = getTranslation("assignments.required");
        binder.forField(organisation).asRequired(required).bind(d -> d.organisation, (d, v) -> d.organisation = v);
        binder.forField(audience).asRequired(required).bind(d -> d.audience, (d, v) -> d.audience = v);
        binder.forField(course).asRequired(required).bind(d -> d.course, (d, v) -> d.course = v);
        binder.forField(due).asRequired(required).bind(d -> d.due, (d, v) -> d.due = v);
        // A required vaadin-select puts aria-required on its value button (role=button), which ARIA does not allow
        // (axe: aria-allowed-attr, critical). Binder still refuses an empty choice; only the marker goes (DD014).
        for (var select : List.of(audience, course, due)) {
            select.setRequiredIndicatorVisible(false);
        }
        var draft = new Draft();
        draft.due = quarters.isEmpty() ? null : quarters.getFirst();
        binder.setBean(draft);

        assign = new Button(getTranslation("assignments.assign"), click -> {
            if (binder.validate().isOk()) {
                var d = binder.getBean();
                onAssign.accept(new AssignmentRequest(d.organisation.id(), d.audience, d.course.id(), d.due));
            }
        });
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        assign.addClassName("assignment-assign");
        add(organisation, audience, course, due, assign);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40rem", 2));
    }
}
