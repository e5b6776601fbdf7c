package org.digilit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.digilit.IntegrationTest;
import org.digilit.base.Audience;
import org.digilit.base.Quarter;
import org.digilit.course.CourseContentService;
import org.digilit.course.CourseTestData;
import org.digilit.learning.LearningService;
import org.digilit.organisation.Metric;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.organisation.TargetService;
import org.digilit.organisation.WorkingGroupService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reports on the real PostgreSQL: quarters end at midnight in Hanoi, figures roll up the tree, a person completes
 * when their required courses are done, targets give a status, closed quarters keep their snapshot until restated,
 * scope holds for organisation admins and working groups.
 */
@IntegrationTest
class ReportIT {

    @Autowired
    ReportService reports;

    @Autowired
    ReportFigures figures;

    @Autowired
    OrganisationImportService imports;

    @Autowired
    CourseContentService content;

    @Autowired
    TargetService targets;

    @Autowired
    WorkingGroupService groups;

    @Autowired
    LearningService learning;

    @Autowired
    JdbcClient jdbc;

    ReportTestData data;
    String required;
    String other;

    static final Instant Q1_2025 = at("2025-02-10T09:00:00+07:00");
    static final Instant Q2_2025 = at("2025-05-10T09:00:00+07:00");
    static final Instant Q3_2025 = at("2025-08-10T09:00:00+07:00");

    static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    @BeforeEach
    void province() throws Exception {
        data = new ReportTestData(jdbc).importProvince(imports);
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        required = "rq-" + suffix;
        other = "ot-" + suffix;
        var root = Files.createTempDirectory("courses");
        CourseTestData.loadFixtureCourse(content, root, required, false);
        CourseTestData.loadFixtureCourse(content, Files.createTempDirectory("courses"), other, false);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private void admin() {
        TestUsers.signIn("report-admin", null, Role.PLATFORM_ADMIN);
    }

    private Report provinceReport(Quarter quarter, Audience audience) {
        return reports.organisation(data.id(""), quarter, audience);
    }

    private static ReportRow row(Report report, String code) {
        return report.rows().stream()
                .filter(r -> r.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private long id(String suffix) {
        return suffix.isEmpty() ? data.id("") : data.id(suffix);
    }

    @Test
    void the_last_second_of_june_in_hanoi_counts_for_the_second_quarter() {
        data.person("C1", "CITIZEN", at("2025-06-30T23:59:59+07:00"), null);
        data.person("C1", "CITIZEN", at("2025-07-01T00:00:00+07:00"), null);
        figures.recompute();
        admin();

        var q2 = reports.organisation(id("C1"), new Quarter(2025, 2), Audience.CITIZEN);
        var q3 = reports.organisation(id("C1"), new Quarter(2025, 3), Audience.CITIZEN);

        // 23:59:59 on 30 June in Hanoi is 16:59:59 UTC: still Q2. Midnight on 1 July in Hanoi is 30 June UTC: Q3.
        assertThat(q2.total().figures().accounts()).isEqualTo(1);
        assertThat(q3.total().figures().accounts()).isEqualTo(2);
        assertThat(q2.source()).isEqualTo(ReportSource.LIVE);
    }

    @Test
    void figures_roll_up_the_tree_with_the_headcounts_of_the_subtree() {
        data.person("C1", "CITIZEN", Q1_2025, Q1_2025);
        data.person("C1", "CITIZEN", Q1_2025, null);
        data.person("C2", "CITIZEN", Q2_2025, Q2_2025);
        data.person("S1", "TEACHER", Q1_2025, Q1_2025);
        data.account("C1", "CITIZEN", "PENDING", Q1_2025, null);
        data.account("C1", "CITIZEN", "DEACTIVATED", Q1_2025, null);
        figures.recompute();
        admin();

        var citizens = provinceReport(new Quarter(2025, 2), Audience.CITIZEN);
        assertThat(citizens.rows())
                .extracting(ReportRow::code)
                .containsExactlyInAnyOrder(data.code("D1"), data.code("D2"));
        var d1 = row(citizens, data.code("D1"));
        assertThat(d1.figures()).isEqualTo(new Figures(500, 2, 1, 0, 0, 0));
        assertThat(d1.figures().coverage()).isEqualByComparingTo("0.4");
        assertThat(d1.figures().activation()).isEqualByComparingTo("50.0");
        assertThat(d1.hasChildren()).isTrue();
        assertThat(row(citizens, data.code("D2")).figures()).isEqualTo(new Figures(700, 1, 1, 0, 0, 0));
        assertThat(citizens.total().figures()).isEqualTo(new Figures(1200, 3, 2, 0, 0, 0));

        var q1 = provinceReport(new Quarter(2025, 1), Audience.CITIZEN);
        assertThat(q1.total().figures().accounts()).isEqualTo(2);

        var everyone = reports.organisation(id(""), new Quarter(2025, 2), null);
        // Headcount of everyone: 1,200 citizens + 30 teachers + 32 officials; accounts: 3 citizens and a teacher.
        assertThat(everyone.total().figures().headcount()).isEqualTo(1262);
        assertThat(everyone.total().figures().accounts()).isEqualTo(4);
        assertThat(everyone.total().targets()).isEmpty();
    }

    @Test
    void a_person_completes_when_every_course_required_of_them_is_done() {
        data.assign("D1", "CITIZEN", required);
        var done = data.person("C1", "CITIZEN", Q1_2025, Q1_2025);
        data.completed(done, required, Q2_2025);
        var wrongCourse = data.person("C1", "CITIZEN", Q1_2025, Q1_2025);
        data.completed(wrongCourse, other, Q2_2025);
        var both = data.person("C1", "CITIZEN", Q1_2025, Q1_2025);
        data.completed(both, other, Q1_2025);
        data.completed(both, required, Q3_2025);
        // Nothing is required in C2: any completed course counts.
        var free = data.person("C2", "CITIZEN", Q1_2025, Q1_2025);
        data.completed(free, other, Q2_2025);
        data.certificate(done, required, Q2_2025, false);
        data.certificate(free, other, Q2_2025, true);
        figures.recompute();
        admin();

        var q2 = provinceReport(new Quarter(2025, 2), Audience.CITIZEN);
        var d1 = row(q2, data.code("D1")).figures();
        assertThat(d1.enrolled()).isEqualTo(3);
        assertThat(d1.completed()).isEqualTo(1);
        assertThat(d1.certificates()).isEqualTo(1);
        assertThat(d1.completionOfAccounts()).isEqualByComparingTo("33.3");
        assertThat(d1.completionOfHeadcount()).isEqualByComparingTo("0.2");
        var d2 = row(q2, data.code("D2")).figures();
        assertThat(d2.completed()).isEqualTo(1);
        assertThat(d2.certificates()).as("revoked certificates do not count").isZero();

        var q3 = provinceReport(new Quarter(2025, 3), Audience.CITIZEN);
        assertThat(row(q3, data.code("D1")).figures().completed())
                .as("completed in Q3, when the last required course was done")
                .isEqualTo(2);
    }

    @Test
    void a_completion_through_the_learning_service_counts_for_the_learners_organisation() {
        var learner = data.person("C1", "CITIZEN", Q1_2025, Q1_2025);
        TestUsers.signIn(learner, data.code("C1"), Role.CITIZEN);
        learning.completeLesson(required, "turn-on");
        learning.completeLesson(required, "screen");
        var result = learning.submitQuiz(required, Map.of("q1", Set.of("a")));
        assertThat(result.progress().completed()).isTrue();
        figures.recompute();
        admin();

        var now = reports.currentQuarter();
        var c1 = reports.organisation(id("C1"), now, Audience.CITIZEN);
        assertThat(c1.total().figures().completed()).isEqualTo(1);
        assertThat(c1.total().figures().enrolled()).isEqualTo(1);
        assertThat(c1.total().figures().certificates())
                .as("the completion issued a certificate")
                .isEqualTo(1);
        assertThat(reports.organisation(id("C1"), now.previous(), Audience.CITIZEN)
                        .total()
                        .figures()
                        .completed())
                .isZero();
    }

    @Test
    void targets_are_inherited_and_give_a_status_and_a_gap() {
        var quarter = new Quarter(2025, 2);
        for (int i = 0; i < 5; i++) {
            var p = data.person("C1", "CITIZEN", Q1_2025, Q1_2025);
            data.completed(p, other, Q1_2025);
        }
        for (int i = 0; i < 10; i++) {
            data.person("C2", "CITIZEN", Q1_2025, Q1_2025);
        }
        figures.recompute();
        admin();
        targets.setOrganisationTarget(
                id(""), quarter, Metric.COURSE_COMPLETION, Audience.CITIZEN, new BigDecimal("1.0"));
        targets.setOrganisationTarget(
                id("D2"), quarter, Metric.ACCOUNT_COVERAGE, Audience.CITIZEN, new BigDecimal("5"));

        var report = provinceReport(quarter, Audience.CITIZEN);
        var d1 = row(report, data.code("D1")).target(Metric.COURSE_COMPLETION).orElseThrow();
        // D1: 5 of 500 citizens completed = 1.0 %: met, inherited from the province.
        assertThat(d1.actual()).isEqualByComparingTo("1.0");
        assertThat(d1.status()).isEqualTo(TargetStatus.MET);
        assertThat(d1.inherited()).isTrue();
        var d2 = row(report, data.code("D2")).target(Metric.COURSE_COMPLETION).orElseThrow();
        assertThat(d2.actual()).isEqualByComparingTo("0.0");
        assertThat(d2.gap()).isEqualByComparingTo("1.0");
        assertThat(d2.status()).isEqualTo(TargetStatus.AT_RISK);
        var coverage =
                row(report, data.code("D2")).target(Metric.ACCOUNT_COVERAGE).orElseThrow();
        // 10 of 700 = 1.4 %, target 5: 3.6 points short, within the 10-point margin.
        assertThat(coverage.gap()).isEqualByComparingTo("3.6");
        assertThat(coverage.inherited()).isFalse();
        assertThat(row(report, data.code("D1")).target(Metric.ACCOUNT_COVERAGE)).isEmpty();
        assertThat(report.weakestFirst().getFirst().code()).isEqualTo(data.code("D2"));
    }

    @Test
    void a_closed_quarter_keeps_its_snapshot_until_restated_with_a_reason() {
        var quarter = new Quarter(2024, 1);
        var inQuarter = at("2024-02-01T10:00:00+07:00");
        data.person("C1", "CITIZEN", inQuarter, inQuarter);
        admin();
        var first = reports.closeQuarter(quarter, "");
        assertThat(first.version()).isGreaterThanOrEqualTo(1);

        // A late entry: someone verified back in that quarter, discovered after it was closed.
        data.person("C1", "CITIZEN", inQuarter, null);
        figures.recompute();
        var closed = reports.organisation(id("C1"), quarter, Audience.CITIZEN);
        assertThat(closed.source()).isEqualTo(ReportSource.SNAPSHOT);
        assertThat(closed.total().figures().accounts()).isEqualTo(1);
        assertThat(closed.total().figures().headcount()).isEqualTo(500);
        assertThat(reports.organisation(id("C1"), quarter.next(), Audience.CITIZEN)
                        .total()
                        .figures()
                        .accounts())
                .as("the live figures of the next quarter see the late entry")
                .isEqualTo(2);

        assertThatThrownBy(() -> reports.closeQuarter(quarter, " ")).isInstanceOf(IllegalArgumentException.class);
        var restated = reports.closeQuarter(quarter, "Late verification of commune C1");
        assertThat(restated.version()).isEqualTo(first.version() + 1);
        var after = reports.organisation(id("C1"), quarter, Audience.CITIZEN);
        assertThat(after.total().figures().accounts()).isEqualTo(2);
        assertThat(after.snapshots()).extracting(SnapshotInfo::version).startsWith(restated.version(), first.version());
        assertThat(after.snapshots().getFirst().reason()).isEqualTo("Late verification of commune C1");
        var trail = jdbc.sql("select count(*) from audit_event where action = 'report.restate' and target_id = :q")
                .param("q", quarter.toString())
                .query(Integer.class)
                .single();
        assertThat(trail).isPositive();

        var current = reports.currentQuarter();
        assertThatThrownBy(() -> reports.closeQuarter(current, "too early"))
                .isInstanceOf(IllegalArgumentException.class);
        TestUsers.signIn("orgadmin", data.code("C1"), Role.ORG_ADMIN);
        assertThatThrownBy(() -> reports.closeQuarter(quarter, "not mine")).isInstanceOf(OutOfScopeException.class);
    }

    @Test
    void an_organisation_admin_reaches_only_their_subtree() {
        data.person("C1", "CITIZEN", Q1_2025, Q1_2025);
        data.person("C2", "CITIZEN", Q1_2025, Q1_2025);
        figures.recompute();
        TestUsers.signIn("orgadmin-d1", data.code("D1"), Role.ORG_ADMIN);
        var quarter = new Quarter(2025, 2);

        var mine = reports.organisation(null, quarter, Audience.CITIZEN);
        assertThat(mine.total().code()).isEqualTo(data.code("D1"));
        assertThat(mine.rows()).extracting(ReportRow::code).containsExactly(data.code("C1"));
        assertThat(mine.total().figures().accounts()).isEqualTo(1);
        assertThatThrownBy(() -> reports.organisation(id("C2"), quarter, Audience.CITIZEN))
                .isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> reports.organisation(id(""), quarter, Audience.CITIZEN))
                .isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> reports.followUp(id("C2"), null, 0, 10)).isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> reports.closeQuarter(quarter, "x")).isInstanceOf(OutOfScopeException.class);

        TestUsers.signIn("citizen", data.code("C1"), Role.CITIZEN);
        assertThatThrownBy(() -> reports.organisation(null, quarter, Audience.CITIZEN))
                .isInstanceOf(OutOfScopeException.class);
    }

    @Test
    void a_working_group_sees_what_it_follows_and_counts_each_person_once() {
        data.person("C1", "CITIZEN", Q1_2025, Q1_2025);
        data.person("C2", "CITIZEN", Q1_2025, Q1_2025);
        data.person("C2", "CITIZEN", Q1_2025, null);
        data.person("D1", "OFFICIAL", Q1_2025, null);
        figures.recompute();
        admin();
        var group = groups.create("WG" + data.province, "Tổ công tác", "Working group");
        groups.addMember(group.id(), "wg-member-" + data.province);
        groups.follow(group.id(), id("D2"), true);
        groups.follow(group.id(), id("C2"), true);
        groups.follow(group.id(), id("D1"), false);
        var quarter = new Quarter(2025, 2);
        targets.setWorkingGroupTarget(
                group.id(), quarter, Metric.ACCOUNT_COVERAGE, Audience.CITIZEN, new BigDecimal("20"));

        TestUsers.signIn("wg-member-" + data.province, null, Role.WORKING_GROUP);
        var report = reports.workingGroup(group.id(), quarter, Audience.CITIZEN);
        assertThat(report.rows()).hasSize(3);
        assertThat(row(report, data.code("D2")).figures().accounts()).isEqualTo(2);
        var d1 = row(report, data.code("D1"));
        assertThat(d1.subtree()).isFalse();
        assertThat(d1.figures().accounts())
                .as("D1 alone: its own people, not C1's")
                .isZero();
        // C2 lies inside D2: the total counts its two people once, and D1's own people (none who are citizens).
        assertThat(report.total().figures().accounts()).isEqualTo(2);
        assertThat(report.total().figures().headcount()).isEqualTo(700);
        assertThat(report.total().target(Metric.ACCOUNT_COVERAGE).orElseThrow().status())
                .isEqualTo(TargetStatus.BEHIND);
        var officials = reports.workingGroup(group.id(), quarter, Audience.OFFICIAL);
        assertThat(row(officials, data.code("D1")).figures().accounts()).isEqualTo(1);

        assertThat(reports.workingGroupTrend(group.id(), Audience.CITIZEN, quarter, 3))
                .extracting(p -> p.figures().accounts())
                .containsExactly(0L, 2L, 2L);
        assertThatThrownBy(() -> reports.organisation(id("C1"), quarter, Audience.CITIZEN))
                .isInstanceOf(OutOfScopeException.class);
        TestUsers.signIn("someone-else", null, Role.WORKING_GROUP);
        assertThatThrownBy(() -> reports.workingGroup(group.id(), quarter, Audience.CITIZEN))
                .isInstanceOf(OutOfScopeException.class);
    }

    @Test
    void the_follow_up_list_names_who_has_not_completed_with_masked_numbers() {
        data.assign("C1", "CITIZEN", required);
        var done = data.person("C1", "CITIZEN", Q1_2025, Q1_2025);
        data.completed(done, required, Q1_2025);
        var notYet = data.person("C1", "CITIZEN", Q1_2025, null);
        data.enrolled(notYet, required, Q1_2025);
        var teacher = data.person("S1", "TEACHER", Q1_2025, Q1_2025);
        data.person("C2", "CITIZEN", Q1_2025, Q1_2025);
        TestUsers.signIn("orgadmin-c1", data.code("C1"), Role.ORG_ADMIN);

        var list = reports.followUp(id("C1"), null, 0, 50);
        assertThat(list).extracting(FollowUpPerson::username).containsExactlyInAnyOrder(notYet, teacher);
        var person = list.stream()
                .filter(p -> p.username().equals(notYet))
                .findFirst()
                .orElseThrow();
        assertThat(person.maskedIdentityNumber()).matches("•{8}\\d{4}");
        assertThat(person.required()).isEqualTo(1);
        assertThat(person.completed()).isZero();
        assertThat(person.activated()).isFalse();
        assertThat(reports.countFollowUp(id("C1"), Audience.CITIZEN)).isEqualTo(1);
        assertThat(reports.followUp(id("C1"), Audience.TEACHER, 0, 50))
                .extracting(FollowUpPerson::username)
                .containsExactly(teacher);
    }

    @Test
    void the_quarter_just_ended_is_closed_once_by_the_system() {
        var previous = reports.currentQuarter().previous();
        reports.closeIfOpen(previous);
        var versions = jdbc.sql("select count(*) from report_snapshot where year = :y and quarter = :q")
                .param("y", previous.year())
                .param("q", previous.quarter())
                .query(Integer.class)
                .single();
        assertThat(versions).isEqualTo(1);
        assertThat(reports.closeIfOpen(previous)).as("closed once").isEmpty();
        assertThat(reports.closeIfOpen(reports.currentQuarter()))
                .as("not before its end")
                .isEmpty();
    }
}
