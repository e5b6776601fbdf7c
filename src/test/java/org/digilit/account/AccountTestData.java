package org.digilit.account;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;

/**
 * Test data for accounts: a small province with codes unique to the test (so tests sharing the stack's database never
 * meet), and people files with valid Vietnamese identity numbers that no other test uses.
 */
final class AccountTestData {

    /** Serials start at a random point per JVM and only grow: numbers never repeat within a test run. */
    private static final AtomicInteger SERIAL =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 400_000));

    static final String HEADER =
            "identity_number,full_name,date_of_birth,gender,phone,email,organisation_code,audience,staff_number";

    /** One person of a people file. */
    record Person(
            String identityNumber,
            String fullName,
            LocalDate born,
            String gender,
            String phone,
            String org,
            String audience) {

        String csv() {
            return String.join(",", identityNumber, fullName, born.toString(), gender, phone, "", org, audience, "");
        }

        Person renamed(String name) {
            return new Person(identityNumber, name, born, gender, phone, org, audience);
        }

        Person movedTo(String organisation) {
            return new Person(identityNumber, fullName, born, gender, phone, organisation, audience);
        }
    }

    final String province = "A" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    String district1() {
        return province + "-D1";
    }

    String commune1() {
        return province + "-C1";
    }

    String commune2() {
        return province + "-C2";
    }

    /** A community digital-technology group of commune 1, where facilitators work. */
    String group1() {
        return province + "-C1-G1";
    }

    String school1() {
        return province + "-S1";
    }

    /** Imports the province as a platform admin (leaves the test signed out). */
    AccountTestData importProvince(OrganisationImportService imports) {
        TestUsers.signIn("test-admin", null, Role.PLATFORM_ADMIN);
        try {
            var csv = """
                    code,parent_code,type,name_vi,name_en,expected_citizens,expected_teachers,expected_officials
                    %1$s,,PROVINCE,Tỉnh Kiểm Thử,Test Province,0,0,10
                    %1$s-D1,%1$s,DISTRICT,Huyện Một,District One,0,0,10
                    %1$s-D2,%1$s,DISTRICT,Huyện Hai,District Two,0,0,10
                    %1$s-C1,%1$s-D1,COMMUNE,Xã Phú Mỹ,Phu My Commune,500,0,5
                    %1$s-C2,%1$s-D2,COMMUNE,Xã Hòa Bình,Hoa Binh Commune,700,0,5
                    %1$s-S1,%1$s-C1,SCHOOL,Trường Tiểu học Kim Đồng,Kim Dong Primary School,0,30,2
                    %1$s-C1-G1,%1$s-C1,COMMUNITY_GROUP,Tổ công nghệ số cộng đồng thôn Một,Community Digital Technology Team One,0,0,0
                    """.formatted(province);
            imports.apply(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test-province.csv", null);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TestUsers.signOut();
        }
    }

    /** A valid CCCD for someone born on {@code born} with {@code gender} ("male"/"female"), unique in this run. */
    static String cccd(LocalDate born, String gender) {
        int century = born.getYear() >= 2000 ? 2 : 0;
        int centuryGender = century + (gender.equals("female") ? 1 : 0);
        return "036" + centuryGender + String.format("%02d", born.getYear() % 100)
                + String.format("%06d", SERIAL.incrementAndGet());
    }

    static final String[] NAMES = {
        "Nguyễn Thị Hằng",
        "Trần Văn Minh",
        "Lê Quốc Việt",
        "Phạm Thu Trang",
        "Đặng Ngọc Ánh",
        "Hoàng Đức Anh",
        "Vũ Thị Lan",
        "Bùi Hữu Nghĩa",
        "Đỗ Minh Châu",
        "Huỳnh Văn Tài"
    };

    /** {@code count} people in {@code organisation} with the given audience. */
    static List<Person> people(int count, String organisation, String audience) {
        var people = new ArrayList<Person>();
        for (int i = 0; i < count; i++) {
            var born = LocalDate.of(1960 + (i * 7) % 45, 1 + i % 12, 1 + i % 28);
            var gender = i % 2 == 0 ? "female" : "male";
            people.add(new Person(
                    cccd(born, gender),
                    NAMES[i % NAMES.length],
                    born,
                    gender,
                    "09" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)),
                    organisation,
                    audience));
        }
        return people;
    }

    static Path file(List<Person> people) {
        var lines = new ArrayList<String>();
        lines.add(HEADER);
        people.forEach(p -> lines.add(p.csv()));
        return file(String.join("\n", lines) + "\n");
    }

    static Path file(String content) {
        try {
            var path = Files.createTempFile("people-", ".csv");
            Files.writeString(path, content, StandardCharsets.UTF_8);
            path.toFile().deleteOnExit();
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImportProgress progress(Path file) {
        try {
            return new ImportProgress(Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many of these accounts are provisioned: a Keycloak id recorded and nothing left in the outbox. */
    static int provisioned(org.springframework.jdbc.core.simple.JdbcClient jdbc, List<Long> ids) {
        return jdbc.sql("select count(*) from account where id = any (:ids) and keycloak_id is not null"
                        + " and not exists (select 1 from provisioning_outbox o where o.account_id = account.id)")
                .param("ids", ids.toArray(Long[]::new))
                .query(Integer.class)
                .single();
    }

    /** Every account has exactly one Keycloak user: its own username, with the id we recorded, and no other user names it. */
    static void assertExactlyOneKeycloakUserEach(
            org.springframework.jdbc.core.simple.JdbcClient jdbc, AccountDirectory directory, List<Long> ids) {
        var recorded = new java.util.HashMap<Long, String[]>();
        jdbc.sql("select id, username, keycloak_id from account where id = any (:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> recorded.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)}))
                .list();
        var naming = new java.util.HashMap<Long, Integer>();
        var seen = new java.util.HashMap<Long, String>();
        directory.forEachUser(user -> {
            if (user.accountId() != null && recorded.containsKey(user.accountId())) {
                naming.merge(user.accountId(), 1, Integer::sum);
                seen.put(user.accountId(), user.id());
            }
        });
        org.assertj.core.api.Assertions.assertThat(naming).hasSize(ids.size());
        org.assertj.core.api.Assertions.assertThat(naming.values()).containsOnly(1);
        recorded.forEach((id, row) -> org.assertj.core.api.Assertions.assertThat(seen.get(id))
                .as("Keycloak id of account " + id)
                .isEqualTo(row[1]));
    }

    /**
     * Users made behind the platform's back with Keycloak's partial import, as a leaked provisioning credential or a
     * Keycloak admin could: any username, any creation time. Returns their Keycloak ids by username.
     */
    static java.util.Map<String, String> madeByHand(List<org.keycloak.representations.idm.UserRepresentation> users) {
        var stack = org.digilit.localstack.LocalStack.shared(
                org.digilit.localstack.LocalStack.Mode.TEST, org.digilit.localstack.LocalStack.testAppPort());
        try (var admin = org.digilit.localstack.DemoUsers.adminClient(stack)) {
            var request = new org.keycloak.representations.idm.PartialImportRepresentation();
            request.setIfResourceExists(
                    org.keycloak.representations.idm.PartialImportRepresentation.Policy.FAIL.name());
            request.setUsers(users);
            try (var response =
                    admin.realm(org.digilit.localstack.LocalStack.REALM).partialImport(request)) {
                var body = response.readEntity(String.class);
                if (response.getStatus() != 200) {
                    throw new IllegalStateException("partial import: HTTP " + response.getStatus() + " " + body);
                }
                var ids = new java.util.LinkedHashMap<String, String>();
                for (var result : new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(body)
                        .path("results")) {
                    ids.put(
                            result.path("resourceName").asText(),
                            result.path("id").asText());
                }
                return ids;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A user as a partial import takes it, created at {@code createdTimestamp} (milliseconds, any value). */
    static org.keycloak.representations.idm.UserRepresentation byHand(
            String username, long createdTimestamp, java.util.Map<String, List<String>> attributes) {
        var user = new org.keycloak.representations.idm.UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setCreatedTimestamp(createdTimestamp);
        user.setAttributes(attributes);
        return user;
    }
}
