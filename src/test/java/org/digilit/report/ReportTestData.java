package org.digilit.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inputs of reports, written straight into the features' tables at chosen moments (a report is a function of
 * those rows): a small province with codes unique to the test, verified accounts, completions, assignments,
 * certificates. The organisations go through the real import so their paths are the real ones.
 */
public final class ReportTestData {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger SERIAL = new AtomicInteger();

    public final String province =
            "R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private final JdbcClient jdbc;

    public ReportTestData(JdbcClient jdbc) {
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

    /**
     * Province (10 officials) → districts D1, D2 (10 officials each) → communes C1 (500 citizens) under D1, C2 (700)
     * under D2 → school S1 (30 teachers, 2 officials) under C1.
     */
    public ReportTestData importProvince(OrganisationImportService imports) {
        TestUsers.signIn("test-admin", null, Role.PLATFORM_ADMIN);
        try {
            var csv = """
                    code,parent_code,type,name_vi,name_en,expected_citizens,expected_teachers,expected_officials
                    %1$s,,PROVINCE,Tỉnh Báo Cáo,Report Province,0,0,10
                    %1$s-D1,%1$s,DISTRICT,Huyện Một,District One,0,0,10
                    %1$s-D2,%1$s,DISTRICT,Huyện Hai,District Two,0,0,10
                    %1$s-C1,%1$s-D1,COMMUNE,Xã Phú Mỹ,Phu My Commune,500,0,0
                    %1$s-C2,%1$s-D2,COMMUNE,Xã Hòa Bình,Hoa Binh Commune,700,0,0
                    %1$s-S1,%1$s-C1,SCHOOL,Trường Tiểu học Kim Đồng,Kim Dong Primary School,0,30,2
                    """.formatted(province);
            imports.apply(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "report-province.csv", null);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TestUsers.signOut();
        }
    }

    /** A verified account in the organisation, verified (and activated, when given) at those moments; its username. */
    public String person(String org, String audience, Instant verifiedAt, @Nullable Instant activatedAt) {
        return account(org, audience, "VERIFIED", verifiedAt, activatedAt);
    }

    public String account(
            String org, String audience, String state, Instant verifiedAt, @Nullable Instant activatedAt) {
        int serial = SERIAL.incrementAndGet();
        var blind = new byte[32];
        RANDOM.nextBytes(blind);
        return jdbc.sql("""
                        insert into account (id_scheme, id_key_id, id_encrypted, id_blind_index, id_last_four,
                            full_name, search_name, date_of_birth, gender, organisation_id, audience, state, source,
                            verified_at, activated_at, created_at, updated_at)
                        values ('VIETNAM_CCCD', 'test', :enc, :blind, :four, :name, :name, :born, 'FEMALE',
                            (select id from organisation where code = :org), :audience, :state, 'IMPORT',
                            :verified, :activated, :verified, :verified)
                        returning username""")
                .param("enc", new byte[] {1, 2, 3})
                .param("blind", blind)
                .param("four", String.format("%04d", serial % 10_000))
                .param("name", "Người Thứ " + serial)
                .param("born", LocalDate.of(1980, 1, 1))
                .param("org", code(org))
                .param("audience", audience)
                .param("state", state)
                .param("verified", Timestamp.from(verifiedAt))
                .param("activated", activatedAt == null ? null : Timestamp.from(activatedAt), java.sql.Types.TIMESTAMP)
                .query(String.class)
                .single();
    }

    /** The person enrolled at {@code at} and completed the course then. */
    public void completed(String username, String courseId, Instant at) {
        enrolled(username, courseId, at);
        jdbc.sql("""
                        insert into course_progress (username, course_id, quiz_passed, completed_at, completed_version,
                            completion_source, updated_at)
                        values (:u, :c, true, :at, 1, 'ONLINE', :at)
                        on conflict (username, course_id) do update set completed_at = excluded.completed_at,
                            completion_source = excluded.completion_source""")
                .param("u", username)
                .param("c", courseId)
                .param("at", Timestamp.from(at))
                .update();
    }

    public void enrolled(String username, String courseId, Instant at) {
        jdbc.sql("""
                        insert into enrolment (username, course_id, source, enrolled_at) values (:u, :c, 'SELF', :at)
                        on conflict do nothing""")
                .param("u", username)
                .param("c", courseId)
                .param("at", Timestamp.from(at))
                .update();
    }

    public void assign(String org, String audience, String courseId) {
        jdbc.sql("""
                        insert into course_assignment (organisation_id, audience, course_id, due_year, due_quarter,
                            assigned_by, assigned_at)
                        values ((select id from organisation where code = :org), :audience, :c, 2026, 4, 'test', now())""")
                .param("org", code(org))
                .param("audience", audience)
                .param("c", courseId)
                .update();
    }

    public void certificate(String username, String courseId, Instant at, boolean revoked) {
        jdbc.sql("""
                        insert into certificate (code, username, course_id, course_version, holder_name,
                            course_title_vi, course_title_en, audience, completed_at, issued_at, key_id, credential,
                            revoked_at)
                        values (:code, :u, :c, 1, 'Test', 'Khoá', 'Course', 'CITIZEN', :at, :at, 'test', '{}', :revoked)""")
                .param("code", "T-" + UUID.randomUUID().toString().substring(0, 20))
                .param("u", username)
                .param("c", courseId)
                .param("at", Timestamp.from(at))
                .param("revoked", revoked ? Timestamp.from(at) : null, java.sql.Types.TIMESTAMP)
                .update();
    }
}
