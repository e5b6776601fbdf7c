package org.digilit.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.digilit.audit.AuditService.AnonymousWindow;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.audit.AuditService.AuditRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of audit events and counted anonymous attempts (both owned by audit). */
@Repository
class AuditStore {

    private static final String INSERT = """
            insert into audit_event (occurred_at, actor, action, target_type, target_id, client_address, details)
            values (?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    AuditStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    void insert(AuditEntry entry, Timestamp at) {
        jdbc.sql("""
                        insert into audit_event (occurred_at, actor, action, target_type, target_id, client_address, details)
                        values (:at, :actor, :action, :targetType, :targetId, :clientAddress, :details)
                        """)
                .param("at", at)
                .param("actor", entry.actor())
                .param("action", entry.action())
                .param("targetType", entry.targetType())
                .param("targetId", entry.targetId())
                .param("clientAddress", entry.clientAddress())
                .param("details", entry.details())
                .update();
    }

    /** Inserts the events in batches of a thousand, all at the same time. */
    void insertAll(Collection<AuditEntry> entries, Timestamp at) {
        jdbcTemplate.batchUpdate(INSERT, entries, 1000, (statement, entry) -> {
            statement.setTimestamp(1, at);
            statement.setString(2, entry.actor());
            statement.setString(3, entry.action());
            statement.setString(4, entry.targetType());
            statement.setString(5, entry.targetId());
            statement.setString(6, entry.clientAddress());
            statement.setString(7, entry.details());
        });
    }

    /** The events about one target, newest first (at most {@code limit}). */
    List<AuditRecord> trail(String targetType, String targetId, int limit) {
        return jdbc.sql("""
                        select occurred_at, actor, action, client_address, details from audit_event
                        where target_type = :type and target_id = :id order by occurred_at desc, id desc limit :limit""")
                .param("type", targetType)
                .param("id", targetId)
                .param("limit", limit)
                .query((rs, n) -> new AuditRecord(
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("client_address"),
                        rs.getString("details")))
                .list();
    }

    /** Raises the counter of the window (action, bucket, start), creating it at one. */
    void countAttempt(String action, String bucket, Instant start, Instant now) {
        jdbc.sql("""
                        insert into audit_anonymous_window (action, bucket, window_start, attempts, first_at, last_at)
                        values (:action, :bucket, :start, 1, :now, :now)
                        on conflict (action, bucket, window_start)
                        do update set attempts = audit_anonymous_window.attempts + 1, last_at = excluded.last_at""")
                .param("action", action)
                .param("bucket", bucket)
                .param("start", Timestamp.from(start))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The counted windows of an action, newest first (at most {@code limit}). */
    List<AnonymousWindow> anonymousWindows(String action, int limit) {
        return jdbc.sql("""
                        select action, bucket, window_start, attempts, last_at from audit_anonymous_window
                        where action = :action order by window_start desc, attempts desc limit :limit""")
                .param("action", action)
                .param("limit", limit)
                .query((rs, n) -> new AnonymousWindow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getLong(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    void deleteWindowsBefore(Instant before) {
        jdbc.sql("delete from audit_anonymous_window where window_start < :before")
                .param("before", Timestamp.from(before))
                .update();
    }
}
