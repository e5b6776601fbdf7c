package org.digilit.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.digilit.organisation.Headcounts;
import org.digilit.organisation.OrganisationRow;
import org.digilit.organisation.OrganisationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DemoProvinceTest {

    private static final List<OrganisationRow> NATURAL = DemoProvince.generate(2025, 0);

    @Test
    void the_same_seed_and_size_give_the_same_rows() {
        assertThat(DemoProvince.generate(7, 0)).isEqualTo(DemoProvince.generate(7, 0));
        assertThat(DemoProvince.generate(7, 5_000)).isEqualTo(DemoProvince.generate(7, 5_000));
    }

    @Test
    void a_different_seed_gives_different_names() {
        var one = names(DemoProvince.generate(1, 0));
        var other = names(DemoProvince.generate(2, 0));
        assertThat(one).isNotEqualTo(other);
        assertThat(one.stream().filter(n -> !other.contains(n)).count()).isGreaterThan(100);
    }

    @Test
    void the_natural_size_is_the_default_shape() {
        assertThat(NATURAL).hasSize(DemoProvince.NATURAL_SIZE);
        assertThat(DemoProvince.generate(2025, DemoProvince.NATURAL_SIZE)).isEqualTo(NATURAL);
        assertThat(DemoProvince.generate(2025, -1)).isEqualTo(NATURAL);
    }

    @Test
    void the_natural_province_has_two_levels_communes_schools_agencies_and_teams() {
        var counts = countByType(NATURAL);
        assertThat(counts.get(OrganisationType.PROVINCE)).isEqualTo(1);
        assertThat(counts.get(OrganisationType.DISTRICT)).isZero();
        assertThat(counts.get(OrganisationType.COMMUNE)).isBetween(85L, 100L);
        assertThat(counts.get(OrganisationType.SCHOOL)).isBetween(420L, 500L);
        assertThat(counts.get(OrganisationType.AGENCY)).isBetween(10L, 25L);
        assertThat(counts.get(OrganisationType.INSTITUTION)).isPositive();

        var root = NATURAL.getFirst();
        assertThat(root.code()).isEqualTo("P01");
        assertThat(root.parentCode()).isNull();
        assertThat(root.nameVi()).isEqualTo("Tỉnh Đồng An");
        assertThat(root.nameEn()).isEqualTo("Dong An Province");

        var children = childrenByParent(NATURAL);
        for (var agency : ofType(NATURAL, OrganisationType.AGENCY)) {
            assertThat(agency.parentCode()).isEqualTo("P01");
            assertThat(children.get(agency.code()))
                    .as("units of %s", agency.nameEn())
                    .isNotEmpty()
                    .allMatch(c -> c.type() == OrganisationType.UNIT);
        }
        var communes = ofType(NATURAL, OrganisationType.COMMUNE);
        for (var commune : communes) {
            assertThat(commune.parentCode())
                    .as("communes sit right under the province")
                    .isEqualTo("P01");
            var types = children.get(commune.code()).stream().map(OrganisationRow::type);
            var groups =
                    types.filter(t -> t == OrganisationType.COMMUNITY_GROUP).count();
            assertThat(groups).as("teams of %s", commune.nameEn()).isBetween(1L, 2L);
        }
        assertThat(ofType(NATURAL, OrganisationType.SCHOOL))
                .allMatch(s -> ofCode(NATURAL, String.valueOf(s.parentCode())).type() == OrganisationType.COMMUNE);
        assertThat(communes.stream().map(OrganisationRow::nameVi))
                .anyMatch(n -> n.startsWith("Xã "))
                .anyMatch(n -> n.startsWith("Phường "))
                .anyMatch(n -> n.startsWith("Đặc khu "))
                .noneMatch(n -> n.startsWith("Thị trấn "));
        assertThat(names(NATURAL)).noneMatch(n -> n.contains("huyện") || n.contains("Huyện"));
    }

    @Test
    void every_commune_has_its_police_and_the_military_has_regional_commands() {
        var police = unitsOf(NATURAL, "Công an tỉnh");
        var communes = ofType(NATURAL, OrganisationType.COMMUNE);
        for (var commune : communes) {
            var place = commune.nameVi().substring(commune.nameVi().indexOf(' ') + 1);
            var kind =
                    commune.nameVi().substring(0, commune.nameVi().indexOf(' ')).toLowerCase(java.util.Locale.ROOT);
            assertThat(police).as("police of %s", commune.nameVi()).contains("Công an " + kind + " " + place);
        }
        assertThat(police.stream().filter(n -> n.startsWith("Công an ")).count())
                .isEqualTo(communes.size());
        var regions = unitsOf(NATURAL, "Bộ Chỉ huy Quân sự tỉnh").stream()
                .filter(n -> n.startsWith("Ban Chỉ huy Phòng thủ khu vực "))
                .toList();
        assertThat(regions).hasSize(4);
        assertThat(regions.getFirst()).isEqualTo("Ban Chỉ huy Phòng thủ khu vực 1 – Đồng An");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2025, -9})
    void the_natural_province_reaches_the_programme_s_headcounts(long seed) {
        var rows = DemoProvince.generate(seed, 0);
        assertThat(sum(rows, Headcounts::citizens)).isCloseTo(330_000, within(33_000));
        assertThat(sum(rows, Headcounts::teachers) + sum(rows, Headcounts::officials))
                .isBetween(12_000, 15_000);
    }

    @Test
    void headcounts_follow_the_type_of_organisation() {
        for (var row : NATURAL) {
            var h = row.headcounts();
            switch (row.type()) {
                case PROVINCE -> {
                    assertThat(h.citizens() + h.teachers()).isZero();
                    assertThat(h.officials()).isBetween(50, 300);
                }
                case COMMUNE -> {
                    assertThat(h.citizens()).isBetween(2_000, 15_000);
                    assertThat(h.teachers()).isZero();
                    assertThat(h.officials()).isBetween(20, 60);
                }
                case SCHOOL -> {
                    assertThat(h.citizens()).isZero();
                    assertThat(h.teachers()).isPositive();
                    assertThat(h.officials()).isPositive();
                }
                case AGENCY -> assertThat(h.officials()).isBetween(30, 600);
                case UNIT -> assertThat(h.officials()).isPositive();
                case INSTITUTION -> assertThat(h.teachers() + h.officials()).isPositive();
                case COMMUNITY_GROUP -> assertThat(h).isEqualTo(Headcounts.NONE);
                default -> throw new AssertionError(row.type() + " is not a level of a two-level province");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"50, 5", "200, 4", "5000, 100", "10000, 200"})
    void requested_sizes_are_met_closely(int size, int tolerance) {
        var rows = DemoProvince.generate(11, size);
        assertThat(rows.size()).isCloseTo(size, within(tolerance));
        assertWellFormed(rows);
    }

    @ParameterizedTest
    @ValueSource(ints = {5_000, 10_000})
    void larger_provinces_keep_the_proportions(int size) {
        var rows = DemoProvince.generate(3, size);
        var counts = countByType(rows);
        double communes = counts.get(OrganisationType.COMMUNE);
        assertThat(counts.get(OrganisationType.DISTRICT)).isZero();
        assertThat(communes
                        / unitsOf(rows, "Bộ Chỉ huy Quân sự tỉnh").stream()
                                .filter(n -> n.startsWith("Ban Chỉ huy Phòng thủ khu vực "))
                                .count())
                .isBetween(20.0, 26.0);
        assertThat(unitsOf(rows, "Công an tỉnh").stream().filter(n -> n.startsWith("Công an ")))
                .hasSize((int) communes);
        assertThat(counts.get(OrganisationType.SCHOOL) / communes).isBetween(4.5, 5.5);
        assertThat(counts.get(OrganisationType.COMMUNITY_GROUP) / communes).isBetween(1.0, 2.0);
        assertThat(counts.get(OrganisationType.AGENCY))
                .isEqualTo(countByType(NATURAL).get(OrganisationType.AGENCY));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 50})
    void the_smallest_provinces_keep_both_levels_an_agency_and_a_unit(int size) {
        var rows = DemoProvince.generate(5, size);
        var counts = countByType(rows);
        assertThat(counts.get(OrganisationType.PROVINCE)).isEqualTo(1);
        assertThat(counts.get(OrganisationType.DISTRICT)).isZero();
        assertThat(counts.get(OrganisationType.COMMUNE)).isPositive();
        assertThat(counts.get(OrganisationType.AGENCY)).isPositive();
        assertThat(counts.get(OrganisationType.UNIT)).isPositive();
        assertWellFormed(rows);
    }

    @Test
    void codes_are_unique_valid_and_follow_the_tree() {
        assertWellFormed(NATURAL);
        assertThat(NATURAL)
                .extracting(OrganisationRow::code)
                .contains("P01-C001", "P01-C003", "P01-C001-S01", "P01-C001-G1", "P01-AG01", "P01-AG01-U01", "P01-I01")
                .noneMatch(code -> code.matches("P01-D\\d+.*"));
    }

    @Test
    void names_are_vietnamese_with_diacritics_and_english_without() {
        assertNamesAreGood(NATURAL);
        assertNamesAreGood(DemoProvince.generate(9, 10_000));
        assertThat(names(NATURAL))
                .contains(
                        "Sở Giáo dục và Đào tạo",
                        "Sở Khoa học và Công nghệ",
                        "Bộ Chỉ huy Quân sự tỉnh",
                        "Công an tỉnh");
        assertThat(NATURAL)
                .extracting(OrganisationRow::nameEn)
                .contains("Department of Education and Training", "Provincial Military Command", "Provincial Police")
                .anyMatch(n -> n.endsWith(" Lower Secondary School"))
                .anyMatch(n -> n.startsWith("Community Digital Technology Team, Hamlet "));
    }

    @Test
    void folding_removes_vietnamese_diacritics() {
        assertThat(DemoProvince.fold("Đồng An")).isEqualTo("Dong An");
        assertThat(DemoProvince.fold("Thạnh Mỹ, Quảng Điền, đường Hòa Bình"))
                .isEqualTo("Thanh My, Quang Dien, duong Hoa Binh");
    }

    @Test
    void the_csv_file_round_trips_through_commons_csv() throws IOException {
        var rows = new ArrayList<>(DemoProvince.generate(4, 200));
        rows.add(new OrganisationRow(
                "P01-X1",
                "P01",
                OrganisationType.INSTITUTION,
                "Trung tâm \"Ánh Dương\", cơ sở 2",
                "\"Anh Duong\" Centre,\nBranch 2",
                new Headcounts(0, 12, 3)));
        var out = new StringWriter();
        DemoProvince.writeCsv(rows, out);
        var csv = out.toString();

        assertThat(csv)
                .startsWith(
                        "code,parent_code,type,name_vi,name_en,expected_citizens,expected_teachers,expected_officials\r\n")
                .contains("\"Trung tâm \"\"Ánh Dương\"\", cơ sở 2\"");

        var format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (var parser = CSVParser.parse(new StringReader(csv), format)) {
            assertThat(parser.getHeaderNames()).isEqualTo(DemoProvince.CSV_HEADER);
            var read = parser.stream()
                    .map(r -> new OrganisationRow(
                            r.get("code"),
                            r.get("parent_code").isEmpty() ? null : r.get("parent_code"),
                            OrganisationType.valueOf(r.get("type")),
                            r.get("name_vi"),
                            r.get("name_en"),
                            new Headcounts(
                                    Integer.parseInt(r.get("expected_citizens")),
                                    Integer.parseInt(r.get("expected_teachers")),
                                    Integer.parseInt(r.get("expected_officials")))))
                    .toList();
            assertThat(read).isEqualTo(rows);
        }
    }

    private static void assertWellFormed(List<OrganisationRow> rows) {
        var seen = new HashSet<String>();
        for (var row : rows) {
            assertThat(OrganisationRow.CODE_PATTERN.matcher(row.code()).matches())
                    .as(row.code())
                    .isTrue();
            assertThat(row.code()).hasSizeLessThanOrEqualTo(OrganisationRow.CODE_MAX_LENGTH);
            var parent = row.parentCode();
            if (row.type() == OrganisationType.PROVINCE) {
                assertThat(parent).isNull();
            } else {
                assertThat(parent).isNotNull();
                assertThat(seen).as("parent of %s comes first", row.code()).contains(parent);
                assertThat(row.code()).startsWith(parent + "-");
            }
            assertThat(seen.add(row.code())).as("%s is unique", row.code()).isTrue();
        }
        assertThat(rows).filteredOn(r -> r.type() == OrganisationType.PROVINCE).hasSize(1);
        assertThat(rows.getFirst().type()).isEqualTo(OrganisationType.PROVINCE);
    }

    private static void assertNamesAreGood(List<OrganisationRow> rows) {
        for (var row : rows) {
            assertThat(row.nameVi()).isNotBlank();
            assertThat(row.nameEn()).isNotBlank();
            assertThat(DemoProvince.fold(row.nameVi()))
                    .as("%s has diacritics", row.nameVi())
                    .isNotEqualTo(row.nameVi());
            assertThat(row.nameEn().chars().allMatch(c -> c < 128))
                    .as("%s is plain ASCII", row.nameEn())
                    .isTrue();
        }
        for (var siblings : childrenByParent(rows).values()) {
            var names = siblings.stream().map(OrganisationRow::nameVi).toList();
            assertThat(names).doesNotHaveDuplicates();
            assertThat(siblings.stream().map(OrganisationRow::nameEn)).doesNotHaveDuplicates();
        }
    }

    private static Map<OrganisationType, Long> countByType(List<OrganisationRow> rows) {
        var counts = rows.stream().collect(Collectors.groupingBy(OrganisationRow::type, Collectors.counting()));
        for (var type : OrganisationType.values()) {
            counts.putIfAbsent(type, 0L);
        }
        return counts;
    }

    /** The names of the units of the agency named {@code agency}. */
    private static List<String> unitsOf(List<OrganisationRow> rows, String agency) {
        var code = rows.stream()
                .filter(r -> r.type() == OrganisationType.AGENCY && r.nameVi().equals(agency))
                .findFirst()
                .orElseThrow()
                .code();
        return rows.stream()
                .filter(r -> code.equals(r.parentCode()))
                .map(OrganisationRow::nameVi)
                .toList();
    }

    private static Map<String, List<OrganisationRow>> childrenByParent(List<OrganisationRow> rows) {
        return rows.stream()
                .filter(r -> r.parentCode() != null)
                .collect(Collectors.groupingBy(r -> String.valueOf(r.parentCode())));
    }

    private static List<OrganisationRow> ofType(List<OrganisationRow> rows, OrganisationType type) {
        return rows.stream().filter(r -> r.type() == type).toList();
    }

    private static OrganisationRow ofCode(List<OrganisationRow> rows, String code) {
        return rows.stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    private static List<String> names(List<OrganisationRow> rows) {
        return rows.stream().map(OrganisationRow::nameVi).toList();
    }

    private static int sum(List<OrganisationRow> rows, ToIntFunction<Headcounts> audience) {
        return rows.stream().mapToInt(r -> audience.applyAsInt(r.headcounts())).sum();
    }
}
