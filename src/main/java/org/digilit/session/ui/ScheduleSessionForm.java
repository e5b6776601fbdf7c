package org.digilit.session.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.digilit.base.Audience;
import org.digilit.base.ProgrammeTime;
import org.digilit.course.CatalogueService;
import org.digilit.course.CatalogueService.CourseCard;
import org.digilit.organisation.OrganisationRef;
import org.digilit.session.SessionDraft;
import org.digilit.session.SessionService;

/** The form that schedules a session or a weekly series; hands a draft to the view, which calls the service. */
class ScheduleSessionForm extends FormLayout {

    final ComboBox<OrganisationRef> organisation = new ComboBox<>();
    final ComboBox<CourseCard> course = new ComboBox<>();
    final CheckboxGroup<CatalogueService.LessonTitle> lessons = new CheckboxGroup<>();
    final TextField place = new TextField();
    final DatePicker day = new DatePicker();
    final TimePicker start = new TimePicker();
    final TimePicker end = new TimePicker();
    final IntegerField capacity = new IntegerField();
    final Select<Audience> audience = new Select<>();
    final TextField facilitators = new TextField();
    final IntegerField weeks = new IntegerField();
    final Button schedule = new Button();

    private final ProgrammeTime time;

    ScheduleSessionForm(
            SessionService sessions,
            CatalogueService catalogue,
            ProgrammeTime time,
            Consumer<SessionDraft> onSchedule) {
        this.time = time;
        addClassName("schedule-form");
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("600px", 2));
        organisation.setLabel(getTranslation("sessions.form.organisation"));
        organisation.setItemLabelGenerator(o -> o.code() + " · " + o.name(getLocale()));
        organisation.setItems(query ->
                sessions
                        .schedulableOrganisations(query.getFilter().orElse(""), query.getOffset(), query.getLimit())
                        .stream());
        var own = sessions.schedulableOrganisations("", 0, 1);
        if (own.size() == 1) {
            organisation.setValue(own.getFirst());
        }
        course.setLabel(getTranslation("sessions.form.course"));
        course.setItems(catalogue.catalogue(""));
        course.setItemLabelGenerator(c -> c.title(getLocale()));
        lessons.setLabel(getTranslation("sessions.form.lessons"));
        lessons.setItemLabelGenerator(l -> l.title(getLocale()));
        course.addValueChangeListener(e -> {
            lessons.setItems(
                    e.getValue() == null
                            ? List.of()
                            : catalogue.lessons(e.getValue().id()));
        });
        place.setLabel(getTranslation("sessions.form.place"));
        place.setMaxLength(SessionDraft.PLACE_MAX_LENGTH);
        day.setLabel(getTranslation("sessions.form.day"));
        day.setValue(time.today().plusDays(1));
        start.setLabel(getTranslation("sessions.form.start"));
        start.setValue(LocalTime.of(8, 0));
        start.setStep(Duration.ofMinutes(15));
        end.setLabel(getTranslation("sessions.form.end"));
        end.setValue(LocalTime.of(10, 0));
        end.setStep(Duration.ofMinutes(15));
        capacity.setLabel(getTranslation("sessions.form.capacity"));
        capacity.setMin(1);
        capacity.setMax(SessionDraft.CAPACITY_MAX);
        capacity.setValue(30);
        audience.setLabel(getTranslation("sessions.form.audience"));
        audience.setItems(Audience.values());
        audience.setItemLabelGenerator(a -> getTranslation("audience." + a.code()));
        audience.setValue(Audience.CITIZEN);
        facilitators.setLabel(getTranslation("sessions.form.facilitators"));
        facilitators.setHelperText(getTranslation("sessions.form.facilitators.help"));
        weeks.setLabel(getTranslation("sessions.form.weeks"));
        weeks.setHelperText(getTranslation("sessions.form.weeks.help"));
        weeks.setMin(1);
        weeks.setMax(SessionDraft.WEEKS_MAX);
        weeks.setValue(1);
        schedule.setText(getTranslation("sessions.form.schedule"));
        schedule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        schedule.addClassName("schedule");
        schedule.addClickListener(click -> draft().ifPresent(onSchedule));
        add(organisation, course, lessons, place, day, start, end, capacity, audience, facilitators, weeks, schedule);
        setColspan(lessons, 2);
    }

    private java.util.Optional<SessionDraft> draft() {
        if (organisation.isEmpty()
                || course.isEmpty()
                || day.isEmpty()
                || start.isEmpty()
                || end.isEmpty()
                || capacity.isEmpty()
                || weeks.isEmpty()) {
            return java.util.Optional.empty();
        }
        var startsAt = time.at(day.getValue(), start.getValue());
        var endsAt = time.at(day.getValue(), end.getValue());
        Set<String> lessonIds = lessons.getValue().stream()
                .map(CatalogueService.LessonTitle::id)
                .collect(Collectors.toSet());
        var names = Arrays.stream(facilitators.getValue().split("[,;\\s]+"))
                .filter(s -> !s.isBlank())
                .toList();
        return java.util.Optional.of(new SessionDraft(
                organisation.getValue().id(),
                course.getValue().id(),
                lessonIds,
                place.getValue(),
                startsAt,
                endsAt,
                capacity.getValue(),
                audience.getValue(),
                names,
                weeks.getValue()));
    }
}
