package org.digilit.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.digilit.IntegrationTest;
import org.digilit.account.WalkInQueue;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sessions and attendance against the real PostgreSQL: scheduling a weekly series, enrolling within the organisation,
 * the idempotent sync (a replayed batch, a replayed mark), the rules (latest wins, a QR scan beats a manual absent, out
 * of window flagged), two facilitators on one learner, closing then correcting through an approved request, joining
 * at the door with a learner card, another organisation's session refused, and completing a course in person.
 */
@IntegrationTest
class AttendanceIT {

    @Autowired
    SessionService sessions;

    @Autowired
    AttendanceService attendance;

    @Autowired
    LearnerCards cards;

    @Autowired
    WalkInQueue walkInQueue;

    @Autowired
    SessionProvinces provinces;

    @Autowired
    JdbcClient jdbc;

    SessionTestData data;
    String facilitator;
    String otherFacilitator;
    String admin;

    @BeforeEach
    void province() {
        data = provinces.load();
        facilitator = "fac-" + data.province.toLowerCase();
        otherFacilitator = "fac2-" + data.province.toLowerCase();
        admin = "admin-" + data.province.toLowerCase();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private void asFacilitator(String name, String org) {
        TestUsers.signIn(name, data.code(org), Role.FACILITATOR);
    }

    private void asAdmin(String org) {
        TestUsers.signIn(admin, data.code(org), Role.ORG_ADMIN);
    }

    /** A session in G1 that started an hour ago, with both facilitators and the given learners. */
    private long sessionNow(String... learners) {
        asFacilitator(facilitator, "G1");
        var id = sessions.schedule(
                        data.draft("G1", Instant.now().minus(Duration.ofHours(1)), List.of(otherFacilitator), 1), null)
                .getFirst();
        sessions.enrol(id, List.of(learners), null);
        return id;
    }

    private static PhoneSync.Mark mark(long session, String learner, MarkStatus status, String method, Instant at) {
        return new PhoneSync.Mark(UUID.randomUUID(), session, learner, status, method, at, null);
    }

    private static PhoneSync.Batch batch(PhoneSync.Mark... marks) {
        return new PhoneSync.Batch(UUID.randomUUID(), Instant.now(), List.of(marks), List.of());
    }

    private int stored(long session) {
        return jdbc.sql("select count(*) from attendance_mark where session_id = :s")
                .param("s", session)
                .query(Integer.class)
                .single();
    }

    private MarkStatus status(long session, String learner) {
        asAdmin("G1");
        return sessions.roster(session).stream()
                .filter(e -> e.username().equals(learner))
                .findFirst()
                .orElseThrow()
                .status();
    }

    @Test
    void a_weekly_series_is_scheduled_in_one_go_with_the_facilitator_on_it() {
        asFacilitator(facilitator, "G1");
        var ids = sessions.schedule(data.draft("G1", Instant.now().plus(Duration.ofDays(1)), List.of(), 5), null);
        assertThat(ids).hasSize(5);
        var first = sessions.get(ids.getFirst());
        var last = sessions.get(ids.getLast());
        assertThat(Duration.between(first.startsAt(), last.startsAt())).isEqualTo(Duration.ofDays(28));
        assertThat(first.seriesId()).isNotNull().isEqualTo(last.seriesId());
        assertThat(first.facilitators()).containsExactly(facilitator);
    }

    @Test
    void a_bad_draft_is_refused_whole_and_changes_nothing() {
        asFacilitator(facilitator, "G1");
        var start = Instant.now().plus(Duration.ofDays(1));
        var good = data.draft("G1", start, List.of(), 3);
        var bad = new SessionDraft(
                good.organisationId(),
                good.courseId(),
                good.lessonIds(),
                " ",
                good.startsAt(),
                good.endsAt(),
                good.capacity(),
                good.audience(),
                good.facilitators(),
                3);
        assertThatThrownBy(() -> sessions.schedule(bad, null))
                .isInstanceOf(SessionRejectedException.class)
                .hasMessage("sessions.error.place");
        assertThat(sessions.list(0, 100)).isEmpty();
    }

    @Test
    void a_facilitator_schedules_only_for_their_own_organisation() {
        asFacilitator(facilitator, "G1");
        assertThatThrownBy(() -> sessions.schedule(data.draft("G2", Instant.now(), List.of(), 1), null))
                .isInstanceOf(OutOfScopeException.class);
    }

    @Test
    void enrolling_someone_of_another_organisation_or_past_capacity_is_refused() {
        var mine = data.learner("G1");
        var theirs = data.learner("G2");
        var id = sessionNow(mine);
        asFacilitator(facilitator, "G1");
        assertThatThrownBy(() -> sessions.enrol(id, List.of(theirs), null))
                .isInstanceOf(SessionRejectedException.class)
                .hasMessage("sessions.error.other-organisation");
        assertThat(sessions.candidates(id, null)).extracting(a -> a.username()).doesNotContain(mine, theirs);
        assertThat(sessions.enrol(id, List.of(mine), null)).isZero();
    }

    @Test
    void the_same_batch_sent_twice_stores_its_marks_once() {
        var learner = data.learner("G1");
        var id = sessionNow(learner);
        asFacilitator(facilitator, "G1");
        var batch = batch(mark(id, learner, MarkStatus.PRESENT, "MANUAL", Instant.now()));
        var first = attendance.sync(batch, null);
        var again = attendance.sync(batch, null);
        assertThat(first.stored()).isEqualTo(1);
        assertThat(again.replay()).isTrue();
        assertThat(again.stored()).isZero();
        assertThat(again.acknowledged()).containsExactlyElementsOf(first.acknowledged());
        // The same marks in a new batch (the phone lost the answer and re-batched): still stored once.
        var rebatched =
                attendance.sync(new PhoneSync.Batch(UUID.randomUUID(), Instant.now(), batch.marks(), List.of()), null);
        assertThat(rebatched.stored()).isZero();
        assertThat(stored(id)).isEqualTo(1);
        assertThat(status(id, learner)).isEqualTo(MarkStatus.PRESENT);
    }

    @Test
    void the_latest_mark_wins_but_a_scan_beats_a_manual_absent() {
        var scanned = data.learner("G1");
        var tapped = data.learner("G1");
        var id = sessionNow(scanned, tapped);
        var now = Instant.now();
        asFacilitator(facilitator, "G1");
        attendance.sync(
                batch(
                        mark(id, scanned, MarkStatus.PRESENT, "QR", now.minusSeconds(60)),
                        mark(id, tapped, MarkStatus.PRESENT, "MANUAL", now.minusSeconds(60))),
                null);
        // Another facilitator, later, taps both absent.
        asFacilitator(otherFacilitator, "G1");
        attendance.sync(
                batch(
                        mark(id, scanned, MarkStatus.ABSENT, "MANUAL", now.minusSeconds(10)),
                        mark(id, tapped, MarkStatus.ABSENT, "MANUAL", now.minusSeconds(10))),
                null);
        assertThat(status(id, scanned)).isEqualTo(MarkStatus.PRESENT);
        assertThat(status(id, tapped)).isEqualTo(MarkStatus.ABSENT);
        // An earlier mark arriving late (an offline phone) does not override a later one.
        asFacilitator(facilitator, "G1");
        attendance.sync(batch(mark(id, tapped, MarkStatus.LATE, "MANUAL", now.minusSeconds(30))), null);
        assertThat(status(id, tapped)).isEqualTo(MarkStatus.ABSENT);
        assertThat(stored(id)).isEqualTo(5);
    }

    @Test
    void the_phone_clock_offset_is_estimated_and_stored_beside_capture_and_receipt() {
        var learner = data.learner("G1");
        var id = sessionNow(learner);
        asFacilitator(facilitator, "G1");
        // The phone's clock is 10 minutes behind: it captured "5 minutes ago" by its clock, sent "now" by its clock.
        var phoneNow = Instant.now().minus(Duration.ofMinutes(10));
        var result = attendance.sync(
                new PhoneSync.Batch(
                        UUID.randomUUID(),
                        phoneNow,
                        List.of(mark(id, learner, MarkStatus.PRESENT, "MANUAL", phoneNow.minus(Duration.ofMinutes(5)))),
                        List.of()),
                null);
        assertThat(result.clockOffsetMs()).isBetween(590_000L, 610_000L);
        var row = jdbc.sql("""
                        select extract(epoch from captured_at - phone_captured_at) * 1000, clock_offset_ms,
                            extract(epoch from received_at - captured_at)
                        from attendance_mark where session_id = :s""")
                .param("s", id)
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getLong(2), rs.getDouble(3)})
                .single();
        assertThat(row[0]).isEqualTo(row[1]);
        assertThat(row[2]).isBetween(290.0, 310.0);
    }

    @Test
    void a_mark_outside_the_window_is_kept_and_flagged() {
        var learner = data.learner("G1");
        var id = sessionNow(learner);
        asFacilitator(facilitator, "G1");
        var early =
                mark(id, learner, MarkStatus.PRESENT, "MANUAL", Instant.now().minus(Duration.ofHours(5)));
        var result = attendance.sync(batch(early), null);
        assertThat(result.flagged()).containsExactly(early.id());
        assertThat(status(id, learner)).isEqualTo(MarkStatus.PRESENT);
        asAdmin("G1");
        assertThat(sessions.roster(id).getFirst().flagged()).isTrue();
    }

    @Test
    void a_closed_session_changes_only_through_an_approved_correction() {
        var learner = data.learner("G1");
        var id = sessionNow(learner);
        asFacilitator(facilitator, "G1");
        attendance.sync(batch(mark(id, learner, MarkStatus.ABSENT, "MANUAL", Instant.now())), null);
        asAdmin("G1");
        sessions.close(id, null);
        // A phone that was offline sends a mark after the close: kept, flagged, not applied, turned into a request.
        asFacilitator(facilitator, "G1");
        var late = mark(id, learner, MarkStatus.PRESENT, "MANUAL", Instant.now());
        assertThat(attendance.sync(batch(late), null).flagged()).containsExactly(late.id());
        assertThat(status(id, learner)).isEqualTo(MarkStatus.ABSENT);
        // A facilitator cannot approve; the organisation admin can, and it is audited.
        asFacilitator(facilitator, "G1");
        long request = attendance.requestCorrection(id, learner, MarkStatus.LATE, "Came at 9:20", null);
        assertThatThrownBy(() -> attendance.decideCorrection(request, true, null))
                .isInstanceOf(OutOfScopeException.class);
        asAdmin("G1");
        assertThat(attendance.openCorrections(100)).extracting(Correction::id).contains(request);
        attendance.decideCorrection(request, true, "10.0.0.1");
        assertThat(status(id, learner)).isEqualTo(MarkStatus.LATE);
        assertThatThrownBy(() -> attendance.decideCorrection(request, false, null))
                .isInstanceOf(SessionRejectedException.class);
        var audited = jdbc.sql("select count(*) from audit_event where action = 'attendance.correction.approve'"
                        + " and target_id = :s and actor = :a")
                .param("s", String.valueOf(id))
                .param("a", admin)
                .query(Integer.class)
                .single();
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void another_organisations_session_is_refused_and_nothing_is_stored() {
        var learner = data.learner("G1");
        var id = sessionNow(learner);
        TestUsers.signIn("stranger-" + data.province, data.code("G2"), Role.FACILITATOR);
        assertThatThrownBy(() ->
                        attendance.sync(batch(mark(id, learner, MarkStatus.PRESENT, "MANUAL", Instant.now())), null))
                .isInstanceOf(OutOfScopeException.class);
        assertThat(stored(id)).isZero();
        assertThat(attendance.phoneDownload().sessions()).isEmpty();
        assertThatThrownBy(() -> sessions.get(id)).isInstanceOf(OutOfScopeException.class);
    }

    @Test
    void the_phone_downloads_only_its_facilitators_own_sessions() {
        var learner = data.learner("G1");
        var id = sessionNow(learner);
        asFacilitator(otherFacilitator, "G1");
        var download = attendance.phoneDownload();
        assertThat(download.sessions()).extracting(ClassSession::id).containsExactly(id);
        assertThat(download.rosters().get(id)).extracting(RosterEntry::username).containsExactly(learner);
        TestUsers.signIn("nobody-" + data.province, data.code("G1"), Role.FACILITATOR);
        assertThat(attendance.phoneDownload().sessions()).isEmpty();
    }

    @Test
    void a_learner_card_joins_at_the_door_and_a_forged_one_is_refused() {
        var walker = data.learner("G1");
        var id = sessionNow();
        asFacilitator(facilitator, "G1");
        var forged = new PhoneSync.Mark(
                UUID.randomUUID(),
                id,
                walker,
                MarkStatus.PRESENT,
                "QR",
                Instant.now(),
                "DLC1." + walker + ".AAAAAAAAAA");
        assertThatThrownBy(() -> attendance.sync(batch(forged), null))
                .isInstanceOf(SessionRejectedException.class)
                .hasMessage("attendance.error.card");
        assertThat(stored(id)).isZero();
        var real = new PhoneSync.Mark(
                UUID.randomUUID(), id, walker, MarkStatus.PRESENT, "QR", Instant.now(), cards.code(walker));
        attendance.sync(batch(real), null);
        asAdmin("G1");
        assertThat(sessions.roster(id)).singleElement().satisfies(e -> {
            assertThat(e.username()).isEqualTo(walker);
            assertThat(e.joined()).isEqualTo("QR");
            assertThat(e.status()).isEqualTo(MarkStatus.PRESENT);
        });
    }

    @Test
    void a_walk_in_is_recorded_with_name_and_phone_for_the_organisation_to_register() {
        var id = sessionNow();
        asFacilitator(facilitator, "G1");
        var walkIn = new PhoneSync.WalkIn(UUID.randomUUID(), id, "Lò Văn Páo", "0912 345 678", Instant.now());
        attendance.sync(
                new PhoneSync.Batch(
                        UUID.randomUUID(),
                        Instant.now(),
                        List.of(mark(id, "walkin:" + walkIn.id(), MarkStatus.PRESENT, "MANUAL", Instant.now())),
                        List.of(walkIn)),
                null);
        asAdmin("G1");
        assertThat(sessions.walkIns(100)).extracting(WalkIn::fullName).contains("Lò Văn Páo");
    }

    @Test
    void a_walk_in_linked_to_the_account_they_got_brings_their_door_mark_and_leaves_the_queue() {
        var id = sessionNow();
        asFacilitator(facilitator, "G1");
        var walkIn = new PhoneSync.WalkIn(UUID.randomUUID(), id, "Lò Thị Mai", "0912 000 111", Instant.now());
        attendance.sync(
                new PhoneSync.Batch(
                        UUID.randomUUID(),
                        Instant.now(),
                        List.of(mark(id, "walkin:" + walkIn.id(), MarkStatus.PRESENT, "MANUAL", Instant.now())),
                        List.of(walkIn)),
                null);
        // The person registered meanwhile: a verified account of the group.
        var learner = data.learner("G1");

        // An admin of the other group sees nothing of it and may not resolve it.
        TestUsers.signIn(admin, data.code("G2"), Role.ORG_ADMIN);
        assertThat(walkInQueue.waiting(500)).extracting(WalkInQueue.Waiting::id).doesNotContain(walkIn.id());
        assertThatThrownBy(() -> walkInQueue.link(walkIn.id(), learner, null))
                .isInstanceOf(org.digilit.organisation.OutOfScopeException.class);

        asAdmin("G1");
        assertThat(walkInQueue.waiting(500)).extracting(WalkInQueue.Waiting::id).contains(walkIn.id());
        assertThatThrownBy(() -> walkInQueue.link(walkIn.id(), "nobody-" + UUID.randomUUID(), null))
                .isInstanceOf(WalkInQueue.Refused.class)
                .hasMessage("walkins.error.unknown-account");
        assertThat(walkInQueue.waiting(500)).extracting(WalkInQueue.Waiting::id).contains(walkIn.id());

        assertThat(walkInQueue.link(walkIn.id(), learner, null)).isEqualTo(learner);
        assertThat(walkInQueue.waiting(500)).extracting(WalkInQueue.Waiting::id).doesNotContain(walkIn.id());
        assertThat(status(id, learner)).isEqualTo(MarkStatus.PRESENT);
        assertThat(jdbc.sql("select count(*) from attendance_mark where session_id = :s and learner like 'walkin:%'")
                        .param("s", id)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThatThrownBy(() -> walkInQueue.link(walkIn.id(), learner, null))
                .isInstanceOf(WalkInQueue.Refused.class)
                .hasMessage("walkins.error.resolved");
    }

    @Test
    void attending_enough_sessions_with_the_quiz_passed_in_the_room_completes_the_course_in_person() {
        var learner = data.learner("G1");
        asFacilitator(facilitator, "G1");
        var ids = sessions.schedule(
                data.draft("G1", Instant.now().minus(Duration.ofHours(1)).minus(Duration.ofDays(21)), List.of(), 4),
                null);
        for (var id : ids) {
            sessions.enrol(id, List.of(learner), null);
        }
        // 3 of 4 sessions attended (75 %, the default share), each marked at its own time.
        for (int i = 0; i < 3; i++) {
            var session = sessions.get(ids.get(i));
            attendance.sync(
                    batch(mark(
                            session.id(),
                            learner,
                            MarkStatus.PRESENT,
                            "MANUAL",
                            session.startsAt().plusSeconds(300))),
                    null);
        }
        assertThat(completion(learner)).isNull();
        attendance.recordQuizPassed(ids.get(2), learner, null);
        assertThat(completion(learner)).isEqualTo("IN_PERSON");
        var certificates = jdbc.sql("select count(*) from certificate where username = :u and course_id = :c")
                .param("u", learner)
                .param("c", data.course)
                .query(Integer.class)
                .single();
        assertThat(certificates).isEqualTo(1);
    }

    private String completion(String learner) {
        return jdbc.sql("select completion_source from course_progress where username = :u and course_id = :c")
                .param("u", learner)
                .param("c", data.course)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
