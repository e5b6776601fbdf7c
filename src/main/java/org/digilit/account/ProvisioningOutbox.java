package org.digilit.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes pending Keycloak work in the caller's transaction: an account whose Keycloak user must be made to match it.
 * One row per account; asking again for an account already waiting makes it due now. The worker reads the account's
 * state when it runs, so the row says only "look at this account".
 */
@Component
class ProvisioningOutbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    ProvisioningOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void enqueue(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return;
        }
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into provisioning_outbox (account_id, next_attempt_at, created_at)
                        select unnest(cast(:ids as bigint[])), :now, :now
                        on conflict (account_id) do update set next_attempt_at = excluded.next_attempt_at, attempts = 0,
                            last_error = null""")
                .param("ids", accountIds.toArray(Long[]::new))
                .param("now", now)
                .update();
    }

    /** How many accounts wait for Keycloak, how many of them failed at least once, and the latest failure. */
    @Transactional(readOnly = true)
    ProvisioningBacklog backlog() {
        return jdbc.sql("""
                        select count(*), count(*) filter (where attempts > 0),
                            (select last_error from provisioning_outbox where last_error is not null
                             order by next_attempt_at desc limit 1)
                        from provisioning_outbox""")
                .query((rs, n) -> new ProvisioningBacklog(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .single();
    }
}
