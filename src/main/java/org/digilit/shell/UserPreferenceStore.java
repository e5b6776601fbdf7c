package org.digilit.shell;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@code user_preference}: each signed-in user's choices, keyed by their Keycloak subject. */
@Repository
class UserPreferenceStore {

    private final JdbcClient jdbc;

    UserPreferenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> locale(String subject) {
        return jdbc.sql("select locale from user_preference where user_subject = :subject")
                .param("subject", subject)
                .query(String.class)
                .optional();
    }

    void saveLocale(String subject, String locale, Instant when) {
        jdbc.sql("""
                        insert into user_preference (user_subject, locale, updated_at) values (:subject, :locale, :when)
                        on conflict (user_subject) do update set locale = excluded.locale, updated_at = excluded.updated_at""")
                .param("subject", subject)
                .param("locale", locale)
                .param("when", java.sql.Timestamp.from(when))
                .update();
    }
}
