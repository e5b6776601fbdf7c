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

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
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
