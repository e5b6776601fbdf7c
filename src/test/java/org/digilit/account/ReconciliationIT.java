package org.digilit.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.digilit.IntegrationTest;
import org.digilit.localstack.DemoUsers;
import org.digilit.localstack.LocalStack;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reconciliation against the real Keycloak: drift made behind the platform's back (a user deleted, one disabled, one
 * moved, one extra) is reported, and repair brings Keycloak back in line without deleting anything.
 */
@IntegrationTest
class ReconciliationIT {

    @Autowired
    AccountImportService imports;

    @Autowired
    AccountService accounts;

    @Autowired
    ReconciliationService reconciliation;

    @Autowired
    AccountDirectory directory;

    @Autowired
    OrganisationImportService organisationImports;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("in time").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    void drift_is_reported_and_repaired() throws Exception {
        var data = new AccountTestData().importProvince(organisationImports);
        TestUsers.signIn("platform", null, Role.PLATFORM_ADMIN);
        var people = AccountTestData.people(4, data.commune1(), "citizen");
        var file = AccountTestData.file(people);
        imports.apply(file, "people.csv", AccountTestData.progress(file), null);
        List<Long> ids = people.stream()
                .map(p -> accounts.list(new AccountFilter(null, null, null, p.identityNumber()), 0, 1)
                        .getFirst()
                        .id())
                .toList();
        accounts.verify(ids, null);
        await(() -> ids.stream().allMatch(id -> accounts.get(id).keycloakId() != null)
                && jdbc.sql("select count(*) from provisioning_outbox where account_id = any (:ids)")
                                .param("ids", ids.toArray(Long[]::new))
                                .query(Integer.class)
                                .single()
                        == 0);

        String extraId;
        try (var admin = DemoUsers.adminClient(LocalStack.shared(LocalStack.Mode.TEST, LocalStack.testAppPort()))) {
            var users = admin.realm(LocalStack.REALM).users();
            users.get(accounts.get(ids.get(0)).keycloakId()).remove();
            var disabled = users.get(accounts.get(ids.get(1)).keycloakId()).toRepresentation();
            disabled.setEnabled(false);
            users.get(disabled.getId()).update(disabled);
            var moved = users.get(accounts.get(ids.get(2)).keycloakId()).toRepresentation();
            moved.getAttributes().put("organisationId", List.of(data.commune2()));
            users.get(moved.getId()).update(moved);
            var extra = new UserRepresentation();
            extra.setUsername("extra-" + data.province.toLowerCase());
            extra.setEnabled(true);
            extra.setAttributes(Map.of("accountId", List.of("9" + System.nanoTime() % 1_000_000_000L)));
            try (var response = users.create(extra)) {
                extraId = org.keycloak.admin.client.CreatedResponseUtil.getCreatedId(response);
            }
        }

        var report = reconciliation.reconcile(false, "test", null, Integer.MAX_VALUE);
        assertThat(report.missing()).contains(ids.get(0));
        assertThat(report.enabledMismatch()).contains(ids.get(1));
        assertThat(report.wrongOrganisation()).contains(ids.get(2));
        assertThat(report.extra()).contains(extraId);
        assertThat(report.missing()).doesNotContain(ids.get(3));
        assertThat(report.enabledMismatch()).doesNotContain(ids.get(3));
        assertThat(report.repaired()).isFalse();

        reconciliation.reconcile(true, "test", "10.0.0.3", Integer.MAX_VALUE);
        await(() -> {
            var again = reconciliation.reconcile(false, "test", null, Integer.MAX_VALUE);
            // The re-created user is linked once the worker has drained its row (the report no longer counts an
            // account that is waiting in the outbox as missing).
            return !again.missing().contains(ids.get(0))
                    && accounts.get(ids.get(0)).keycloakId() != null
                    && !again.enabledMismatch().contains(ids.get(1))
                    && !again.wrongOrganisation().contains(ids.get(2));
        });
        assertThat(directory.get(extraId))
                .hasValueSatisfying(u -> assertThat(u.enabled()).isFalse());
        assertThat(directory.get(accounts.get(ids.get(0)).keycloakId()))
                .hasValueSatisfying(u -> assertThat(u.username())
                        .isEqualTo(accounts.get(ids.get(0)).username()));
    }

    @Test
    void a_user_made_by_hand_with_an_odd_username_and_creation_time_is_reported_as_extra_once() {
        TestUsers.signIn("platform", null, Role.PLATFORM_ADMIN);
        var suffix = Long.toString(System.nanoTime() % 1_000_000_000L);
        var accountId = List.of("8" + suffix);
        var made = AccountTestData.madeByHand(List.of(
                AccountTestData.byHand("Ωmega~by-hand." + suffix, -1, Map.of("accountId", accountId)),
                AccountTestData.byHand(
                        "_by-hand." + suffix, System.currentTimeMillis(), Map.of("accountId", accountId))));
        assertThat(made).hasSize(2);

        var report = reconciliation.reconcile(false, "test", null, Integer.MAX_VALUE);

        for (var id : made.values()) {
            assertThat(report.extra()).containsOnlyOnce(id);
        }
    }

    @Test
    void a_user_made_by_hand_and_named_like_a_service_account_is_still_checked_for_privileged_roles() {
        TestUsers.signIn("platform", null, Role.PLATFORM_ADMIN);
        var username = "service-account-by-hand-" + System.nanoTime() % 1_000_000_000L;
        var user = AccountTestData.byHand(username, System.currentTimeMillis(), Map.of());
        user.setRealmRoles(List.of("platform-admin"));
        var id = AccountTestData.madeByHand(List.of(user)).get(username);
        try {
            var report = reconciliation.reconcile(false, "test", null, Integer.MAX_VALUE);

            assertThat(report.unexpectedPrivileged())
                    .filteredOn(h -> h.userId().equals(id))
                    .extracting(PrivilegedHolding::role)
                    .containsExactly("platform-admin");
            // The real service accounts (the provisioning client holds realm-management roles) stay left out.
            assertThat(report.unexpectedPrivileged())
                    .extracting(PrivilegedHolding::username)
                    .doesNotContain("service-account-digilit-provisioning");
        } finally {
            try (var admin = DemoUsers.adminClient(LocalStack.shared(LocalStack.Mode.TEST, LocalStack.testAppPort()))) {
                admin.realm(LocalStack.REALM).users().get(id).remove();
            }
        }
    }
}
