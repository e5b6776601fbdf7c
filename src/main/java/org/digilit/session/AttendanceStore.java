package org.digilit.session;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of marks, current attendance, batches and correction requests (tables of V30, owned by this feature). */
@Repository
class AttendanceStore {

    private final JdbcClient jdbc;

    AttendanceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a batch's idempotency key; false when the batch was received before (a replay). */
    boolean claimBatch(UUID id, String facilitator, Instant now, int marks) {
        return jdbc.sql("""
                        insert into attendance_batch (id, facilitator, received_at, marks, new_marks)
                        values (:id, :f, :now, :marks, 0) on conflict (id) do nothing""")
                        .param("id", id)
                        .param("f", facilitator)
                        .param("now", Timestamp.from(now))
                        .param("marks", marks)
                        .update()
                == 1;
    }

    void batchStored(UUID id, int newMarks) {
        jdbc.sql("update attendance_batch set new_marks = :n where id = :id")
                .param("n", newMarks)
                .param("id", id)
                .update();
    }

    /** Serialises writers of one learner's attendance in one session until the transaction ends. */
    void lock(long sessionId, String learner) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(cast(:s as integer), hashtext(:l))) locked")
                .param("s", (int) sessionId)
                .param("l", learner)
                .query(Integer.class)
                .single();
    }

    /** Inserts a mark; false when a mark with this id exists (replayed). */
    boolean insertMark(
            UUID id,
            long sessionId,
            String learner,
            MarkStatus status,
            String method,
            String facilitator,
            @Nullable UUID batch,
            Instant phoneCapturedAt,
            long offsetMs,
            Instant capturedAt,
            Instant receivedAt,
            boolean outOfWindow,
            boolean afterClose) {
        return jdbc.sql("""
                        insert into attendance_mark (id, session_id, learner, status, method, facilitator, batch_id,
                            phone_captured_at, clock_offset_ms, captured_at, received_at, out_of_window, after_close)
                        values (:id, :s, :l, :status, :method, :f, :batch, :phone, :offset, :captured, :received,
                            :oow, :closed)
                        on conflict (id) do nothing""")
                        .param("id", id)
                        .param("s", sessionId)
                        .param("l", learner)
                        .param("status", status.name())
                        .param("method", method)
                        .param("f", facilitator)
                        .param("batch", batch)
                        .param("phone", Timestamp.from(phoneCapturedAt))
                        .param("offset", offsetMs)
                        .param("captured", Timestamp.from(capturedAt))
                        .param("received", Timestamp.from(receivedAt))
                        .param("oow", outOfWindow)
                        .param("closed", afterClose)
                        .update()
                == 1;
    }

    List<AttendanceRules.Mark> marks(long sessionId, String learner) {
        return jdbc.sql("""
                        select id, status, method, captured_at from attendance_mark
                        where session_id = :s and learner = :l and not after_close""")
                .param("s", sessionId)
                .param("l", learner)
                .query((rs, n) -> new AttendanceRules.Mark(
                        rs.getObject(1, UUID.class),
                        MarkStatus.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /**
     * A linked walk-in's marks become the learner's: the marks are re-labelled (their ids, times and methods stay),
     * and the walk-in's derived attendance row goes; the caller settles the learner's attendance again.
     */
    void moveMarks(long sessionId, String from, String to) {
        jdbc.sql("update attendance_mark set learner = :to where session_id = :s and learner = :from")
                .param("s", sessionId)
                .param("from", from)
                .param("to", to)
                .update();
        jdbc.sql("delete from attendance where session_id = :s and learner = :from")
                .param("s", sessionId)
                .param("from", from)
                .update();
    }

    void setAttendance(long sessionId, String learner, AttendanceRules.Mark winner) {
        jdbc.sql("""
                        insert into attendance (session_id, learner, status, method, mark_id, captured_at)
                        values (:s, :l, :status, :method, :mark, :at)
                        on conflict (session_id, learner) do update set status = excluded.status,
                            method = excluded.method, mark_id = excluded.mark_id, captured_at = excluded.captured_at""")
                .param("s", sessionId)
                .param("l", learner)
                .param("status", winner.status().name())
                .param("method", winner.method())
                .param("mark", winner.id())
                .param("at", Timestamp.from(winner.capturedAt()))
                .update();
    }

    Optional<MarkStatus> status(long sessionId, String learner) {
        return jdbc.sql("select status from attendance where session_id = :s and learner = :l")
                .param("s", sessionId)
                .param("l", learner)
                .query(String.class)
                .optional()
                .map(MarkStatus::valueOf);
    }

    long requestCorrection(long sessionId, String learner, MarkStatus status, String reason, String by, Instant now) {
        return jdbc.sql("""
                        insert into attendance_correction (session_id, learner, status, reason, requested_by,
                            requested_at)
                        values (:s, :l, :status, :reason, :by, :now) returning id""")
                .param("s", sessionId)
                .param("l", learner)
                .param("status", status.name())
                .param("reason", reason)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    Optional<Correction> correction(long id) {
        return jdbc.sql(CORRECTION_SELECT + " where c.id = :id")
                .param("id", id)
                .query(AttendanceStore::mapCorrection)
                .optional();
    }

    List<Correction> openCorrections(String scopeCondition, Map<String, Object> scopeParameters, int limit) {
        return jdbc.sql(CORRECTION_SELECT + " where c.decision is null and " + scopeCondition
                        + " order by c.requested_at limit :limit")
                .params(scopeParameters)
                .param("limit", limit)
                .query(AttendanceStore::mapCorrection)
                .list();
    }

    List<Correction> corrections(long sessionId) {
        return jdbc.sql(CORRECTION_SELECT + " where c.session_id = :s order by c.requested_at")
                .param("s", sessionId)
                .query(AttendanceStore::mapCorrection)
                .list();
    }

    /** Decides an open request; false when it was decided already. */
    boolean decide(long id, boolean approved, String by, Instant now) {
        return jdbc.sql("""
                        update attendance_correction set decision = :d, decided_by = :by, decided_at = :now
                        where id = :id and decision is null""")
                        .param("d", approved ? "APPROVED" : "REJECTED")
                        .param("by", by)
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    private static final String CORRECTION_SELECT = """
            select c.id, c.session_id, c.learner, c.status, c.reason, c.requested_by, c.requested_at, c.decision,
                c.decided_by, c.decided_at, o.code, s.place, s.starts_at
            from attendance_correction c join class_session s on s.id = c.session_id
            join organisation_directory o on o.id = s.organisation_id""";

    private static Correction mapCorrection(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Correction(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                MarkStatus.valueOf(rs.getString(4)),
                rs.getString(5),
                rs.getString(6),
                rs.getTimestamp(7).toInstant(),
                rs.getString(8),
                rs.getString(9),
                rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(),
                rs.getString(11),
                rs.getString(12),
                rs.getTimestamp(13).toInstant());
    }
}
