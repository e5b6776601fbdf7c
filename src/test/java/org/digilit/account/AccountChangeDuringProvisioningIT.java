package org.digilit.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.digilit.IntegrationTest;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An organisation admin changes an account while the provisioning worker is handling it. The worker holds the account's
 * outbox row while it talks to Keycloak and then writes the account; the admin's change must take its locks in the
 * same order, or the two deadlock and the admin's change fails.
 */
@IntegrationTest
class AccountChangeDuringProvisioningIT {

    @Autowired
    AccountFixtures fixtures;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void deactivating_an_account_the_worker_is_provisioning_waits_for_it_instead_of_deadlocking() throws Exception {
        var data = fixtures.province();
        var admin = "orgadmin-" + data.province;
        TestUsers.signIn(admin, data.district1(), Role.ORG_ADMIN);
        var person = AccountTestData.people(1, data.commune1(), "citizen").getFirst();
        fixtures.importPeople(List.of(person));
        var id = accounts.list(new AccountFilter(null, null, null, person.identityNumber()), 0, 1)
                .getFirst()
                .id();
        accounts.verify(List.of(id), null);

        var change = new CompletableFuture<Void>();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            // As the worker does: claim the account's outbox row (made due again here, so it exists) ...
            jdbc.sql("""
                            insert into provisioning_outbox (account_id, next_attempt_at, created_at)
                            values (:id, now(), now())
                            on conflict (account_id) do update set next_attempt_at = excluded.next_attempt_at""").param("id", id).update();
            // ... while the admin deactivates the account ...
            Thread.ofVirtual().start(() -> {
                TestUsers.signIn(admin, data.district1(), Role.ORG_ADMIN);
                try {
                    accounts.deactivate(id, "Đã chuyển đi", null);
                    change.complete(null);
                } catch (RuntimeException e) {
                    change.completeExceptionally(e);
                } finally {
                    TestUsers.signOut();
                }
            });
            awaitAnotherSessionWaitingForALock(change);
            // ... and then, Keycloak having answered, write the account.
            jdbc.sql("update account set provisioned_at = coalesce(provisioned_at, now()) where id = :id")
                    .param("id", id)
                    .update();
        });

        change.get(30, TimeUnit.SECONDS);
        assertThat(accounts.get(id).state()).isEqualTo(AccountState.DEACTIVATED);
        assertThat(jdbc.sql("select count(*) from provisioning_outbox where account_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .as("Keycloak is still told about the deactivation")
                .isOne();
    }

    /** Until another session waits for a lock, or the change ends (which it must not: it should wait). */
    private void awaitAnotherSessionWaitingForALock(CompletableFuture<Void> change) {
        var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                                + " and pid <> pg_backend_pid() and datname = current_database()")
                        .query(Integer.class)
                        .single()
                == 0) {
            assertThat(change).as("the admin's change waits for the worker").isNotDone();
            var sessions = jdbc.sql("select string_agg(coalesce(wait_event_type, '-') || ' ' || left(query, 50), ' | ')"
                            + " from pg_stat_activity where datname = current_database()")
                    .query(String.class)
                    .single();
            assertThat(System.nanoTime())
                    .as("the admin's change waits for the worker; sessions: " + sessions)
                    .isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
