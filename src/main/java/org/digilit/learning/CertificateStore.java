package org.digilit.learning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of certificates ({@code certificate}, owned by learning). Who may see or revoke one, signing and audit stay
 * in {@link CertificateService}.
 */
@Repository
class CertificateStore {

    private static final String COLUMNS = """
            code, course_id, holder_name, course_title_vi, course_title_en, organisation_name_vi, organisation_name_en,
            completed_at, revoked_at, revocation_reason""";

    /** A certificate to issue, with its signed credential. */
    record NewCertificate(
            String code,
            String username,
            String courseId,
            int courseVersion,
            String holderName,
            String courseTitleVi,
            String courseTitleEn,
            @Nullable String organisationCode,
            @Nullable String organisationNameVi,
            @Nullable String organisationNameEn,
            String audience,
            Instant completedAt,
            Instant issuedAt,
            String keyId,
            String credential) {}

    private final JdbcClient jdbc;

    CertificateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a certificate; 0 when its code or its learner and course exist already. */
    int insertIfAbsent(NewCertificate c) {
        return jdbc.sql("""
                        insert into certificate (code, username, course_id, course_version, holder_name,
                            course_title_vi, course_title_en, organisation_code, organisation_name_vi,
                            organisation_name_en, audience, completed_at, issued_at, key_id, credential)
                        values (:code, :u, :course, :version, :holder, :titleVi, :titleEn, :org, :orgVi, :orgEn,
                            :audience, :completedAt, :issuedAt, :keyId, :credential)
                        on conflict do nothing""")
                .param("code", c.code())
                .param("u", c.username())
                .param("course", c.courseId())
                .param("version", c.courseVersion())
                .param("holder", c.holderName())
                .param("titleVi", c.courseTitleVi())
                .param("titleEn", c.courseTitleEn())
                .param("org", c.organisationCode())
                .param("orgVi", c.organisationNameVi())
                .param("orgEn", c.organisationNameEn())
                .param("audience", c.audience())
                .param("completedAt", Timestamp.from(c.completedAt()))
                .param("issuedAt", Timestamp.from(c.issuedAt()))
                .param("keyId", c.keyId())
                .param("credential", c.credential())
                .update();
    }

    boolean exists(String username, String courseId) {
        return jdbc.sql("select count(*) from certificate where username = :u and course_id = :c")
                        .param("u", username)
                        .param("c", courseId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** A learner's certificates, newest first. */
    List<Certificate> ofHolder(String username) {
        return jdbc.sql("select " + COLUMNS + " from certificate where username = :u order by completed_at desc")
                .param("u", username)
                .query((rs, n) -> certificate(rs))
                .list();
    }

    Optional<Certificate> ofHolder(String username, String courseId) {
        return jdbc.sql("select " + COLUMNS + " from certificate where username = :u and course_id = :c")
                .param("u", username)
                .param("c", courseId)
                .query((rs, n) -> certificate(rs))
                .optional();
    }

    /** A learner's certificate by its code, unless it was revoked. */
    Optional<Certificate> validOfHolder(String code, String username) {
        return jdbc.sql("select " + COLUMNS
                        + " from certificate where code = :code and username = :u and revoked_at is null")
                .param("code", code)
                .param("u", username)
                .query((rs, n) -> certificate(rs))
                .optional();
    }

    Optional<Certificate> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from certificate where code = :code")
                .param("code", code)
                .query((rs, n) -> certificate(rs))
                .optional();
    }

    /** The signed credential of an existing certificate. */
    String credential(String code) {
        return jdbc.sql("select credential from certificate where code = :code")
                .param("code", code)
                .query(String.class)
                .single();
    }

    /** The signed credential of a certificate, unless it was revoked. */
    Optional<String> validCredential(String code) {
        return jdbc.sql("select credential from certificate where code = :code and revoked_at is null")
                .param("code", code)
                .query(String.class)
                .optional();
    }

    /** Revokes a certificate; 0 when it was revoked already (or does not exist). */
    int revoke(String code, String by, String reason, Instant at) {
        return jdbc.sql("""
                        update certificate set revoked_at = :now, revoked_by = :by, revocation_reason = :reason
                        where code = :code and revoked_at is null""")
                .param("now", Timestamp.from(at))
                .param("by", by)
                .param("reason", reason)
                .param("code", code)
                .update();
    }

    private static Certificate certificate(ResultSet rs) throws SQLException {
        var revoked = rs.getTimestamp("revoked_at");
        return new Certificate(
                rs.getString("code"),
                rs.getString("course_id"),
                rs.getString("holder_name"),
                rs.getString("course_title_vi"),
                rs.getString("course_title_en"),
                rs.getString("organisation_name_vi"),
                rs.getString("organisation_name_en"),
                rs.getTimestamp("completed_at").toInstant(),
                revoked == null ? null : revoked.toInstant(),
                rs.getString("revocation_reason"));
    }
}
