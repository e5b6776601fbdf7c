package org.digilit.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.digilit.IntegrationTest;
import org.digilit.account.RegistrationResult.Status;
import org.digilit.identity.IdentityNumbers.Gender;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Citizen self-registration: a new person waits in their commune's queue; a person already imported is merged, not
 * doubled; the answer never tells whether a number was known; bots and floods are turned away.
 */
@IntegrationTest
class RegistrationIT {

    private static final Duration HUMAN = Duration.ofSeconds(40);

    @Autowired
    RegistrationService registrations;

    @Autowired
    AccountFixtures fixtures;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    AccountTestData data;
    long commune1;
    final String address = "10.66." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);

    @BeforeEach
    void province() {
        data = fixtures.province();
        commune1 = fixtures.organisationId(data.commune1());
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private int accountsWith(String number) {
        TestUsers.signIn("platform", null, Role.PLATFORM_ADMIN);
        try {
            return accounts.count(new AccountFilter(null, null, null, number));
        } finally {
            TestUsers.signOut();
        }
    }

    @Test
    void a_new_citizen_waits_in_the_communes_queue() {
        var born = LocalDate.of(1988, 5, 17);
        var number = AccountTestData.cccd(born, "female");
        var result = registrations.register(
                new Registration(number, "Đinh Thị Mai", born, Gender.FEMALE, "0912 345 678", commune1),
                address,
                HUMAN,
                "");
        assertThat(result.status()).isEqualTo(Status.RECEIVED);
        TestUsers.signIn("orgadmin", data.district1(), Role.ORG_ADMIN);
        var found = accounts.list(new AccountFilter(null, null, AccountState.PENDING, number), 0, 10);
        assertThat(found).singleElement().satisfies(a -> {
            assertThat(a.fullName()).isEqualTo("Đinh Thị Mai");
            assertThat(a.organisationCode()).isEqualTo(data.commune1());
        });
        var account = accounts.get(found.getFirst().id());
        assertThat(account.source()).isEqualTo(AccountSource.SELF_REGISTRATION);
        assertThat(account.phone()).isEqualTo("0912345678");
    }

    @Test
    void a_registration_matching_an_imported_person_merges_and_answers_the_same() throws Exception {
        TestUsers.signIn("platform", null, Role.PLATFORM_ADMIN);
        var person = AccountTestData.people(1, data.commune1(), "citizen").getFirst();
        fixtures.importPeople(java.util.List.of(person));
        TestUsers.signOut();

        var gender = person.gender().equals("female") ? Gender.FEMALE : Gender.MALE;
        var known = registrations.register(
                new Registration(person.identityNumber(), person.fullName(), person.born(), gender, null, commune1),
                address,
                HUMAN,
                "");
        var again = registrations.register(
                new Registration(person.identityNumber(), "Tên Khác", person.born(), gender, null, commune1),
                address,
                HUMAN,
                "");

        assertThat(known).isEqualTo(again).isEqualTo(RegistrationResult.received());
        assertThat(accountsWith(person.identityNumber())).isEqualTo(1);
        TestUsers.signIn("platform", null, Role.PLATFORM_ADMIN);
        var account = accounts.list(new AccountFilter(null, null, null, person.identityNumber()), 0, 1)
                .getFirst();
        assertThat(account.fullName()).as("the imported name stays").isEqualTo(person.fullName());
        var full = accounts.get(account.id());
        assertThat(full.source()).isEqualTo(AccountSource.IMPORT);
        assertThat(full.selfRegistered()).isTrue();
        assertThat(accounts.trail(account.id()))
                .extracting(r -> r.action())
                .containsOnly("account.self-registration-merged");
    }

    @Test
    void wrong_input_is_named_field_by_field_and_stores_nothing() {
        var born = LocalDate.of(1990, 1, 1);
        var result = registrations.register(
                new Registration("036 1 90 000 000", "", born, Gender.MALE, "12ab", null), address, HUMAN, "");
        assertThat(result.status()).isEqualTo(Status.INVALID);
        assertThat(result.problems())
                .containsEntry("fullName", "registration.problem.name")
                .containsEntry("phone", "registration.problem.phone")
                .containsEntry("commune", "registration.problem.commune")
                .containsEntry("identityNumber", "identity.problem.gender-mismatch");
    }

    @Test
    void bots_are_told_received_and_nothing_is_stored_and_floods_are_limited() {
        var born = LocalDate.of(1979, 3, 3);
        var filledTrap = AccountTestData.cccd(born, "male");
        assertThat(registrations
                        .register(
                                new Registration(filledTrap, "Bot Một", born, Gender.MALE, null, commune1),
                                address,
                                HUMAN,
                                "http://spam.example")
                        .status())
                .isEqualTo(Status.RECEIVED);
        var tooFast = AccountTestData.cccd(born, "male");
        assertThat(registrations
                        .register(
                                new Registration(tooFast, "Bot Hai", born, Gender.MALE, null, commune1),
                                address,
                                Duration.ofMillis(400),
                                "")
                        .status())
                .isEqualTo(Status.RECEIVED);
        assertThat(accountsWith(filledTrap) + accountsWith(tooFast)).isZero();

        var flood = "10.55." + (int) (Math.random() * 250) + ".9";
        for (int i = 0; i < RegistrationService.PER_ADDRESS_PER_HOUR; i++) {
            var number = AccountTestData.cccd(born, "male");
            assertThat(registrations
                            .register(
                                    new Registration(number, "Người Thứ " + i, born, Gender.MALE, null, commune1),
                                    flood,
                                    HUMAN,
                                    "")
                            .status())
                    .isEqualTo(Status.RECEIVED);
        }
        var oneMore = AccountTestData.cccd(born, "male");
        assertThat(registrations
                        .register(
                                new Registration(oneMore, "Người Thêm", born, Gender.MALE, null, commune1),
                                flood,
                                HUMAN,
                                "")
                        .status())
                .isEqualTo(Status.RATE_LIMITED);
        assertThat(accountsWith(oneMore)).isZero();
    }
}
