package org.digilit.session.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.NoSuchElementException;
import java.util.Set;
import org.digilit.account.LearnerAccount;
import org.digilit.base.ClientAddress;
import org.digilit.base.Facts;
import org.digilit.base.ProgrammeTime;
import org.digilit.course.CatalogueService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.Roles;
import org.digilit.session.AttendanceService;
import org.digilit.session.ClassSession;
import org.digilit.session.Correction;
import org.digilit.session.LearnerCardService;
import org.digilit.session.MarkStatus;
import org.digilit.session.RosterEntry;
import org.digilit.session.SessionPhotoService;
import org.digilit.session.SessionProperties;
import org.digilit.session.SessionRejectedException;
import org.digilit.session.SessionService;

/**
 * One session: its facts, its roster with each learner's attendance (flagged marks shown), enrolling learners of the
 * organisation, a quiz passed in the room, closing it, correction requests once closed, learner cards to print, and
 * the optional class photo.
 */
@Route("sessions/detail")
@RolesAllowed({Roles.ORG_ADMIN, Roles.FACILITATOR, Roles.PLATFORM_ADMIN})
class SessionDetailsView extends Main implements HasUrlParameter<Long>, HasDynamicTitle {

    private final transient SessionService sessions;
    private final transient AttendanceService attendance;
    private final transient LearnerCardService cards;
    private final transient SessionPhotoService photos;
    private final transient CatalogueService catalogue;
    private final transient SessionProperties properties;
    private final Paragraph message = new Paragraph();
    private final Grid<RosterEntry> roster = new Grid<>();
    private final Grid<LearnerAccount> candidates = new Grid<>();
    private final Grid<Correction> corrections = new Grid<>();
    private long sessionId;
    private String title = "";

    private final ProgrammeTime time;

    SessionDetailsView(
            SessionService sessions,
            AttendanceService attendance,
            LearnerCardService cards,
            SessionPhotoService photos,
            CatalogueService catalogue,
            SessionProperties properties,
            ProgrammeTime time) {
        this.time = time;
        this.sessions = sessions;
        this.attendance = attendance;
        this.cards = cards;
        this.photos = photos;
        this.catalogue = catalogue;
        this.properties = properties;
        addClassName("page");
        addClassName("session-details");
        message.addClassName("session-message");
        message.getElement().setAttribute("role", "status");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        sessionId = id;
        try {
            render(sessions.get(id));
        } catch (NoSuchElementException | OutOfScopeException e) {
            removeAll();
            add(
                    new H1(getTranslation("sessions.not-found")),
                    new Anchor(SessionListView.ROUTE, getTranslation("sessions.back")));
        }
    }

    private void render(ClassSession session) {
        removeAll();
        title = catalogue
                .course(session.courseId())
                .map(c -> c.title(getLocale()))
                .orElse(session.courseId());
        var facts = new Div();
        facts.addClassName("session-facts");
        facts.add(
                fact("sessions.when", time.session(session.startsAt(), session.endsAt(), getLocale())),
                fact("sessions.place", session.place()),
                fact(
                        "sessions.organisation",
                        session.organisationCode() + " · " + session.organisationName(getLocale())),
                fact("sessions.facilitators", String.join(", ", session.facilitators())),
                fact(
                        "sessions.attended-enrolled-capacity",
                        session.attended() + " / " + session.enrolled() + " / " + session.capacity()),
                fact(
                        "sessions.state",
                        getTranslation(session.closed() ? "sessions.state.closed" : "sessions.state.open")));
        if (!session.lessonIds().isEmpty()) {
            facts.add(fact("sessions.form.lessons", String.join(", ", session.lessonIds())));
        }

        roster.removeAllColumns();
        roster.addClassName("roster-grid");
        roster.addColumn(RosterEntry::fullName)
                .setHeader(getTranslation("sessions.learner"))
                .setFlexGrow(1);
        roster.addColumn(RosterEntry::username)
                .setHeader(getTranslation("sessions.username"))
                .setAutoWidth(true);
        roster.addColumn(e -> getTranslation("sessions.joined." + e.joined().toLowerCase()))
                .setHeader(getTranslation("sessions.joined"))
                .setAutoWidth(true);
        roster.addColumn(e -> (e.status() == null
                                ? "–"
                                : getTranslation(
                                        "attendance.status." + e.status().name().toLowerCase()))
                        + (e.flagged() ? " ⚑ " + getTranslation("sessions.flagged") : ""))
                .setHeader(getTranslation("sessions.status"))
                .setAutoWidth(true);
        roster.addComponentColumn(e -> {
            var quiz = new Button(getTranslation("sessions.quiz-passed"), click -> quizPassed(e));
            quiz.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            quiz.addClassName("quiz-passed");
            return quiz;
        });
        roster.setAllRowsVisible(true);
        roster.setItems(sessions.roster(sessionId));

        var actions = new FlexLayout();
        actions.addClassName("session-actions");
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        var print = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    try {
                        var pdf = cards.rosterCardsPdf(
                                sessionId, getTranslation("cards.title"), getTranslation("cards.hint"));
                        return new DownloadResponse(
                                new ByteArrayInputStream(pdf),
                                "learner-cards-" + sessionId + ".pdf",
                                "application/pdf",
                                pdf.length);
                    } catch (SessionRejectedException | OutOfScopeException e) {
                        return DownloadResponse.error(400);
                    }
                }),
                getTranslation("sessions.print-cards"));
        print.addClassName("print-cards");
        actions.add(print);
        if (!session.closed()) {
            var close = new Button(getTranslation("sessions.close"), click -> confirmClose());
            close.addThemeVariants(ButtonVariant.LUMO_ERROR);
            close.addClassName("close-session");
            actions.add(close);
        }

        add(
                new Anchor(SessionListView.ROUTE, getTranslation("sessions.back")),
                new H1(title),
                facts,
                actions,
                message,
                new H2(getTranslation("sessions.roster")),
                roster);
        if (!session.closed()) {
            add(enrolment());
        } else {
            add(correctionRequest());
        }
        corrections.removeAllColumns();
        corrections.addClassName("session-corrections");
        CorrectionColumns.add(corrections);
        corrections
                .addColumn(c -> c.decision() == null
                        ? getTranslation("sessions.pending")
                        : getTranslation("sessions.decision." + c.decision().toLowerCase()) + " · " + c.decidedBy())
                .setHeader(getTranslation("sessions.decision"))
                .setAutoWidth(true);
        corrections.setAllRowsVisible(true);
        corrections.setItems(attendance.corrections(sessionId));
        add(new H2(getTranslation("sessions.corrections")), corrections, photo());
    }

    private Div enrolment() {
        var box = new Div();
        box.addClassName("enrolment");
        var search = new TextField(getTranslation("sessions.enrol.search"));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        candidates.removeAllColumns();
        candidates.addClassName("candidate-grid");
        candidates.setSelectionMode(Grid.SelectionMode.MULTI);
        candidates
                .addColumn(LearnerAccount::fullName)
                .setHeader(getTranslation("sessions.learner"))
                .setFlexGrow(1);
        candidates
                .addColumn(LearnerAccount::username)
                .setHeader(getTranslation("sessions.username"))
                .setAutoWidth(true);
        candidates.setAllRowsVisible(true);
        candidates.setItems(sessions.candidates(sessionId, null));
        search.addValueChangeListener(e -> candidates.setItems(sessions.candidates(sessionId, e.getValue())));
        var enrol = new Button(getTranslation("sessions.enrol"), click -> enrol(candidates.getSelectedItems()));
        enrol.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        enrol.addClassName("enrol");
        box.add(new H2(getTranslation("sessions.enrol.title")), search, candidates, enrol);
        return box;
    }

    private Div correctionRequest() {
        var box = new Div();
        box.addClassName("correction-request");
        var learner = new ComboBox<RosterEntry>(getTranslation("sessions.learner"));
        learner.setItems(sessions.roster(sessionId));
        learner.setItemLabelGenerator(e -> e.fullName() + " · " + e.username());
        var status = new Select<MarkStatus>();
        status.setLabel(getTranslation("sessions.status"));
        status.setItems(MarkStatus.values());
        status.setItemLabelGenerator(
                s -> getTranslation("attendance.status." + s.name().toLowerCase()));
        var reason = new TextField(getTranslation("sessions.reason"));
        reason.setMaxLength(Correction.REASON_MAX_LENGTH);
        var request = new Button(getTranslation("sessions.request-correction"), click -> {
            if (learner.isEmpty() || status.isEmpty()) {
                error(getTranslation("attendance.error.reason"));
                return;
            }
            try {
                attendance.requestCorrection(
                        sessionId,
                        learner.getValue().username(),
                        status.getValue(),
                        reason.getValue(),
                        ClientAddress.orUnknown());
                message.setText(getTranslation("sessions.correction-requested"));
                message.removeClassName("error");
                corrections.setItems(attendance.corrections(sessionId));
            } catch (SessionRejectedException e) {
                error(getTranslation(e.messageKey()));
            }
        });
        request.addClassName("request-correction");
        box.add(
                new H2(getTranslation("sessions.request-correction")),
                new Paragraph(getTranslation("sessions.closed-help")),
                learner,
                status,
                reason,
                request);
        return box;
    }

    private Div photo() {
        var box = new Div();
        box.addClassName("session-photo");
        box.add(
                new H2(getTranslation("sessions.photo")),
                new Paragraph(getTranslation(
                        "sessions.photo.help", properties.photoRetention().toDays())));
        photos.photo(sessionId).ifPresent(bytes -> {
            var image = new Image(
                    DownloadHandler.fromInputStream(e -> new DownloadResponse(
                            new ByteArrayInputStream(bytes),
                            "class-" + sessionId + ".jpg",
                            "image/jpeg",
                            bytes.length)),
                    getTranslation("sessions.photo"));
            image.setMaxWidth("100%");
            box.add(image);
        });
        var upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
            try {
                photos.upload(sessionId, bytes, ClientAddress.orUnknown());
                setParameter(null, sessionId);
            } catch (SessionRejectedException e) {
                error(getTranslation(e.messageKey()));
            }
        }))));
        upload.setAcceptedFileTypes("image/jpeg", "image/png");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(properties.photoMaxBytes());
        upload.addFileRejectedListener(e -> error(getTranslation("sessions.photo.too-large")));
        box.add(upload);
        return box;
    }

    private void enrol(Set<LearnerAccount> selected) {
        try {
            int added = sessions.enrol(
                    sessionId, selected.stream().map(LearnerAccount::username).toList(), ClientAddress.orUnknown());
            setParameter(null, sessionId);
            message.setText(getTranslation("sessions.enrolled", added));
        } catch (SessionRejectedException e) {
            error(getTranslation(e.messageKey()));
        }
    }

    private void quizPassed(RosterEntry entry) {
        try {
            attendance.recordQuizPassed(sessionId, entry.username(), ClientAddress.orUnknown());
            message.setText(getTranslation("sessions.quiz-recorded", entry.fullName()));
            message.removeClassName("error");
        } catch (SessionRejectedException e) {
            error(getTranslation(e.messageKey()));
        }
    }

    private void confirmClose() {
        var dialog = new ConfirmDialog(
                getTranslation("sessions.close"),
                getTranslation("sessions.close.confirm"),
                getTranslation("sessions.close"),
                confirm -> {
                    sessions.close(sessionId, ClientAddress.orUnknown());
                    setParameter(null, sessionId);
                    message.setText(getTranslation("sessions.closed"));
                });
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("sessions.cancel"));
        dialog.open();
    }

    private void error(String text) {
        message.setText(text);
        message.addClassName("error");
    }

    private Div fact(String key, String value) {
        return Facts.of(getTranslation(key), value);
    }

    @Override
    public String getPageTitle() {
        return title + " · DigiLit";
    }
}
