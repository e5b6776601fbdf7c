package org.digilit.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.digilit.IntegrationTest;
import org.digilit.base.Audience;
import org.digilit.base.ImportProblem;
import org.digilit.base.Quarter;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The organisation tree on the real PostgreSQL: import, re-import, moves, cycles, scope and target inheritance. */
@IntegrationTest
class OrganisationIT {

    @Autowired
    OrganisationImportService imports;

    @Autowired
    OrganisationService organisations;

    @Autowired
    TargetService targets;

    @Autowired
    WorkingGroupService workingGroups;

    @Autowired
    JdbcClient jdbc;

    /** Codes unique to this test, so tests sharing the stack's database never meet. */
    private final String p = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @BeforeEach
    void importSmallProvince() throws IOException {
        TestUsers.signIn("admin", null, Role.PLATFORM_ADMIN);
        var report = imports.apply(csv(province()), "province.csv", "127.0.0.1");
        assertThat(report.problems()).isEmpty();
        assertThat(report.created()).isEqualTo(6);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private String province() {
        return """
                code,parent_code,type,name_vi,name_en,expected_citizens,expected_teachers,expected_officials
                %1$s,,PROVINCE,Tỉnh Thử Nghiệm,Test Province,0,0,120
                %1$s-D1,%1$s,DISTRICT,Huyện Đông,East District,0,0,80
                %1$s-D2,%1$s,DISTRICT,Huyện Tây,West District,0,0,70
                %1$s-C1,%1$s-D1,COMMUNE,Xã Tân Phú,Tan Phu Commune,5000,0,30
                %1$s-C2,%1$s-D2,COMMUNE,Xã Hòa Bình,Hoa Binh Commune,7000,0,25
                %1$s-S1,%1$s-C1,SCHOOL,Trường THCS Nguyễn Du,Nguyen Du Lower Secondary School,0,40,6
                """.formatted(p);
    }

    @Test
    void reimporting_the_same_file_changes_nothing() throws IOException {
        var before = jdbc.sql("select max(updated_at) from organisation where code like :p")
                .param("p", p + "%")
                .query(java.sql.Timestamp.class)
                .single();
        var report = imports.apply(csv(province()), "province.csv", null);
        assertThat(report.unchanged()).isEqualTo(6);
        assertThat(report.created() + report.updated() + report.moved()).isZero();
        var after = jdbc.sql("select max(updated_at) from organisation where code like :p")
                .param("p", p + "%")
                .query(java.sql.Timestamp.class)
                .single();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void an_updated_file_updates_names_and_headcounts_in_place() throws IOException {
        var id = organisations.findByCode(p + "-C1").orElseThrow().id();
        var changed = province().replace("Xã Tân Phú,Tan Phu Commune,5000", "Xã Tân Phú Mới,New Tan Phu Commune,5400");
        var report = imports.apply(csv(changed), "province.csv", null);
        assertThat(report.updated()).isEqualTo(1);
        var commune = organisations.get(id);
        assertThat(commune.nameVi()).isEqualTo("Xã Tân Phú Mới");
        assertThat(commune.headcounts().citizens()).isEqualTo(5400);
    }

    @Test
    void a_file_that_changes_a_parent_moves_the_subtree_and_keeps_its_history() throws IOException {
        var moved = province().replace(p + "-C1," + p + "-D1,COMMUNE", p + "-C1," + p + "-D2,COMMUNE");
        var report = imports.apply(csv(moved), "moved.csv", null);
        assertThat(report.moved()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(5);
        var west = organisations.findByCode(p + "-D2").orElseThrow();
        var commune = organisations.findByCode(p + "-C1").orElseThrow();
        assertThat(organisations.findByCode(p + "-S1").orElseThrow().path())
                .startsWith(west.path() + commune.id() + "/");
        assertThat(organisations.parentHistory(commune.id())).hasSize(2);
    }

    @Test
    void a_file_with_an_unknown_parent_changes_nothing_and_says_which_row() throws IOException {
        var count = countOrganisations();
        var bad = province() + p + "-S9," + p + "-NOPE,SCHOOL,Trường Mầm non Hoa Sen,Hoa Sen Kindergarten,0,10,2\n" + p
                + "-C3," + p + "-D1,COMMUNE,Xã Mới,New Commune,100,0,5\n";
        var report = imports.dryRun(csv(bad), "bad.csv");
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(8);
            assertThat(problem.column()).isEqualTo("parent_code");
            assertThat(problem.code()).isEqualTo("unknown-parent");
        });
        assertThatThrownBy(() -> imports.apply(csv(bad), "bad.csv", null)).isInstanceOf(ImportRejectedException.class);
        assertThat(countOrganisations()).isEqualTo(count);
    }

    @Test
    void a_file_that_would_make_a_cycle_is_refused() throws IOException {
        var cyclic = province().replace(p + "-D1," + p + ",DISTRICT", p + "-D1," + p + "-S1,DISTRICT");
        var report = imports.dryRun(csv(cyclic), "cyclic.csv");
        assertThat(report.problems()).extracting(ImportProblem::code).contains("cycle");
    }

    @Test
    void moving_a_subtree_moves_its_descendants_and_keeps_history() {
        var commune = organisations.findByCode(p + "-C1").orElseThrow();
        var west = organisations.findByCode(p + "-D2").orElseThrow();
        organisations.move(commune.id(), west.id());
        var school = organisations.findByCode(p + "-S1").orElseThrow();
        assertThat(school.path()).startsWith(west.path());
        assertThat(school.depth()).isEqualTo(3);
        assertThat(organisations.parentHistory(commune.id())).hasSize(2);
    }

    @Test
    void an_organisation_cannot_move_under_its_own_subtree() {
        var district = organisations.findByCode(p + "-D1").orElseThrow();
        var school = organisations.findByCode(p + "-S1").orElseThrow();
        assertThatThrownBy(() -> organisations.move(district.id(), school.id()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_organisation_admin_sees_only_their_subtree_through_every_service_method() throws IOException {
        var inside = organisations.findByCode(p + "-C1").orElseThrow();
        var outside = organisations.findByCode(p + "-C2").orElseThrow();
        var otherDistrict = organisations.findByCode(p + "-D2").orElseThrow();
        TestUsers.signIn("orgadmin-" + p, p + "-D1", Role.ORG_ADMIN);

        assertThat(organisations.get(inside.id()).code()).isEqualTo(p + "-C1");
        assertThatThrownBy(() -> organisations.get(outside.id())).isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> organisations.children(otherDistrict.id(), 0, 10))
                .isInstanceOf(OutOfScopeException.class);
        assertThat(organisations.tops()).extracting(OrganisationSummary::code).containsExactly(p + "-D1");
        assertThat(organisations.search("hoa binh", 0, 10)).isEmpty();
        assertThat(organisations.search("tan phu", 0, 10))
                .extracting(OrganisationSummary::code)
                .containsExactly(p + "-C1");
        assertThatThrownBy(() -> organisations.move(inside.id(), otherDistrict.id()))
                .isInstanceOf(OutOfScopeException.class);

        var intoOtherDistrict = "code,parent_code,type,name_vi\n" + p + "-C9," + p + "-D2,COMMUNE,Xã Lạ\n";
        assertThat(imports.dryRun(csv(intoOtherDistrict), "x.csv").problems())
                .extracting(ImportProblem::code)
                .containsExactly("out-of-scope");
    }

    @Test
    void a_working_group_member_sees_exactly_the_organisations_their_groups_follow() {
        var group = workingGroups.create(p + "-WG", "Tổ công tác số 1", "Working group 1");
        workingGroups.addMember(group.id(), "member-" + p);
        workingGroups.follow(
                group.id(), organisations.findByCode(p + "-D2").orElseThrow().id(), true);
        workingGroups.follow(
                group.id(), organisations.findByCode(p + "-S1").orElseThrow().id(), false);
        var commune1 = organisations.findByCode(p + "-C1").orElseThrow();
        var commune2 = organisations.findByCode(p + "-C2").orElseThrow();
        var school = organisations.findByCode(p + "-S1").orElseThrow();

        TestUsers.signIn("member-" + p, null, Role.WORKING_GROUP);
        assertThat(organisations.get(commune2.id()).code()).isEqualTo(p + "-C2");
        assertThat(organisations.get(school.id()).code()).isEqualTo(p + "-S1");
        assertThatThrownBy(() -> organisations.get(commune1.id())).isInstanceOf(OutOfScopeException.class);
        assertThat(organisations.tops())
                .extracting(OrganisationSummary::code)
                .containsExactlyInAnyOrder(p + "-D2", p + "-S1");
        assertThat(workingGroups.mine())
                .extracting(WorkingGroupService.WorkingGroup::code)
                .containsExactly(p + "-WG");
    }

    @Test
    void a_target_set_on_a_parent_applies_to_children_without_their_own() {
        var quarter = new Quarter(2026, 4);
        var province = organisations.findByCode(p).orElseThrow();
        var commune = organisations.findByCode(p + "-C1").orElseThrow();
        var school = organisations.findByCode(p + "-S1").orElseThrow();
        targets.setOrganisationTarget(province.id(), quarter, Metric.ACCOUNT_COVERAGE, Audience.CITIZEN, pct("90"));

        var inherited = targets.effectiveTarget(commune.id(), quarter, Metric.ACCOUNT_COVERAGE, Audience.CITIZEN)
                .orElseThrow();
        assertThat(inherited.percentage()).isEqualByComparingTo("90");
        assertThat(inherited.setOnOrganisationId()).isEqualTo(province.id());
        assertThat(inherited.inherited()).isTrue();

        // A level below may be stricter for its children, never looser (issue #13: the target above is a floor).
        targets.setOrganisationTarget(commune.id(), quarter, Metric.ACCOUNT_COVERAGE, Audience.CITIZEN, pct("95"));
        assertThat(targets.effectiveTarget(school.id(), quarter, Metric.ACCOUNT_COVERAGE, Audience.CITIZEN)
                        .orElseThrow()
                        .percentage())
                .isEqualByComparingTo("95");
        assertThat(targets.effectiveTarget(commune.id(), quarter.previous(), Metric.ACCOUNT_COVERAGE, Audience.CITIZEN))
                .isEmpty();
        assertThatThrownBy(() -> targets.setOrganisationTarget(
                        commune.id(), quarter, Metric.ACTIVATION, Audience.CITIZEN, pct("101")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_working_group_has_its_own_targets_and_only_platform_admins_set_them() {
        var quarter = new Quarter(2026, 4);
        var group = workingGroups.create(p + "-WGT", "Tổ công tác chỉ tiêu", "Targets working group");
        targets.setWorkingGroupTarget(group.id(), quarter, Metric.COURSE_COMPLETION, Audience.OFFICIAL, pct("80"));
        assertThat(targets.workingGroupTarget(group.id(), quarter, Metric.COURSE_COMPLETION, Audience.OFFICIAL))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("80"));
        TestUsers.signIn("orgadmin-" + p, p + "-D1", Role.ORG_ADMIN);
        assertThatThrownBy(() -> targets.setWorkingGroupTarget(
                        group.id(), quarter, Metric.COURSE_COMPLETION, Audience.OFFICIAL, pct("10")))
                .isInstanceOf(OutOfScopeException.class);
    }

    private static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }

    private int countOrganisations() {
        return jdbc.sql("select count(*) from organisation")
                .query(Integer.class)
                .single();
    }

    private static ByteArrayInputStream csv(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }
}
