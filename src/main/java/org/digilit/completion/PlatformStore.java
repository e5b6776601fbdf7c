package org.digilit.completion;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the platform registry ({@code external_platform}, {@code external_programme}). */
@Component
class PlatformStore {

    private static final String PLATFORM = "select id, code, name_vi, name_en, feed_client_id from external_platform";
    private static final String PROGRAMME =
            "select id, platform_id, code, name_vi, name_en, kind, course_ids from external_programme";

    private final JdbcClient jdbc;

    PlatformStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ExternalPlatform> platforms() {
        return jdbc.sql(PLATFORM + " order by code")
                .query((rs, n) -> platform(rs))
                .list();
    }

    Optional<ExternalPlatform> platform(long id) {
        return jdbc.sql(PLATFORM + " where id = :id")
                .param("id", id)
                .query((rs, n) -> platform(rs))
                .optional();
    }

    Optional<ExternalPlatform> platformByCode(String code) {
        return jdbc.sql(PLATFORM + " where code = :code")
                .param("code", code)
                .query((rs, n) -> platform(rs))
                .optional();
    }

    Optional<ExternalPlatform> platformByFeedClient(String clientId) {
        return jdbc.sql(PLATFORM + " where feed_client_id = :client")
                .param("client", clientId)
                .query((rs, n) -> platform(rs))
                .optional();
    }

    long savePlatform(
            @Nullable Long id, String code, String nameVi, String nameEn, @Nullable String feedClientId, Instant now) {
        if (id == null) {
            return jdbc.sql("""
                            insert into external_platform (code, name_vi, name_en, feed_client_id, created_at, updated_at)
                            values (:code, :vi, :en, :client, :now, :now) returning id""")
                    .param("code", code)
                    .param("vi", nameVi)
                    .param("en", nameEn)
                    .param("client", feedClientId)
                    .param("now", Timestamp.from(now))
                    .query(Long.class)
                    .single();
        }
        jdbc.sql("""
                        update external_platform set name_vi = :vi, name_en = :en, feed_client_id = :client,
                            updated_at = :now where id = :id""")
                .param("id", id)
                .param("vi", nameVi)
                .param("en", nameEn)
                .param("client", feedClientId)
                .param("now", Timestamp.from(now))
                .update();
        return id;
    }

    List<ExternalProgramme> programmes(long platformId) {
        return jdbc.sql(PROGRAMME + " where platform_id = :p order by code")
                .param("p", platformId)
                .query((rs, n) -> programme(rs))
                .list();
    }

    List<ExternalProgramme> allProgrammes() {
        return jdbc.sql(PROGRAMME + " order by platform_id, code")
                .query((rs, n) -> programme(rs))
                .list();
    }

    Optional<ExternalProgramme> programme(long platformId, String code) {
        return jdbc.sql(PROGRAMME + " where platform_id = :p and code = :code")
                .param("p", platformId)
                .param("code", code)
                .query((rs, n) -> programme(rs))
                .optional();
    }

    long saveProgramme(
            long platformId,
            String code,
            String nameVi,
            String nameEn,
            ExternalProgramme.Kind kind,
            List<String> courseIds,
            Instant now) {
        return jdbc.sql("""
                        insert into external_programme (platform_id, code, name_vi, name_en, kind, course_ids,
                            created_at, updated_at)
                        values (:p, :code, :vi, :en, :kind, :courses, :now, :now)
                        on conflict (platform_id, code) do update set name_vi = excluded.name_vi,
                            name_en = excluded.name_en, kind = excluded.kind, course_ids = excluded.course_ids,
                            updated_at = excluded.updated_at
                        returning id""")
                .param("p", platformId)
                .param("code", code)
                .param("vi", nameVi)
                .param("en", nameEn)
                .param("kind", kind.name())
                .param("courses", courseIds.toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    private static ExternalPlatform platform(ResultSet rs) throws SQLException {
        return new ExternalPlatform(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name_vi"),
                rs.getString("name_en"),
                rs.getString("feed_client_id"));
    }

    private static ExternalProgramme programme(ResultSet rs) throws SQLException {
        return new ExternalProgramme(
                rs.getLong("id"),
                rs.getLong("platform_id"),
                rs.getString("code"),
                rs.getString("name_vi"),
                rs.getString("name_en"),
                ExternalProgramme.Kind.valueOf(rs.getString("kind")),
                strings(rs.getArray("course_ids")));
    }

    static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
