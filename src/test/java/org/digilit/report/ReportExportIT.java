package org.digilit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BiFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.digilit.IntegrationTest;
import org.digilit.base.Audience;
import org.digilit.base.Quarter;
import org.digilit.course.CourseContentService;
import org.digilit.course.CourseTestData;
import org.digilit.organisation.Metric;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.organisation.TargetService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Exports on the real PostgreSQL: each format read back gives the report's organisations and figures, every export
 * leaves an audit row, and no file carries an identity number (not even its last four digits) or a username.
 */
@IntegrationTest
class ReportExportIT {

    @Autowired
    ReportService reports;

    @Autowired
    ReportFigures figures;

    @Autowired
    ReportExport exports;

    @Autowired
    ReportCalendar calendar;

    @Autowired
    OrganisationImportService imports;

    @Autowired
    TargetService targets;

    @Autowired
    CourseContentService content;

    @Autowired
    JdbcClient jdbc;

    static final Quarter QUARTER = new Quarter(2025, 2);
    static final Instant IN_Q1 =
            OffsetDateTime.parse("2025-02-10T09:00:00+07:00").toInstant();
    static final Instant IN_Q2 =
            OffsetDateTime.parse("2025-05-10T09:00:00+07:00").toInstant();
    static final String CLIENT = "203.0.113.7";

    ReportTestData data;
    final List<String> usernames = new ArrayList<>();
    final List<String> lastFours = new ArrayList<>();

    @BeforeEach
    void province() throws Exception {
        data = new ReportTestData(jdbc).importProvince(imports);
        var course = "ex-" + data.province.toLowerCase(Locale.ROOT);
        CourseTestData.loadFixtureCourse(content, Files.createTempDirectory("courses"), course, false);
        for (int i = 0; i < 6; i++) {
            var person = data.person("C1", "CITIZEN", IN_Q1, i < 4 ? IN_Q1 : null);
            if (i < 3) {
                data.completed(person, course, IN_Q2);
            }
            usernames.add(person);
        }
        for (int i = 0; i < 9; i++) {
            usernames.add(data.person("C2", "CITIZEN", IN_Q1, IN_Q2));
        }
        usernames.add(data.person("S1", "TEACHER", IN_Q1, IN_Q1));
        // Last four digits no figure of this report could show, so finding them would mean a leak.
        for (int i = 0; i < usernames.size(); i++) {
            var four = String.valueOf(7301 + i * 37);
            jdbc.sql("update account set id_last_four = :four where username = :u")
                    .param("four", four)
                    .param("u", usernames.get(i))
                    .update();
            lastFours.add(four);
        }
        figures.recompute();
        TestUsers.signIn("export-admin-" + data.province, null, Role.PLATFORM_ADMIN);
        targets.setOrganisationTarget(
                data.id(""), QUARTER, Metric.COURSE_COMPLETION, Audience.CITIZEN, new BigDecimal("0.5"));
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private Report report() {
        return reports.organisation(data.id(""), QUARTER, Audience.CITIZEN);
    }

    private ReportLabels labels(String language) {
        return new ReportLabels(translator(language), Locale.forLanguageTag(language), calendar.zone());
    }

    @Test
    void the_csv_holds_every_row_and_the_total_with_their_figures() throws Exception {
        var report = report();
        var file = exports.export(report, ReportExport.Format.CSV, labels("vi"), CLIENT);

        assertThat(file.fileName()).isEqualTo("digilit-report-" + data.province + "-2025-Q2-citizen.csv");
        assertThat(file.contentType()).startsWith("text/csv");
        assertThat(file.content()).startsWith(0xEF, 0xBB, 0xBF);
        var text = new String(file.content(), StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records;
        try (Reader reader = new java.io.StringReader(text)) {
            records = CSVFormat.DEFAULT.parse(reader).getRecords();
        }
        assertThat(records.getFirst().get(1)).isEqualTo("Đơn vị");
        var expected = new ArrayList<>(report.weakestFirst());
        expected.add(report.total());
        assertThat(records).hasSize(expected.size() + 1);
        for (int i = 0; i < expected.size(); i++) {
            var row = expected.get(i);
            var record = records.get(i + 1);
            var f = row.figures();
            assertThat(record.get(0)).isEqualTo(row.code());
            assertThat(record.get(1)).contains(row.nameVi());
            assertThat(Long.parseLong(record.get(2))).isEqualTo(f.headcount());
            assertThat(Long.parseLong(record.get(3))).isEqualTo(f.accounts());
            assertThat(new BigDecimal(record.get(4))).isEqualByComparingTo(f.coverage());
            assertThat(Long.parseLong(record.get(5))).isEqualTo(f.activated());
            assertThat(Long.parseLong(record.get(8))).isEqualTo(f.completed());
            // One column per completion source follows "completed" (issue #17); they add up to it.
            int sources = report.sources().size();
            assertThat(java.util.stream.IntStream.range(9, 9 + sources)
                            .mapToLong(c -> Long.parseLong(record.get(c)))
                            .sum())
                    .isEqualTo(f.completed());
            assertThat(new BigDecimal(record.get(9 + sources))).isEqualByComparingTo(f.completionOfHeadcount());
            assertThat(Long.parseLong(record.get(11 + sources))).isEqualTo(f.certificates());
            assertThat(new BigDecimal(record.get(12 + sources))).isEqualByComparingTo("0.5");
        }
        var c1Row = records.stream()
                .filter(r -> r.get(0).equals(data.code("D1")))
                .findFirst()
                .orElseThrow();
        assertThat(c1Row.get(1)).isEqualTo("Huyện Một");
        assertThat(c1Row.get(3)).isEqualTo("6");
        // 3 of 500 = 0.6 % against 0.5 %; the status column comes after the per-source columns.
        assertThat(c1Row.get(14 + report.sources().size())).isEqualTo("Đạt");
        assertThat(records.getLast().get(1)).isEqualTo("Tổng: Tỉnh Báo Cáo");
        assertLeaksNothing(text);
        assertAudited("CSV 2025-Q2 citizen");
    }

    @Test
    void the_workbook_has_numbers_as_numbers_and_rates_as_percentages() throws Exception {
        var report = report();
        var file = exports.export(report, ReportExport.Format.XLSX, labels("en"), CLIENT);

        assertThat(file.fileName()).endsWith("-2025-Q2-citizen.xlsx");
        List<Row> rows;
        try (var workbook =
                new ReadableWorkbook(new ByteArrayInputStream(file.content()), new ReadingOptions(true, false))) {
            rows = workbook.getFirstSheet().read();
        }
        assertThat(rows.getFirst().getCellAsString(0).orElseThrow())
                .isEqualTo("Completion report: Report Province, Q2 2025, Citizens");
        assertThat(rows.get(1).getCellAsString(0).orElseThrow()).startsWith("Current figures as of ");
        // Row 3 (1-based) is left empty: the reader skips it. The header is row 4, the figures follow.
        var header = rows.get(2);
        assertThat(header.getRowNum()).isEqualTo(4);
        assertThat(header.getCellAsString(1)).contains("Organisation");
        var expected = new ArrayList<>(report.weakestFirst());
        expected.add(report.total());
        var body = rows.subList(3, rows.size());
        assertThat(body).hasSize(expected.size());
        var allText = new StringBuilder();
        for (int i = 0; i < expected.size(); i++) {
            var row = expected.get(i);
            var cells = body.get(i);
            var f = row.figures();
            assertThat(cells.getCellAsString(0)).contains(row.code());
            assertThat(cells.getCellAsString(1).orElseThrow()).contains(row.nameEn());
            assertThat(cells.getCellAsNumber(2))
                    .hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo(BigDecimal.valueOf(f.headcount())));
            assertThat(cells.getCellAsNumber(3))
                    .hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo(BigDecimal.valueOf(f.accounts())));
            assertThat(cells.getCellAsNumber(4))
                    .hasValueSatisfying(
                            n -> assertThat(n).isEqualByComparingTo(f.coverage().movePointLeft(2)));
            assertThat(cells.getCellAsNumber(8))
                    .hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo(BigDecimal.valueOf(f.completed())));
            assertThat(cells.getCellAsNumber(9 + report.sources().size()))
                    .hasValueSatisfying(n -> assertThat(n)
                            .isEqualByComparingTo(f.completionOfHeadcount().movePointLeft(2)));
            assertThat(cells.getCell(4).getDataFormatString()).isEqualTo("0.0%");
            cells.stream()
                    .forEach(c -> allText.append(c == null ? "" : c.getText()).append('\n'));
        }
        assertThat(body.getLast().getCellAsString(1).orElseThrow()).isEqualTo("Total: Report Province");
        assertLeaksNothing(allText.toString());
        assertAudited("XLSX 2025-Q2 citizen");
    }

    @Test
    void the_exports_compare_the_completion_of_device_recipients_with_the_others() throws Exception {
        // Two people of C1 who completed received a device in the first quarter (issue #18): the device feature's
        // tables, written here as its handover would, read by the report through the view device_recipient.
        for (var learner : usernames.subList(0, 2)) {
            var suffix = UUID.randomUUID().toString().substring(0, 8);
            long request = jdbc.sql("""
                            insert into device_request (number, organisation_id, learner_username, need, reason, priority,
                                status, requested_by, requested_at, decided_by, decided_at)
                            values (:number, :org, :learner, 'ANY', 'test', 'OTHER', 'FULFILLED', 't', :at, 't', :at)
                            returning id""")
                    .param("number", "YC-" + suffix)
                    .param("org", data.id("C1"))
                    .param("learner", learner)
                    .param("at", java.sql.Timestamp.from(IN_Q1))
                    .query(Long.class)
                    .single();
            long device = jdbc.sql("""
                            insert into device (public_code, source, kind, request_id, stage, created_at, updated_at)
                            values (:code, 'SUPPLY', 'LAPTOP', :request, 'HANDED_OVER', :at, :at) returning id""")
                    .param("code", "T-" + suffix)
                    .param("request", request)
                    .param("at", java.sql.Timestamp.from(IN_Q1))
                    .query(Long.class)
                    .single();
            jdbc.sql("""
                            insert into device_event (device_id, stage, occurred_at, actor, request_id)
                            values (:device, 'HANDED_OVER', :at, 't', :request)""")
                    .param("device", device)
                    .param("request", request)
                    .param("at", java.sql.Timestamp.from(IN_Q1))
                    .update();
        }
        var report = report();

        var csv = exports.export(report, ReportExport.Format.CSV, labels("vi"), CLIENT);
        List<CSVRecord> records;
        try (Reader reader = new java.io.StringReader(new String(csv.content(), StandardCharsets.UTF_8).substring(1))) {
            records = CSVFormat.DEFAULT.parse(reader).getRecords();
        }
        var header = records.getFirst();
        int last = header.size() - 1;
        assertThat(header.get(last - 2)).isEqualTo("Người được nhận thiết bị");
        // The total: 2 recipients, both completed; 13 others (C1's four and C2's nine), one of whom completed.
        var total = records.getLast();
        assertThat(total.get(last - 2)).isEqualTo("2");
        assertThat(new BigDecimal(total.get(last - 1))).isEqualByComparingTo("100.0");
        assertThat(new BigDecimal(total.get(last))).isEqualByComparingTo("7.7");

        var pdf = exports.export(report, ReportExport.Format.PDF, labels("en"), CLIENT);
        String text;
        try (var document = Loader.loadPDF(pdf.content())) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text)
                .contains("Device recipients and the others: completion")
                .contains("100.0");
        assertLeaksNothing(text);
    }

    @Test
    void the_pdf_shows_the_title_the_source_every_organisation_and_page_numbers() throws Exception {
        var report = report();
        var file = exports.export(report, ReportExport.Format.PDF, labels("vi"), CLIENT);

        assertThat(file.fileName()).endsWith(".pdf");
        String text;
        try (var document = Loader.loadPDF(file.content())) {
            assertThat(document.getPage(0).getMediaBox().getWidth())
                    .as("landscape")
                    .isGreaterThan(document.getPage(0).getMediaBox().getHeight());
            var stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            text = stripper.getText(document);
        }
        var labels = labels("vi");
        // The PDF prints the percent sign's no-break space as a plain one.
        java.util.function.Function<String, String> plain = t -> t.replace('\u00A0', ' ');
        assertThat(text)
                .contains("Báo cáo tỷ lệ hoàn thành: Tỉnh Báo Cáo, Quý 2/2025, Người dân")
                .contains("Số liệu hiện tại, cập nhật lúc")
                .contains("Trang 1/1");
        var lines = text.lines().toList();
        for (var row : report.rows()) {
            var f = row.figures();
            // The table's line for the row: name, code and figures in the reader's notation (1.200; 0,6 %).
            assertThat(lines)
                    .as(row.nameVi())
                    .anySatisfy(line -> assertThat(line)
                            .contains(row.code())
                            .contains(row.nameVi())
                            .contains(" " + labels.number(f.headcount()) + " ")
                            .contains(plain.apply(labels.percent(f.coverage())))
                            .contains(plain.apply(labels.percent(f.completionOfHeadcount()))));
        }
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .contains("Tổng: Tỉnh Báo Cáo")
                        .contains(labels.number(report.total().figures().headcount())));
        // The split by source (issue #17): its own table, one column per source, adding up to "completed".
        assertThat(report.sources()).isNotEmpty();
        assertThat(text).contains(labels.text("report.by-source.title"));
        for (var source : report.sources()) {
            assertThat(text).contains(labels.completionSource(source));
        }
        assertThat(report.sources().stream()
                        .mapToLong(s -> report.total().completedBy(s))
                        .sum())
                .isEqualTo(report.total().figures().completed());
        assertLeaksNothing(text);
        assertAudited("PDF 2025-Q2 citizen");
    }

    @Test
    void a_restated_quarter_prints_its_reason_and_earlier_versions() throws Exception {
        // A quarter no other test reports on; closed with a note (a restatement, should it be closed already).
        var quarter = new Quarter(2023, 3);
        reports.closeQuarter(quarter, "Closed by the export test");
        reports.closeQuarter(quarter, "Late verifications <of> commune C1");
        var report = reports.organisation(data.id(""), quarter, null);

        var pdf = exports.export(report, ReportExport.Format.PDF, labels("en"), null);

        String text;
        try (var document = Loader.loadPDF(pdf.content())) {
            text = new PDFTextStripper().getText(document).replace('\n', ' ');
        }
        assertThat(text)
                .contains("Closed quarter, snapshot v")
                .contains("restated: Late verifications <of> commune C1")
                .contains("Earlier versions: v");
        assertThat(text).doesNotContain("export-admin-" + data.province);
        assertThat(pdf.fileName()).endsWith("-2023-Q3-all.pdf");
    }

    @Test
    void exporting_needs_a_reporting_role() {
        var report = report();
        TestUsers.signIn("citizen-" + data.province, data.code("C1"), Role.CITIZEN);
        assertThatThrownBy(() -> exports.export(report, ReportExport.Format.CSV, labels("en"), CLIENT))
                .isInstanceOf(OutOfScopeException.class);
    }

    private void assertLeaksNothing(String text) {
        for (var username : usernames) {
            assertThat(text).doesNotContain(username);
        }
        for (var four : lastFours) {
            assertThat(text).doesNotContain(four);
        }
        assertThat(text).doesNotContain("••••");
    }

    private void assertAudited(String details) {
        var rows = jdbc.sql("""
                        select actor, client_address, details from audit_event
                        where action = 'report.export' and target_type = 'report' and target_id = :target""")
                .param("target", "organisation " + data.province)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        assertThat(rows).containsExactly(List.of("export-admin-" + data.province, CLIENT, details));
    }

    /** The app's translations as the views see them (Vaadin formats with MessageFormat when there are arguments). */
    static BiFunction<String, Object[], String> translator(String language) {
        var properties = new Properties();
        load(properties, "translations.properties");
        if (language.equals("vi")) {
            load(properties, "translations_vi.properties");
        }
        var locale = Locale.forLanguageTag(language);
        return (key, arguments) -> {
            var value = properties.getProperty(key);
            if (value == null) {
                throw new IllegalArgumentException("No translation for " + key);
            }
            return arguments.length == 0 ? value : new MessageFormat(value, locale).format(arguments);
        };
    }

    private static void load(Properties properties, String file) {
        try (var reader = new InputStreamReader(
                Files.newInputStream(Path.of("src/main/resources/vaadin-i18n", file)), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
