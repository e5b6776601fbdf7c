package org.digilit.account;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.assertj.core.api.SoftAssertions;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.digilit.base.Audience;
import org.digilit.base.ImportProblem;
import org.digilit.demo.DemoPeople;
import org.digilit.demo.DemoProvince;
import org.digilit.identity.IdentityNumber;
import org.digilit.identity.IdentityNumbers;
import org.digilit.identity.IdentityNumbers.Gender;
import org.digilit.identity.IdentityScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountFileReaderTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 7, 1);
    private static final long LIMIT = 10L * 1024 * 1024;
    private static final List<String> HEADER = List.of(
            "identity_number",
            "full_name",
            "date_of_birth",
            "gender",
            "phone",
            "email",
            "organisation_code",
            "audience",
            "staff_number");

    /** A man born on 5 March 1990 in Nam Định (province code 036). */
    private static final String MAN_1990 = "036090000123";
    /** A woman born in 1990 in Nam Định: a spreadsheet shows her number as 36190000123. */
    private static final String WOMAN_1990 = "036190000123";

    private static final Map<String, String> GOOD = goodRow();

    private static Map<String, String> goodRow() {
        var row = new LinkedHashMap<String, String>();
        row.put("identity_number", MAN_1990);
        row.put("full_name", "Nguyễn Văn An");
        row.put("date_of_birth", "1990-03-05");
        row.put("gender", "male");
        row.put("phone", "0912345678");
        row.put("email", "");
        row.put("organisation_code", "P01-C001");
        row.put("audience", "citizen");
        row.put("staff_number", "");
        return row;
    }

    // --- the tables ---

    /** A good row with some cells changed, and what one property of the row must come out as. */
    private record Good(Map<String, String> cells, Function<AccountRow, Object> property, Object expected) {}

    private static Good good(String column, String value, Function<AccountRow, Object> property, Object expected) {
        return new Good(Map.of(column, value), property, expected);
    }

    private static Good woman(String column, String value, Function<AccountRow, Object> property, Object expected) {
        var cells = new LinkedHashMap<String, String>();
        cells.put("identity_number", WOMAN_1990);
        cells.put("full_name", "Nguyễn Thị Hằng");
        cells.put("gender", "female");
        cells.put(column, value);
        return new Good(cells, property, expected);
    }

    private static final List<Good> GOOD_ROWS = List.of(
            good("identity_number", MAN_1990, AccountRow::identityNumber, cccd(MAN_1990)),
            good("identity_number", "036 090 000 124", AccountRow::identityNumber, cccd("036090000124")),
            good("identity_number", "036-090.000125", AccountRow::identityNumber, cccd("036090000125")),
            good("identity_number", "'036090000126", AccountRow::identityNumber, cccd("036090000126")),
            good("identity_number", "36090000127", AccountRow::identityNumber, cccd("036090000127")),
            woman("identity_number", "36190000123", AccountRow::identityNumber, cccd(WOMAN_1990)),
            good("full_name", "Đặng Quốc Việt", AccountRow::fullName, "Đặng Quốc Việt"),
            woman("full_name", "Nguyễn Thị Hằng", AccountRow::fullName, "Nguyễn Thị Hằng"),
            woman("full_name", nfd("Nguyễn Thị Hằng"), AccountRow::fullName, "Nguyễn Thị Hằng"),
            good("full_name", "\u00A0 Trần Hưng Đạo \u00A0", AccountRow::fullName, "Trần Hưng Đạo"),
            good("full_name", "'Lê Văn Tám", AccountRow::fullName, "Lê Văn Tám"),
            good(
                    "full_name",
                    "=HYPERLINK(\"http://x\",\"click\")",
                    AccountRow::fullName,
                    "=HYPERLINK(\"http://x\",\"click\")"),
            good("full_name", "@Lê Lợi", AccountRow::fullName, "@Lê Lợi"),
            good("full_name", "N".repeat(AccountRow.NAME_MAX_LENGTH), AccountRow::fullName, "N".repeat(200)),
            good("date_of_birth", "05/03/1990", AccountRow::dateOfBirth, LocalDate.of(1990, 3, 5)),
            good("date_of_birth", "5/3/1990", AccountRow::dateOfBirth, LocalDate.of(1990, 3, 5)),
            good("date_of_birth", "31/12/1990", AccountRow::dateOfBirth, LocalDate.of(1990, 12, 31)),
            good("gender", "M", AccountRow::gender, Gender.MALE),
            good("gender", "Nam", AccountRow::gender, Gender.MALE),
            good("gender", "MALE", AccountRow::gender, Gender.MALE),
            woman("gender", "nữ", AccountRow::gender, Gender.FEMALE),
            woman("gender", "NỮ", AccountRow::gender, Gender.FEMALE),
            woman("gender", "nu", AccountRow::gender, Gender.FEMALE),
            woman("gender", "f", AccountRow::gender, Gender.FEMALE),
            woman("gender", "Female", AccountRow::gender, Gender.FEMALE),
            good("phone", "0912 345 678", AccountRow::phone, "0912345678"),
            good("phone", "091.234.5678", AccountRow::phone, "0912345678"),
            good("phone", "+84 (91) 234-5678", AccountRow::phone, "+84912345678"),
            good("phone", "12345678", AccountRow::phone, "12345678"),
            good("email", "An.Nguyen@Example.VN", AccountRow::email, "an.nguyen@example.vn"),
            good("organisation_code", "P01-C001-S02", AccountRow::organisationCode, "P01-C001-S02"),
            good("audience", "Citizen", AccountRow::audience, Audience.CITIZEN),
            good("audience", "Công dân", AccountRow::audience, Audience.CITIZEN),
            good("audience", "cong dan", AccountRow::audience, Audience.CITIZEN),
            good("audience", "teacher", AccountRow::audience, Audience.TEACHER),
            good("audience", "Giáo viên", AccountRow::audience, Audience.TEACHER),
            good("audience", "giao  vien", AccountRow::audience, Audience.TEACHER),
            good("audience", "OFFICIAL", AccountRow::audience, Audience.OFFICIAL),
            good("audience", "staff", AccountRow::audience, Audience.OFFICIAL),
            good("audience", "Cán bộ", AccountRow::audience, Audience.OFFICIAL),
            // The words the UI itself shows (audience.* in the translation files) are accepted too (DD014).
            good("audience", "Người dân", AccountRow::audience, Audience.CITIZEN),
            good("audience", "nguoi dan", AccountRow::audience, Audience.CITIZEN),
            good("audience", "Cán bộ, công chức, viên chức", AccountRow::audience, Audience.OFFICIAL),
            good("audience", "can bo cong chuc vien chuc", AccountRow::audience, Audience.OFFICIAL),
            good("audience", "Viên chức", AccountRow::audience, Audience.OFFICIAL),
            good("audience", "Officials and public employees", AccountRow::audience, Audience.OFFICIAL),
            good("audience", "can bo", AccountRow::audience, Audience.OFFICIAL),
            good("audience", "công chức", AccountRow::audience, Audience.OFFICIAL),
            good("staff_number", "GV-0012", AccountRow::staffNumber, "GV-0012"),
            good(
                    "staff_number",
                    "S".repeat(AccountRow.STAFF_NUMBER_MAX_LENGTH),
                    AccountRow::staffNumber,
                    "S".repeat(64)));

    /** A good row with one cell changed, and the one problem it must give. */
    private record Bad(String column, String value, String problemColumn, String code, List<String> arguments) {}

    private static Bad bad(String column, String value, String code, String... arguments) {
        return new Bad(column, value, column, code, List.of(arguments));
    }

    private static Bad badIdentity(String column, String value, String code) {
        return new Bad(column, value, "identity_number", code, List.of());
    }

    private static final List<Bad> BAD_ROWS = List.of(
            bad("identity_number", "", "missing-value"),
            bad("identity_number", "03609000012X", "identity.not-digits"),
            bad("identity_number", "0360900001", "identity.wrong-length"),
            bad("identity_number", "0360900001234", "identity.wrong-length"),
            bad("identity_number", "999090000123", "identity.unknown-province"),
            bad("identity_number", "99090000123", "identity.unknown-province"),
            badIdentity("date_of_birth", "1991-03-05", "identity.birth-year-mismatch"),
            badIdentity("gender", "female", "identity.gender-mismatch"),
            bad("full_name", "", "missing-value"),
            bad("full_name", "N".repeat(AccountRow.NAME_MAX_LENGTH + 1), "too-long", "200"),
            bad("full_name", "12345", "name-without-letter"),
            bad("full_name", "-- / --", "name-without-letter"),
            bad("full_name", "Nguyễn\nVăn An", "control-character"),
            bad("full_name", "Nguyễn\tVăn An", "control-character"),
            bad("full_name", "Nguyễn \u202EnA năV", "control-character"),
            bad("date_of_birth", "", "missing-value"),
            bad("date_of_birth", "1990-13-05", "invalid-date", "1990-13-05"),
            bad("date_of_birth", "31/02/1990", "invalid-date", "31/02/1990"),
            bad("date_of_birth", "05.03.1990", "invalid-date", "05.03.1990"),
            bad("date_of_birth", "03/05/90", "invalid-date", "03/05/90"),
            bad("date_of_birth", "1990-3-5", "invalid-date", "1990-3-5"),
            bad("date_of_birth", "1899-12-31", "date-out-of-range", "1899-12-31"),
            bad("date_of_birth", "2025-07-02", "date-out-of-range", "2025-07-02"),
            bad("gender", "", "missing-value"),
            bad("gender", "x", "invalid-gender", "x"),
            bad("gender", "trai", "invalid-gender", "trai"),
            bad("phone", "", "missing-value"),
            bad("phone", "0912", "invalid-phone", "0912"),
            bad("phone", "1234567", "invalid-phone", "1234567"),
            bad("phone", "+84 9123 4567 8901 23", "invalid-phone", "+84 9123 4567 8901 23"),
            bad("phone", "0912-ABC-678", "invalid-phone", "0912-ABC-678"),
            bad("phone", "++84912345678", "invalid-phone", "++84912345678"),
            bad("email", "not-an-email", "invalid-email", "not-an-email"),
            bad("email", "an@localhost", "invalid-email", "an@localhost"),
            bad("email", "an nguyen@example.vn", "invalid-email", "an nguyen@example.vn"),
            bad("email", "an@@example.vn", "invalid-email", "an@@example.vn"),
            bad("email", "a".repeat(250) + "@x.vn", "too-long", "254"),
            bad("organisation_code", "", "missing-value"),
            bad("organisation_code", "bad code", "invalid-code", "bad code"),
            bad("organisation_code", "X".repeat(50), "invalid-code", "X".repeat(40)),
            bad("audience", "", "missing-value"),
            bad("audience", "student", "unknown-audience", "student"),
            bad("audience", "học sinh ".repeat(10), "unknown-audience", ("học sinh ".repeat(10)).substring(0, 40)),
            bad("staff_number", "S".repeat(AccountRow.STAFF_NUMBER_MAX_LENGTH + 1), "too-long", "64"),
            bad("staff_number", "GV\n12", "control-character"));

    @Test
    void good_rows_come_out_checked_and_normalised() {
        var rows = new ArrayList<Map<String, String>>();
        for (int i = 0; i < GOOD_ROWS.size(); i++) {
            var good = GOOD_ROWS.get(i);
            var row = with(good.cells());
            if (!(good.expected() instanceof IdentityNumber)) {
                row.put("identity_number", uniqueSerial(row.get("identity_number"), i));
            }
            rows.add(row);
        }

        var result = read(csv(rows), "people.csv");

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).hasSize(GOOD_ROWS.size());
        var softly = new SoftAssertions();
        for (int i = 0; i < GOOD_ROWS.size(); i++) {
            var good = GOOD_ROWS.get(i);
            var row = result.rows().get(i);
            softly.assertThat(row.row()).isEqualTo(i + 2);
            softly.assertThat(good.property().apply(row)).as("%s", good.cells()).isEqualTo(good.expected());
        }
        softly.assertAll();
        assertThat(result.summary())
                .isEqualTo(new AccountFileReader.FileSummary(GOOD_ROWS.size(), GOOD_ROWS.size(), 0, false));
    }

    @Test
    void a_whole_good_row_comes_out_as_one_account_row() {
        var result = read(
                csv(List.of(with(Map.of(
                        "email",
                        "Lan@Example.vn",
                        "audience",
                        "giáo viên",
                        "staff_number",
                        "GV0001",
                        "phone",
                        "+84 912 345 678")))),
                "people.csv");

        assertThat(result.rows())
                .containsExactly(new AccountRow(
                        2,
                        cccd(MAN_1990),
                        "Nguyễn Văn An",
                        LocalDate.of(1990, 3, 5),
                        Gender.MALE,
                        "+84912345678",
                        "lan@example.vn",
                        "P01-C001",
                        Audience.TEACHER,
                        "GV0001"));
    }

    @Test
    void every_bad_cell_is_reported_with_its_row_column_and_code() {
        var rows = new ArrayList<Map<String, String>>();
        var expected = new ArrayList<ImportProblem>();
        for (int i = 0; i < BAD_ROWS.size(); i++) {
            var bad = BAD_ROWS.get(i);
            var row = with(Map.of(bad.column(), bad.value()));
            if (!bad.column().equals("identity_number")) {
                row.put("identity_number", uniqueSerial(row.get("identity_number"), i));
            }
            rows.add(row);
            expected.add(new ImportProblem(i + 2, bad.problemColumn(), bad.code(), bad.arguments()));
        }

        var result = read(csv(rows), "people.csv");

        assertThat(result.problems()).containsExactlyElementsOf(expected);
        assertThat(result.rows()).isEmpty();
        assertThat(result.summary().dataRows()).isEqualTo(BAD_ROWS.size());
        assertThat(result.summary().rejectedRows()).isEqualTo(BAD_ROWS.size());
        assertThat(result.summary().failed()).isFalse();
    }

    @Test
    void problems_never_quote_an_identity_number_or_part_of_it() {
        var rows = new ArrayList<Map<String, String>>();
        for (var number : List.of("03609000012X", "0360900001", "999090000123", MAN_1990, MAN_1990)) {
            rows.add(with(Map.of("identity_number", number, "date_of_birth", "1991-01-01")));
        }

        var result = read(csv(rows), "people.csv");

        assertThat(result.problems()).hasSize(5);
        assertThat(result.problems())
                .filteredOn(p -> p.column().equals("identity_number"))
                .allSatisfy(p -> assertThat(p.arguments()).isEmpty());
        assertThat(result.problems()).flatExtracting(ImportProblem::arguments).noneMatch(a -> a.contains("0900"));
    }

    @Test
    void a_row_with_several_bad_cells_reports_each_in_column_order() {
        var result = read(
                csv(List.of(with(Map.of(
                        "identity_number", "123",
                        "full_name", "",
                        "date_of_birth", "tomorrow",
                        "gender", "?",
                        "phone", "call me",
                        "email", "@",
                        "organisation_code", "??",
                        "audience", "everyone",
                        "staff_number", "x\ty")))),
                "people.csv");

        assertThat(result.problems())
                .extracting(ImportProblem::column, ImportProblem::code)
                .containsExactly(
                        tuple("identity_number", "identity.wrong-length"),
                        tuple("full_name", "missing-value"),
                        tuple("date_of_birth", "invalid-date"),
                        tuple("gender", "invalid-gender"),
                        tuple("phone", "invalid-phone"),
                        tuple("email", "invalid-email"),
                        tuple("organisation_code", "invalid-code"),
                        tuple("audience", "unknown-audience"),
                        tuple("staff_number", "control-character"));
    }

    @Test
    void a_name_in_devanagari_passes_intact() {
        String aadhaar = aadhaar("23456789012");
        var result = read(
                csv(List.of(with(Map.of("identity_number", aadhaar, "full_name", "राम कुमार शर्मा")))),
                "people.csv",
                IdentityScheme.AADHAAR);

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).singleElement().satisfies(row -> {
            assertThat(row.fullName()).isEqualTo("राम कुमार शर्मा");
            assertThat(row.identityNumber().scheme()).isEqualTo(IdentityScheme.AADHAAR);
        });
    }

    @Test
    void vietnamese_names_pass_intact_even_when_typed_as_combining_marks() {
        var names = List.of("Nguyễn Thị Hằng", "Đặng Quốc Việt", "Huỳnh Thị Ngọc Diễm", "Ngô Bảo Châu");
        var rows = new ArrayList<Map<String, String>>();
        for (var name : names) {
            rows.add(with(Map.of(
                    "full_name", nfd(name), "identity_number", MAN_1990.substring(0, 6) + "00" + rows.size() + "123")));
        }

        var result = read(csv(rows), "people.csv");

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).extracting(AccountRow::fullName).containsExactlyElementsOf(names);
    }

    @Test
    void an_eleven_digit_number_gets_its_leading_zero_back_only_in_the_vietnamese_scheme() {
        var cccd = read(csv(List.of(with(Map.of("identity_number", "36090000123")))), "people.csv");
        var generic = read(
                csv(List.of(with(Map.of("identity_number", "36090000123")))), "people.csv", IdentityScheme.GENERIC);
        var aadhaar = read(
                csv(List.of(with(Map.of("identity_number", "36090000123")))), "people.csv", IdentityScheme.AADHAAR);

        assertThat(cccd.rows()).extracting(AccountRow::identityNumber).containsExactly(cccd(MAN_1990));
        assertThat(generic.rows())
                .extracting(AccountRow::identityNumber)
                .containsExactly(IdentityNumbers.check(IdentityScheme.GENERIC, "36090000123")
                        .number());
        assertThat(aadhaar.problems()).containsExactly(ImportProblem.of(2, "identity_number", "identity.wrong-length"));
    }

    @Test
    void a_repeated_identity_number_is_reported_with_the_row_it_first_appeared_in() {
        var result = read(
                csv(List.of(
                        with(Map.of()),
                        with(Map.of("identity_number", "036190000124", "gender", "nữ")),
                        with(Map.of("identity_number", "036 090 000 123", "full_name", "Nguyễn Văn Bình")),
                        with(Map.of("identity_number", "36090000123")))),
                "people.csv");

        assertThat(result.problems())
                .containsExactly(
                        ImportProblem.of(4, "identity_number", "duplicate-identity-number", "2"),
                        ImportProblem.of(5, "identity_number", "duplicate-identity-number", "2"));
        assertThat(result.rows()).extracting(AccountRow::row).containsExactly(2, 3);
    }

    @Test
    void generic_numbers_are_compared_after_normalising() {
        var result = read(
                csv(List.of(
                        with(Map.of("identity_number", "AB-1234-XYZ-0000-0000-0000-0001")),
                        with(Map.of("identity_number", "ab 1234 xyz 0000 0000 0000 0001")),
                        with(Map.of("identity_number", "0001234")),
                        with(Map.of("identity_number", "1234")))),
                "people.csv",
                IdentityScheme.GENERIC);

        assertThat(result.problems())
                .containsExactly(ImportProblem.of(3, "identity_number", "duplicate-identity-number", "2"));
    }

    // --- the header ---

    @Test
    void header_names_are_case_insensitive_in_any_order_and_the_optional_columns_may_be_left_out() {
        var result = read("""
                Audience, Organisation_Code ,PHONE,gender,date_of_birth,full_name,IDENTITY_NUMBER
                citizen,P01,0912345678,male,1990-03-05,Nguyễn Văn An,036090000123
                """.getBytes(UTF_8), "people.csv");

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).singleElement().satisfies(row -> {
            assertThat(row.email()).isNull();
            assertThat(row.staffNumber()).isNull();
            assertThat(row.organisationCode()).isEqualTo("P01");
        });
    }

    @Test
    void a_file_whose_first_row_is_data_gets_one_problem_and_none_of_its_cells_is_quoted() {
        var result = read(
                (MAN_1990 + ",Nguyễn Văn An,1990-03-05,male,0912345678,,P01-C001,citizen,\n" + WOMAN_1990
                                + ",Trần Thị Bình,1990-04-06,female,0912345679,,P01-C001,citizen,\n")
                        .getBytes(UTF_8),
                "people.csv");

        assertThat(result.problems()).containsExactly(ImportProblem.of(1, "", "header-missing"));
        assertThat(result.rows()).isEmpty();
        assertThat(result.summary().failed()).isTrue();
    }

    @Test
    void a_valid_identity_number_in_another_column_or_in_the_header_is_masked_in_every_problem() {
        var header = String.join(",", HEADER) + "," + WOMAN_1990;
        var row = String.join(
                ",",
                with(Map.of("date_of_birth", WOMAN_1990, "gender", "36190000123"))
                        .values());
        var result = read((header + "\n" + row + ",\n").getBytes(UTF_8), "people.csv");

        assertThat(result.problems())
                .extracting(ImportProblem::column)
                .contains(AccountFileReader.REDACTED)
                .doesNotContain(WOMAN_1990);
        assertThat(result.problems())
                .flatExtracting(ImportProblem::arguments)
                .isNotEmpty()
                .allMatch(a -> a.equals(AccountFileReader.REDACTED));
    }

    @Test
    void missing_columns_are_reported_and_no_row_is_read() {
        var result = read(
                "identity_number,full_name,gender\n036090000123,Nguyễn Văn An,male\n".getBytes(UTF_8), "people.csv");

        assertThat(result.problems())
                .containsExactly(
                        ImportProblem.of(1, "date_of_birth", "missing-column"),
                        ImportProblem.of(1, "phone", "missing-column"),
                        ImportProblem.of(1, "organisation_code", "missing-column"),
                        ImportProblem.of(1, "audience", "missing-column"));
        assertThat(result.rows()).isEmpty();
        assertThat(result.summary().failed()).isTrue();
    }

    @Test
    void unknown_and_repeated_columns_are_reported_and_rows_still_checked() {
        var header = String.join(",", HEADER) + ",notes,Phone";
        var result =
                read((header + "\n" + String.join(",", GOOD.values()) + ",hello,0\n").getBytes(UTF_8), "people.csv");

        assertThat(result.problems())
                .containsExactly(
                        ImportProblem.of(1, "notes", "unknown-column"),
                        ImportProblem.of(1, "Phone", "duplicate-column"));
        assertThat(result.rows()).extracting(AccountRow::phone).containsExactly("0912345678");
        assertThat(result.summary().failed()).isFalse();
    }

    @Test
    void a_record_with_a_different_number_of_fields_is_reported_and_skipped() {
        var text = String.join(",", HEADER) + "\n" + String.join(",", GOOD.values()) + ",extra\n"
                + String.join(",", GOOD.values()).replace("036090000123", "036090000124") + "\n";

        var result = read(text.getBytes(UTF_8), "people.csv");

        assertThat(result.problems()).containsExactly(ImportProblem.of(2, "", "wrong-field-count", "9", "10"));
        assertThat(result.rows()).extracting(AccountRow::row).containsExactly(3);
    }

    // --- files ---

    @Test
    void a_semicolon_separated_file_with_a_byte_order_mark_reads_like_any_other() {
        var text = String.join(";", HEADER) + "\r\n" + String.join(";", GOOD.values()) + "\r\n";
        var bytes = text.getBytes(UTF_8);
        var withBom = new byte[bytes.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(bytes, 0, withBom, 3, bytes.length);

        var result = read(withBom, "people.csv");

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows())
                .singleElement()
                .extracting(AccountRow::identityNumber)
                .isEqualTo(cccd(MAN_1990));
    }

    @Test
    void a_file_that_is_not_utf8_is_refused_as_a_whole() {
        var text = String.join(",", HEADER) + "\n"
                + String.join(",", with(Map.of("full_name", "Lê Hà")).values()) + "\n";

        var result = read(text.getBytes(ISO_8859_1), "people.csv");

        assertThat(result.problems()).containsExactly(ImportProblem.of(0, "", "not-utf8"));
        assertThat(result.summary().failed()).isTrue();
    }

    @Test
    void a_file_over_the_limit_is_refused_as_a_whole() {
        var text = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (int i = 0; i < 100; i++) {
            text.append(String.join(",", GOOD.values())).append('\n');
        }
        var rows = new ArrayList<AccountRow>();
        var problems = new ArrayList<ImportProblem>();

        var summary = AccountFileReader.read(
                new ByteArrayInputStream(text.toString().getBytes(UTF_8)),
                "people.csv",
                IdentityScheme.VIETNAM_CCCD,
                2_000,
                TODAY,
                rows::add,
                problems::add);

        assertThat(problems.getLast()).isEqualTo(ImportProblem.of(0, "", "file-too-large", "0.002"));
        assertThat(summary.failed()).isTrue();
        assertThat(summary.complete()).isFalse();
    }

    @Test
    void more_rows_than_the_limit_fail_the_file() {
        var rows = new ArrayList<Map<String, String>>();
        for (int i = 0; i < 4; i++) {
            rows.add(with(Map.of("identity_number", "03609000012" + i)));
        }
        var problems = new ArrayList<ImportProblem>();

        var summary = AccountFileReader.read(
                new ByteArrayInputStream(csv(rows)),
                "people.csv",
                IdentityScheme.VIETNAM_CCCD,
                LIMIT,
                TODAY,
                3,
                row -> {},
                problems::add);

        assertThat(problems).containsExactly(ImportProblem.of(0, "", "too-many-rows", "3"));
        assertThat(summary.failed()).isTrue();
        assertThat(AccountFileReader.MAX_ROWS).isEqualTo(1_000_000);
    }

    @Test
    void problems_stop_after_a_thousand_with_one_more_saying_so_and_reading_stops() {
        var rows = new ArrayList<Map<String, String>>();
        for (int i = 0; i < 1_500; i++) {
            rows.add(with(Map.of("gender", "?")));
        }

        var result = read(csv(rows), "people.csv");

        assertThat(result.problems()).hasSize(1_001);
        assertThat(result.problems().getLast()).isEqualTo(ImportProblem.of(0, "", "too-many-problems", "1000"));
        assertThat(result.summary().dataRows()).isLessThan(1_500);
        assertThat(result.summary().complete()).isFalse();
    }

    @Test
    void empty_files_files_with_only_a_header_and_other_formats_are_refused() {
        assertThat(read(new byte[0], "people.csv").problems()).containsExactly(ImportProblem.of(0, "", "empty-file"));
        assertThat(read((String.join(",", HEADER) + "\n,,,\n").getBytes(UTF_8), "people.csv")
                        .problems())
                .containsExactly(ImportProblem.of(0, "", "empty-file"));
        assertThat(read(csv(List.of()), "people.xls").problems())
                .containsExactly(ImportProblem.of(0, "", "unsupported-format"));
        assertThat(read("no zip".getBytes(UTF_8), "people.xlsx").problems())
                .containsExactly(ImportProblem.of(0, "", "unreadable-file"));
        assertThat(read(new byte[0], "people.csv").summary().failed()).isTrue();
    }

    @Test
    void what_the_consumer_throws_comes_back_unchanged() {
        var failure = new IllegalStateException("the database is down");

        assertThatThrownBy(() -> AccountFileReader.read(
                        new ByteArrayInputStream(csv(List.of(GOOD))),
                        "people.csv",
                        IdentityScheme.VIETNAM_CCCD,
                        LIMIT,
                        TODAY,
                        row -> {
                            throw failure;
                        },
                        problem -> {}))
                .isSameAs(failure);
    }

    // --- spreadsheets ---

    private record Formula(String expression) {}

    private record Dated(Object value, String format) {}

    @Test
    void a_spreadsheet_gives_dates_as_dates_numbers_as_digits_and_formulas_as_text() {
        byte[] file = xlsx(
                HEADER,
                List.of(
                        36190000123L,
                        "Nguyễn Thị Hằng",
                        new Dated(LocalDate.of(1990, 3, 5), "dd/mm/yyyy"),
                        "nữ",
                        912345678,
                        "",
                        "P01-C001",
                        "công dân",
                        ""),
                List.of(
                        MAN_1990,
                        "=HYPERLINK(\"http://x\",\"click\")",
                        "05/03/1990",
                        "male",
                        "0912345678",
                        "",
                        1001,
                        "teacher",
                        12345),
                List.of(
                        "036090000124",
                        "Lê Văn Tám",
                        new Dated(LocalDate.of(1990, 12, 31), "yyyy-mm-dd"),
                        "m",
                        "0912345678",
                        "",
                        "P01",
                        "citizen",
                        ""),
                List.of(
                        "036090000125",
                        new Formula("HYPERLINK(\"http://x\",\"click\")"),
                        32937,
                        "male",
                        "0912345678",
                        "",
                        "P01",
                        "citizen",
                        ""),
                List.of(
                        "036090000126",
                        "Trần Văn Ba",
                        new Dated(LocalDateTime.of(1990, 3, 5, 8, 30), "dd/mm/yyyy hh:mm"),
                        "male",
                        "0912345678",
                        "",
                        "P01",
                        "citizen",
                        ""));

        var result = read(file, "People.XLSX");

        assertThat(result.rows()).hasSize(3);
        var woman = result.rows().get(0);
        assertThat(woman.identityNumber()).isEqualTo(cccd(WOMAN_1990));
        assertThat(woman.dateOfBirth()).isEqualTo(LocalDate.of(1990, 3, 5));
        assertThat(woman.gender()).isEqualTo(Gender.FEMALE);
        assertThat(woman.phone()).isEqualTo("912345678");
        var formulaName = result.rows().get(1);
        assertThat(formulaName.fullName()).isEqualTo("=HYPERLINK(\"http://x\",\"click\")");
        assertThat(formulaName.organisationCode()).isEqualTo("1001");
        assertThat(formulaName.staffNumber()).isEqualTo("12345");
        assertThat(result.rows().get(2).dateOfBirth()).isEqualTo(LocalDate.of(1990, 12, 31));
        assertThat(result.problems())
                .containsExactly(
                        ImportProblem.of(5, "full_name", "missing-value"),
                        ImportProblem.of(5, "date_of_birth", "invalid-date", "32937"),
                        ImportProblem.of(6, "date_of_birth", "invalid-date", "1990-03-05T08:30"));
    }

    @Test
    void a_spreadsheet_over_the_limit_is_refused_as_a_whole() {
        byte[] file = xlsx(HEADER, new ArrayList<Object>(GOOD.values()));
        var problems = new ArrayList<ImportProblem>();

        var summary = AccountFileReader.read(
                new ByteArrayInputStream(file),
                "people.xlsx",
                IdentityScheme.VIETNAM_CCCD,
                file.length / 2,
                TODAY,
                row -> {},
                problems::add);

        assertThat(problems).extracting(ImportProblem::code).containsExactly("file-too-large");
        assertThat(summary.failed()).isTrue();
    }

    // --- streaming ---

    @Test
    void three_hundred_thousand_rows_stream_through(@TempDir Path directory) throws IOException {
        var organisations = DemoProvince.generate(2025, 0);
        var file = directory.resolve("people.csv");
        long start = System.nanoTime();
        try (var writer = Files.newBufferedWriter(file, UTF_8)) {
            DemoPeople.writeCsv(2025, organisations, 300_000, writer);
        }
        long written = System.nanoTime();
        var rows = new AtomicInteger();
        var problems = new ArrayList<ImportProblem>();

        AccountFileReader.FileSummary summary;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            summary = AccountFileReader.read(
                    in,
                    "people.csv",
                    IdentityScheme.VIETNAM_CCCD,
                    1L << 30,
                    TODAY,
                    row -> rows.incrementAndGet(),
                    problems::add);
        }
        long read = System.nanoTime();

        System.out.printf(
                "300,000 people: CSV of %,d bytes generated in %d ms, read and checked in %d ms%n",
                Files.size(file), (written - start) / 1_000_000, (read - written) / 1_000_000);
        assertThat(problems).isEmpty();
        assertThat(rows.get()).isEqualTo(300_000);
        assertThat(summary).isEqualTo(new AccountFileReader.FileSummary(300_000, 300_000, 0, false));
    }

    // --- fixtures ---

    private record Result(AccountFileReader.FileSummary summary, List<AccountRow> rows, List<ImportProblem> problems) {}

    private static Result read(byte[] bytes, String fileName) {
        return read(bytes, fileName, IdentityScheme.VIETNAM_CCCD);
    }

    private static Result read(byte[] bytes, String fileName, IdentityScheme scheme) {
        var rows = new ArrayList<AccountRow>();
        var problems = new ArrayList<ImportProblem>();
        var summary = AccountFileReader.read(
                new ByteArrayInputStream(bytes), fileName, scheme, LIMIT, TODAY, rows::add, problems::add);
        return new Result(summary, rows, problems);
    }

    /** The good row with some cells changed. */
    private static Map<String, String> with(Map<String, String> changes) {
        var row = new LinkedHashMap<>(GOOD);
        row.putAll(changes);
        return row;
    }

    private static byte[] csv(List<Map<String, String>> rows) {
        var out = new StringBuilder();
        try (var printer = new CSVPrinter(
                out,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(HEADER.toArray(String[]::new))
                        .get())) {
            for (var row : rows) {
                printer.printRecord(HEADER.stream().map(row::get).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(UTF_8);
    }

    @SafeVarargs
    private static byte[] xlsx(List<?>... rows) {
        var out = new ByteArrayOutputStream();
        try (var workbook = new Workbook(out, "DigiLit", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("People");
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].size(); c++) {
                    switch (rows[r].get(c)) {
                        case Formula formula -> sheet.formula(r, c, formula.expression());
                        case Dated(LocalDate date, String format) -> {
                            sheet.value(r, c, date);
                            sheet.style(r, c).format(format).set();
                        }
                        case Dated(LocalDateTime moment, String format) -> {
                            sheet.value(r, c, moment);
                            sheet.style(r, c).format(format).set();
                        }
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

    /** The same number with another serial, so that rows of a table are not repeats of each other. */
    private static String uniqueSerial(String number, int index) {
        return number.substring(0, 6) + (100_000 + index);
    }

    private static IdentityNumber cccd(String number) {
        return IdentityNumbers.check(IdentityScheme.VIETNAM_CCCD, number)
                .validNumber()
                .orElseThrow();
    }

    /** The base with the one check digit that makes it a valid Aadhaar number. */
    private static String aadhaar(String base) {
        for (int digit = 0; digit < 10; digit++) {
            if (IdentityNumbers.check(IdentityScheme.AADHAAR, base + digit).isValid()) {
                return base + digit;
            }
        }
        throw new IllegalArgumentException("No check digit");
    }

    private static String nfd(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD);
    }
}
