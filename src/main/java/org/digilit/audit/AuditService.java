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

    /** The length of a window of anonymous attempts: one row per action, bucket and hour. */
    public static final java.time.Duration ANONYMOUS_WINDOW = java.time.Duration.ofHours(1);

    /** How long counted anonymous attempts are kept. */
    public static final java.time.Duration ANONYMOUS_RETENTION = java.time.Duration.ofDays(90);

    /** A window of counted anonymous attempts, as read back. */
    public record AnonymousWindow(
            String action, String bucket, java.time.Instant windowStart, long attempts, java.time.Instant lastAt) {}

    /**
     * Counts an attempt an anonymous caller made and the platform refused (a bot trap, a rate limit): one row per
     * action, the caller's network (IPv4 /24, IPv6 /48) and hour, its counter raised, instead of a row per attempt (issue
     * #14, DD008). Commits with the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void countAnonymous(String action, @Nullable String clientAddress) {
        var now = clock.instant();
        var start = java.time.Instant.ofEpochSecond(
                now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), ANONYMOUS_WINDOW.toSeconds()));
        jdbc.sql("""
                        insert into audit_anonymous_window (action, bucket, window_start, attempts, first_at, last_at)
                        values (:action, :bucket, :start, 1, :now, :now)
                        on conflict (action, bucket, window_start)
                        do update set attempts = audit_anonymous_window.attempts + 1, last_at = excluded.last_at""")
                .param("action", action)
                .param("bucket", network(clientAddress))
                .param("start", java.sql.Timestamp.from(start))
                .param("now", java.sql.Timestamp.from(now))
                .update();
    }

    /** The counted anonymous attempts of an action, newest window first (at most {@code limit}). */
    @Transactional(readOnly = true)
    public java.util.List<AnonymousWindow> anonymousWindows(String action, int limit) {
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

    /** Forgets counted anonymous attempts past their retention. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT10M")
    @Transactional
    public void forgetOldAnonymousWindows() {
        jdbc.sql("delete from audit_anonymous_window where window_start < :before")
                .param("before", java.sql.Timestamp.from(clock.instant().minus(ANONYMOUS_RETENTION)))
                .update();
    }

    /** The network a client address belongs to: IPv4 /24, IPv6 /48; {@code unknown} without an address. */
    static String network(@Nullable String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        var literal = address.strip();
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            return "unparsable"; // never a host name: getByName would ask DNS
        }
        try {
            var bytes = java.net.InetAddress.getByName(literal).getAddress();
            int keep = bytes.length == 4 ? 3 : 6;
            for (int i = keep; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            return java.net.InetAddress.getByAddress(bytes).getHostAddress() + (bytes.length == 4 ? "/24" : "/48");
        } catch (IllegalArgumentException | java.net.UnknownHostException e) {
            return "unparsable";
        }
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
