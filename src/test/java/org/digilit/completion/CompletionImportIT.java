package org.digilit.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.digilit.IntegrationTest;
import org.digilit.base.Audience;
import org.digilit.base.Quarter;
import org.digilit.course.CourseContentService;
import org.digilit.course.CourseTestData;
import org.digilit.identity.IdentityProtector;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.report.Report;
import org.digilit.report.ReportRow;
import org.digilit.report.ReportService;
import org.digilit.report.ReportTestData;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Completions from other platforms against the real PostgreSQL: a dry run writes nothing, applying records matched
 * people and holds the rest, re-importing changes nothing, the earliest date wins, a held row is matched when the
 * account arrives, people outside the importer's organisations are refused, and the report's split by source adds up
 * to its "completed" in every cell, live and in a snapshot.
 */
@IntegrationTest
class CompletionImportIT {

    @Autowired
    CompletionImportService imports;

    @Autowired
    ExternalPlatformService registry;

    @Autowired
    OrganisationImportService organisations;

    @Autowired
    CourseContentService content;

    @Autowired
    ReportService reports;

    @Autowired
    IdentityProtector protector;

    @Autowired
    JdbcClient jdbc;

    CompletionTestData data;

    /** 2019's last quarter: the live reports of these tests (no test closes it). */
    static final Quarter Q4_2019 = new Quarter(2019, 4);

    /** 2018's last quarter: only the split test reports on it, and closes it; no other test disturbs it. */
    static final Quarter Q4_2018 = new Quarter(2018, 4);

    static final Instant OCTOBER_2018 =
            OffsetDateTime.parse("2018-10-02T09:00:00+07:00").toInstant();

    static final Instant OCTOBER_2019 =
            OffsetDateTime.parse("2019-10-02T09:00:00+07:00").toInstant();

    @BeforeEach
    void province() throws Exception {
        var report = new ReportTestData(jdbc).importProvince(organisations);
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var course = "ext-" + suffix;
        var other = "exo-" + suffix;
        CourseTestData.loadFixtureCourse(content, Files.createTempDirectory("courses"), course, false);
        CourseTestData.loadFixtureCourse(content, Files.createTempDirectory("courses"), other, false);
        data = new CompletionTestData(report, jdbc, protector, course, other).register(registry, null);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private static void admin() {
        TestUsers.signIn("completion-admin", null, Role.PLATFORM_ADMIN);
    }

    @Test
    void a_dry_run_writes_nothing_and_applying_records_matched_people_and_holds_the_rest() throws Exception {
        var known = CompletionTestData.identityNumber();
        var also = CompletionTestData.identityNumber();
        var unknown = CompletionTestData.identityNumber();
        var learner = data.account("C1", known, OCTOBER_2019);
        var other = data.account("C2", also, OCTOBER_2019);
        admin();
        String[] rows = {
            data.row(known, "2019-11-05", "BASIC"),
            data.row(also, "05/11/2019", "CITIZEN-101"),
            data.row(unknown, "2019-11-06", "BASIC")
        };

        var dry = imports.dryRun(CompletionTestData.csv(rows), "national.csv");

        assertThat(dry.problems()).isEmpty();
        assertThat(List.of(dry.rows(), dry.matched(), dry.held(), dry.unchanged()))
                .containsExactly(3, 2, 1, 0);
        assertThat(data.stored()).isZero();
        assertThat(data.completion(learner, data.course)).isEqualTo("none");

        var applied = imports.apply(CompletionTestData.csv(rows), "national.csv", "127.0.0.1");

        assertThat(List.of(applied.matched(), applied.held(), applied.unchanged()))
                .containsExactly(2, 1, 0);
        assertThat(data.stored()).isEqualTo(3);
        // Midnight of 5 November 2019 in Hanoi; the programme that is the course completes the course.
        assertThat(data.completion(learner, data.course)).isEqualTo("2019-11-04T17:00:00Z " + data.source());
        // The external programme counts for the course the admin chose.
        assertThat(data.completion(other, data.otherCourse)).isEqualTo("2019-11-04T17:00:00Z " + data.source());
        var held = imports.held(0, 100);
        assertThat(held)
                .filteredOn(h -> h.platformCode().equals(data.platformCode))
                .singleElement()
                .satisfies(h -> {
                    assertThat(h.maskedIdentityNumber())
                            .endsWith(unknown.substring(8))
                            .doesNotContain(unknown);
                    assertThat(h.reason()).isEqualTo("NO_ACCOUNT");
                });
        assertThat(jdbc.sql("select count(*) from certificate where username = :u")
                        .param("u", learner)
                        .query(Integer.class)
                        .single())
                .as("imported completions issue no DigiLit certificate")
                .isZero();
    }

    @Test
    void reimporting_the_same_file_changes_nothing() throws Exception {
        var known = CompletionTestData.identityNumber();
        var learner = data.account("C1", known, OCTOBER_2019);
        var unknown = CompletionTestData.identityNumber();
        admin();
        String[] rows = {data.row(known, "2019-11-05", "BASIC"), data.row(unknown, "2019-11-06", "BASIC")};
        imports.apply(CompletionTestData.csv(rows), "national.csv", null);
        var before = state(learner);

        var again = imports.apply(CompletionTestData.csv(rows), "national.csv", null);

        assertThat(List.of(again.matched(), again.held(), again.unchanged())).containsExactly(0, 0, 2);
        assertThat(state(learner)).isEqualTo(before);
    }

    private List<Map<String, Object>> state(String learner) {
        var rows = jdbc.sql("select id, completed_on, account_id, held_reason, matched_at from external_completion"
                        + " where platform_id = :p order by id")
                .param("p", data.platform.id())
                .query()
                .listOfRows();
        // As JSON text: a row's lessons_done array would compare by identity.
        var progress = jdbc.sql(
                        "select to_jsonb(cp)::text from course_progress cp where username = :u order by course_id")
                .param("u", learner)
                .query(String.class)
                .list();
        return List.of(Map.of("stored", rows, "progress", progress));
    }

    @Test
    void the_earliest_date_wins_and_the_person_counts_once_whatever_the_sources() throws Exception {
        data.report.assign("C1", "CITIZEN", data.course);
        var onlineFirst = CompletionTestData.identityNumber();
        var externalFirst = CompletionTestData.identityNumber();
        var a = data.account("C1", onlineFirst, OCTOBER_2019);
        var b = data.account("C1", externalFirst, OCTOBER_2019);
        data.report.completed(
                a,
                data.course,
                OffsetDateTime.parse("2019-11-01T10:00:00+07:00").toInstant());
        data.report.completed(
                b,
                data.course,
                OffsetDateTime.parse("2019-12-01T10:00:00+07:00").toInstant());
        admin();

        imports.apply(
                CompletionTestData.csv(
                        data.row(onlineFirst, "2019-11-20", "BASIC"), data.row(externalFirst, "2019-11-10", "BASIC")),
                "national.csv",
                null);

        assertThat(data.completion(a, data.course)).isEqualTo("2019-11-01T03:00:00Z ONLINE");
        assertThat(data.completion(b, data.course)).isEqualTo("2019-11-09T17:00:00Z " + data.source());
        reports.refresh();
        var commune = row(reports.organisation(data.report.id("D1"), Q4_2019, Audience.CITIZEN), "C1");
        assertThat(commune.figures().completed()).as("each person once").isEqualTo(2);
        assertThat(commune.completedBySource())
                .containsExactlyInAnyOrderEntriesOf(Map.of("ONLINE", 1L, data.source(), 1L));
    }

    @Test
    void a_held_row_is_matched_when_the_persons_account_arrives() throws Exception {
        var later = CompletionTestData.identityNumber();
        admin();
        imports.apply(CompletionTestData.csv(data.row(later, "2019-11-05", "BASIC")), "national.csv", null);
        assertThat(imports.held(0, 1000)).anyMatch(h -> h.platformCode().equals(data.platformCode));

        var learner = data.account("C1", later, OCTOBER_2019);
        imports.matchHeld();

        assertThat(imports.held(0, 1000)).noneMatch(h -> h.platformCode().equals(data.platformCode));
        assertThat(data.completion(learner, data.course)).isEqualTo("2019-11-04T17:00:00Z " + data.source());
        assertThat(imports.matchHeld()).as("matching again changes nothing").isZero();
    }

    @Test
    void people_outside_the_importers_organisations_are_refused_and_nothing_is_applied() throws Exception {
        var inside = CompletionTestData.identityNumber();
        var outside = CompletionTestData.identityNumber();
        data.account("C1", inside, OCTOBER_2019);
        data.account("C2", outside, OCTOBER_2019);
        TestUsers.signIn("completion-orgadmin", data.report.code("D1"), Role.ORG_ADMIN);
        String[] rows = {data.row(inside, "2019-11-05", "BASIC"), data.row(outside, "2019-11-05", "BASIC")};

        var dry = imports.dryRun(CompletionTestData.csv(rows), "national.csv");

        assertThat(dry.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.code()).isEqualTo("completion.person-out-of-scope");
            assertThat(String.join(" ", p.arguments())).doesNotContain(outside);
        });
        assertThatThrownBy(() -> imports.apply(CompletionTestData.csv(rows), "national.csv", null))
                .isInstanceOf(CompletionImportRejectedException.class);
        assertThat(data.stored()).isZero();
    }

    @Test
    void a_file_with_unknown_programmes_and_bad_values_names_each_problem() throws Exception {
        admin();
        var number = CompletionTestData.identityNumber();
        var report = imports.dryRun(
                CompletionTestData.csv(
                        data.row(number, "2019-11-05", "NO-SUCH"),
                        data.row("12345", "2019-11-05", "BASIC"),
                        data.row(CompletionTestData.identityNumber(), "31/02/2019", "BASIC")),
                "national.csv");

        assertThat(report.problems())
                .extracting(p -> p.row() + " " + p.code())
                .containsExactly("3 identity.wrong-length", "4 invalid-date", "2 completion.unknown-programme");
    }

    @Test
    void the_report_split_adds_up_to_the_total_in_every_cell_live_and_in_a_snapshot() throws Exception {
        data.report.assign("D1", "CITIZEN", data.course);
        var at = OffsetDateTime.parse("2018-11-01T10:00:00+07:00").toInstant();
        var file = new java.util.ArrayList<String>();
        for (int i = 0; i < 9; i++) {
            var number = CompletionTestData.identityNumber();
            var org = i % 3 == 0 ? "C2" : "C1";
            var learner = data.account(org, number, OCTOBER_2018);
            switch (i % 4) {
                case 0 -> data.report.completed(learner, data.course, at);
                case 1 -> {
                    data.report.completed(learner, data.course, at);
                    jdbc.sql("update course_progress set completion_source = 'IN_PERSON' where username = :u")
                            .param("u", learner)
                            .update();
                }
                case 2 -> file.add(data.row(number, "2018-11-03", "BASIC"));
                default -> {
                    // both online and on the other platform: counted once
                    data.report.completed(learner, data.course, at);
                    file.add(data.row(number, "2018-10-20", "BASIC"));
                }
            }
        }
        admin();
        imports.apply(CompletionTestData.csv(file.toArray(String[]::new)), "national.csv", null);
        reports.refresh();
        var live = reports.organisation(data.report.id(""), Q4_2018, null);
        addsUp(live);
        addsUp(reports.organisation(data.report.id("D1"), Q4_2018, Audience.CITIZEN));
        assertThat(live.total().figures().completed()).isEqualTo(9);
        assertThat(live.total().completedBySource()).containsKeys("ONLINE", "IN_PERSON", data.source());

        reports.closeQuarter(Q4_2018, "completion split test");
        var closed = reports.organisation(data.report.id(""), Q4_2018, null);
        assertThat(closed.source()).isEqualTo(org.digilit.report.ReportSource.SNAPSHOT);
        addsUp(closed);
        assertThat(closed.total().completedBySource()).isEqualTo(live.total().completedBySource());
    }

    private static void addsUp(Report report) {
        var lines = new java.util.ArrayList<>(report.rows());
        lines.add(report.total());
        for (var line : lines) {
            assertThat(line.completedBySource().values().stream()
                            .mapToLong(Long::longValue)
                            .sum())
                    .as("sources of %s", line.code())
                    .isEqualTo(line.figures().completed());
        }
    }

    private ReportRow row(Report report, String suffix) {
        return report.rows().stream()
                .filter(r -> r.code().equals(data.report.code(suffix)))
                .findFirst()
                .orElseThrow();
    }
}
