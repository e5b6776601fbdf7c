package org.digilit.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import org.digilit.IntegrationTest;
import org.digilit.base.Audience;
import org.digilit.base.Quarter;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Required-course assignments on the real PostgreSQL: who may assign where, who they reach (the audience of the
 * organisation and its subtree), re-assigning and withdrawing, and the learner's first step counted as assigned.
 */
@IntegrationTest
class AssignmentIT {

    @Autowired
    AssignmentService assignments;

    @Autowired
    LearningService learning;

    @Autowired
    AssignmentProvinces provinces;

    @Autowired
    JdbcClient jdbc;

    AssignmentTestData data;
    long province;
    long district1;
    long district2;
    long commune1;
    long school1;

    @BeforeEach
    void province() {
        data = provinces.load();
        province = provinces.id(data.province);
        district1 = provinces.id(data.district1());
        district2 = provinces.id(data.district2());
        commune1 = provinces.id(data.commune1());
        school1 = provinces.id(data.school1());
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private Quarter due(int ahead) {
        return assignments.dueQuarters().get(ahead);
    }

    private int rows(String condition) {
        return jdbc.sql("select count(*) from course_assignment a join organisation o on o.id = a.organisation_id"
                        + " where o.code like :province and " + condition)
                .param("province", data.province + "%")
                .query(Integer.class)
                .single();
    }

    private int audits(String action) {
        return jdbc.sql("select count(*) from audit_event where action = :action and details like :province")
                .param("action", action)
                .param("province", data.province + "%")
                .query(Integer.class)
                .single();
    }

    private void asPlatformAdmin() {
        TestUsers.signIn("platform-" + data.province, null, Role.PLATFORM_ADMIN);
    }

    @Test
    void an_org_admin_cannot_assign_outside_their_subtree_nor_by_forging_an_id_and_nothing_changes() {
        TestUsers.signIn("orgadmin-" + data.province, data.district1(), Role.ORG_ADMIN);
        var inside = assignments.assign(commune1, Audience.CITIZEN, data.courseA, due(0));
        assertThat(inside.organisationCode()).isEqualTo(data.commune1());

        assertThatThrownBy(() -> assignments.assign(district2, Audience.CITIZEN, data.courseA, due(0)))
                .isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> assignments.assign(province, Audience.CITIZEN, data.courseA, due(0)))
                .as("the province above their district")
                .isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> assignments.assign(Long.MAX_VALUE, Audience.CITIZEN, data.courseA, due(0)))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> assignments.list(district2)).isInstanceOf(OutOfScopeException.class);
        assertThat(assignments.inScope(0, 100))
                .extracting(Assignment::organisationCode)
                .containsExactly(data.commune1());

        // Someone else's assignment (on the other district) cannot be withdrawn either.
        TestUsers.signOut();
        asPlatformAdmin();
        var outside = assignments.assign(district2, Audience.CITIZEN, data.courseB, due(1));
        TestUsers.signIn("orgadmin-" + data.province, data.district1(), Role.ORG_ADMIN);
        assertThatThrownBy(() -> assignments.withdraw(outside.id())).isInstanceOf(OutOfScopeException.class);

        // A working-group member sees organisations, but assigns nothing; neither does a citizen.
        TestUsers.signIn("wg-" + data.province, data.district1(), Role.WORKING_GROUP);
        assertThatThrownBy(() -> assignments.assign(commune1, Audience.CITIZEN, data.courseB, due(0)))
                .isInstanceOf(OutOfScopeException.class);
        TestUsers.signIn("citizen-" + data.province, data.commune1(), Role.CITIZEN);
        assertThatThrownBy(() -> assignments.assign(commune1, Audience.CITIZEN, data.courseB, due(0)))
                .isInstanceOf(OutOfScopeException.class);

        assertThat(rows("true")).isEqualTo(2);
        assertThat(rows("o.code = '" + data.district2() + "' and a.withdrawn_at is null"))
                .isEqualTo(1);
        assertThat(rows("o.code = '" + data.province + "'")).isZero();
    }

    @Test
    void a_course_must_be_active_and_fall_due_from_this_quarter_on() {
        asPlatformAdmin();
        assertThatThrownBy(() -> assignments.assign(district1, Audience.CITIZEN, "no-such-course", due(0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> assignments.assign(
                        district1,
                        Audience.CITIZEN,
                        data.courseA,
                        assignments.currentQuarter().previous()))
                .isInstanceOf(IllegalArgumentException.class);
        var tooFar = due(AssignmentService.DUE_QUARTERS_AHEAD - 1);
        var beyond = tooFar.quarter() == 4
                ? new Quarter(tooFar.year() + 1, 1)
                : new Quarter(tooFar.year(), tooFar.quarter() + 1);
        assertThatThrownBy(() -> assignments.assign(district1, Audience.CITIZEN, data.courseA, beyond))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(rows("true")).isZero();
    }

    @Test
    void a_citizen_of_a_commune_sees_the_course_assigned_to_the_district_above() {
        asPlatformAdmin();
        assignments.assign(district1, Audience.CITIZEN, data.courseA, due(1));

        TestUsers.signIn("citizen-c1-" + data.province, data.commune1(), Role.CITIZEN);
        assertThat(assignments.forLearner()).singleElement().satisfies(a -> {
            assertThat(a.courseId()).isEqualTo(data.courseA);
            assertThat(a.due()).isEqualTo(due(1));
            assertThat(a.assignedByVi()).isEqualTo("Huyện Một");
            assertThat(a.assignedByEn()).isEqualTo("District One");
        });
        var home = learning.home();
        assertThat(home.assigned()).singleElement().satisfies(c -> {
            assertThat(c.progress().courseId()).isEqualTo(data.courseA);
            assertThat(c.progress().percent()).isZero();
            assertThat(c.overdue()).isFalse();
        });
        assertThat(home.next()).isNotNull();
        assertThat(home.next().courseId()).isEqualTo(data.courseA);

        TestUsers.signIn("citizen-c2-" + data.province, data.commune2(), Role.CITIZEN);
        assertThat(assignments.forLearner())
                .as("a commune of the other district")
                .isEmpty();
    }

    @Test
    void a_teacher_sees_the_teachers_assignment_of_their_school_and_not_the_citizens_one() {
        asPlatformAdmin();
        assignments.assign(district1, Audience.CITIZEN, data.courseA, due(0));
        assignments.assign(school1, Audience.TEACHER, data.courseB, due(2));

        TestUsers.signIn("teacher-" + data.province, data.school1(), Role.TEACHER);
        assertThat(assignments.forLearner())
                .extracting(LearnerAssignment::courseId)
                .containsExactly(data.courseB);
        assertThat(learning.home().assigned())
                .extracting(c -> c.assignment().assignedByVi())
                .containsExactly("Trường Tiểu học Kim Đồng");

        TestUsers.signIn("citizen-s1-" + data.province, data.school1(), Role.CITIZEN);
        assertThat(assignments.forLearner())
                .as("a citizen placed at the school sees the district's citizens course only")
                .extracting(LearnerAssignment::courseId)
                .containsExactly(data.courseA);
    }

    @Test
    void assigning_again_moves_the_due_quarter_instead_of_doubling() {
        asPlatformAdmin();
        var first = assignments.assign(district1, Audience.CITIZEN, data.courseA, due(0));
        var again = assignments.assign(district1, Audience.CITIZEN, data.courseA, due(3));
        var same = assignments.assign(district1, Audience.CITIZEN, data.courseA, due(3));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(same.id()).isEqualTo(first.id());
        assertThat(again.due()).isEqualTo(due(3));
        assertThat(assignments.list(district1))
                .singleElement()
                .satisfies(a -> assertThat(a.due()).isEqualTo(due(3)));
        assertThat(rows("true")).isEqualTo(1);
        assertThat(audits("assignment.created")).isEqualTo(1);
        assertThat(audits("assignment.due-changed"))
                .as("the unchanged third time is not audited")
                .isEqualTo(1);
        // Another audience of the same organisation is another assignment.
        assignments.assign(district1, Audience.TEACHER, data.courseA, due(0));
        assertThat(rows("a.withdrawn_at is null")).isEqualTo(2);
    }

    @Test
    void a_withdrawn_assignment_no_longer_reaches_learners_and_is_kept() {
        asPlatformAdmin();
        var assignment = assignments.assign(district1, Audience.CITIZEN, data.courseA, due(0));
        TestUsers.signIn("orgadmin-" + data.province, data.district1(), Role.ORG_ADMIN);
        assignments.withdraw(assignment.id());
        assignments.withdraw(assignment.id());

        TestUsers.signIn("citizen-" + data.province, data.commune1(), Role.CITIZEN);
        assertThat(assignments.forLearner()).isEmpty();
        assertThat(learning.home().assigned()).isEmpty();
        assertThat(rows("a.withdrawn_at is not null and a.withdrawn_by = 'orgadmin-" + data.province + "'"))
                .isEqualTo(1);
        assertThat(audits("assignment.withdrawn")).isEqualTo(1);

        asPlatformAdmin();
        assertThat(assignments.inScope(0, 10_000)).extracting(Assignment::id).doesNotContain(assignment.id());
        var anew = assignments.assign(district1, Audience.CITIZEN, data.courseA, due(1));
        assertThat(anew.id()).isNotEqualTo(assignment.id());
    }

    @Test
    void a_learner_without_an_organisation_has_nothing_assigned_and_a_home_all_the_same() {
        asPlatformAdmin();
        assignments.assign(province, Audience.CITIZEN, data.courseA, due(0));
        TestUsers.signIn("nowhere-" + data.province, null, Role.CITIZEN);
        assertThat(assignments.forLearner()).isEmpty();
        var home = learning.home();
        assertThat(home.assigned()).isEmpty();
        TestUsers.signIn("unknown-org-" + data.province, data.province + "-NOPE", Role.CITIZEN);
        assertThat(assignments.forLearner()).isEmpty();
    }

    @Test
    void the_first_step_in_an_assigned_course_enrols_as_assigned_and_an_overdue_one_comes_first() {
        asPlatformAdmin();
        var later = assignments.assign(district1, Audience.CITIZEN, data.courseA, due(2));
        var overdue = assignments.assign(commune1, Audience.CITIZEN, data.courseB, due(0));
        // Time passes: the second falls due in a quarter already over (the service refuses past quarters).
        var past = assignments.currentQuarter().previous();
        jdbc.sql("update course_assignment set due_year = :y, due_quarter = :q where id = :id")
                .param("y", past.year())
                .param("q", past.quarter())
                .param("id", overdue.id())
                .update();

        var learner = "first-step-" + data.province;
        TestUsers.signIn(learner, data.commune1(), Role.CITIZEN);
        var home = learning.home();
        assertThat(home.assigned())
                .extracting(c -> c.assignment().courseId(), AssignedCourse::overdue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(data.courseB, true),
                        org.assertj.core.groups.Tuple.tuple(data.courseA, false));
        assertThat(home.next().courseId()).isEqualTo(data.courseB);

        learning.completeLesson(data.courseA, "turn-on");
        learning.enrol(data.courseB);
        assertThat(jdbc.sql("select source from enrolment where username = :u order by course_id")
                        .param("u", learner)
                        .query(String.class)
                        .list())
                .containsExactly("ASSIGNED", "ASSIGNED");
        assertThat(later.due()).isEqualTo(due(2));
    }

    @Test
    void a_course_chosen_freely_is_enrolled_as_self() {
        var learner = "free-" + data.province;
        TestUsers.signIn(learner, data.commune1(), Role.CITIZEN);
        learning.enrol(data.courseA);
        assertThat(jdbc.sql("select source from enrolment where username = :u")
                        .param("u", learner)
                        .query(String.class)
                        .single())
                .isEqualTo("SELF");
        var home = learning.home();
        assertThat(home.assigned()).isEmpty();
        assertThat(home.others()).extracting(CourseProgress::courseId).containsExactly(data.courseA);
        assertThat(home.next().courseId()).isEqualTo(data.courseA);
    }
}
