package org.digilit.session.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.digilit.IntegrationTest;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.digilit.session.AttendanceFigure;
import org.digilit.session.AttendanceService;
import org.digilit.session.ClassSession;
import org.digilit.session.MarkStatus;
import org.digilit.session.PhoneSync;
import org.digilit.session.RosterEntry;
import org.digilit.session.SessionProvinces;
import org.digilit.session.SessionService;
import org.digilit.session.SessionTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The session views without a browser: a facilitator schedules a weekly series from the form (in Vietnamese), a bad
 * form gets a message and changes nothing; the session page enrols learners and closes the session after a
 * confirmation; the organisation admin approves a correction request; the attendance dashboard lists the weakest
 * commune first and drills down to its groups; a learner's card page shows their code.
 */
@IntegrationTest
@ViewPackages(packages = "org.digilit")
class SessionViewsBrowserlessIT extends SpringBrowserlessTest {

    @Autowired
    SessionService sessions;

    @Autowired
    AttendanceService attendance;

    @Autowired
    SessionProvinces provinces;

    SessionTestData data;

    @BeforeEach
    void province() {
        data = provinces.load();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private void vietnamese() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("vi"));
    }

    @Test
    void a_facilitator_schedules_a_weekly_series_from_the_form_and_a_bad_form_changes_nothing() {
        TestUsers.signIn("fac-" + data.province, data.code("G1"), Role.FACILITATOR);
        vietnamese();
        UI.getCurrent().navigate(SessionListView.class);
        var form = find(ScheduleSessionForm.class).single();
        assertThat(form.organisation.getValue().code()).isEqualTo(data.code("G1"));
        test(form.course).selectItem("Khóa học " + data.course);
        test(form.place).setValue("");
        test(form.weeks).setValue(5);
        test(form.schedule).click();
        var message = find(Paragraph.class).withClassName("session-message").single();
        assertThat(message.getText()).isEqualTo("Hãy ghi địa điểm (tối đa 200 ký tự).");
        assertThat(sessions.list(0, 10)).isEmpty();

        test(form.place).setValue("Nhà văn hóa thôn 3");
        test(form.schedule).click();
        assertThat(message.getText()).isEqualTo("Đã lên lịch 5 buổi học.");
        assertThat(sessions.list(0, 10))
                .hasSize(5)
                .extracting(ClassSession::seriesId)
                .doesNotContainNull();
        assertThat(find(Anchor.class).withClassName("phone-page").single().getHref())
                .isEqualTo("/attendance/index.html");
    }

    @Test
    void the_session_page_enrols_learners_and_closes_after_a_confirmation_then_the_admin_approves_a_correction() {
        var learner = data.learner("G1");
        TestUsers.signIn("fac-" + data.province, data.code("G1"), Role.FACILITATOR);
        long id = sessions.schedule(data.draft("G1", Instant.now().minus(Duration.ofHours(1)), List.of(), 1), null)
                .getFirst();
        vietnamese();
        UI.getCurrent().navigate(SessionDetailsView.class, id);
        @SuppressWarnings("unchecked")
        var candidates = (Grid<org.digilit.account.LearnerAccount>)
                find(Grid.class).withClassName("candidate-grid").single();
        assertThat(test(candidates).size()).isEqualTo(1);
        test(candidates).select(0);
        test(find(Button.class).withClassName("enrol").single()).click();
        @SuppressWarnings("unchecked")
        var roster = (Grid<RosterEntry>)
                find(Grid.class).withClassName("roster-grid").single();
        assertThat(test(roster).size()).isEqualTo(1);
        assertThat(test(roster).getCellText(0, 1)).isEqualTo(learner);

        attendance.sync(
                new PhoneSync.Batch(
                        UUID.randomUUID(),
                        Instant.now(),
                        List.of(new PhoneSync.Mark(
                                UUID.randomUUID(), id, learner, MarkStatus.ABSENT, "MANUAL", Instant.now(), null)),
                        List.of()),
                null);
        test(find(Button.class).withClassName("close-session").single()).click();
        var dialog = find(ConfirmDialog.class).single();
        test(dialog).confirm();
        assertThat(sessions.get(id).closed()).isTrue();
        assertThat(find(Button.class).withClassName("close-session").all()).isEmpty();
        long request = attendance.requestCorrection(id, learner, MarkStatus.PRESENT, "Đến muộn, có mặt", null);

        TestUsers.signIn("admin-" + data.province, data.code("C1"), Role.ORG_ADMIN);
        vietnamese();
        UI.getCurrent().navigate(SessionListView.class);
        @SuppressWarnings("unchecked")
        var corrections = (Grid<org.digilit.session.Correction>)
                find(Grid.class).withClassName("correction-grid").single();
        assertThat(test(corrections).size()).isEqualTo(1);
        var approve = find(Button.class)
                .from(test(corrections).getCellComponent(0, 5))
                .withClassName("approve")
                .single();
        test(approve).click();
        assertThat(find(Paragraph.class)
                        .withClassName("session-message")
                        .single()
                        .getText())
                .isEqualTo("Đã duyệt và áp dụng điều chỉnh.");
        assertThat(sessions.roster(id).getFirst().status()).isEqualTo(MarkStatus.PRESENT);
        assertThat(attendance.openCorrections(10)).extracting(c -> c.id()).doesNotContain(request);
    }

    @Test
    void the_attendance_dashboard_lists_the_weakest_first_and_drills_down() {
        var strong = data.learner("G1");
        var weak = data.learner("G2");
        TestUsers.signIn("fac-" + data.province, data.code("G1"), Role.FACILITATOR);
        long good = sessions.schedule(data.draft("G1", Instant.now().minus(Duration.ofHours(3)), List.of(), 1), null)
                .getFirst();
        sessions.enrol(good, List.of(strong), null);
        attendance.sync(batchOf(good, strong, MarkStatus.PRESENT), null);
        TestUsers.signIn("fac2-" + data.province, data.code("G2"), Role.FACILITATOR);
        long poor = sessions.schedule(data.draft("G2", Instant.now().minus(Duration.ofHours(3)), List.of(), 1), null)
                .getFirst();
        sessions.enrol(poor, List.of(weak), null);
        attendance.sync(batchOf(poor, weak, MarkStatus.ABSENT), null);

        TestUsers.signIn("admin-" + data.province, data.code(""), Role.ORG_ADMIN);
        vietnamese();
        var province = data.id("");
        UI.getCurrent()
                .navigate(
                        "sessions/attendance",
                        com.vaadin.flow.router.QueryParameters.simple(
                                java.util.Map.of("unit", "month", "org", String.valueOf(province))));
        @SuppressWarnings("unchecked")
        var grid = (Grid<AttendanceFigure>)
                find(Grid.class).withClassName("attendance-grid").single();
        assertThat(test(grid).size()).isEqualTo(2);
        assertThat(test(grid).getCellText(0, 0)).startsWith(data.code("D2"));
        assertThat(test(grid).getCellText(0, 3)).isEqualTo("0,0 %");
        assertThat(test(grid).getCellText(1, 3)).isEqualTo("100,0 %");
        test(grid).clickRow(0);
        @SuppressWarnings("unchecked")
        var drilled = (Grid<AttendanceFigure>)
                find(Grid.class).withClassName("attendance-grid").single();
        assertThat(test(drilled).getCellText(0, 0)).startsWith(data.code("C2"));
        assertThat(find(Anchor.class).withClassName("download-csv").single().getText())
                .isEqualTo("Tải tệp CSV");
    }

    @Test
    void a_learner_sees_their_card_with_its_code_and_a_pdf_to_print() {
        TestUsers.signIn("card-" + data.province.toLowerCase(), data.code("C1"), Role.CITIZEN);
        vietnamese();
        UI.getCurrent().navigate(LearnerCardView.class);
        assertThat(find(H1.class).single().getText()).isEqualTo("Thẻ học viên");
        assertThat(find(Span.class).withClassName("card-code").single().getText())
                .startsWith("DLC1.card-" + data.province.toLowerCase() + ".");
        assertThat(find(Anchor.class).withClassName("card-pdf").single().getText())
                .isEqualTo("Tải thẻ để in (PDF)");
    }

    private static PhoneSync.Batch batchOf(long session, String learner, MarkStatus status) {
        return new PhoneSync.Batch(
                UUID.randomUUID(),
                Instant.now(),
                List.of(new PhoneSync.Mark(
                        UUID.randomUUID(),
                        session,
                        learner,
                        status,
                        "MANUAL",
                        Instant.now().minus(Duration.ofHours(2)),
                        null)),
                List.of());
    }
}
