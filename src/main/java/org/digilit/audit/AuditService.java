package org.digilit.audit;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records audit events in the caller's transaction, so an audited change and its record commit or roll back together.
 * Details must never carry identity numbers or other personal data beyond what the change itself names.
 */
@Service
public class AuditService {

    /** One audited action: who did it, what, to what, from which client address, and a short description. */
    public record AuditEntry(
            String actor,
            String action,
            String targetType,
            @Nullable String targetId,
            @Nullable String clientAddress,
            @Nullable String details) {}

    /** An audit event as read back, for an account's or an organisation's trail. */
    public record AuditRecord(
            java.time.Instant occurredAt,
            String actor,
            String action,
            @Nullable String clientAddress,
            @Nullable String details) {}

    private static final String INSERT = """
            insert into audit_event (occurred_at, actor, action, target_type, target_id, client_address, details)
            values (?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;
    private final Clock clock;

    AuditService(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate jdbcTemplate, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.clock = clock;
    }

    /** Records many events in one batch (bulk verification, imports), in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(java.util.Collection<AuditEntry> entries) {
        var at = java.sql.Timestamp.from(clock.instant());
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
    @Transactional(readOnly = true)
    public java.util.List<AuditRecord> trail(String targetType, String targetId, int limit) {
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

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEntry entry) {
        jdbc.sql("""
                        insert into audit_event (occurred_at, actor, action, target_type, target_id, client_address, details)
                        values (:at, :actor, :action, :targetType, :targetId, :clientAddress, :details)
                        """)
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .param("actor", entry.actor())
                .param("action", entry.action())
                .param("targetType", entry.targetType())
                .param("targetId", entry.targetId())
                .param("clientAddress", entry.clientAddress())
                .param("details", entry.details())
                .update();
    }
}
