package org.digilit.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code activation_code} table: one live code per account (activation or reset), kept as a keyed hash that is
 * unique per code, so a code is found by itself before anything else is compared (DD007).
 */
@Component
class ActivationCodes {

    /** A live code, locked for the attempt, with what the attempt compares it against. */
    record Live(
            long accountId,
            String username,
            @Nullable String keycloakId,
            byte[] blindIndex,
            boolean verified,
            SlipPurpose purpose,
            Instant expires,
            int failures,
            boolean used) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    ActivationCodes(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /**
     * Saves new codes, each replacing the account's earlier one: rows of (account id, hash, created, expires, purpose,
     * issued by).
     */
    void save(List<Object[]> rows) {
        jdbcTemplate.batchUpdate("""
                        insert into activation_code (account_id, code_hash, created_at, expires_at, purpose, issued_by)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (account_id) do update set code_hash = excluded.code_hash,
                            created_at = excluded.created_at, expires_at = excluded.expires_at,
                            purpose = excluded.purpose, issued_by = excluded.issued_by,
                            failed_attempts = 0, used_at = null""", rows);
    }

    /** The code with this hash and its account, locked until the transaction ends. */
    Optional<Live> lockByHash(byte[] hash) {
        return jdbc.sql("""
                        select a.id, a.username, a.keycloak_id, a.id_blind_index, a.state = 'VERIFIED' as verified,
                            c.purpose, c.expires_at, c.failed_attempts, c.used_at is not null as used
                        from activation_code c join account a on a.id = c.account_id
                        where c.code_hash = :hash for update of c""")
                .param("hash", hash)
                .query((rs, n) -> new Live(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBytes(4),
                        rs.getBoolean(5),
                        SlipPurpose.valueOf(rs.getString(6)),
                        rs.getTimestamp(7).toInstant(),
                        rs.getInt(8),
                        rs.getBoolean(9)))
                .optional();
    }

    void countFailure(long accountId) {
        jdbc.sql("update activation_code set failed_attempts = failed_attempts + 1 where account_id = :id")
                .param("id", accountId)
                .update();
    }

    void markUsed(long accountId, Timestamp when) {
        jdbc.sql("update activation_code set used_at = :now where account_id = :id")
                .param("now", when)
                .param("id", accountId)
                .update();
    }
}
