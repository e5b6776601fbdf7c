package org.digilit.completion;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.digilit.identity.IdentityNumbers;
import org.digilit.identity.IdentityProtector;
import org.digilit.identity.IdentityScheme;
import org.digilit.report.ReportTestData;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data for completions: the report tests' small province, a platform with codes unique to the test (a programme
 * that is one DigiLit course, and an external programme that counts for another), accounts with real blind indexes of
 * valid identity numbers no other test uses, and completion files.
 */
public final class CompletionTestData {

    /** Serials from a random point above the account tests' range: numbers never repeat within a run. */
    private static final AtomicInteger SERIAL =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(500_000, 900_000));

    public static final String HEADER =
            "identity_number,full_name,completion_date,platform,programme_code,certificate_number,score";

    public final ReportTestData report;
    public final String platformCode;
    public ExternalPlatform platform;
    public final String course;
    public final String otherCourse;
    private final JdbcClient jdbc;
    private final IdentityProtector protector;

    public CompletionTestData(
            ReportTestData report, JdbcClient jdbc, IdentityProtector protector, String course, String other) {
        this.report = report;
        this.jdbc = jdbc;
        this.protector = protector;
        this.course = course;
        this.otherCourse = other;
        this.platformCode = "N" + report.province;
    }

    /** Registers the platform ({@code feedClient} may be null) with BASIC (= course) and CITIZEN-101 (counts for other). */
    public CompletionTestData register(ExternalPlatformService registry, String feedClient) {
        TestUsers.signIn("completion-admin", null, Role.PLATFORM_ADMIN);
        try {
            platform = registry.save(new ExternalPlatformService.PlatformForm(
                    null,
                    platformCode,
                    "Nền tảng quốc gia " + platformCode,
                    "National platform " + platformCode,
                    feedClient));
            registry.save(new ExternalPlatformService.ProgrammeForm(
                    platform.id(),
                    "BASIC",
                    "Kỹ năng số cơ bản",
                    "Basic digital skills",
                    ExternalProgramme.Kind.COURSE,
                    List.of(course)));
            registry.save(new ExternalPlatformService.ProgrammeForm(
                    platform.id(),
                    "CITIZEN-101",
                    "Công dân số",
                    "Digital citizen",
                    ExternalProgramme.Kind.PROGRAMME,
                    List.of(otherCourse)));
            return this;
        } finally {
            TestUsers.signOut();
        }
    }

    public static String identityNumber() {
        var number = "036" + "1" + "85" + String.format("%06d", SERIAL.incrementAndGet());
        if (!IdentityNumbers.check(IdentityScheme.VIETNAM_CCCD, number).isValid()) {
            throw new IllegalStateException("not a valid test number");
        }
        return number;
    }

    /** A verified citizen account in the organisation ({@code C1}, ...) with this identity number; its username. */
    public String account(String org, String identityNumber, Instant verifiedAt) {
        var number = IdentityNumbers.check(IdentityScheme.VIETNAM_CCCD, identityNumber)
                .validNumber()
                .orElseThrow();
        var protectedNumber = protector.protect(number);
        return jdbc.sql("""
                        insert into account (id_scheme, id_key_id, id_encrypted, id_blind_index, id_last_four,
                            full_name, search_name, date_of_birth, gender, organisation_id, audience, state, source,
                            verified_at, activated_at, created_at, updated_at)
                        values ('VIETNAM_CCCD', :key, :enc, :blind, :four, :name, :name, :born, 'FEMALE',
                            (select id from organisation where code = :org), 'CITIZEN', 'VERIFIED', 'IMPORT',
                            :verified, :verified, :verified, :verified)
                        returning username""")
                .param("key", protectedNumber.keyId())
                .param("enc", protectedNumber.encrypted())
                .param("blind", protectedNumber.blindIndex())
                .param("four", protectedNumber.lastFour())
                .param("name", name(identityNumber))
                .param("born", LocalDate.of(1985, 1, 1))
                .param("org", report.code(org))
                .param("verified", Timestamp.from(verifiedAt))
                .query(String.class)
                .single();
    }

    public String row(String identityNumber, String date, String programme) {
        return String.join(",", identityNumber, name(identityNumber), date, platformCode, programme, "", "");
    }

    public static String name(String identityNumber) {
        return "Người Học " + identityNumber.substring(Math.max(0, identityNumber.length() - 4));
    }

    public static InputStream csv(String... rows) {
        return new ByteArrayInputStream(
                (HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The completion (date and source) of a learner's course, or "none". */
    public String completion(String username, String courseId) {
        return jdbc.sql("select completed_at, completion_source from learning_completion where username = :u"
                        + " and course_id = :c")
                .param("u", username)
                .param("c", courseId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant() + " " + rs.getString(2))
                .optional()
                .orElse("none");
    }

    public int stored() {
        return jdbc.sql("select count(*) from external_completion where platform_id = :p")
                .param("p", platform.id())
                .query(Integer.class)
                .single();
    }

    public String source() {
        return "EXTERNAL:" + platformCode;
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
