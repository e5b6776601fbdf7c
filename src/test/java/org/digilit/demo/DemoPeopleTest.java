package org.digilit.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.digilit.account.AccountFiles;
import org.digilit.base.Audience;
import org.digilit.identity.IdentityNumbers;
import org.digilit.identity.IdentityScheme;
import org.digilit.organisation.OrganisationRow;
import org.digilit.organisation.OrganisationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoPeopleTest {

    private static final List<OrganisationRow> PROVINCE = DemoProvince.generate(2025, 0);
    private static final Map<String, OrganisationRow> BY_CODE = byCode(PROVINCE);
    private static final Pattern PHONE = Pattern.compile("09[0-9]{8}");

    @Test
    void ten_thousand_people_pass_the_account_file_checks_with_no_problems() {
        var csv = csv(7, PROVINCE, 10_000);

        var checked = AccountFiles.check(
                new ByteArrayInputStream(csv.getBytes(UTF_8)),
                "people.csv",
                IdentityScheme.VIETNAM_CCCD,
                LocalDate.now());

        assertThat(checked.problems()).isEmpty();
        assertThat(checked.dataRows()).isEqualTo(10_000);
        assertThat(checked.acceptedRows()).isEqualTo(10_000);
    }

    @Test
    void a_spreadsheet_of_people_passes_the_checks_too() {
        var out = new ByteArrayOutputStream();
        DemoPeople.writeXlsx(7, PROVINCE, 2_000, out);

        var checked = AccountFiles.check(
                new ByteArrayInputStream(out.toByteArray()),
                "people.xlsx",
                IdentityScheme.VIETNAM_CCCD,
                LocalDate.now());

        assertThat(checked.problems()).isEmpty();
        assertThat(checked.acceptedRows()).isEqualTo(2_000);
    }

    @Test
    void identity_numbers_are_valid_unique_and_match_the_date_of_birth_and_gender() {
        var seen = new HashSet<String>();
        var provinces = new HashMap<String, Integer>();
        for (var people = DemoPeople.people(11, PROVINCE, 100_000); people.hasNext(); ) {
            var person = people.next();
            var check = IdentityNumbers.check(
                    IdentityScheme.VIETNAM_CCCD, person.identityNumber(), person.dateOfBirth(), person.gender());
            assertThat(check.problem()).as(person.fullName()).isNull();
            assertThat(seen.add(person.identityNumber())).as("unique").isTrue();
            provinces.merge(person.identityNumber().substring(0, 3), 1, Integer::sum);
        }
        assertThat(seen).hasSize(100_000);
        assertThat(provinces.get(DemoPeople.HOME_PROVINCE)).isBetween(80_000, 87_000);
        assertThat(provinces).hasSizeGreaterThan(50);
    }

    @Test
    void the_last_four_digits_of_identity_numbers_vary_as_real_ones_do() {
        var endings = new HashSet<String>();
        var numbers = new HashSet<String>();
        for (var people = DemoPeople.people(2025, PROVINCE, 3_000); people.hasNext(); ) {
            var number = people.next().identityNumber();
            numbers.add(number);
            endings.add(number.substring(8));
        }
        assertThat(numbers).hasSize(3_000);
        assertThat(endings).hasSizeGreaterThanOrEqualTo(2_500);
    }

    @Test
    void audiences_land_in_organisations_that_expect_them_in_proportion_to_their_headcounts() {
        var count = 50_000;
        var byAudience = new EnumMap<Audience, Integer>(Audience.class);
        var byOrganisation = new HashMap<String, Integer>();
        for (var people = DemoPeople.people(3, PROVINCE, count); people.hasNext(); ) {
            var person = people.next();
            var organisation = BY_CODE.get(person.organisationCode());
            assertThat(organisation).isNotNull();
            assertThat(organisation.headcounts().of(person.audience())).isPositive();
            var type = organisation.type();
            switch (person.audience()) {
                case CITIZEN -> assertThat(type).isEqualTo(OrganisationType.COMMUNE);
                case TEACHER -> assertThat(type).isIn(OrganisationType.SCHOOL, OrganisationType.INSTITUTION);
                case OFFICIAL -> assertThat(type).isNotEqualTo(OrganisationType.COMMUNITY_GROUP);
            }
            byAudience.merge(person.audience(), 1, Integer::sum);
            byOrganisation.merge(
                    person.organisationCode() + "/" + person.audience().code(), 1, Integer::sum);
        }
        long total = PROVINCE.stream()
                .mapToLong(o -> (long) o.headcounts().citizens()
                        + o.headcounts().teachers()
                        + o.headcounts().officials())
                .sum();
        for (var organisation : PROVINCE) {
            for (var audience : Audience.values()) {
                double share = (double) count * organisation.headcounts().of(audience) / total;
                int given = byOrganisation.getOrDefault(organisation.code() + "/" + audience.code(), 0);
                assertThat((double) given)
                        .as("%s of %s", audience, organisation.code())
                        .isCloseTo(share, within(1.0));
            }
        }
        assertThat(byAudience.values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(count);
        assertThat(byAudience.get(Audience.CITIZEN)).isGreaterThan(40_000);
        assertThat(byAudience.get(Audience.TEACHER)).isPositive();
        assertThat(byAudience.get(Audience.OFFICIAL)).isPositive();
    }

    @Test
    void people_look_like_the_people_of_a_vietnamese_province() {
        int staff = 0;
        int withEmail = 0;
        var familyNames = new HashMap<String, Integer>();
        for (var people = DemoPeople.people(5, PROVINCE, 20_000); people.hasNext(); ) {
            var person = people.next();
            var age = Period.between(person.dateOfBirth(), DemoPeople.AS_OF).getYears();
            var words = person.fullName().split(" ");
            assertThat(words.length).isBetween(3, 4);
            assertThat(Normalizer.isNormalized(person.fullName(), Normalizer.Form.NFC))
                    .isTrue();
            assertThat(person.phone()).matches(PHONE);
            familyNames.merge(words[0], 1, Integer::sum);
            if (person.audience() == Audience.CITIZEN) {
                assertThat(age).isBetween(15, 75);
                assertThat(person.email()).isNull();
                assertThat(person.staffNumber()).isNull();
            } else {
                staff++;
                assertThat(age).isBetween(22, 60);
                assertThat(person.staffNumber())
                        .matches(person.audience() == Audience.TEACHER ? "GV[0-9]{7}" : "CB[0-9]{7}");
                if (person.email() != null) {
                    withEmail++;
                    assertThat(person.email()).matches("[a-z]+\\.[a-z]+\\.[0-9]+@dongan\\.(edu|gov)\\.vn");
                }
            }
        }
        assertThat(staff).isPositive();
        assertThat((double) withEmail / staff).isCloseTo(0.3, within(0.08));
        assertThat(familyNames.get("Nguyễn"))
                .isGreaterThan(familyNames.get("Trần"))
                .isGreaterThan(5_000);
        assertThat(familyNames.keySet()).contains("Đặng", "Huỳnh", "Lý");
    }

    @Test
    void the_same_seed_gives_the_same_bytes_and_another_seed_other_people(@TempDir Path directory) throws IOException {
        assertThat(csv(42, PROVINCE, 5_000)).isEqualTo(csv(42, PROVINCE, 5_000));
        assertThat(csv(43, PROVINCE, 5_000)).isNotEqualTo(csv(42, PROVINCE, 5_000));
        assertThat(sheetXml(42, 1_000, directory)).isEqualTo(sheetXml(42, 1_000, directory));
    }

    @Test
    void the_csv_starts_with_the_import_header() {
        var csv = csv(1, PROVINCE, 3);

        assertThat(csv.lines().findFirst()).contains(String.join(",", DemoPeople.CSV_HEADER));
        assertThat(csv.lines()).hasSize(4);
        assertThat(csv(1, PROVINCE, 0).lines()).hasSize(1);
    }

    @Test
    void three_hundred_thousand_people_are_generated_in_seconds_without_being_kept() throws IOException {
        var province = DemoProvince.generate(2025, 0);
        var csvBytes = new CountingStream();
        long start = System.nanoTime();
        try (Writer writer = new java.io.OutputStreamWriter(csvBytes, UTF_8)) {
            DemoPeople.writeCsv(2025, province, 300_000, writer);
        }
        long csvDone = System.nanoTime();
        var xlsxBytes = new CountingStream();
        DemoPeople.writeXlsx(2025, province, 300_000, xlsxBytes);
        long xlsxDone = System.nanoTime();

        System.out.printf(
                "300,000 people: CSV %,d bytes in %d ms, XLSX %,d bytes in %d ms%n",
                csvBytes.count, (csvDone - start) / 1_000_000, xlsxBytes.count, (xlsxDone - csvDone) / 1_000_000);
        assertThat(csvBytes.count).isGreaterThan(300_000L * 50);
        assertThat(xlsxBytes.count).isPositive();
    }

    // --- fixtures ---

    private static String csv(long seed, List<OrganisationRow> organisations, int people) {
        var out = new StringWriter();
        DemoPeople.writeCsv(seed, organisations, people, out);
        return out.toString();
    }

    /** The sheet of a generated workbook: the rest records when it was written. */
    private static String sheetXml(long seed, int people, Path directory) throws IOException {
        var file = Files.createTempFile(directory, "people", ".xlsx");
        try (var out = Files.newOutputStream(file)) {
            DemoPeople.writeXlsx(seed, PROVINCE, people, out);
        }
        try (var zip = new ZipFile(file.toFile())) {
            var sheet = zip.getEntry("xl/worksheets/sheet1.xml");
            assertThat(sheet).isNotNull();
            return new String(zip.getInputStream(sheet).readAllBytes(), UTF_8);
        }
    }

    private static Map<String, OrganisationRow> byCode(List<OrganisationRow> rows) {
        var map = new HashMap<String, OrganisationRow>();
        rows.forEach(row -> map.put(row.code(), row));
        return map;
    }

    /** Counts what is written and keeps nothing. */
    private static final class CountingStream extends OutputStream {

        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }
}
