package org.digilit.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.digilit.IntegrationTest;
import org.digilit.audit.AuditService;
import org.digilit.base.Audience;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People imports on the real PostgreSQL: dry run and apply, idempotent re-import, updates with their audit entry,
 * duplicates and bad rows that change nothing, the scope of an organisation admin, and no identity number in the logs;
 * claims of squatted self-registrations and move requests, audited dry runs with their daily cap, and a file without
 * its header (DD007).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AccountImportIT {

    @Autowired
    AccountImportService imports;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountFixtures fixtures;

    @Autowired
    OrganisationService organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RegistrationService registrations;

    @Autowired
    MoveRequestService moves;

    @Autowired
    AccountProperties properties;

    private long communeId(String code) {
        return fixtures.organisationId(code);
    }

    private long idOf(String number) {
        TestUsers.signIn("platform", null, Role.PLATFORM_ADMIN);
        try {
            return accounts.list(new AccountFilter(null, null, null, number), 0, 1)
                    .getFirst()
                    .id();
        } finally {
            TestUsers.signOut();
        }
    }

    AccountTestData data;

    @BeforeEach
    void province() {
        data = fixtures.province();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private void asOrgAdminOfDistrict1() {
        TestUsers.signIn("orgadmin-" + data.province, data.district1(), Role.ORG_ADMIN);
    }

    private int accountsIn(String organisationPrefix) {
        return jdbc.sql("select count(*) from account a join organisation o on o.id = a.organisation_id"
                        + " where o.code like :p")
                .param("p", organisationPrefix + "%")
                .query(Integer.class)
                .single();
    }

    @Test
    void a_dry_run_reports_and_writes_nothing_then_apply_writes_every_row(CapturedOutput output) throws IOException {
        asOrgAdminOfDistrict1();
        var people = AccountTestData.people(40, data.commune1(), "citizen");
        people.addAll(AccountTestData.people(10, data.school1(), "teacher"));
        var file = AccountTestData.file(people);

        var dry = imports.dryRun(file, "people.csv", AccountTestData.progress(file));
        assertThat(dry.problems()).isEmpty();
        assertThat(dry.valid()).isTrue();
        assertThat(dry.created()).isEqualTo(50);
        assertThat(dry.applied()).isFalse();
        assertThat(accountsIn(data.province)).isZero();

        var progress = AccountTestData.progress(file);
        var applied = imports.apply(file, "people.csv", progress, "10.0.0.7");
        assertThat(applied.applied()).isTrue();
        assertThat(applied.created()).isEqualTo(50);
        assertThat(progress.fraction()).isEqualTo(1.0);
        assertThat(accountsIn(data.province)).isEqualTo(50);
        var states = jdbc.sql("select distinct state from account a join organisation o on o.id = a.organisation_id"
                        + " where o.code like :p")
                .param("p", data.province + "%")
                .query(String.class)
                .list();
        assertThat(states).containsExactly("PENDING");
        // Stored protected: the clear number appears in no column.
        var number = people.getFirst().identityNumber();
        var clear = jdbc.sql(
                        "select count(*) from account where id_last_four = :last4 and (encode(id_encrypted, 'escape')"
                                + " like :n or full_name like :n or search_name like :n)")
                .param("last4", number.substring(8))
                .param("n", "%" + number + "%")
                .query(Integer.class)
                .single();
        assertThat(clear).isZero();
        // Personal data stays out of the logs of a whole import.
        for (var person : people) {
            assertThat(output.getAll()).doesNotContain(person.identityNumber());
        }
    }

    @Test
    void reimporting_the_same_file_changes_nothing() throws IOException {
        asOrgAdminOfDistrict1();
        var file = AccountTestData.file(AccountTestData.people(20, data.commune1(), "citizen"));
        imports.apply(file, "people.csv", AccountTestData.progress(file), null);
        var before = jdbc.sql("select max(a.updated_at) from account a join organisation o on o.id = a.organisation_id"
                        + " where o.code like :p")
                .param("p", data.province + "%")
                .query(java.sql.Timestamp.class)
                .single();

        var again = imports.apply(file, "people.csv", AccountTestData.progress(file), null);

        assertThat(again.unchanged()).isEqualTo(20);
        assertThat(again.created() + again.updated()).isZero();
        assertThat(accountsIn(data.province)).isEqualTo(20);
        var after = jdbc.sql("select max(a.updated_at) from account a join organisation o on o.id = a.organisation_id"
                        + " where o.code like :p")
                .param("p", data.province + "%")
                .query(java.sql.Timestamp.class)
                .single();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void a_changed_row_updates_that_person_with_an_audit_entry() throws IOException {
        TestUsers.signIn("platform", null, Role.PLATFORM_ADMIN);
        var people = AccountTestData.people(5, data.commune1(), "citizen");
        var file = AccountTestData.file(people);
        imports.apply(file, "people.csv", AccountTestData.progress(file), null);

        var changed = new java.util.ArrayList<>(people);
        changed.set(2, people.get(2).renamed("Nguyễn Thị Hằng Nga").movedTo(data.commune2()));
        var second = AccountTestData.file(changed);
        var report = imports.apply(second, "people-v2.csv", AccountTestData.progress(second), "10.0.0.8");

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(4);
        var found =
                accounts.list(new AccountFilter(null, null, null, people.get(2).identityNumber()), 0, 10);
        assertThat(found).singleElement().satisfies(a -> {
            assertThat(a.fullName()).isEqualTo("Nguyễn Thị Hằng Nga");
            assertThat(a.organisationCode()).isEqualTo(data.commune2());
        });
        var trail = accounts.trail(found.getFirst().id());
        assertThat(trail).anySatisfy(r -> {
            assertThat(r.action()).isEqualTo("account.updated-by-import");
            assertThat(r.details()).contains("full_name").contains(data.commune1() + "->" + data.commune2());
            assertThat(r.clientAddress()).isEqualTo("10.0.0.8");
        });
    }

    @Test
    void duplicates_and_bad_rows_are_reported_and_nothing_is_written() throws IOException {
        asOrgAdminOfDistrict1();
        var people = AccountTestData.people(3, data.commune1(), "citizen");
        var content = AccountTestData.HEADER + "\n" + people.get(0).csv() + "\n"
                + people.get(1).csv() + "\n"
                + people.get(0).csv() + "\n" // the same person again
                + AccountTestData.cccd(java.time.LocalDate.of(1995, 2, 3), "male")
                + ",Trần Văn Bình,1995-02-03,male,0912345678,,NO-SUCH-ORG,citizen,\n"
                + "123,Lê Văn An,1990-01-01,male,0912345678,,%s,citizen,\n".formatted(data.commune1())
                + people.get(2).csv() + "\n";
        var file = AccountTestData.file(content);

        var dry = imports.dryRun(file, "people.csv", AccountTestData.progress(file));
        assertThat(dry.valid()).isFalse();
        assertThat(dry.problems())
                .extracting(p -> p.row() + ":" + p.code())
                .contains("4:duplicate-identity-number", "5:unknown-organisation");
        assertThat(dry.problems()).anySatisfy(p -> {
            assertThat(p.row()).isEqualTo(6);
            assertThat(p.code()).startsWith("identity.");
        });

        assertThatThrownBy(() -> imports.apply(file, "people.csv", AccountTestData.progress(file), null))
                .isInstanceOf(AccountImportRejectedException.class);
        assertThat(accountsIn(data.province)).isZero();
    }

    @Test
    void an_org_admin_cannot_import_into_or_read_another_organisation() throws IOException {
        TestUsers.signIn("platform", null, Role.PLATFORM_ADMIN);
        var elsewhere = AccountTestData.people(3, data.commune2(), "citizen");
        var file = AccountTestData.file(elsewhere);
        imports.apply(file, "people.csv", AccountTestData.progress(file), null);
        var otherId = accounts.list(
                        new AccountFilter(null, null, null, elsewhere.getFirst().identityNumber()), 0, 1)
                .getFirst()
                .id();

        asOrgAdminOfDistrict1();
        // Importing into district 2's commune: refused, nothing written.
        var intoOther = AccountTestData.file(AccountTestData.people(2, data.commune2(), "citizen"));
        var report = imports.dryRun(intoOther, "people.csv", AccountTestData.progress(intoOther));
        assertThat(report.problems()).extracting(p -> p.code()).containsOnly("organisation-out-of-scope");
        // Moving district 2's imported person into district 1 by re-importing them: a move request, not a move.
        var steal = AccountTestData.file(List.of(elsewhere.getFirst().movedTo(data.commune1())));
        var stealing = imports.apply(steal, "people.csv", AccountTestData.progress(steal), null);
        assertThat(stealing.problems()).isEmpty();
        assertThat(stealing.moveRequested()).isEqualTo(1);
        assertThat(stealing.created() + stealing.updated() + stealing.claimed()).isZero();
        // Reading, verifying, deactivating: refused; lists and searches do not show them.
        assertThatThrownBy(() -> accounts.get(otherId)).isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> accounts.verify(List.of(otherId), null)).isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> accounts.deactivate(otherId, "no", null)).isInstanceOf(OutOfScopeException.class);
        assertThat(accounts.list(
                        new AccountFilter(null, null, null, elsewhere.getFirst().identityNumber()), 0, 10))
                .isEmpty();
        assertThat(accounts.count(new AccountFilter(null, Audience.CITIZEN, null, null)))
                .isZero();
        TestUsers.signIn("platform", null, Role.PLATFORM_ADMIN);
        assertThat(accounts.get(otherId).state()).isEqualTo(AccountState.PENDING);
        assertThat(accounts.get(otherId).organisationCode()).isEqualTo(data.commune2());
    }

    @Test
    void an_import_claims_a_squatted_self_registration_and_the_rest_of_the_file_goes_in() throws IOException {
        var person = AccountTestData.people(1, data.commune1(), "citizen").getFirst();
        // Someone registers the person's number in another district's commune first.
        var squat = registrations.register(
                new Registration(
                        person.identityNumber(),
                        "Kẻ Chiếm Chỗ",
                        person.born(),
                        org.digilit.identity.IdentityNumbers.Gender.valueOf(
                                person.gender().toUpperCase()),
                        "0911 222 333",
                        communeId(data.commune2())),
                "10.66.0." + (int) (Math.random() * 250),
                java.time.Duration.ofMinutes(1),
                "");
        assertThat(squat.status()).isEqualTo(RegistrationResult.Status.RECEIVED);
        // And a verified person of district 2 is in the file too.
        TestUsers.signIn("platform", null, Role.PLATFORM_ADMIN);
        var verifiedElsewhere =
                AccountTestData.people(1, data.commune2(), "citizen").getFirst();
        var theirs = AccountTestData.file(List.of(verifiedElsewhere));
        imports.apply(theirs, "district2.csv", AccountTestData.progress(theirs), null);
        var verifiedId = idOf(verifiedElsewhere.identityNumber());
        TestUsers.signIn("platform", null, Role.PLATFORM_ADMIN);
        accounts.verify(List.of(verifiedId), null);

        asOrgAdminOfDistrict1();
        var others = AccountTestData.people(3, data.commune1(), "citizen");
        var rows = new java.util.ArrayList<AccountTestData.Person>(others);
        rows.add(person);
        rows.add(verifiedElsewhere.movedTo(data.commune1()));
        var file = AccountTestData.file(rows);
        var dry = imports.dryRun(file, "commune1.csv", AccountTestData.progress(file), "10.0.0.8");
        assertThat(dry.valid()).isTrue();
        assertThat(dry.created()).isEqualTo(3);
        assertThat(dry.claimed()).isEqualTo(1);
        assertThat(dry.moveRequested()).isEqualTo(1);
        assertThat(dry.matches())
                .extracting(AccountImportReport.Match::row, AccountImportReport.Match::kind)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(5, AccountImportReport.Match.Kind.CLAIM),
                        org.assertj.core.groups.Tuple.tuple(6, AccountImportReport.Match.Kind.MOVE_REQUEST));

        var applied = imports.apply(file, "commune1.csv", AccountTestData.progress(file), "10.0.0.8");
        assertThat(applied.applied()).isTrue();
        assertThat(accountsIn(data.commune1())).isEqualTo(4);
        var claimedId = idOf(person.identityNumber());
        asOrgAdminOfDistrict1();
        var claimed = accounts.get(claimedId);
        assertThat(claimed.organisationCode()).isEqualTo(data.commune1());
        assertThat(claimed.fullName()).isEqualTo(person.fullName());
        assertThat(claimed.state()).as("still to verify").isEqualTo(AccountState.PENDING);
        assertThat(accounts.trail(claimedId))
                .extracting(AuditService.AuditRecord::action)
                .contains("account.self-registered", "account.claimed-by-import");
        // The verified person stays where they are until the platform admin decides.
        TestUsers.signIn("platform", null, Role.PLATFORM_ADMIN);
        assertThat(accounts.get(verifiedId).organisationCode()).isEqualTo(data.commune2());
        var request = moves.open().stream()
                .filter(r -> r.accountId() == verifiedId)
                .findFirst()
                .orElseThrow();
        assertThat(request.toCode()).isEqualTo(data.commune1());
        // Re-importing changes nothing and asks nothing twice.
        asOrgAdminOfDistrict1();
        var again = imports.apply(file, "commune1.csv", AccountTestData.progress(file), "10.0.0.8");
        assertThat(again.created() + again.updated() + again.claimed()).isZero();
        TestUsers.signIn("platform", null, Role.PLATFORM_ADMIN);
        assertThat(moves.open()).filteredOn(r -> r.accountId() == verifiedId).hasSize(1);
        moves.decide(request.id(), true, null);
        assertThat(accounts.get(verifiedId).organisationCode()).isEqualTo(data.commune1());
        assertThat(moves.open()).filteredOn(r -> r.accountId() == verifiedId).isEmpty();
    }

    @Test
    void every_dry_run_is_audited_and_matches_outside_scope_are_capped_per_admin_per_day() throws IOException {
        TestUsers.signIn("platform", null, Role.PLATFORM_ADMIN);
        var elsewhere = AccountTestData.people(3, data.commune2(), "citizen");
        var theirs = AccountTestData.file(elsewhere);
        imports.apply(theirs, "district2.csv", AccountTestData.progress(theirs), null);

        asOrgAdminOfDistrict1();
        var admin = "orgadmin-" + data.province;
        var probe = AccountTestData.file(List.of(elsewhere.get(0).movedTo(data.commune1())));
        var first = imports.dryRun(probe, "probe.csv", AccountTestData.progress(probe), "10.0.0.9");
        assertThat(first.moveRequested()).isEqualTo(1);
        var audited = jdbc.sql("select action, details from audit_event where actor = :a order by id")
                .param("a", admin)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
                .list();
        assertThat(audited).containsExactly("account.import-dry-run file=probe.csv rows=1 out-of-scope-matches=1");

        // Today's matches so far reach the cap: the next file that matches outside scope is refused as a whole.
        int cap = properties.outOfScopeMatchesPerDay();
        jdbc.sql("update account_import_check set out_of_scope_matches = :n where checked_by = :a")
                .param("n", cap - 1)
                .param("a", admin)
                .update();
        var rows = new java.util.ArrayList<>(AccountTestData.people(2, data.commune1(), "citizen"));
        rows.add(elsewhere.get(1).movedTo(data.commune1()));
        rows.add(elsewhere.get(2).movedTo(data.commune1()));
        var fishing = AccountTestData.file(rows);
        var capped = imports.dryRun(fishing, "fishing.csv", AccountTestData.progress(fishing), "10.0.0.9");
        assertThat(capped.valid()).isFalse();
        assertThat(capped.problems()).extracting(p -> p.code()).containsExactly("out-of-scope-cap");
        assertThat(capped.matches()).isEmpty();
        assertThat(capped.created() + capped.moveRequested() + capped.claimed()).isZero();
        assertThatThrownBy(() -> imports.apply(fishing, "fishing.csv", AccountTestData.progress(fishing), null))
                .isInstanceOf(AccountImportRejectedException.class);
        assertThat(accountsIn(data.commune1())).isZero();
        // A file that matches nobody elsewhere still goes in.
        var own = AccountTestData.file(AccountTestData.people(2, data.commune1(), "citizen"));
        assertThat(imports.apply(own, "own.csv", AccountTestData.progress(own), null)
                        .created())
                .isEqualTo(2);

        TestUsers.signIn("platform", null, Role.PLATFORM_ADMIN);
        assertThat(imports.capNotices())
                .filteredOn(n -> n.checkedBy().equals(admin))
                .extracting(ImportCapNotice::fileName)
                .contains("fishing.csv");
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where actor = :a and action = 'account.import-cap-reached'")
                        .param("a", admin)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void a_file_without_its_header_row_gets_one_problem_and_never_echoes_an_identity_number() throws IOException {
        asOrgAdminOfDistrict1();
        var people = AccountTestData.people(3, data.commune1(), "citizen");
        var headerless = AccountTestData.file(
                people.stream().map(AccountTestData.Person::csv).collect(java.util.stream.Collectors.joining("\n"))
                        + "\n");
        var report = imports.dryRun(headerless, "no-header.csv", AccountTestData.progress(headerless));
        assertThat(report.problems()).containsExactly(org.digilit.base.ImportProblem.of(1, "", "header-missing"));
        // A number in the wrong column is not quoted either.
        var misplaced = people.getFirst();
        var shifted = AccountTestData.file(AccountTestData.HEADER + "\n"
                + String.join(
                        ",",
                        misplaced.identityNumber(),
                        misplaced.fullName(),
                        misplaced.identityNumber(),
                        misplaced.gender(),
                        misplaced.phone(),
                        "",
                        misplaced.org(),
                        misplaced.audience(),
                        "")
                + "\n");
        var shiftedReport = imports.dryRun(shifted, "shifted.csv", AccountTestData.progress(shifted));
        assertThat(shiftedReport.problems()).isNotEmpty();
        var csv = org.digilit.base.ImportProblemReport.csv(
                java.util.stream.Stream.concat(report.problems().stream(), shiftedReport.problems().stream())
                        .toList(),
                (key, arguments) -> key + " " + java.util.Arrays.toString(arguments));
        for (var person : people) {
            assertThat(csv)
                    .doesNotContain(person.identityNumber())
                    .doesNotContain(person.identityNumber().substring(1));
        }
    }

    @Test
    void a_person_is_found_by_whole_identity_number_name_without_diacritics_or_username() throws IOException {
        asOrgAdminOfDistrict1();
        var people = AccountTestData.people(10, data.commune1(), "citizen");
        var file = AccountTestData.file(people);
        imports.apply(file, "people.csv", AccountTestData.progress(file), null);
        var district = organisations.findByCode(data.district1()).orElseThrow().id();

        var byNumber = accounts.list(
                new AccountFilter(district, null, null, people.get(3).identityNumber()), 0, 10);
        assertThat(byNumber)
                .singleElement()
                .satisfies(a -> assertThat(a.maskedIdentityNumber())
                        .endsWith(people.get(3).identityNumber().substring(8))
                        .doesNotContain(people.get(3).identityNumber().substring(0, 8)));
        // Typed with spaces, as people do.
        var spaced = people.get(3).identityNumber().replaceAll("(\\d{3})(\\d{3})(\\d{6})", "$1 $2 $3");
        assertThat(accounts.list(new AccountFilter(district, null, null, spaced), 0, 10))
                .hasSize(1);
        assertThat(accounts.list(new AccountFilter(district, null, null, "nguyen thi hang"), 0, 100))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.fullName()).isEqualTo("Nguyễn Thị Hằng"));
        var username = byNumber.getFirst().username();
        assertThat(accounts.list(new AccountFilter(null, null, null, username), 0, 10))
                .singleElement()
                .satisfies(a -> assertThat(a.username()).isEqualTo(username));
    }

    @Test
    void verification_and_rejection_change_state_and_leave_a_trail() throws IOException {
        asOrgAdminOfDistrict1();
        var file = AccountTestData.file(AccountTestData.people(6, data.commune1(), "citizen"));
        imports.apply(file, "people.csv", AccountTestData.progress(file), null);
        var district = organisations.findByCode(data.district1()).orElseThrow().id();
        var pending = accounts.list(new AccountFilter(district, null, AccountState.PENDING, null), 0, 10);
        assertThat(pending).hasSize(6);

        assertThat(accounts.verify(List.of(pending.get(0).id(), pending.get(1).id()), "10.1.1.1"))
                .isEqualTo(2);
        assertThat(accounts.reject(List.of(pending.get(2).id()), "Không có trong danh sách xã", null))
                .isEqualTo(1);
        assertThatThrownBy(() -> accounts.reject(List.of(pending.get(3).id()), "  ", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(accounts.verifyAll(new AccountFilter(district, null, null, null), null))
                .isEqualTo(3);

        assertThat(accounts.count(new AccountFilter(district, null, AccountState.VERIFIED, null)))
                .isEqualTo(5);
        var rejected = accounts.get(pending.get(2).id());
        assertThat(rejected.state()).isEqualTo(AccountState.REJECTED);
        assertThat(rejected.stateReason()).isEqualTo("Không có trong danh sách xã");
        assertThat(accounts.trail(pending.get(0).id()))
                .anySatisfy(r -> assertThat(r.action()).isEqualTo("account.verified"));
        var queued = jdbc.sql("select count(*) from provisioning_outbox where account_id = any (:ids)")
                .param("ids", pending.stream().map(AccountListItem::id).toArray(Long[]::new))
                .query(Integer.class)
                .single();
        assertThat(queued).isLessThanOrEqualTo(5); // the worker may already have taken some
    }
}
