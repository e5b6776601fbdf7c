package org.digilit.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.digilit.IntegrationTest;
import org.digilit.base.Audience;
import org.digilit.organisation.Metric;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.organisation.TargetService;
import org.digilit.organisation.WorkingGroupService;
import org.digilit.report.ReportService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Scope that means one thing (DD007), on the real PostgreSQL: admin powers (imports, slips, names, targets) come from
 * the admin's own organisation subtree only, whatever working groups they are in; a working group widens what its
 * members see in reports; a group that follows one organisation alone sees that organisation, not its subtree. And
 * targets: one set above is a floor the levels below cannot go under.
 */
@IntegrationTest
class AdminScopeIT {

    @Autowired
    AccountFixtures fixtures;

    @Autowired
    OrganisationService organisations;

    @Autowired
    AccountImportService imports;

    @Autowired
    AccountService accounts;

    @Autowired
    ActivationService activation;

    @Autowired
    WorkingGroupService groups;

    @Autowired
    TargetService targets;

    @Autowired
    ReportService reports;

    AccountTestData data;
    String admin;

    @BeforeEach
    void province() {
        data = fixtures.province();
        admin = "both-" + data.province.toLowerCase(Locale.ROOT);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private long id(String code) {
        return fixtures.organisationId(code);
    }

    /** A working group of this test following {@code code}, with {@link #admin} in it. */
    private void groupFollowing(String code, boolean subtree) {
        TestUsers.signIn("platform", null, Role.PLATFORM_ADMIN);
        try {
            var group = groups.create(
                    "W" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT),
                    "Tổ thử",
                    "Test group");
            groups.follow(
                    group.id(), organisations.findByCode(code).orElseThrow().id(), subtree);
            groups.addMember(group.id(), admin);
        } finally {
            TestUsers.signOut();
        }
    }

    @Test
    void an_org_admin_in_a_working_group_administers_their_own_subtree_only_and_sees_the_groups_in_reports()
            throws Exception {
        TestUsers.signIn("platform", null, Role.PLATFORM_ADMIN);
        var theirs = AccountTestData.people(2, data.commune2(), "citizen");
        var file = AccountTestData.file(theirs);
        imports.apply(file, "district2.csv", AccountTestData.progress(file), null);
        var otherId = accounts.list(
                        new AccountFilter(null, null, null, theirs.getFirst().identityNumber()), 0, 1)
                .getFirst()
                .id();
        TestUsers.signOut();
        groupFollowing(data.province + "-D2", true);
        long district2 = id(data.province + "-D2");

        TestUsers.signIn(admin, data.district1(), Role.ORG_ADMIN, Role.WORKING_GROUP);
        // Reports: the group's district is visible.
        assertThat(organisations
                        .currentScope()
                        .includes(district2, organisations.get(district2).path()))
                .isTrue();
        assertThat(reports.organisation(district2, reports.currentQuarter(), null)
                        .total()
                        .code())
                .isEqualTo(data.province + "-D2");
        // Admin powers: not over it.
        assertThat(organisations
                        .adminScope()
                        .includes(district2, organisations.get(district2).path()))
                .isFalse();
        assertThat(accounts.list(
                        new AccountFilter(null, null, null, theirs.getFirst().identityNumber()), 0, 10))
                .isEmpty();
        assertThatThrownBy(() -> accounts.get(otherId)).isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> reports.followUp(district2, null, 0, 10)).isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> activation.issueSlips(List.of(otherId), Locale.ENGLISH, null))
                .isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> targets.setOrganisationTarget(
                        district2, reports.currentQuarter(), Metric.ACCOUNT_COVERAGE, Audience.CITIZEN, BigDecimal.TEN))
                .isInstanceOf(OutOfScopeException.class);
        var into = AccountTestData.file(AccountTestData.people(1, data.commune2(), "citizen"));
        assertThat(imports.dryRun(into, "into.csv", AccountTestData.progress(into))
                        .problems())
                .extracting(p -> p.code())
                .containsOnly("organisation-out-of-scope");
        // Their own district: all of it.
        long district1 = id(data.district1());
        TestUsers.signIn(admin, data.district1(), Role.ORG_ADMIN, Role.WORKING_GROUP);
        assertThat(reports.followUp(district1, null, 0, 10)).isNotNull();
    }

    @Test
    void a_working_group_following_one_organisation_alone_sees_that_organisation_not_its_subtree() {
        groupFollowing(data.commune1(), false);
        long commune1 = id(data.commune1());
        long school1 = id(data.school1());

        TestUsers.signIn(admin, null, Role.WORKING_GROUP);
        assertThat(organisations.tops()).extracting(o -> o.code()).containsExactly(data.commune1());
        assertThat(organisations.children(commune1, 0, 100)).isEmpty();
        assertThatThrownBy(() -> organisations.get(school1)).isInstanceOf(OutOfScopeException.class);
        var report = reports.organisation(commune1, reports.currentQuarter(), null);
        assertThat(report.rows()).isEmpty();
        assertThat(report.total().code()).isEqualTo(data.commune1());
        assertThat(organisations.adminScope().isEmpty()).isTrue();
        assertThatThrownBy(() -> reports.followUp(commune1, null, 0, 10)).isInstanceOf(OutOfScopeException.class);
    }

    @Test
    void a_target_set_above_is_a_floor_the_levels_below_cannot_lower_and_the_view_can_say_who_set_it() {
        var quarter = reports.currentQuarter();
        long province = id(data.province);
        long district1 = id(data.district1());
        long commune1 = id(data.commune1());
        TestUsers.signIn("platform-" + data.province, null, Role.PLATFORM_ADMIN);
        targets.setOrganisationTarget(
                province, quarter, Metric.ACCOUNT_COVERAGE, Audience.CITIZEN, new BigDecimal("90"));
        TestUsers.signOut();

        TestUsers.signIn("orgadmin-" + data.province, data.district1(), Role.ORG_ADMIN);
        for (var looser : List.of("0", "89.99")) {
            assertThatThrownBy(() -> targets.setOrganisationTarget(
                            district1, quarter, Metric.ACCOUNT_COVERAGE, Audience.CITIZEN, new BigDecimal(looser)))
                    .isInstanceOfSatisfying(TargetService.BelowFloorException.class, e -> {
                        assertThat(e.floor()).isEqualByComparingTo("90");
                        assertThat(e.setOnOrganisationId()).isEqualTo(province);
                    });
        }
        assertThat(targets.effectiveTarget(district1, quarter, Metric.ACCOUNT_COVERAGE, Audience.CITIZEN))
                .get()
                .satisfies(t -> {
                    assertThat(t.percentage()).isEqualByComparingTo("90");
                    assertThat(t.setBy()).isEqualTo("platform-" + data.province);
                });
        // A stricter target for their own district is fine, and binds the commune below.
        targets.setOrganisationTarget(
                district1, quarter, Metric.ACCOUNT_COVERAGE, Audience.CITIZEN, new BigDecimal("95"));
        assertThatThrownBy(() -> targets.setOrganisationTarget(
                        commune1, quarter, Metric.ACCOUNT_COVERAGE, Audience.CITIZEN, new BigDecimal("92")))
                .isInstanceOf(TargetService.BelowFloorException.class);
        assertThat(targets.effectiveTarget(commune1, quarter, Metric.ACCOUNT_COVERAGE, Audience.CITIZEN))
                .get()
                .satisfies(t -> {
                    assertThat(t.percentage()).isEqualByComparingTo("95");
                    assertThat(t.setOnOrganisationId()).isEqualTo(district1);
                    assertThat(t.setBy()).isEqualTo("orgadmin-" + data.province);
                });
        TestUsers.signOut();

        // The province raises its target later: the floor rises under the district's own.
        TestUsers.signIn("platform-" + data.province, null, Role.PLATFORM_ADMIN);
        targets.setOrganisationTarget(
                province, quarter, Metric.ACCOUNT_COVERAGE, Audience.CITIZEN, new BigDecimal("97"));
        assertThat(targets.effectiveTarget(commune1, quarter, Metric.ACCOUNT_COVERAGE, Audience.CITIZEN))
                .get()
                .satisfies(t -> {
                    assertThat(t.percentage()).isEqualByComparingTo("97");
                    assertThat(t.setOnOrganisationId()).isEqualTo(province);
                });
    }
}
