package org.digilit.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.digilit.IntegrationTest;
import org.digilit.localstack.DemoUsers;
import org.digilit.localstack.LocalStack;
import org.digilit.organisation.OrganisationService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Provisioning into the real Keycloak: verified accounts become users with their role and organisation; Keycloak
 * stopped in the middle and started again, a crash between Keycloak's answer and our commit, and two workers at once
 * all end with exactly one Keycloak user per account; deactivation and moves follow.
 */
@IntegrationTest
class ProvisioningIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @Autowired
    AccountFixtures fixtures;

    @Autowired
    AccountService accounts;

    @Autowired
    OrganisationService organisations;

    @Autowired
    ProvisioningFaults faults;

    @Autowired
    org.springframework.beans.factory.ObjectProvider<ProvisioningCheckpoint> checkpoint;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    AccountDirectory directory;

    @Autowired
    ProvisioningProperties properties;

    AccountTestData data;
    LocalStack stack;

    @BeforeEach
    void province() {
        data = fixtures.province();
        stack = LocalStack.shared(LocalStack.Mode.TEST, LocalStack.testAppPort());
        TestUsers.signIn("platform", null, Role.PLATFORM_ADMIN);
    }

    @AfterEach
    void signOut() {
        faults.clear();
        TestUsers.signOut();
    }

    /** Imports and verifies people; returns their account ids. */
    private List<Long> importAndVerify(List<AccountTestData.Person> people) throws Exception {
        fixtures.importPeople(people);
        var ids = ids(people);
        accounts.verify(ids, null);
        return ids;
    }

    private List<Long> ids(List<AccountTestData.Person> people) {
        return people.stream()
                .map(p -> accounts.list(new AccountFilter(null, null, null, p.identityNumber()), 0, 1)
                        .getFirst()
                        .id())
                .toList();
    }

    private int provisioned(List<Long> ids) {
        return AccountTestData.provisioned(jdbc, ids);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        var deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(200);
        }
    }

    private void assertExactlyOneUserEach(List<Long> ids) {
        AccountTestData.assertExactlyOneKeycloakUserEach(jdbc, directory, ids);
    }

    @Test
    void verified_accounts_become_keycloak_users_with_role_and_organisation() throws Exception {
        var people = AccountTestData.people(20, data.commune1(), "citizen");
        people.addAll(AccountTestData.people(5, data.school1(), "teacher"));
        var ids = importAndVerify(people);

        await(() -> provisioned(ids) == ids.size(), "all are provisioned");

        assertExactlyOneUserEach(ids);
        try (Keycloak admin = DemoUsers.adminClient(stack)) {
            var realm = admin.realm(LocalStack.REALM);
            var teacher = accounts.get(ids.getLast());
            var user = realm.users().get(teacher.keycloakId());
            var representation = user.toRepresentation();
            assertThat(representation.getUsername()).isEqualTo(teacher.username());
            assertThat(representation.isEnabled()).isTrue();
            assertThat(representation.getAttributes().get("organisationId")).containsExactly(data.school1());
            assertThat(representation.getAttributes().get("audience")).containsExactly("teacher");
            assertThat(representation.getCredentials()).isNullOrEmpty();
            assertThat(user.roles().realmLevel().listEffective())
                    .extracting(r -> r.getName())
                    .contains("teacher")
                    .doesNotContain("citizen");
        }
    }

    @Test
    void keycloak_stopped_in_the_middle_and_started_again_loses_and_doubles_nothing() throws Exception {
        var before = importAndVerify(AccountTestData.people(100, data.commune1(), "citizen"));
        await(() -> provisioned(before) == before.size(), "the first hundred are provisioned");

        // Keycloak goes down right after it answered the first batch of the next lot: the rest meets the outage.
        var stopped = new AtomicBoolean();
        faults.arm(() -> {
            if (stopped.compareAndSet(false, true)) {
                stack.stopKeycloak();
            }
        });
        var during = importAndVerify(AccountTestData.people(1500, data.commune2(), "citizen"));
        try {
            await(
                    () -> jdbc.sql(
                                                    "select count(*) from provisioning_outbox where account_id = any (:ids) and attempts > 0")
                                            .param("ids", during.toArray(Long[]::new))
                                            .query(Integer.class)
                                            .single()
                                    > 0
                            && provisioned(during) > 0,
                    "the outage is noticed, and the batch Keycloak answered before it went down is recorded");
            assertThat(provisioned(during)).isLessThan(during.size());
        } finally {
            faults.clear();
            stack.startKeycloak();
        }
        await(() -> provisioned(during) == during.size(), "all are provisioned after the restart");

        var all = new java.util.ArrayList<>(before);
        all.addAll(during);
        assertExactlyOneUserEach(all);
    }

    @Test
    void a_crash_after_keycloak_answered_and_before_our_commit_is_repaired_by_the_next_attempt() throws Exception {
        var crashed = new AtomicBoolean();
        faults.arm(() -> {
            if (crashed.compareAndSet(false, true)) {
                throw new IllegalStateException("simulated crash: the process dies before the batch commits");
            }
        });
        var ids = importAndVerify(AccountTestData.people(60, data.commune1(), "citizen"));

        await(() -> provisioned(ids) == ids.size(), "all are provisioned");

        assertThat(crashed).isTrue();
        assertExactlyOneUserEach(ids);
    }

    @Test
    void two_workers_side_by_side_never_share_an_account() throws Exception {
        var second =
                new ProvisioningWorker(jdbc, transactionManager, directory, properties, Clock.systemUTC(), checkpoint);
        second.start();
        try {
            var ids = importAndVerify(AccountTestData.people(600, data.commune2(), "citizen"));
            await(() -> provisioned(ids) == ids.size(), "all are provisioned");
            assertExactlyOneUserEach(ids);
        } finally {
            second.stop();
        }
    }

    @Test
    void deactivation_moves_and_reactivation_reach_keycloak() throws Exception {
        var ids = importAndVerify(AccountTestData.people(3, data.commune1(), "citizen"));
        await(() -> provisioned(ids) == ids.size(), "all are provisioned");
        var id = ids.getFirst();
        var keycloakId = accounts.get(id).keycloakId();
        var commune2 = organisations.findByCode(data.commune2()).orElseThrow().id();

        accounts.deactivate(id, "Chuyển đi nơi khác", "10.0.0.1");
        accounts.move(id, commune2, "10.0.0.1");
        await(
                () -> directory
                        .get(Objects.requireNonNull(keycloakId))
                        .map(u -> !u.enabled() && data.commune2().equals(u.organisationCode()))
                        .orElse(false),
                "Keycloak shows the user disabled in the new commune");

        accounts.reactivate(id, null);
        await(() -> directory.get(keycloakId).map(DirectoryEntry::enabled).orElse(false), "the user is enabled again");
        assertThat(accounts.trail(id))
                .extracting(r -> r.action())
                .contains("account.deactivated", "account.moved", "account.reactivated", "account.verified");
    }
}
