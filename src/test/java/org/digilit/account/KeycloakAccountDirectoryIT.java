package org.digilit.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.digilit.IntegrationTest;
import org.digilit.account.CreateResult.Outcome;
import org.digilit.localstack.DemoUsers;
import org.digilit.localstack.LocalStack;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RoleRepresentation;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The account directory against the local stack's real Keycloak, as the app's provisioning client: batch creation and
 * its idempotence, the splitting of a refused batch, updates with roles following the audience, password policy and
 * the reconciliation listing.
 */
@IntegrationTest
class KeycloakAccountDirectoryIT {

    @Autowired
    AccountDirectory directory;

    private final LocalStack stack = LocalStack.shared(LocalStack.Mode.TEST, LocalStack.testAppPort());

    /** Usernames unique to this test instance, so re-runs against kept data never collide. */
    private final String prefix = "it" + UUID.randomUUID().toString().substring(0, 8) + ".";

    /** Account ids unique enough for this run (the attribute is only compared, never looked up). */
    private final long accountBase = System.currentTimeMillis() * 1000;

    private DirectoryUser user(int n, String audience) {
        return new DirectoryUser(
                accountBase + n,
                prefix + n,
                "Lan " + n,
                "Nguyễn",
                "Nguyễn Thị Lan " + n,
                "P01-C001",
                audience,
                true,
                // Families share an address: every user of this test has the same one.
                "family." + prefix + "@example.invalid");
    }

    private List<DirectoryUser> users(int count, String audience) {
        return IntStream.range(0, count).mapToObj(n -> user(n, audience)).toList();
    }

    @Test
    void creating_the_same_users_twice_adds_them_once_and_reports_the_same_ids() {
        var users = users(60, "citizen");
        var before = directory.countUsers();

        var first = directory.create(users);

        assertThat(first).hasSize(60).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.ADDED);
            assertThat(r.keycloakId()).isNotBlank();
        });
        assertThat(first)
                .extracting(CreateResult::username)
                .containsExactlyElementsOf(
                        users.stream().map(DirectoryUser::username).toList());
        assertThat(directory.countUsers()).isEqualTo(before + 60);

        var second = directory.create(users);

        assertThat(second).extracting(CreateResult::outcome).containsOnly(Outcome.EXISTING);
        assertThat(second)
                .extracting(CreateResult::keycloakId)
                .containsExactlyElementsOf(
                        first.stream().map(CreateResult::keycloakId).toList());
        assertThat(directory.countUsers()).isEqualTo(before + 60);
    }

    @Test
    void a_batch_with_one_bad_user_still_adds_the_others() {
        var users = new ArrayList<>(users(12, "citizen"));
        // Keycloak stores usernames of at most 255 characters.
        users.set(
                7,
                new DirectoryUser(
                        accountBase + 7,
                        prefix + "x".repeat(300),
                        "Lan",
                        "Nguyễn",
                        "Nguyễn Thị Lan",
                        "P01",
                        "citizen",
                        true,
                        null));

        var results = directory.create(users);

        assertThat(results).hasSize(12);
        assertThat(results.get(7).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(results.get(7).keycloakId()).isNull();
        assertThat(results.get(7).failure()).startsWith("HTTP ");
        System.out.println("A refused user's failure: " + results.get(7).failure());
        for (int i = 0; i < 12; i++) {
            if (i != 7) {
                assertThat(results.get(i).outcome()).as("user %d", i).isEqualTo(Outcome.ADDED);
                assertThat(directory.findByUsername(users.get(i).username())).isPresent();
            }
        }
    }

    @Test
    void a_username_repeated_in_one_call_fails_once_and_does_not_spoil_the_batch() {
        var users = new ArrayList<>(users(5, "teacher"));
        users.add(user(2, "teacher"));

        var results = directory.create(users);

        assertThat(results)
                .extracting(CreateResult::outcome)
                .containsExactly(
                        Outcome.ADDED, Outcome.ADDED, Outcome.ADDED, Outcome.ADDED, Outcome.ADDED, Outcome.FAILED);
    }

    @Test
    void created_users_carry_the_realm_role_and_attributes_as_sent_and_no_password() {
        var official = user(1, "official");
        var id = directory.create(List.of(official)).getFirst().keycloakId();

        var entry = directory.findByUsername(official.username()).orElseThrow();
        assertThat(entry)
                .isEqualTo(new DirectoryEntry(
                        id, official.username(), true, "P01-C001", "official", official.accountId()));
        assertThat(directory.get(id)).contains(entry);
        try (var admin = DemoUsers.adminClient(stack)) {
            var user = admin.realm(LocalStack.REALM).users().get(id);
            var rep = user.toRepresentation();
            assertThat(rep.getFirstName()).isEqualTo("Lan 1");
            assertThat(rep.getLastName()).isEqualTo("Nguyễn");
            assertThat(rep.getEmail()).isEqualTo(official.email());
            assertThat(rep.isEmailVerified()).isFalse();
            assertThat(rep.getAttributes())
                    .containsEntry("displayName", List.of("Nguyễn Thị Lan 1"))
                    .containsEntry("accountId", List.of(String.valueOf(official.accountId())));
            assertThat(realmRoles(user.roles().realmLevel().listAll())).containsExactly("official");
            assertThat(user.credentials()).isEmpty();
        }
    }

    @Test
    void an_update_moves_the_organisation_switches_the_audience_and_disables() {
        var teacher = user(1, "teacher");
        var id = directory.create(List.of(teacher)).getFirst().keycloakId();
        assertThat(id).isNotNull();
        try (var admin = DemoUsers.adminClient(stack)) {
            // A role the platform gives for other reasons stays.
            var realm = admin.realm(LocalStack.REALM);
            realm.users()
                    .get(id)
                    .roles()
                    .realmLevel()
                    .add(List.of(realm.roles().get("org-admin").toRepresentation()));
        }

        directory.update(
                id,
                new DirectoryUser(
                        teacher.accountId(),
                        teacher.username(),
                        "Lan",
                        "Trần",
                        "Trần Thị Lan",
                        "P01-C007",
                        "citizen",
                        false,
                        null));

        assertThat(directory.get(id))
                .contains(
                        new DirectoryEntry(id, teacher.username(), false, "P01-C007", "citizen", teacher.accountId()));
        try (var admin = DemoUsers.adminClient(stack)) {
            var user = admin.realm(LocalStack.REALM).users().get(id);
            var rep = user.toRepresentation();
            assertThat(rep.getLastName()).isEqualTo("Trần");
            assertThat(rep.getEmail()).isNull();
            assertThat(rep.getAttributes()).containsEntry("displayName", List.of("Trần Thị Lan"));
            assertThat(realmRoles(user.roles().realmLevel().listAll()))
                    .containsExactlyInAnyOrder("citizen", "org-admin");
        }
    }

    @Test
    void updating_a_user_that_is_gone_says_so() {
        assertThatThrownBy(() -> directory.update(UUID.randomUUID().toString(), user(1, "citizen")))
                .isInstanceOf(DirectoryUserMissingException.class);
        assertThat(directory.get(UUID.randomUUID().toString())).isEmpty();
        assertThat(directory.findByUsername(prefix + "nobody")).isEmpty();
    }

    @Test
    void the_password_policy_decides_and_its_message_key_comes_back() {
        var id = directory.create(List.of(user(1, "citizen"))).getFirst().keycloakId();
        assertThat(id).isNotNull();

        var refused = directory.setPassword(id, "short");
        System.out.println("A refused password: " + refused);
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.problem()).isEqualTo("invalidPasswordMinLengthMessage");

        assertThat(directory.setPassword(id, "Hoc-so-2026-an-toan")).isEqualTo(PasswordOutcome.ok());
        assertThatThrownBy(() -> directory.setPassword(UUID.randomUUID().toString(), "Hoc-so-2026-an-toan"))
                .isInstanceOf(DirectoryUserMissingException.class);
    }

    @Test
    void listing_every_user_shows_the_created_ones_with_their_account_id() {
        var users = users(7, "teacher");
        var ids = directory.create(users).stream().map(CreateResult::keycloakId).toList();

        var found = new ArrayList<DirectoryEntry>();
        directory.forEachUser(e -> {
            if (e.username().startsWith(prefix)) {
                found.add(e);
            }
        });

        assertThat(found).extracting(DirectoryEntry::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(found)
                .extracting(DirectoryEntry::accountId)
                .containsExactlyInAnyOrderElementsOf(
                        users.stream().map(DirectoryUser::accountId).toList());
    }

    @Autowired
    org.digilit.security.KeycloakProperties keycloakProperties;

    @Autowired
    org.digilit.security.ProvisioningTokens tokens;

    /**
     * A web request thread's context class loader is the embedded Tomcat's, a child of the app's. The listing's first
     * call on such a thread (a platform admin pressing "Compare" after a restart) must work: it failed with "non-public
     * interface is not defined by the given loader" until the proxy was built with the interface's own loader.
     */
    @Test
    void the_first_listing_on_a_thread_with_another_context_class_loader_works() throws Exception {
        var fresh = new KeycloakAccountDirectory(keycloakProperties, tokens);
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        var listed = new java.util.concurrent.atomic.AtomicInteger();
        try (var child =
                new java.net.URLClassLoader(new java.net.URL[0], getClass().getClassLoader())) {
            var thread = new Thread(() -> {
                try {
                    fresh.forEachUser(e -> listed.incrementAndGet());
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            thread.setContextClassLoader(child);
            thread.start();
            thread.join();
        } finally {
            fresh.close();
        }
        assertThat(failure.get()).isNull();
        assertThat(listed.get()).isPositive();
    }

    @Test
    void the_listing_asks_keycloak_for_windows_of_creation_time() {
        assertThat(((KeycloakAccountDirectory) directory).listsByCreationTime()).isTrue();
    }

    @Test
    void every_user_is_listed_once_whatever_its_username_or_creation_time() {
        var made = directory.create(users(9, "citizen")).stream()
                .map(CreateResult::keycloakId)
                .toList();
        // Usernames of no platform pattern, at both ends of the sort, and creation times at the edges of the windows:
        // before 1970, 0, 1, an hour from now, far in the future.
        var now = System.currentTimeMillis();
        var byHand = AccountTestData.madeByHand(List.of(
                AccountTestData.byHand("0-" + prefix + "early", -5, java.util.Map.of()),
                AccountTestData.byHand("đặng." + prefix + "zero", 0, java.util.Map.of()),
                AccountTestData.byHand("~" + prefix + "one", 1, java.util.Map.of()),
                AccountTestData.byHand(
                        "ωmega." + prefix + "horizon",
                        now + KeycloakAccountDirectory.CreationWindows.HORIZON_MS,
                        java.util.Map.of()),
                AccountTestData.byHand("zz." + prefix + "future", 4_102_444_800_000L, java.util.Map.of()),
                AccountTestData.byHand("zzz." + prefix + "far", Long.MAX_VALUE / 2, java.util.Map.of())));
        assertThat(byHand).hasSize(6);
        var keycloak = (KeycloakAccountDirectory) directory;

        var byOffset = new ArrayList<String>();
        keycloak.forEachUserByOffset(e -> byOffset.add(e.id()));
        var listed = new ArrayList<String>();
        directory.forEachUser(e -> listed.add(e.id()));
        // Windows of at most 3 users: most are split, and a millisecond holding more (a partial import makes several
        // users in one) is paged through within itself.
        var small = new ArrayList<String>();
        var requests = keycloak.forEachUserByCreation(e -> small.add(e.id()), 3);

        assertThat(listed).doesNotHaveDuplicates().containsAll(made).containsAll(byHand.values());
        assertThat(listed).containsExactlyInAnyOrderElementsOf(byOffset);
        assertThat(small).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(byOffset);
        assertThat(requests).isGreaterThan(byOffset.size() / 3);
    }

    @Test
    void one_create_of_25_users_takes_this_long() {
        var users = users(25, "citizen");
        var started = System.nanoTime();
        var results = directory.create(users);
        var millis = (System.nanoTime() - started) / 1_000_000;
        // For information only: throughput is measured by the benchmarks, not here.
        System.out.println("One create of 25 users took " + millis + " ms");
        assertThat(results).extracting(CreateResult::outcome).containsOnly(Outcome.ADDED);
    }

    private static List<String> realmRoles(List<RoleRepresentation> roles) {
        return roles.stream()
                .map(RoleRepresentation::getName)
                .filter(n -> !n.startsWith("default-roles-"))
                .toList();
    }
}
