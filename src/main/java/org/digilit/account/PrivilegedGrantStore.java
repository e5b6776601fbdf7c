package org.digilit.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The table of privileged roles the platform granted ({@code privileged_role_grant}, V20). */
@Component
class PrivilegedGrantStore {

    private final JdbcClient jdbc;

    PrivilegedGrantStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every grant as {@code username + "|" + role}, usernames in lower case as Keycloak keeps them. */
    Set<String> all() {
        return new HashSet<>(jdbc.sql("select lower(username) || '|' || role from privileged_role_grant")
                .query(String.class)
                .list());
    }

    /** Records a grant; true when it is new. */
    boolean grant(String username, String role, String grantedBy, Instant at) {
        return jdbc.sql("""
                        insert into privileged_role_grant (username, role, granted_by, granted_at)
                        values (lower(:username), :role, :by, :at) on conflict do nothing""")
                        .param("username", username)
                        .param("role", role)
                        .param("by", grantedBy)
                        .param("at", Timestamp.from(at))
                        .update()
                > 0;
    }

    static String key(String username, String role) {
        return username.toLowerCase(java.util.Locale.ROOT) + "|" + role;
    }
}
