package org.digilit.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.digilit.identity.IdentityScheme;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the provisioning outbox into Keycloak. Each of {@code concurrency} threads claims a batch of due rows with
 * {@code FOR UPDATE SKIP LOCKED} (so threads, and several app instances, never share a row), makes Keycloak match each
 * account (new verified accounts in one partial import; existing ones updated one by one), records the Keycloak ids,
 * and deletes the rows, all in the claiming transaction. A crash before that commit leaves the rows to be claimed
 * again: creation then finds the users by username and links them, so nothing is lost or doubled. When Keycloak is
 * unreachable, the batch is pushed back with exponential backoff and the thread pauses.
 */
@Component
class ProvisioningWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningWorker.class);
    private static final int ERROR_MAX_LENGTH = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AccountDirectory directory;
    private final ProvisioningProperties properties;
    private final Clock clock;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    private final ProvisioningCheckpoint checkpoint;

    ProvisioningWorker(
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            AccountDirectory directory,
            ProvisioningProperties properties,
            Clock clock,
            ObjectProvider<ProvisioningCheckpoint> checkpoint) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
        this.checkpoint = checkpoint.getIfAvailable(() -> ProvisioningCheckpoint.NONE);
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || running) {
            return;
        }
        running = true;
        for (int i = 0; i < properties.concurrency(); i++) {
            var thread =
                    Thread.ofPlatform().name("provisioning-" + (i + 1)).daemon().unstarted(this::loop);
            threads.add(thread);
            thread.start();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (var thread : threads) {
            try {
                thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                var outcome = drainOnce();
                if (outcome == Outcome.IDLE) {
                    Thread.sleep(properties.idleDelay());
                } else if (outcome == Outcome.UNAVAILABLE) {
                    Thread.sleep(pause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Provisioning batch failed: {}", e.toString());
                try {
                    Thread.sleep(properties.idleDelay());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    enum Outcome {
        IDLE,
        WORKED,
        UNAVAILABLE
    }

    private record Claimed(long outboxId, long accountId, int attempts) {}

    private record Target(
            long accountId,
            String username,
            String fullName,
            IdentityScheme scheme,
            String organisationCode,
            String audience,
            AccountState state,
            @Nullable String keycloakId,
            @Nullable String email) {

        DirectoryUser user() {
            var names = names(fullName, scheme);
            return new DirectoryUser(
                    accountId,
                    username,
                    names[1],
                    names[0],
                    fullName,
                    organisationCode,
                    audience.toLowerCase(java.util.Locale.ROOT),
                    state == AccountState.VERIFIED,
                    email);
        }
    }

    /** Claims one batch and handles it; the whole of it commits or rolls back together. */
    Outcome drainOnce() {
        var outcome = transactions.execute(status -> process());
        return outcome == null ? Outcome.IDLE : outcome;
    }

    private Outcome process() {
        var now = Timestamp.from(clock.instant());
        var claimed = jdbc.sql("""
                        select id, account_id, attempts from provisioning_outbox where next_attempt_at <= :now
                        order by id limit :n for update skip locked""")
                .param("now", now)
                .param("n", properties.batchSize())
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getInt(3)))
                .list();
        if (claimed.isEmpty()) {
            return Outcome.IDLE;
        }
        var targets = targets(claimed);
        var done = new ArrayList<Long>();
        var failed = new HashMap<Long, String>();
        try {
            var creates = new ArrayList<Target>();
            for (var row : claimed) {
                var target = targets.get(row.accountId());
                if (target == null) {
                    done.add(row.outboxId());
                } else if (target.keycloakId() != null) {
                    update(target, row, done, failed);
                } else if (target.state() == AccountState.VERIFIED) {
                    creates.add(target);
                } else {
                    done.add(row.outboxId()); // never provisioned and not to be: nothing to tell Keycloak
                }
            }
            create(creates, claimed, done, failed);
            checkpoint.afterDirectoryCalls();
        } catch (DirectoryUnavailableException e) {
            backOff(claimed, "Keycloak unavailable: " + e.getMessage());
            return Outcome.UNAVAILABLE;
        }
        if (!done.isEmpty()) {
            jdbc.sql("delete from provisioning_outbox where id = any (:ids)")
                    .param("ids", done.toArray(Long[]::new))
                    .update();
        }
        failed.forEach((outboxId, error) -> claimed.stream()
                .filter(c -> c.outboxId() == outboxId)
                .findFirst()
                .ifPresent(c -> backOff(List.of(c), error)));
        return Outcome.WORKED;
    }

    private void update(Target target, Claimed row, List<Long> done, Map<Long, String> failed) {
        try {
            directory.update(target.keycloakId(), target.user());
            done.add(row.outboxId());
        } catch (DirectoryUserMissingException e) {
            // Deleted in Keycloak behind our back: create it again (if it should exist), link the new id.
            unlink(target.accountId());
            if (target.state() == AccountState.VERIFIED) {
                var result = directory.create(List.of(target.user())).getFirst();
                if (result.keycloakId() != null) {
                    link(target.accountId(), result.keycloakId());
                    done.add(row.outboxId());
                } else {
                    failed.put(row.outboxId(), String.valueOf(result.failure()));
                }
            } else {
                done.add(row.outboxId());
            }
        }
    }

    private void create(List<Target> creates, List<Claimed> claimed, List<Long> done, Map<Long, String> failed) {
        if (creates.isEmpty()) {
            return;
        }
        var byUsername = new HashMap<String, Target>();
        creates.forEach(t -> byUsername.put(t.username(), t));
        var outboxIdByAccount = new HashMap<Long, Long>();
        claimed.forEach(c -> outboxIdByAccount.put(c.accountId(), c.outboxId()));
        var results = directory.create(creates.stream().map(Target::user).toList());
        var ids = new ArrayList<Long>();
        var keycloakIds = new ArrayList<String>();
        for (var result : results) {
            var target = byUsername.get(result.username());
            if (target == null) {
                continue;
            }
            long outboxId = outboxIdByAccount.get(target.accountId());
            if (result.outcome() == CreateResult.Outcome.FAILED || result.keycloakId() == null) {
                failed.put(outboxId, String.valueOf(result.failure()));
                continue;
            }
            if (result.outcome() == CreateResult.Outcome.EXISTING) {
                // Made by an earlier attempt that crashed before recording it, or by hand: link it, then make it
                // match the account.
                directory.update(result.keycloakId(), target.user());
            }
            ids.add(target.accountId());
            keycloakIds.add(result.keycloakId());
            done.add(outboxId);
        }
        if (!ids.isEmpty()) {
            jdbc.sql("""
                            update account a set keycloak_id = l.kc, provisioned_at = coalesce(a.provisioned_at, :now)
                            from unnest(cast(:ids as bigint[]), cast(:kcs as text[])) as l(id, kc) where a.id = l.id""")
                    .param("ids", ids.toArray(Long[]::new))
                    .param("kcs", keycloakIds.toArray(String[]::new))
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
        }
    }

    private void link(long accountId, String keycloakId) {
        jdbc.sql("update account set keycloak_id = :kc, provisioned_at = coalesce(provisioned_at, :now) where id = :id")
                .param("kc", keycloakId)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", accountId)
                .update();
    }

    private void unlink(long accountId) {
        jdbc.sql("update account set keycloak_id = null where id = :id")
                .param("id", accountId)
                .update();
    }

    private Map<Long, Target> targets(List<Claimed> claimed) {
        var result = new HashMap<Long, Target>();
        jdbc.sql("""
                        select a.id, a.username, a.full_name, a.id_scheme, o.code, a.audience, a.state, a.keycloak_id,
                            a.email
                        from account a join organisation_directory o on o.id = a.organisation_id where a.id = any (:ids)""")
                .param("ids", claimed.stream().map(Claimed::accountId).toArray(Long[]::new))
                .query((rs, n) -> new Target(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        IdentityScheme.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        AccountState.valueOf(rs.getString(7)),
                        rs.getString(8),
                        rs.getString(9)))
                .list()
                .forEach(t -> result.put(t.accountId(), t));
        return result;
    }

    private void backOff(List<Claimed> rows, String error) {
        var now = clock.instant();
        for (var row : rows) {
            var delay = backoff(row.attempts() + 1);
            jdbc.sql("""
                            update provisioning_outbox set attempts = attempts + 1, next_attempt_at = :next,
                                last_error = :error where id = :id""")
                    .param("next", Timestamp.from(now.plus(delay)))
                    .param("error", error.length() > ERROR_MAX_LENGTH ? error.substring(0, ERROR_MAX_LENGTH) : error)
                    .param("id", row.outboxId())
                    .update();
        }
        log.info("Provisioning: {} accounts postponed after a failure ({})", rows.size(), error);
    }

    /** 1 s, 2 s, 4 s, ... up to the maximum, with up to 20 % jitter so retries from many rows spread out. */
    Duration backoff(int attempt) {
        var seconds = Math.min(properties.maxBackoff().toSeconds(), 1L << Math.min(attempt - 1, 20));
        var base = Duration.ofSeconds(Math.max(1, seconds));
        return base.plusMillis(ThreadLocalRandom.current().nextLong(base.toMillis() / 5 + 1));
    }

    private Duration pause() {
        return properties.maxBackoff().compareTo(Duration.ofSeconds(5)) < 0
                ? properties.maxBackoff()
                : Duration.ofSeconds(5);
    }

    /**
     * A full name as Keycloak's last and first name: Vietnamese names put the family name first ("Nguyễn Thị Lan":
     * last "Nguyễn", first "Thị Lan"); other schemes put it last.
     */
    static String[] names(String fullName, IdentityScheme scheme) {
        var name = fullName.strip();
        if (scheme == IdentityScheme.VIETNAM_CCCD) {
            var space = name.indexOf(' ');
            return space < 0
                    ? new String[] {name, name}
                    : new String[] {name.substring(0, space), name.substring(space + 1)};
        }
        var space = name.lastIndexOf(' ');
        return space < 0
                ? new String[] {name, name}
                : new String[] {name.substring(space + 1), name.substring(0, space)};
    }
}
