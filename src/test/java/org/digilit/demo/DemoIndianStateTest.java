package org.digilit.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.digilit.account.AccountFiles;
import org.digilit.base.Audience;
import org.digilit.identity.IdentityNumbers;
import org.digilit.identity.IdentityScheme;
import org.digilit.localstack.DemoUsers;
import org.digilit.organisation.OrganisationRow;
import org.digilit.organisation.OrganisationType;
import org.junit.jupiter.api.Test;

class DemoIndianStateTest {

    private static final List<OrganisationRow> STATE = DemoIndianState.generate(2025, 0);

    @Test
    void the_state_has_districts_blocks_clusters_and_schools_in_that_order() {
        assertThat(STATE).hasSize(DemoIndianState.NATURAL_SIZE);
        assertThat(STATE).isEqualTo(DemoIndianState.generate(2025, 0));
        var byCode = STATE.stream().collect(Collectors.toMap(OrganisationRow::code, r -> r));
        var counts = STATE.stream().collect(Collectors.groupingBy(OrganisationRow::type, Collectors.counting()));
        assertThat(counts.get(OrganisationType.PROVINCE)).isEqualTo(1);
        assertThat(counts.get(OrganisationType.DISTRICT)).isEqualTo(4);
        assertThat(counts.get(OrganisationType.BLOCK)).isEqualTo(16);
        assertThat(counts.get(OrganisationType.CLUSTER)).isEqualTo(80);
        assertThat(counts.get(OrganisationType.SCHOOL)).isEqualTo(480);
        assertThat(counts.get(OrganisationType.COMMUNE)).isEqualTo(128);
        var seen = new HashSet<String>();
        for (var row : STATE) {
            assertThat(OrganisationRow.CODE_PATTERN.matcher(row.code()).matches())
                    .isTrue();
            assertThat(seen.add(row.code())).as("%s is unique", row.code()).isTrue();
            var parent = row.parentCode();
            if (parent == null) {
                assertThat(row.type()).isEqualTo(OrganisationType.PROVINCE);
                continue;
            }
            assertThat(seen).as("parent of %s comes first", row.code()).contains(parent);
            var parentType = byCode.get(parent).type();
            switch (row.type()) {
                case DISTRICT -> assertThat(parentType).isEqualTo(OrganisationType.PROVINCE);
                case BLOCK -> assertThat(parentType).isEqualTo(OrganisationType.DISTRICT);
                case CLUSTER, COMMUNE -> assertThat(parentType).isEqualTo(OrganisationType.BLOCK);
                case SCHOOL -> assertThat(parentType).isEqualTo(OrganisationType.CLUSTER);
                case COMMUNITY_GROUP -> assertThat(parentType).isEqualTo(OrganisationType.COMMUNE);
                default -> {}
            }
            assertThat(row.nameEn().chars().allMatch(c -> c < 128)).isTrue();
        }
        assertThat(STATE)
                .extracting(OrganisationRow::nameEn)
                .contains("State of Chandra Pradesh", "Department of School Education", "Chandanpur District")
                .anyMatch(n -> n.startsWith("Government Primary School, "))
                .anyMatch(n -> n.endsWith(" Cluster Resource Centre"))
                .anyMatch(n -> n.endsWith(" Gram Panchayat"));
        assertThat(STATE).extracting(OrganisationRow::nameVi).anyMatch(n -> n.startsWith("Vikas Khand "));
    }

    @Test
    void the_demo_users_and_the_demo_s_organisations_are_in_the_tree() {
        var codes = STATE.stream().map(OrganisationRow::code).collect(Collectors.toSet());
        assertThat(DemoUsers.INDIA).extracting(DemoUsers.DemoUser::organisation).allMatch(codes::contains);
        var region = DemoRegion.IN;
        assertThat(codes)
                .contains(region.demoUnit, region.waitingUnit, region.facilitatorGroup, region.demoSchool)
                .contains(region.firstPoint, region.secondPoint)
                .containsAll(region.courseUnits);
        assertThat(codes.stream().filter(c -> c.matches(region.followedCodes))).hasSize(16);
        assertThat(codes.stream().filter(c -> c.matches(region.sessionGroups))).hasSizeGreaterThanOrEqualTo(12);
        var vietnam = DemoProvince.generate(2025, 0).stream()
                .map(OrganisationRow::code)
                .collect(Collectors.toSet());
        assertThat(DemoUsers.ALL).extracting(DemoUsers.DemoUser::organisation).allMatch(vietnam::contains);
        assertThat(vietnam)
                .contains(DemoRegion.VN.demoUnit, DemoRegion.VN.facilitatorGroup, DemoRegion.VN.demoSchool)
                .contains(DemoRegion.VN.firstPoint, DemoRegion.VN.secondPoint)
                .containsAll(DemoRegion.VN.courseUnits);
        assertThat(vietnam.stream().filter(c -> c.matches(DemoRegion.VN.sessionGroups)))
                .hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void the_state_s_people_have_valid_unique_aadhaar_numbers_and_pass_the_account_file_checks() {
        var numbers = new HashSet<String>();
        var endings = new HashSet<String>();
        var audiences = new HashMap<Audience, Integer>();
        for (var people = DemoPeople.people(DemoRegion.IN, 2025, STATE, 20_000); people.hasNext(); ) {
            var person = people.next();
            assertThat(IdentityNumbers.check(IdentityScheme.AADHAAR, person.identityNumber())
                            .problem())
                    .isNull();
            assertThat(IdentityNumbers.check(IdentityScheme.VIETNAM_CCCD, person.identityNumber())
                            .problem())
                    .as("not a Vietnamese number")
                    .isNotNull();
            assertThat(numbers.add(person.identityNumber())).isTrue();
            endings.add(person.identityNumber().substring(8));
            assertThat(person.phone()).matches("[6-9][0-9]{9}");
            assertThat(person.fullName()).matches("[A-Z][a-z]+( [A-Z][a-z]+){1,2}");
            audiences.merge(person.audience(), 1, Integer::sum);
        }
        assertThat(endings).hasSizeGreaterThan(5_000);
        assertThat(audiences).containsKeys(Audience.CITIZEN, Audience.TEACHER, Audience.OFFICIAL);
        for (var outsider : DemoPeople.outsiders(DemoRegion.IN, 6)) {
            assertThat(IdentityNumbers.check(IdentityScheme.AADHAAR, outsider).problem())
                    .isNull();
            assertThat(numbers).doesNotContain(outsider);
        }

        var csv = new StringWriter();
        DemoPeople.writeCsv(DemoRegion.IN, 7, STATE, 3_000, csv);
        var checked = AccountFiles.check(
                new ByteArrayInputStream(csv.toString().getBytes(UTF_8)),
                "people.csv",
                IdentityScheme.AADHAAR,
                LocalDate.now());
        assertThat(checked.problems()).isEmpty();
        assertThat(checked.acceptedRows()).isEqualTo(3_000);
    }
}
