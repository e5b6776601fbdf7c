package org.digilit.session;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.digilit.base.Audience;
import org.digilit.course.CourseContentService;
import org.digilit.course.CourseTestData;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small province with codes unique to the test, two community groups in two districts, a fixture course (two
 * lessons, a quiz) and verified learners written straight into the account table:
 *
 * <pre>
 * province ─ D1 ─ C1 ─ G1 (community group)
 *          └ D2 ─ C2 ─ G2 (community group)
 * </pre>
 */
public final class SessionTestData {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger SERIAL = new AtomicInteger();

    public final String province =
            "S" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    public final String course = "session-" + UUID.randomUUID().toString().substring(0, 8);
    private final JdbcClient jdbc;

    public SessionTestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String code(String suffix) {
        return suffix.isEmpty() ? province : province + "-" + suffix;
    }

    public long id(String suffix) {
        return jdbc.sql("select id from organisation where code = :c")
                .param("c", code(suffix))
                .query(Long.class)
                .single();
    }

    public SessionTestData load(OrganisationImportService imports, CourseContentService content) {
        TestUsers.signIn("test-admin", null, Role.PLATFORM_ADMIN);
        try {
            var csv = """
                    code,parent_code,type,name_vi,name_en
                    %1$s,,PROVINCE,Tỉnh Lớp Học,Class Province
                    %1$s-D1,%1$s,DISTRICT,Huyện Một,District One
                    %1$s-D2,%1$s,DISTRICT,Huyện Hai,District Two
                    %1$s-C1,%1$s-D1,COMMUNE,Xã Phú Mỹ,Phu My Commune
                    %1$s-C2,%1$s-D2,COMMUNE,Xã Hòa Bình,Hoa Binh Commune
                    %1$s-G1,%1$s-C1,COMMUNITY_GROUP,Tổ công nghệ số Phú Mỹ,Phu My digital team
                    %1$s-G2,%1$s-C2,COMMUNITY_GROUP,Tổ công nghệ số Hòa Bình,Hoa Binh digital team
                    """.formatted(province);
            imports.apply(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "sessions.csv", null);
            CourseTestData.loadFixtureCourse(
                    content, Files.createTempDirectory("courses"), course, "Khóa học " + course, "Course " + course);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TestUsers.signOut();
        }
    }

    /** A verified citizen of the organisation; their username. */
    public String learner(String org) {
        int serial = SERIAL.incrementAndGet();
        var blind = new byte[32];
        RANDOM.nextBytes(blind);
        return jdbc.sql("""
                        insert into account (id_scheme, id_key_id, id_encrypted, id_blind_index, id_last_four,
                            full_name, search_name, date_of_birth, gender, organisation_id, audience, state, source,
                            verified_at, created_at, updated_at)
                        values ('VIETNAM_CCCD', 'test', :enc, :blind, '0000', :name, :search, :born, 'FEMALE',
                            (select id from organisation where code = :org), 'CITIZEN', 'VERIFIED', 'IMPORT',
                            now(), now(), now())
                        returning username""")
                .param("enc", new byte[] {1, 2, 3})
                .param("blind", blind)
                .param("name", "Học Viên " + serial)
                .param("search", "hoc vien " + serial)
                .param("born", LocalDate.of(1970, 1, 1))
                .param("org", code(org))
                .query(String.class)
                .single();
    }

    /** A draft of one session of the fixture course at {@code org}, starting at {@code start}, two hours long. */
    public SessionDraft draft(String org, Instant start, List<String> facilitators, int weeks) {
        return new SessionDraft(
                id(org),
                course,
                Set.of(),
                "Nhà văn hóa thôn 3",
                start.truncatedTo(ChronoUnit.MINUTES),
                start.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofHours(2)),
                30,
                Audience.CITIZEN,
                facilitators,
                weeks);
    }
}
