package org.digilit.session;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.digilit.base.Audience;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of sessions, facilitators, rosters and walk-ins (tables of V30, owned by this feature). */
@Repository
class SessionStore {

    static final String COLUMNS = """
            s.id, s.organisation_id, o.code as org_code, o.name_vi as org_name_vi, o.name_en as org_name_en,
            s.course_id, s.lesson_ids, s.place, s.starts_at, s.ends_at, s.capacity, s.audience, s.series_id,
            s.closed_at,
            (select array_agg(f.username order by f.username) from session_facilitator f where f.session_id = s.id)
                as facilitators,
            (select count(*) from session_learner l where l.session_id = s.id) as enrolled,
            (select count(*) from attendance a where a.session_id = s.id and a.status <> 'ABSENT') as attended""";

    static final String FROM = " from class_session s join organisation_directory o on o.id = s.organisation_id ";

    private final JdbcClient jdbc;

    SessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(SessionDraft draft, Instant startsAt, Instant endsAt, @Nullable UUID series, String by, Instant now) {
        long id = jdbc.sql("""
                        insert into class_session (organisation_id, course_id, lesson_ids, place, starts_at, ends_at,
                            capacity, audience, series_id, created_by, created_at)
                        values (:org, :course, :lessons, :place, :starts, :ends, :capacity, :audience, :series, :by,
                            :now)
                        returning id""")
                .param("org", draft.organisationId())
                .param("course", draft.courseId())
                .param("lessons", draft.lessonIds().stream().sorted().toArray(String[]::new))
                .param("place", draft.place().strip())
                .param("starts", Timestamp.from(startsAt))
                .param("ends", Timestamp.from(endsAt))
                .param("capacity", draft.capacity())
                .param("audience", draft.audience().name())
                .param("series", series)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        for (var facilitator : draft.facilitators()) {
            jdbc.sql("insert into session_facilitator (session_id, username) values (:s, :u) on conflict do nothing")
                    .param("s", id)
                    .param("u", facilitator)
                    .update();
        }
        return id;
    }

    Optional<ClassSession> find(long id) {
        return jdbc.sql("select " + COLUMNS + FROM + "where s.id = :id")
                .param("id", id)
                .query(SessionStore::map)
                .optional();
    }

    /** Sessions of organisations matching a scope condition on {@code o}, newest first. */
    List<ClassSession> list(String scopeCondition, Map<String, Object> scopeParameters, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + FROM + "where " + scopeCondition
                        + " order by s.starts_at desc, s.id desc offset :offset limit :limit")
                .params(scopeParameters)
                .param("offset", offset)
                .param("limit", limit)
                .query(SessionStore::map)
                .list();
    }

    /** A facilitator's sessions between two instants, earliest first (the phone's download). */
    List<ClassSession> ofFacilitator(String username, Instant from, Instant to) {
        return jdbc.sql("select " + COLUMNS + FROM + """
                        where s.id in (select session_id from session_facilitator where username = :u)
                          and s.ends_at >= :from and s.starts_at <= :to and s.closed_at is null
                        order by s.starts_at, s.id""")
                .param("u", username)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(SessionStore::map)
                .list();
    }

    boolean isFacilitator(long sessionId, String username) {
        return jdbc.sql("select count(*) from session_facilitator where session_id = :s and username = :u")
                        .param("s", sessionId)
                        .param("u", username)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The organisation's path of a session (for scope checks), if the session exists. */
    Optional<String> organisationPath(long sessionId) {
        return jdbc.sql("select o.path from class_session s join organisation_directory o on o.id = s.organisation_id"
                        + " where s.id = :id")
                .param("id", sessionId)
                .query(String.class)
                .optional();
    }

    List<RosterEntry> roster(long sessionId) {
        return jdbc.sql("""
                        select l.username, l.full_name, l.joined, a.status, a.method,
                            exists (select 1 from attendance_mark m where m.session_id = l.session_id
                                and m.learner = l.username and (m.out_of_window or m.after_close)) as flagged
                        from session_learner l left join attendance a on a.session_id = l.session_id
                            and a.learner = l.username
                        where l.session_id = :s order by l.full_name, l.username""")
                .param("s", sessionId)
                .query((rs, n) -> new RosterEntry(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4) == null ? null : MarkStatus.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getBoolean(6)))
                .list();
    }

    int rosterSize(long sessionId) {
        return jdbc.sql("select count(*) from session_learner where session_id = :s")
                .param("s", sessionId)
                .query(Integer.class)
                .single();
    }

    boolean onRoster(long sessionId, String username) {
        return jdbc.sql("select count(*) from session_learner where session_id = :s and username = :u")
                        .param("s", sessionId)
                        .param("u", username)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Adds a learner to the roster; an existing entry stays as it was. Returns whether the learner is new. */
    boolean addLearner(long sessionId, String username, String fullName, String joined, String by, Instant now) {
        return jdbc.sql("""
                        insert into session_learner (session_id, username, full_name, joined, added_at, added_by)
                        values (:s, :u, :name, :joined, :now, :by) on conflict do nothing""")
                        .param("s", sessionId)
                        .param("u", username)
                        .param("name", fullName)
                        .param("joined", joined)
                        .param("now", Timestamp.from(now))
                        .param("by", by)
                        .update()
                == 1;
    }

    boolean removeLearner(long sessionId, String username) {
        return jdbc.sql("delete from session_learner where session_id = :s and username = :u")
                        .param("s", sessionId)
                        .param("u", username)
                        .update()
                == 1;
    }

    boolean insertWalkIn(
            UUID id, long sessionId, String fullName, String phone, String by, Instant capturedAt, Instant now) {
        return jdbc.sql("""
                        insert into session_walk_in (id, session_id, full_name, phone, recorded_by, captured_at,
                            received_at)
                        values (:id, :s, :name, :phone, :by, :captured, :now) on conflict (id) do nothing""")
                        .param("id", id)
                        .param("s", sessionId)
                        .param("name", fullName)
                        .param("phone", phone)
                        .param("by", by)
                        .param("captured", Timestamp.from(capturedAt))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Walk-ins not yet registered, of organisations matching a scope condition on {@code o}, newest first. */
    List<WalkIn> walkIns(String scopeCondition, Map<String, Object> scopeParameters, int limit) {
        return jdbc.sql("""
                        select w.id, w.session_id, w.full_name, w.phone, w.recorded_by, w.captured_at, o.code,
                            s.place, s.starts_at
                        from session_walk_in w join class_session s on s.id = w.session_id
                        join organisation_directory o on o.id = s.organisation_id
                        where w.resolved_at is null and """ + scopeCondition + " order by w.captured_at desc limit :limit")
                .params(scopeParameters)
                .param("limit", limit)
                .query((rs, n) -> new WalkIn(
                        rs.getObject(1, UUID.class),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
    }

    /** The session of a walk-in not yet resolved; empty for an unknown or resolved walk-in. */
    Optional<Long> waitingWalkInSession(UUID walkInId) {
        return jdbc.sql("select session_id from session_walk_in where id = :id and resolved_at is null")
                .param("id", walkInId)
                .query(Long.class)
                .optional();
    }

    /** Resolves a walk-in once (linked to an account, or dismissed); false when it was resolved already. */
    boolean resolveWalkIn(
            UUID walkInId,
            String resolution,
            @Nullable String username,
            @Nullable String reason,
            String by,
            Instant now) {
        return jdbc.sql("""
                        update session_walk_in set resolved_at = :now, resolved_by = :by, resolution = :resolution,
                            resolved_username = :username, resolution_reason = :reason
                        where id = :id and resolved_at is null""")
                        .param("id", walkInId)
                        .param("now", Timestamp.from(now))
                        .param("by", by)
                        .param("resolution", resolution)
                        .param("username", username)
                        .param("reason", reason)
                        .update()
                == 1;
    }

    int walkInCount(long sessionId) {
        return jdbc.sql("select count(*) from session_walk_in where session_id = :s")
                .param("s", sessionId)
                .query(Integer.class)
                .single();
    }

    void close(long sessionId, String by, Instant now) {
        jdbc.sql("update class_session set closed_at = :now, closed_by = :by where id = :id and closed_at is null")
                .param("now", Timestamp.from(now))
                .param("by", by)
                .param("id", sessionId)
                .update();
    }

    /** The sessions of a course at an organisation that count for in-person completion (the learner's class). */
    int courseSessionCount(long organisationId, String courseId) {
        return jdbc.sql("select count(*) from class_session where organisation_id = :o and course_id = :c")
                .param("o", organisationId)
                .param("c", courseId)
                .query(Integer.class)
                .single();
    }

    int attendedCount(long organisationId, String courseId, String username) {
        return jdbc.sql("""
                        select count(*) from attendance a join class_session s on s.id = a.session_id
                        where s.organisation_id = :o and s.course_id = :c and a.learner = :u and a.status <> 'ABSENT'""")
                .param("o", organisationId)
                .param("c", courseId)
                .param("u", username)
                .query(Integer.class)
                .single();
    }

    void recordQuizPass(String username, String courseId, long sessionId, String by, Instant now) {
        jdbc.sql("""
                        insert into session_quiz_pass (username, course_id, session_id, recorded_by, recorded_at)
                        values (:u, :c, :s, :by, :now) on conflict do nothing""")
                .param("u", username)
                .param("c", courseId)
                .param("s", sessionId)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update();
    }

    boolean quizPassedInRoom(String username, String courseId) {
        return jdbc.sql("select count(*) from session_quiz_pass where username = :u and course_id = :c")
                        .param("u", username)
                        .param("c", courseId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    static ClassSession map(ResultSet rs, int row) throws SQLException {
        return new ClassSession(
                rs.getLong("id"),
                rs.getLong("organisation_id"),
                rs.getString("org_code"),
                rs.getString("org_name_vi"),
                rs.getString("org_name_en"),
                rs.getString("course_id"),
                strings(rs.getArray("lesson_ids")),
                rs.getString("place"),
                rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(),
                rs.getInt("capacity"),
                Audience.valueOf(rs.getString("audience")),
                rs.getObject("series_id", UUID.class),
                rs.getTimestamp("closed_at") == null
                        ? null
                        : rs.getTimestamp("closed_at").toInstant(),
                strings(rs.getArray("facilitators")),
                rs.getInt("enrolled"),
                rs.getInt("attended"));
    }

    static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static String[] array(Collection<String> values) {
        return values.toArray(String[]::new);
    }

    // Photos (session_photo) -----------------------------------------------------------------------------------

    /** Stores (replaces) a session's photo, already stripped of metadata. */
    void savePhoto(long sessionId, byte[] content, String by, Timestamp now) {
        jdbc.sql("""
                        insert into session_photo (session_id, content, content_type, uploaded_by, uploaded_at)
                        values (:s, :content, 'image/jpeg', :by, :now)
                        on conflict (session_id) do update set content = excluded.content,
                            uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at""")
                .param("s", sessionId)
                .param("content", content)
                .param("by", by)
                .param("now", now)
                .update();
    }

    Optional<byte[]> photo(long sessionId) {
        return jdbc.sql("select content from session_photo where session_id = :s")
                .param("s", sessionId)
                .query(byte[].class)
                .optional();
    }

    /** Deletes the photos uploaded before a moment; how many. */
    int deletePhotosUploadedBefore(Timestamp before) {
        return jdbc.sql("delete from session_photo where uploaded_at < :before")
                .param("before", before)
                .update();
    }
}
