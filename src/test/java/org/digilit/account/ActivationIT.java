package org.digilit.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.digilit.IntegrationTest;
import org.digilit.account.ActivationResult.Status;
import org.digilit.localstack.DemoUsers;
import org.digilit.localstack.LocalStack;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Activation against the real Keycloak: a slip's code and the person's identity number set the password they chose
 * (Keycloak's policy decides), once; wrong codes count and lock, attempts are limited per number and per address,
 * expired codes fail, and every attempt is audited.
 */
@IntegrationTest
class ActivationIT {

    @Autowired
    AccountImportService imports;

    @Autowired
    AccountService accounts;

    @Autowired
    ActivationService activation;

    @Autowired
    OrganisationImportService organisationImports;

    @Autowired
    JdbcClient jdbc;

    AccountTestData data;
    List<AccountTestData.Person> people;
    List<ActivationSlip> slips;
    /** A client address of this test's own, so rate limits of other tests do not meet it. */
    final String address = "10.77." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);

    @BeforeEach
    void provisionedPeopleWithSlips() throws Exception {
        data = new AccountTestData().importProvince(organisationImports);
        TestUsers.signIn("orgadmin-" + data.province, data.district1(), Role.ORG_ADMIN);
        people = AccountTestData.people(3, data.commune1(), "citizen");
        var file = AccountTestData.file(people);
        imports.apply(file, "people.csv", AccountTestData.progress(file), null);
        var ids = people.stream()
                .map(p -> accounts.list(new AccountFilter(null, null, null, p.identityNumber()), 0, 1)
                        .getFirst()
                        .id())
                .toList();
        accounts.verify(ids, null);
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (ids.stream().anyMatch(id -> accounts.get(id).keycloakId() == null)) {
            assertThat(System.nanoTime()).as("provisioned in time").isLessThan(deadline);
            Thread.sleep(200);
        }
        slips = activation.issueSlips(ids, "https://digilit.example/activate", Locale.forLanguageTag("vi"), address);
        assertThat(slips).hasSize(3);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private ActivationSlip slipOf(AccountTestData.Person person) {
        var username = accounts.list(new AccountFilter(null, null, null, person.identityNumber()), 0, 1)
                .getFirst()
                .username();
        return slips.stream()
                .filter(s -> s.username().equals(username))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void the_right_number_and_code_set_the_chosen_password_once() {
        var person = people.getFirst();
        var slip = slipOf(person);
        assertThat(slip.activationUrl()).isEqualTo("https://digilit.example/activate?code=" + slip.code());
        assertThat(slip.maskedIdentityNumber()).endsWith(person.identityNumber().substring(8));

        assertThat(activation
                        .activate(person.identityNumber(), "AAAAA-BBBBB", "Hoc-so-2026-an-toan", address)
                        .status())
                .isEqualTo(Status.INVALID);
        assertThat(activation
                        .activate(people.get(1).identityNumber(), slip.code(), "Hoc-so-2026-an-toan", address)
                        .status())
                .isEqualTo(Status.INVALID);
        var tooShort = activation.activate(person.identityNumber(), slip.code(), "ngan", address);
        assertThat(tooShort.status()).isEqualTo(Status.PASSWORD_REJECTED);
        assertThat(tooShort.passwordProblem()).containsIgnoringCase("length");

        // Typed in lower case without the dash, with spaces in the number: still right.
        var typedCode = slip.code().replace("-", "").toLowerCase(Locale.ROOT);
        var spacedNumber = person.identityNumber().substring(0, 4) + " "
                + person.identityNumber().substring(4);
        var result = activation.activate(spacedNumber, typedCode, "Hoc-so-2026-an-toan", address);

        assertThat(result.status()).isEqualTo(Status.ACTIVATED);
        assertThat(result.username()).isEqualTo(slip.username());
        var account = accounts.list(new AccountFilter(null, null, null, person.identityNumber()), 0, 1)
                .getFirst();
        assertThat(account.activatedAt()).isNotNull();
        try (var admin = DemoUsers.adminClient(LocalStack.shared(LocalStack.Mode.TEST, LocalStack.testAppPort()))) {
            var keycloakId = accounts.get(account.id()).keycloakId();
            var credentials =
                    admin.realm(LocalStack.REALM).users().get(keycloakId).credentials();
            assertThat(credentials).extracting(c -> c.getType()).containsExactly("password");
        }
        assertThat(activation
                        .activate(person.identityNumber(), slip.code(), "Another-2026-password", address)
                        .status())
                .as("a used code")
                .isEqualTo(Status.INVALID);
        var audited = jdbc.sql("select action from audit_event where target_id = :id and action like 'account.activ%'"
                        + " order by id")
                .param("id", String.valueOf(account.id()))
                .query(String.class)
                .list();
        assertThat(audited)
                .containsExactly(
                        "account.activation-code-issued",
                        "account.activation-failed",
                        "account.activation-failed",
                        "account.activated",
                        "account.activation-failed");
    }

    @Test
    void wrong_codes_lock_the_code_and_then_the_number_is_rate_limited() {
        var person = people.get(1);
        var slip = slipOf(person);
        for (int i = 0; i < ActivationService.MAX_FAILURES; i++) {
            assertThat(activation
                            .activate(person.identityNumber(), "WRONG-CODE" + i, "Hoc-so-2026-an-toan", address)
                            .status())
                    .isEqualTo(Status.INVALID);
        }
        assertThat(activation
                        .activate(person.identityNumber(), slip.code(), "Hoc-so-2026-an-toan", address)
                        .status())
                .isEqualTo(Status.LOCKED);
        for (int i = ActivationService.MAX_FAILURES + 1; i < ActivationService.PER_NUMBER_ATTEMPTS; i++) {
            activation.activate(person.identityNumber(), slip.code(), "Hoc-so-2026-an-toan", address);
        }
        assertThat(activation
                        .activate(person.identityNumber(), slip.code(), "Hoc-so-2026-an-toan", address)
                        .status())
                .isEqualTo(Status.RATE_LIMITED);
    }

    @Test
    void one_address_trying_many_numbers_is_rate_limited() {
        var scanner = "10.88." + (int) (Math.random() * 250) + ".1";
        for (int i = 0; i < ActivationService.PER_ADDRESS_ATTEMPTS; i++) {
            var guess = AccountTestData.cccd(java.time.LocalDate.of(1990, 1, 1), "male");
            assertThat(activation
                            .activate(guess, "ABCDE-FGHJK", "Hoc-so-2026-an-toan", scanner)
                            .status())
                    .isEqualTo(Status.INVALID);
        }
        var person = people.get(2);
        assertThat(activation
                        .activate(person.identityNumber(), slipOf(person).code(), "Hoc-so-2026-an-toan", scanner)
                        .status())
                .isEqualTo(Status.RATE_LIMITED);
        var audited = jdbc.sql("select count(*) from audit_event where client_address = :a")
                .param("a", scanner)
                .query(Integer.class)
                .single();
        assertThat(audited).isEqualTo(ActivationService.PER_ADDRESS_ATTEMPTS + 1);
    }

    @Test
    void an_expired_code_is_refused_and_a_reprinted_slip_replaces_the_old_code() {
        var person = people.get(2);
        var slip = slipOf(person);
        var accountId = accounts.list(new AccountFilter(null, null, null, person.identityNumber()), 0, 1)
                .getFirst()
                .id();
        jdbc.sql("update activation_code set expires_at = now() - interval '1 day' where account_id = :id")
                .param("id", accountId)
                .update();
        assertThat(activation
                        .activate(person.identityNumber(), slip.code(), "Hoc-so-2026-an-toan", address)
                        .status())
                .isEqualTo(Status.EXPIRED);

        var reprinted = activation.issueSlips(List.of(accountId), "https://x/activate", Locale.ENGLISH, address);
        assertThat(activation
                        .activate(person.identityNumber(), slip.code(), "Hoc-so-2026-an-toan", address)
                        .status())
                .as("the old code")
                .isEqualTo(Status.INVALID);
        assertThat(activation
                        .activate(
                                person.identityNumber(),
                                reprinted.getFirst().code(),
                                "Hoc-so-2026-an-toan-"
                                        + UUID.randomUUID().toString().substring(0, 4),
                                address)
                        .status())
                .isEqualTo(Status.ACTIVATED);
    }
}
