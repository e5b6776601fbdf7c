package org.digilit.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.digilit.account.AccountFilter;
import org.digilit.account.AccountImportService;
import org.digilit.account.AccountListItem;
import org.digilit.account.AccountService;
import org.digilit.account.ImportProgress;
import org.digilit.base.Audience;
import org.digilit.base.Quarter;
import org.digilit.completion.ExternalProgramme;
import org.digilit.course.CatalogueService;
import org.digilit.course.CourseContentService;
import org.digilit.learning.AssignmentService;
import org.digilit.learning.LearningService;
import org.digilit.organisation.Metric;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.organisation.OrganisationRow;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.TargetService;
import org.digilit.organisation.WorkingGroupService;
import org.digilit.report.ReportService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo run's data: the generated province (through the same import service an administrator uses), five working
 * groups that split the communes between them, with the demo working-group user in the first, and this quarter's
 * programme targets. Runs once: a database that already has organisations is left alone. The Indian demo ({@code
 * digilit.demo.region=IN}, {@link DemoRegion}) loads the state of Chandra Pradesh the same way instead.
 */
@Configuration(proxyBeanMethods = false)
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /**
     * The organisation the demo organisation admin and the demo device officer work in: the first ward (the province
     * has two levels since 1 July 2025, DD019).
     */
    public static final String DEMO_COMMUNE = "P01-C001";

    /**
     * People of the demo province ({@code digilit.demo.people}): enough to page through, few enough to provision in
     * seconds on the first start. Tests set 0: they make the people they need.
     */
    public static final int DEMO_PEOPLE = 3_000;

    /** The demo users' roles are the platform's grants (reconciliation lists ungranted privileged roles, DD008). */
    @Bean
    ApplicationRunner demoGrants(org.springframework.context.ApplicationContext context) {
        return arguments -> org.digilit.localstack.DemoUsers.recordGrants(context);
    }

    @Bean
    ApplicationRunner demoProvince(
            JdbcClient jdbc,
            OrganisationImportService imports,
            OrganisationService organisations,
            WorkingGroupService groups,
            TargetService targets,
            AccountImportService people,
            AccountService accounts,
            CourseContentService content,
            AssignmentService assignments,
            LearningService learning,
            CatalogueService catalogue,
            ReportService reports,
            org.digilit.session.SessionService sessions,
            org.digilit.session.AttendanceService attendance,
            DemoDevices demoDevices,
            org.digilit.completion.ExternalPlatformService platforms,
            org.digilit.completion.CompletionImportService completions,
            @org.springframework.beans.factory.annotation.Value("${digilit.demo.people:" + DEMO_PEOPLE + "}")
                    int peopleCount,
            @org.springframework.beans.factory.annotation.Value("${digilit.demo.region:VN}") String regionSetting) {
        var region = DemoRegion.of(regionSetting);
        return (ApplicationArguments arguments) -> {
            if (jdbc.sql("select count(*) from organisation")
                            .query(Integer.class)
                            .single()
                    > 0) {
                return;
            }
            TestUsers.signIn("demo-data", null, Role.PLATFORM_ADMIN);
            try {
                var csv = new StringWriter();
                var province = region.organisations(2025);
                DemoProvince.writeCsv(province, csv);
                var report = imports.apply(
                        new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                        "demo-province.csv",
                        null);
                var followed = jdbc.sql("select id from organisation where code ~ :codes order by code")
                        .param("codes", region.followedCodes)
                        .query(Long.class)
                        .list();
                for (int g = 0; g < 5; g++) {
                    var group = groups.create("WG" + (g + 1), "Tổ công tác số " + (g + 1), "Working group " + (g + 1));
                    for (int d = g; d < followed.size(); d += 5) {
                        groups.follow(group.id(), followed.get(d), true);
                    }
                    if (g == 0) {
                        groups.addMember(group.id(), "workinggroup.demo");
                    }
                }
                var top = organisations.tops().getFirst().id();
                var quarter = Quarter.of(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
                targets.setOrganisationTarget(
                        top, quarter, Metric.ACCOUNT_COVERAGE, Audience.CITIZEN, new BigDecimal("90"));
                targets.setOrganisationTarget(
                        top, quarter, Metric.COURSE_COMPLETION, Audience.CITIZEN, new BigDecimal("30"));
                targets.setOrganisationTarget(
                        top, quarter, Metric.COURSE_COMPLETION, Audience.OFFICIAL, new BigDecimal("80"));
                targets.setOrganisationTarget(
                        top, quarter, Metric.COURSE_COMPLETION, Audience.TEACHER, new BigDecimal("80"));
                demoAssignments(region, content, assignments, organisations, top);
                var verified = peopleCount == 0
                        ? 0
                        : demoPeople(region, province, peopleCount, people, accounts, organisations);
                if (verified > 0) {
                    int learned = demoLearning(region, jdbc, learning, catalogue);
                    TestUsers.signIn("demo-data", null, Role.PLATFORM_ADMIN);
                    demoCompletions(region, province, peopleCount, platforms, completions);
                    // The three quarters before this one are closed with that history (restated if the scheduler
                    // closed the last one while the history was still being written).
                    var closed = reports.currentQuarter();
                    for (int q = 0; q < 3; q++) {
                        closed = closed.previous();
                    }
                    for (int q = 0; q < 3; q++) {
                        reports.closeQuarter(closed, "Demo: a year of learning loaded");
                        closed = closed.next();
                    }
                    log.info(
                            "Demo learning: {} learners went through real courses (history spread over a year)",
                            learned);
                    int marks = DemoSessions.load(region, jdbc, sessions, attendance);
                    TestUsers.signIn("demo-data", null, Role.PLATFORM_ADMIN);
                    log.info(
                            "Demo sessions: {} attendance marks in the community groups {}",
                            marks,
                            region.sessionGroups);
                }
                int demoDeviceCount;
                try {
                    demoDeviceCount = demoDevices.load(region);
                } catch (RuntimeException e) {
                    // The devices' demo must never keep the platform (or the test run) from starting.
                    log.warn("Demo devices not loaded", e);
                    demoDeviceCount = 0;
                }
                TestUsers.signIn("demo-data", null, Role.PLATFORM_ADMIN);
                log.info("Demo devices: {} (points, donations at every stage, requests, a handover)", demoDeviceCount);
                log.info(
                        "Demo province loaded: {} organisations, 5 working groups, targets for {}, {} people ({}"
                                + " verified, provisioned in the background)",
                        report.created(),
                        quarter,
                        peopleCount,
                        verified);
            } finally {
                TestUsers.signOut();
            }
        };
    }

    /**
     * Required courses, so the learners' home shows them: two courses for the citizens of the region's course units
     * (the first twelve communes; the Indian demo's first block), due this quarter and the next, one for every teacher
     * of the province (due next quarter). The courses are loaded first: this runs before the content loader's own
     * start-up load.
     */
    private static void demoAssignments(
            DemoRegion region,
            CourseContentService content,
            AssignmentService assignments,
            OrganisationService organisations,
            long top) {
        content.loadAll();
        var quarters = assignments.dueQuarters();
        for (var code : region.courseUnits) {
            var unit = organisations.findByCode(code).orElseThrow();
            assignments.assign(unit.id(), Audience.CITIZEN, "online-safety-scams", quarters.get(0));
            assignments.assign(unit.id(), Audience.CITIZEN, "smartphone-basics", quarters.get(1));
        }
        assignments.assign(top, Audience.TEACHER, "teaching-with-digital-tools", quarters.get(1));
    }

    /**
     * A year of learning for the demo reports: every second verified person goes through courses with the real
     * learning service (their required courses, or the online-safety course where nothing is required; two in three
     * finish, getting their certificate), then each person's history is moved back by up to eleven months, so the
     * quarters have a trend. Accounts get verification and activation dates to match.
     */
    private static int demoLearning(
            DemoRegion region, JdbcClient jdbc, LearningService learning, CatalogueService catalogue) {
        record Learner(String username, String name, String organisation, String audience) {}
        var learners = jdbc.sql("""
                        select a.username, a.full_name, o.code, a.audience from account a
                        join organisation o on o.id = a.organisation_id
                        where a.state = 'VERIFIED' order by a.id""")
                .query((rs, n) -> new Learner(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        int count = 0;
        for (int i = 0; i < learners.size(); i += 2) {
            var learner = learners.get(i);
            var role = switch (learner.audience()) {
                case "TEACHER" -> Role.TEACHER;
                case "OFFICIAL" -> Role.OFFICIAL;
                default -> Role.CITIZEN;
            };
            TestUsers.signInNamed(learner.username(), learner.name(), learner.organisation(), role);
            try {
                var courses = new ArrayList<String>();
                if (role == Role.TEACHER) {
                    courses.add("teaching-with-digital-tools");
                } else {
                    courses.add("online-safety-scams");
                    if (DemoRegion.within(learner.organisation(), region.courseUnits)) {
                        courses.add("smartphone-basics");
                    }
                }
                boolean finishes = i % 3 != 0;
                for (var courseId : courses) {
                    var structure = catalogue.structure(courseId).orElseThrow();
                    var lessons = structure.lessonIds();
                    int read = finishes ? lessons.size() : 1 + (i / 2) % lessons.size();
                    for (var lesson : lessons.subList(0, Math.min(read, lessons.size()))) {
                        learning.completeLesson(courseId, lesson);
                    }
                    if (finishes && structure.hasQuiz()) {
                        var answers = new java.util.HashMap<String, java.util.Set<String>>();
                        structure.questions().forEach(q -> answers.put(q.id(), q.correct()));
                        learning.submitQuiz(courseId, answers);
                    }
                }
                count++;
            } finally {
                TestUsers.signOut();
            }
        }
        // Each person's history moves back by the same number of days (0 to 330, fixed by their username).
        var shift = "make_interval(days => abs(hashtext(%s)) %% 330)";
        jdbc.sql("update account set verified_at = now() - " + shift.formatted("username")
                        + " - interval '20 days', activated_at = case when abs(hashtext(username)) % 4 <> 0"
                        + " then now() - " + shift.formatted("username") + " - interval '10 days' end"
                        + " where state = 'VERIFIED'")
                .update();
        for (var table : List.of("enrolment:enrolled_at", "progress_event:occurred_at")) {
            var parts = table.split(":");
            jdbc.sql("update " + parts[0] + " set " + parts[1] + " = " + parts[1] + " - " + shift.formatted("username"))
                    .update();
        }
        jdbc.sql("update course_progress set completed_at = completed_at - " + shift.formatted("username")
                        + ", last_attempt_at = last_attempt_at - " + shift.formatted("username")
                        + ", updated_at = updated_at - " + shift.formatted("username"))
                .update();
        return count;
    }

    /**
     * Learning done on other platforms (issue #17): the national digital-literacy platform (its basic course is the
     * online-safety course here; its "digital citizen" programme counts for the smartphone course) and the provincial
     * military command's training system (its programme counts for the online-safety course), with a year of their
     * completions imported by identity number, and five people without an account yet waiting in the holding list.
     */
    private static void demoCompletions(
            DemoRegion region,
            List<OrganisationRow> province,
            int peopleCount,
            org.digilit.completion.ExternalPlatformService platforms,
            org.digilit.completion.CompletionImportService completions)
            throws IOException {
        var national = platforms.save(new org.digilit.completion.ExternalPlatformService.PlatformForm(
                null,
                "NATIONAL",
                region == DemoRegion.IN
                        ? "PMGDISHA (Rashtriya Digital Saksharta Abhiyan)"
                        : "Nền tảng Bình dân học vụ số quốc gia",
                region == DemoRegion.IN
                        ? "PMGDISHA national digital-literacy scheme"
                        : "National digital-literacy platform",
                "digilit-feed-national"));
        var military = platforms.save(new org.digilit.completion.ExternalPlatformService.PlatformForm(
                null,
                "MILITARY",
                region == DemoRegion.IN
                        ? "Rajya Karmachari Prashikshan Pranali"
                        : "Hệ thống đào tạo Bộ Chỉ huy Quân sự tỉnh",
                region == DemoRegion.IN ? "State staff training system" : "Provincial military command training system",
                null));
        platforms.save(new org.digilit.completion.ExternalPlatformService.ProgrammeForm(
                national.id(),
                "KNS-CB",
                "Kỹ năng số cơ bản",
                "Basic digital skills",
                ExternalProgramme.Kind.COURSE,
                List.of("online-safety-scams")));
        platforms.save(new org.digilit.completion.ExternalPlatformService.ProgrammeForm(
                national.id(),
                "CONG-DAN-SO",
                "Công dân số",
                "Digital citizen",
                ExternalProgramme.Kind.PROGRAMME,
                List.of("smartphone-basics")));
        platforms.save(new org.digilit.completion.ExternalPlatformService.ProgrammeForm(
                military.id(),
                "QS-KNS-2025",
                "Bồi dưỡng kỹ năng số cho cán bộ, chiến sĩ",
                "Digital skills for officers and soldiers",
                ExternalProgramme.Kind.PROGRAMME,
                List.of("online-safety-scams")));
        var today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        var csv = new StringBuilder(
                "identity_number,full_name,completion_date,platform,programme_code,certificate_number,score\n");
        var people = DemoPeople.people(region, 2025, province, peopleCount);
        int i = 0;
        while (people.hasNext()) {
            var person = people.next();
            var date = today.minusDays(15 + (i * 37L) % 320);
            if (person.audience() == Audience.OFFICIAL && i % 2 == 0) {
                csv.append(String.join(
                                ",",
                                person.identityNumber(),
                                person.fullName(),
                                date.toString(),
                                "MILITARY",
                                "QS-KNS-2025",
                                "QS-" + (10000 + i),
                                ""))
                        .append('\n');
            } else if (i % 7 == 3) {
                csv.append(String.join(
                                ",",
                                person.identityNumber(),
                                person.fullName(),
                                date.toString(),
                                "NATIONAL",
                                i % 2 == 0 ? "KNS-CB" : "CONG-DAN-SO",
                                "",
                                String.valueOf(70 + i % 30)))
                        .append('\n');
            }
            i++;
        }
        String[] waiting = region == DemoRegion.IN
                ? new String[] {"Bhola Ram", "Phoolmati Devi", "Jagdish Prasad", "Kamla Devi", "Ramdas Meena"}
                : new String[] {"Lò Văn Páo", "Hà Thị Mai", "Giàng A Sử", "Lường Thị Hoa", "Tòng Văn Kiên"};
        var outsiders = DemoPeople.outsiders(region, waiting.length);
        for (int w = 0; w < waiting.length; w++) {
            // Numbers of people of the province who have no account yet (far from the demo people's).
            csv.append(String.join(
                            ",",
                            outsiders.get(w),
                            waiting[w],
                            today.minusDays(30 + w).toString(),
                            "NATIONAL",
                            "KNS-CB",
                            "",
                            ""))
                    .append('\n');
        }
        var report = completions.apply(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                "demo-completions.csv",
                null);
        log.info(
                "Demo completions from other platforms: {} recorded, {} in the holding list",
                report.matched(),
                report.held());
    }

    /**
     * Imports the demo people and verifies all but every second person of the region's waiting unit (the demo organisation
     * admin's queue has them); returns how many were verified.
     */
    private static int demoPeople(
            DemoRegion region,
            List<OrganisationRow> province,
            int count,
            AccountImportService people,
            AccountService accounts,
            OrganisationService organisations)
            throws IOException {
        var file = Files.createTempFile("demo-people-", ".csv");
        try {
            try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                DemoPeople.writeCsv(region, 2025, province, count, out);
            }
            people.apply(file, "demo-people.csv", new ImportProgress(Files.size(file)), null);
        } finally {
            Files.deleteIfExists(file);
        }
        var ids = new ArrayList<Long>();
        int page = 0;
        int inWaitingUnit = 0;
        List<AccountListItem> batch;
        do {
            batch = accounts.list(AccountFilter.none(), page * 1000, 1000);
            for (var account : batch) {
                if (account.organisationCode().equals(region.waitingUnit) && inWaitingUnit++ % 2 == 0) {
                    continue;
                }
                ids.add(account.id());
            }
            page++;
        } while (batch.size() == 1000);
        return accounts.verify(ids, null);
    }
}
