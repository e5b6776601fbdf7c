package org.digilit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.digilit.IntegrationTest;
import org.digilit.base.Audience;
import org.digilit.base.Quarter;
import org.digilit.course.CourseContentService;
import org.digilit.course.CourseTestData;
import org.digilit.learning.ImportedCompletion;
import org.digilit.learning.LearningService;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The incremental pass (issue #20 item 5, DD020) on the real PostgreSQL: after changes of every kind it leaves the
 * report's tables exactly as a full recompute does, cell by cell; a change committed after a pass began is counted by
 * the next one; a change to the required courses makes the next pass a full one.
 */
@IntegrationTest
class IncrementalReportIT {

    private static final Duration DAY = Duration.ofDays(1);

    @Autowired
    ReportFigures figures;

    @Autowired
    ReportService reports;

    @Autowired
    OrganisationImportService imports;

    @Autowired
    CourseContentService content;

    @Autowired
    LearningService learning;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    ReportTestData data;
    String required;
    String other;

    static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    static final Instant Q1 = at("2025-02-10T09:00:00+07:00");
    static final Instant Q2 = at("2025-05-10T09:00:00+07:00");
    static final Instant Q3 = at("2025-08-10T09:00:00+07:00");

    @BeforeEach
    void province() throws Exception {
        data = new ReportTestData(jdbc).importProvince(imports);
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        required = "rq-" + suffix;
        other = "ot-" + suffix;
        CourseTestData.loadFixtureCourse(content, Files.createTempDirectory("courses"), required, false);
        CourseTestData.loadFixtureCourse(content, Files.createTempDirectory("courses"), other, false);
        data.assign("D1", "CITIZEN", required);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void an_incremental_pass_after_every_kind_of_change_agrees_with_a_full_recompute_cell_by_cell() {
        var activating = data.person("C1", "CITIZEN", Q1, null);
        var enrolling = data.person("C1", "CITIZEN", Q1, Q1);
        var learner = data.person("C1", "CITIZEN", Q1, Q1);
        var importedLearner = data.person("C2", "CITIZEN", Q1, Q1);
        var certified = data.person("S1", "TEACHER", Q1, Q1);
        var leaving = data.person("C1", "CITIZEN", Q1, Q1);
        data.completed(leaving, required, Q2);
        var moving = data.person("C1", "CITIZEN", Q1, Q1);
        data.completed(moving, required, Q2);
        var revoked = data.person("C2", "CITIZEN", Q1, Q1);
        data.certificate(revoked, other, Q2, false);
        var pending = data.account("C2", "CITIZEN", "PENDING", Q1, null);
        assertThat(figures.recompute()).isTrue();

        // Changes of every kind, as the owning features make them.
        data.person("C2", "CITIZEN", Q3, null);
        account("update account set activated_at = :at where username = :u", activating, Q3);
        data.enrolled(enrolling, other, Q3);
        data.completed(learner, required, Q3);
        learning.recordImportedCompletions(
                List.of(new ImportedCompletion(importedLearner, required, Q2, "EXTERNAL:NATIONAL", null, "CITIZEN")));
        data.certificate(certified, other, Q3, false);
        account("update account set state = 'DEACTIVATED' where username = :u", leaving, null);
        jdbc.sql(
                        "update account set organisation_id = (select id from organisation where code = :to) where username = :u")
                .param("to", data.code("S1"))
                .param("u", moving)
                .update();
        jdbc.sql("update certificate set revoked_at = now() where username = :u")
                .param("u", revoked)
                .update();
        account("update account set state = 'VERIFIED', verified_at = :at where username = :u", pending, Q3);

        var before = new ReportAgreement(jdbc, "before").keep();
        assertThat(figures.update(DAY)).isEqualTo(ReportFigures.Pass.INCREMENTAL);
        assertThat(lastPassWasIncremental()).isTrue();
        var afterPass = new ReportAgreement(jdbc, "pass").keep();
        assertThat(figures.recompute()).isTrue();

        assertThat(afterPass.differences())
                .as("the incremental pass leaves what a full recompute leaves")
                .isEmpty();
        assertThat(before.differences())
                .as("the changes moved the figures: a skipped pass would not agree")
                .containsKeys("report_fact", "report_rollup", "report_fact_source", "report_person");

        TestUsers.signIn("report-admin", null, Role.PLATFORM_ADMIN);
        var q3 = reports.organisation(data.id(""), new Quarter(2025, 3), Audience.CITIZEN);
        // 7 verified citizens before, one new, one verified from pending, one deactivated (the one moved to a school
        // stays in the province).
        assertThat(q3.total().figures().accounts()).isEqualTo(7 + 2 - 1);
    }

    @Test
    void a_change_committed_after_a_pass_began_is_counted_by_the_next_pass() throws Exception {
        data.person("C1", "CITIZEN", Q1, Q1);
        assertThat(figures.recompute()).isTrue();

        try (var late = dataSource.getConnection()) {
            late.setAutoCommit(false);
            try (var statement = late.prepareStatement(
                    "update account set activated_at = ? where organisation_id = (select id from organisation"
                            + " where code = ?) and activated_at is null")) {
                statement.setTimestamp(1, Timestamp.from(Q2));
                statement.setString(2, data.code("C1"));
                statement.executeUpdate();
            }
            data.person("C2", "CITIZEN", Q2, null);
            // A pass while the first transaction is still open: it sees the second, not the first.
            assertThat(figures.update(DAY)).isEqualTo(ReportFigures.Pass.INCREMENTAL);
            late.commit();
        }
        data.person("C1", "CITIZEN", Q3, null);
        assertThat(figures.update(DAY)).isEqualTo(ReportFigures.Pass.INCREMENTAL);
        var incremental = new ReportAgreement(jdbc, "late").keep();
        assertThat(figures.recompute()).isTrue();
        assertThat(incremental.differences()).isEmpty();
    }

    @Test
    void a_changed_required_course_makes_the_next_pass_a_full_recompute() {
        var learner = data.person("C1", "CITIZEN", Q1, Q1);
        data.completed(learner, other, Q2);
        assertThat(figures.recompute()).isTrue();
        assertThat(figures.update(DAY)).isEqualTo(ReportFigures.Pass.INCREMENTAL);

        data.assign("C1", "CITIZEN", other);
        assertThat(figures.update(DAY)).isEqualTo(ReportFigures.Pass.FULL);
        assertThat(figures.update(DAY)).isEqualTo(ReportFigures.Pass.INCREMENTAL);
        assertThat(figures.update(Duration.ZERO))
                .as("the full recompute is due again after its interval")
                .isEqualTo(ReportFigures.Pass.FULL);
    }

    private void account(String sql, String username, @org.jspecify.annotations.Nullable Instant at) {
        var statement = jdbc.sql(sql).param("u", username);
        if (at != null) {
            statement = statement.param("at", Timestamp.from(at));
        }
        statement.update();
    }

    private boolean lastPassWasIncremental() {
        return jdbc.sql("select incremental from report_refresh where id = 1")
                .query(Boolean.class)
                .single();
    }
}
