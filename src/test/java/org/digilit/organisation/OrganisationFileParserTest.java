package org.digilit.organisation;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.digilit.base.ImportProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganisationFileParserTest {

    private static final long LIMIT = 10L * 1024 * 1024;
    private static final String HEADER =
            "code,parent_code,type,name_vi,name_en,expected_citizens,expected_teachers,expected_officials\n";
    private static final String ROWS = """
            P01,,province,Tỉnh Mẫu,Sample Province,,,
            D01,P01,district,Huyện Một,District One,,,120
            C01,D01,commune,Xã Tân Phú,,5400,12,30
            S01,C01,school,Trường THCS Nguyễn Du,Nguyen Du Lower Secondary School,0,45,0
            """;

    private static final List<OrganisationRow> EXPECTED = List.of(
            new OrganisationRow("P01", null, OrganisationType.PROVINCE, "Tỉnh Mẫu", "Sample Province", Headcounts.NONE),
            new OrganisationRow(
                    "D01", "P01", OrganisationType.DISTRICT, "Huyện Một", "District One", new Headcounts(0, 0, 120)),
            new OrganisationRow(
                    "C01", "D01", OrganisationType.COMMUNE, "Xã Tân Phú", "Xã Tân Phú", new Headcounts(5400, 12, 30)),
            new OrganisationRow(
                    "S01",
                    "C01",
                    OrganisationType.SCHOOL,
                    "Trường THCS Nguyễn Du",
                    "Nguyen Du Lower Secondary School",
                    new Headcounts(0, 45, 0)));

    // --- CSV ---

    @Test
    void a_valid_comma_separated_file_gives_every_row_and_no_problems() {
        ParsedOrganisationFile result = csv(HEADER + ROWS);

        assertThat(result.problems()).isEmpty();
        assertThat(result.valid()).isTrue();
        assertThat(result.rows()).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void a_semicolon_separated_file_gives_the_same_rows() {
        ParsedOrganisationFile result = csv((HEADER + ROWS).replace(',', ';'));

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void a_tab_separated_file_gives_the_same_rows() {
        ParsedOrganisationFile result = csv((HEADER + ROWS).replace(',', '\t'));

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void a_file_with_a_byte_order_mark_gives_the_same_rows_as_one_without() {
        byte[] plain = (HEADER + ROWS).getBytes(UTF_8);
        byte[] withBom = new byte[plain.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, withBom, 3, plain.length);

        ParsedOrganisationFile result = parse(withBom, "units.csv");

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).isEqualTo(parse(plain, "units.csv").rows());
        assertThat(result.rows()).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void header_names_are_case_insensitive_trimmed_and_in_any_order_and_windows_line_ends_work() {
        ParsedOrganisationFile result = csv(" NAME_VI ,Type, Code \r\nXã Tân Phú,Commune,C01\r\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows())
                .containsExactly(new OrganisationRow(
                        "C01", null, OrganisationType.COMMUNE, "Xã Tân Phú", "Xã Tân Phú", Headcounts.NONE));
    }

    @Test
    void quoted_names_may_hold_the_separator_doubled_quotes_and_line_breaks() {
        ParsedOrganisationFile result = csv("""
                code,type,name_vi,name_en
                A1,agency,"Sở Giáo dục, Đào tạo","Department of ""Education""\"
                A2,agency,"Phòng Nội vụ
                tầng 2",Home Affairs
                A3,agency,Ủy ban,Committee
                """);

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows())
                .extracting(OrganisationRow::nameVi)
                .containsExactly("Sở Giáo dục, Đào tạo", "Phòng Nội vụ\ntầng 2", "Ủy ban");
        assertThat(result.rows().getFirst().nameEn()).isEqualTo("Department of \"Education\"");
    }

    @Test
    void vietnamese_letters_arrive_intact_even_when_typed_as_combining_marks() {
        String decomposed = java.text.Normalizer.normalize("Xã Tân Phú", java.text.Normalizer.Form.NFD);
        ParsedOrganisationFile result =
                csv("code,type,name_vi,name_en\nC01,commune,Trường THCS Nguyễn Du,\nC02,commune," + decomposed + ",\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows())
                .extracting(OrganisationRow::nameVi)
                .containsExactly("Trường THCS Nguyễn Du", "Xã Tân Phú");
    }

    @Test
    void a_formula_looking_name_is_kept_literally_as_text() {
        String formula = "=HYPERLINK(\"http://x\",\"click\")";
        ParsedOrganisationFile result =
                csv("code,type,name_vi,name_en\nA1,agency,\"=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",+SUM(1)\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows().getFirst().nameVi()).isEqualTo(formula);
        assertThat(result.rows().getFirst().nameEn()).isEqualTo("+SUM(1)");
    }

    @Test
    void a_leading_apostrophe_is_dropped_and_what_follows_taken_literally() {
        ParsedOrganisationFile result = csv("code,type,name_vi,expected_citizens\n'0012,unit,'=1+1,'42\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows())
                .containsExactly(new OrganisationRow(
                        "0012", null, OrganisationType.UNIT, "=1+1", "=1+1", new Headcounts(42, 0, 0)));
    }

    @Test
    void a_missing_required_column_is_reported_and_no_rows_are_parsed() {
        ParsedOrganisationFile result = csv("code,name_vi\nC01,Xã Tân Phú\n");

        assertThat(result.problems()).containsExactly(ImportProblem.of(1, "type", "missing-column"));
        assertThat(result.rows()).isEmpty();
    }

    @Test
    void a_column_named_twice_is_reported() {
        ParsedOrganisationFile result = csv("code,type,name_vi,Code\nC01,commune,Xã Tân Phú,C02\n");

        assertThat(result.problems()).containsExactly(ImportProblem.of(1, "Code", "duplicate-column"));
        assertThat(result.valid()).isFalse();
    }

    @Test
    void an_unknown_column_is_reported_and_rows_are_still_checked() {
        ParsedOrganisationFile result = csv("code,type,name_vi,notes\nC01,commune,Xã Tân Phú,hi\nbad code,x,,n\n");

        assertThat(result.problems())
                .containsExactly(
                        ImportProblem.of(1, "notes", "unknown-column"),
                        ImportProblem.of(3, "code", "invalid-code", "bad code"),
                        ImportProblem.of(3, "type", "unknown-type", "x"),
                        ImportProblem.of(3, "name_vi", "missing-value"));
    }

    @Test
    void a_file_over_the_limit_is_refused_as_a_whole() {
        StringBuilder big = new StringBuilder(HEADER);
        for (int i = 0; i < 100; i++) {
            big.append("C").append(i).append(",,commune,Xã số ").append(i).append(",,,,\n");
        }

        ParsedOrganisationFile result = OrganisationFileParser.parse(
                new ByteArrayInputStream(big.toString().getBytes(UTF_8)), "u.csv", 1_000);

        assertThat(result.problems()).containsExactly(ImportProblem.of(0, "", "file-too-large", "0.001"));
        assertThat(result.rows()).isEmpty();
    }

    @Test
    void the_limit_is_counted_in_bytes_and_reported_in_megabytes() {
        byte[] bytes = (HEADER + ROWS).getBytes(UTF_8);
        byte[] big = (HEADER + ROWS + "x".repeat(600 * 1024)).getBytes(UTF_8);

        assertThat(OrganisationFileParser.parse(new ByteArrayInputStream(big), "u.csv", 512 * 1024)
                        .problems())
                .containsExactly(ImportProblem.of(0, "", "file-too-large", "0.5"));
        assertThat(OrganisationFileParser.parse(new ByteArrayInputStream(bytes), "u.csv", bytes.length - 1)
                        .problems())
                .extracting(ImportProblem::code)
                .containsExactly("file-too-large");
        assertThat(OrganisationFileParser.parse(new ByteArrayInputStream(bytes), "u.csv", bytes.length)
                        .valid())
                .isTrue();
    }

    @Test
    void bytes_that_are_not_utf8_are_refused_with_no_rows() {
        byte[] latin1 = "code,type,name_vi\nC01,commune,Xã Tân Phú\n".getBytes(ISO_8859_1);

        ParsedOrganisationFile result = parse(latin1, "units.csv");

        assertThat(result.problems()).containsExactly(ImportProblem.of(0, "", "not-utf8"));
        assertThat(result.rows()).isEmpty();
    }

    @Test
    void headcounts_must_be_plain_whole_numbers_within_range() {
        ParsedOrganisationFile result = csv("""
                code,type,name_vi,expected_citizens,expected_teachers,expected_officials
                C01,commune,Xã Một,-5,"1,234",12.5
                C02,commune,Xã Hai,10000001,1 234,abc
                C03,commune,Xã Ba,10000000,0007,
                """);

        assertThat(result.problems())
                .containsExactly(
                        ImportProblem.of(2, "expected_citizens", "negative-number", "-5"),
                        ImportProblem.of(2, "expected_teachers", "not-a-number", "1,234"),
                        ImportProblem.of(2, "expected_officials", "not-a-number", "12.5"),
                        ImportProblem.of(3, "expected_citizens", "number-too-large", "10000000"),
                        ImportProblem.of(3, "expected_teachers", "not-a-number", "1 234"),
                        ImportProblem.of(3, "expected_officials", "not-a-number", "abc"));
        assertThat(result.rows())
                .containsExactly(new OrganisationRow(
                        "C03", null, OrganisationType.COMMUNE, "Xã Ba", "Xã Ba", new Headcounts(10_000_000, 7, 0)));
    }

    @Test
    void a_repeated_code_is_reported_on_the_later_row_with_the_first_row_number() {
        ParsedOrganisationFile result =
                csv("code,type,name_vi\nC01,commune,Xã Một\nC02,commune,Xã Hai\nC01,unit,Khác\n");

        assertThat(result.problems()).containsExactly(ImportProblem.of(4, "code", "duplicate-code", "2"));
        assertThat(result.rows()).extracting(OrganisationRow::code).containsExactly("C01", "C02");
    }

    @Test
    void types_are_matched_loosely_and_unknown_ones_reported() {
        ParsedOrganisationFile result = csv("""
                code,type,name_vi
                G1,community group,Tổ Một
                G2,Community-Group,Tổ Hai
                G3,COMMUNITY_GROUP,Tổ Ba
                G4,village,Thôn Bốn
                """);

        assertThat(result.problems()).containsExactly(ImportProblem.of(5, "type", "unknown-type", "village"));
        assertThat(result.rows())
                .extracting(OrganisationRow::type)
                .containsOnly(OrganisationType.COMMUNITY_GROUP)
                .hasSize(3);
    }

    @Test
    void an_organisation_cannot_be_its_own_parent() {
        ParsedOrganisationFile result = csv("code,parent_code,type,name_vi\nC01,C01,commune,Xã Một\n");

        assertThat(result.problems()).containsExactly(ImportProblem.of(2, "parent_code", "own-parent"));
        assertThat(result.rows()).isEmpty();
    }

    @Test
    void codes_names_and_parent_codes_are_checked_with_arguments_kept_short() {
        String longCode = "X".repeat(50);
        String longName = "N".repeat(OrganisationRow.NAME_MAX_LENGTH + 1);
        ParsedOrganisationFile result = csv("code,parent_code,type,name_vi,name_en\n"
                + longCode + ",-bad,unit,  ,\n"
                + ",,unit,Tên,\n"
                + "U3,,,Tên," + longName + "\n");

        assertThat(result.problems())
                .containsExactly(
                        ImportProblem.of(2, "code", "invalid-code", "X".repeat(40)),
                        ImportProblem.of(2, "parent_code", "invalid-parent-code", "-bad"),
                        ImportProblem.of(2, "name_vi", "missing-value"),
                        ImportProblem.of(3, "code", "missing-value"),
                        ImportProblem.of(4, "type", "missing-value"),
                        ImportProblem.of(4, "name_en", "too-long", "200"));
        assertThat(result.rows()).isEmpty();
    }

    @Test
    void blank_rows_are_skipped_and_rows_are_numbered_as_a_spreadsheet_shows_them() {
        ParsedOrganisationFile result = csv("""
                code,type,name_vi,name_en
                C01,commune,Xã Một,

                ,,,
                C02,commune,"Xã
                Hai",
                C03,nowhere,Xã Ba,
                """);

        assertThat(result.rows()).extracting(OrganisationRow::code).containsExactly("C01", "C02");
        assertThat(result.problems()).containsExactly(ImportProblem.of(6, "type", "unknown-type", "nowhere"));
    }

    @Test
    void a_row_with_a_different_number_of_fields_is_reported_and_skipped() {
        ParsedOrganisationFile result =
                csv("code,type,name_vi\nC01,commune,Xã Một,extra\nC02,commune\nC03,commune,Xã Ba\n");

        assertThat(result.problems())
                .containsExactly(
                        ImportProblem.of(2, "", "wrong-field-count", "3", "4"),
                        ImportProblem.of(3, "", "wrong-field-count", "3", "2"));
        assertThat(result.rows()).extracting(OrganisationRow::code).containsExactly("C03");
    }

    @Test
    void an_unclosed_quote_makes_the_file_unreadable_from_that_row() {
        ParsedOrganisationFile result = csv("code,type,name_vi\nC01,commune,Xã Một\nC02,commune,\"Xã Hai\n");

        assertThat(result.problems()).containsExactly(ImportProblem.of(3, "", "unreadable-file"));
        assertThat(result.rows()).isEmpty();
    }

    @Test
    void empty_files_and_files_with_only_a_header_are_reported_as_empty() {
        assertThat(csv("").problems()).containsExactly(ImportProblem.of(0, "", "empty-file"));
        assertThat(csv("\n ,, \n").problems()).containsExactly(ImportProblem.of(0, "", "empty-file"));
        assertThat(csv(HEADER).problems()).containsExactly(ImportProblem.of(0, "", "empty-file"));
        assertThat(parse(new byte[0], "units.xlsx").problems()).containsExactly(ImportProblem.of(0, "", "empty-file"));
    }

    @Test
    void problems_stop_after_a_thousand_with_one_more_saying_so() {
        StringBuilder text = new StringBuilder("code,type,name_vi\n");
        for (int i = 0; i < 1_500; i++) {
            text.append("C").append(i).append(",nothing,Xã\n");
        }

        List<ImportProblem> problems = csv(text.toString()).problems();

        assertThat(problems).hasSize(1_001);
        assertThat(problems.getLast()).isEqualTo(ImportProblem.of(0, "", "too-many-problems", "1000"));
    }

    @Test
    void ten_thousand_rows_all_parse() {
        StringBuilder text = new StringBuilder(HEADER).append("P,,province,Tỉnh,,,,\n");
        for (int i = 0; i < 9_999; i++) {
            text.append("C")
                    .append(i)
                    .append(",P,commune,Xã Tân Phú ")
                    .append(i)
                    .append(",Tan Phu Commune ")
                    .append(i)
                    .append(',')
                    .append(i)
                    .append(",3,4\n");
        }

        ParsedOrganisationFile result = csv(text.toString());

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).hasSize(10_000);
        assertThat(result.rows().getLast())
                .isEqualTo(new OrganisationRow(
                        "C9998",
                        "P",
                        OrganisationType.COMMUNE,
                        "Xã Tân Phú 9998",
                        "Tan Phu Commune 9998",
                        new Headcounts(9998, 3, 4)));
    }

    // --- XLSX ---

    @Test
    void a_valid_spreadsheet_gives_every_row() {
        byte[] file = xlsx(
                List.of(
                        "code",
                        "parent_code",
                        "type",
                        "name_vi",
                        "name_en",
                        "expected_citizens",
                        "expected_teachers",
                        "expected_officials"),
                List.of("P01", "", "province", "Tỉnh Mẫu", "Sample Province"),
                List.of("D01", "P01", "District", "Huyện Một", "District One", "", "", 120),
                List.of("C01", "D01", "commune", "Xã Tân Phú", "", 5400.0, 12, 30),
                List.of("S01", "C01", "school", "Trường THCS Nguyễn Du", "Nguyen Du Lower Secondary School", 0, 45, 0));

        ParsedOrganisationFile result = parse(file, "Units.XLSX");

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void a_code_typed_as_a_number_in_a_spreadsheet_is_read_as_its_digits() {
        byte[] file = xlsx(
                List.of("code", "type", "name_vi", "expected_citizens"),
                List.of(1001, "commune", "Xã Một", 12.0),
                List.of(1002.0, "commune", "Xã Hai", 12.5));

        ParsedOrganisationFile result = parse(file, "units.xlsx");

        assertThat(result.rows())
                .containsExactly(new OrganisationRow(
                        "1001", null, OrganisationType.COMMUNE, "Xã Một", "Xã Một", new Headcounts(12, 0, 0)));
        assertThat(result.problems()).containsExactly(ImportProblem.of(3, "expected_citizens", "not-a-number", "12.5"));
    }

    @Test
    void spreadsheet_rows_keep_their_sheet_numbers_across_blank_rows() {
        byte[] file = xlsx(
                List.of("code", "type", "name_vi"),
                List.of("C01", "commune", "Xã Một"),
                List.of(),
                List.of("", "", "  "),
                List.of("C02", "planet", "Xã Hai"));

        ParsedOrganisationFile result = parse(file, "units.xlsx");

        assertThat(result.problems()).containsExactly(ImportProblem.of(5, "type", "unknown-type", "planet"));
    }

    @Test
    void spreadsheet_text_and_formulas_are_data_never_evaluated(@TempDir Path directory) throws IOException {
        byte[] file = xlsx(
                List.of("code", "type", "name_vi", "name_en"),
                List.of("A1", "agency", "=HYPERLINK(\"http://x\",\"click\")", new Formula("1+1")),
                List.of(new Formula("1000+1"), "agency", new Formula("HYPERLINK(\"http://x\",\"click\")"), ""));
        file = withCachedValues(
                file,
                directory,
                Map.of(
                        "<c r=\"A3\"><f>1000+1</f></c>",
                        "<c r=\"A3\"><f>1000+1</f><v>1001</v></c>",
                        "<c r=\"C3\"><f>HYPERLINK(\"http://x\",\"click\")</f></c>",
                        "<c r=\"C3\" t=\"str\"><f>HYPERLINK(\"http://x\",\"click\")</f><v>click</v></c>"));

        ParsedOrganisationFile result = parse(file, "units.xlsx");

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows())
                .containsExactly(
                        new OrganisationRow(
                                "A1",
                                null,
                                OrganisationType.AGENCY,
                                "=HYPERLINK(\"http://x\",\"click\")",
                                "=HYPERLINK(\"http://x\",\"click\")",
                                Headcounts.NONE),
                        new OrganisationRow("1001", null, OrganisationType.AGENCY, "click", "click", Headcounts.NONE));
    }

    @Test
    void a_spreadsheet_over_the_limit_is_refused_as_a_whole() {
        byte[] file = xlsx(List.of("code", "type", "name_vi"), List.of("C01", "commune", "Xã Một"));

        ParsedOrganisationFile result =
                OrganisationFileParser.parse(new ByteArrayInputStream(file), "units.xlsx", file.length / 2);

        assertThat(result.problems()).extracting(ImportProblem::code).containsExactly("file-too-large");
        assertThat(result.rows()).isEmpty();
    }

    @Test
    void a_corrupt_spreadsheet_is_reported_as_unreadable() {
        byte[] file = xlsx(List.of("code", "type", "name_vi"), List.of("C01", "commune", "Xã Một"));
        byte[] truncated = java.util.Arrays.copyOf(file, file.length / 2);

        assertThat(parse("not a zip at all".getBytes(UTF_8), "units.xlsx").problems())
                .containsExactly(ImportProblem.of(0, "", "unreadable-file"));
        assertThat(parse(truncated, "units.xlsx").problems())
                .containsExactly(ImportProblem.of(0, "", "unreadable-file"));
        assertThat(parse((HEADER + ROWS).getBytes(UTF_8), "units.xlsx").rows()).isEmpty();
    }

    @Test
    void other_file_types_are_refused() {
        for (String name : List.of("units.xls", "units.txt", "units", "units.csv.exe")) {
            ParsedOrganisationFile result = parse((HEADER + ROWS).getBytes(UTF_8), name);

            assertThat(result.problems()).containsExactly(ImportProblem.of(0, "", "unsupported-format"));
            assertThat(result.rows()).isEmpty();
        }
        assertThat(parse((HEADER + ROWS).getBytes(UTF_8), "UNITS.CSV").valid()).isTrue();
    }

    // --- fixtures ---

    private record Formula(String expression) {}

    private static ParsedOrganisationFile csv(String text) {
        return parse(text.getBytes(UTF_8), "units.csv");
    }

    private static ParsedOrganisationFile parse(byte[] bytes, String fileName) {
        return OrganisationFileParser.parse(new ByteArrayInputStream(bytes), fileName, LIMIT);
    }

    @SafeVarargs
    private static byte[] xlsx(List<?>... rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "DigiLit", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Units");
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].size(); c++) {
                    switch (rows[r].get(c)) {
                        case Formula formula -> sheet.formula(r, c, formula.expression());
                        case Number number -> sheet.value(r, c, number);
                        case Object other -> sheet.value(r, c, other.toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Puts the values a spreadsheet program would have saved next to formulas (fastexcel's writer leaves none). */
    private static byte[] withCachedValues(byte[] xlsx, Path directory, Map<String, String> replacements)
            throws IOException {
        Path file = Files.write(directory.resolve("formulas.xlsx"), xlsx);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile in = new ZipFile(file.toFile());
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] content = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, UTF_8);
                    for (Map.Entry<String, String> replacement : replacements.entrySet()) {
                        assertThat(xml).contains(replacement.getKey());
                        xml = xml.replace(replacement.getKey(), replacement.getValue());
                    }
                    content = xml.getBytes(UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
