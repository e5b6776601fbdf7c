package org.digilit.report;

import java.util.List;
import org.digilit.base.Audience;
import org.digilit.identity.IdentityNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the follow-up list: the people of a subtree (by its materialised path) who have not completed their
 * required courses. Reads the published views of account, learning and organisation through {@link ReportFigures}'s
 * people query (DD013); the scope check stays in {@link ReportService}.
 */
@Repository
class FollowUpQueries {

    private final JdbcClient jdbc;

    FollowUpQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String FOLLOW_UP_PEOPLE = "a.organisation_id in (select s.id from organisation_directory s "
            + "where s.path like :path) and (:audience = '' or a.audience = :audience)";

    List<FollowUpPerson> list(String path, @Nullable Audience audience, int offset, int limit) {
        return jdbc.sql(ReportFigures.people(FOLLOW_UP_PEOPLE, true) + """
                        select p.username, p.full_name, p.id_last_four, p.audience, p.activated_at, p.required, p.done,
                            o.code, o.name_vi
                        from person p join organisation_directory o on o.id = p.organisation_id
                        where p.done_at is null order by p.full_name, p.username offset :offset limit :limit""")
                .param("path", path + "%")
                .param("audience", audience == null ? "" : audience.name())
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, n) -> new FollowUpPerson(
                        rs.getString("username"),
                        rs.getString("full_name"),
                        IdentityNumber.maskLastFour(rs.getString("id_last_four")),
                        rs.getString("code"),
                        rs.getString("name_vi"),
                        Audience.valueOf(rs.getString("audience")),
                        rs.getTimestamp("activated_at") != null,
                        rs.getInt("required"),
                        rs.getInt("done")))
                .list();
    }

    int count(String path, @Nullable Audience audience) {
        return jdbc.sql(ReportFigures.people(FOLLOW_UP_PEOPLE, true)
                        + " select count(*) from person p where p.done_at is null")
                .param("path", path + "%")
                .param("audience", audience == null ? "" : audience.name())
                .query(Integer.class)
                .single();
    }
}
