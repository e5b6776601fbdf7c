package org.digilit.account;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.digilit.base.TextFolding;
import org.digilit.identity.ProtectedIdentityNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the bulk account import ({@code account_import} and {@code account}, owned by account): the run's record,
 * the accounts a chunk of the file matches, and the chunk's inserts, updates and claims as JDBC batches of
 * {@link #BATCH} rows. Matching, scope, the caps and audit stay in {@link AccountImportService}.
 */
@Repository
class AccountImportStore {

    /** Rows per JDBC batch: the import's chunk. */
    static final int BATCH = 1_000;

    private static final String INSERT = """
            insert into account (id_scheme, id_key_id, id_encrypted, id_blind_index, id_last_four, full_name, search_name,
                date_of_birth, gender, phone, email, organisation_id, audience, staff_number, state, source, import_id,
                created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 'IMPORT', ?, ?, ?)""";

    private static final String UPDATE = """
            update account set full_name = ?, search_name = ?, date_of_birth = ?, gender = ?, phone = ?, email = ?,
                organisation_id = ?, audience = ?, staff_number = ?, updated_at = ?,
                state = case when state = 'REJECTED' then 'PENDING' else state end
            where id = ?""";

    /** A claim: the file's data, the person's own where the file has none; the account joins this import. */
    private static final String CLAIM = """
            update account set full_name = ?, search_name = ?, date_of_birth = ?, gender = ?, phone = ?, email = ?,
                organisation_id = ?, audience = ?, staff_number = ?, import_id = ?, updated_at = ?,
                state = 'PENDING', state_reason = null
            where id = ?""";

    /** An account the file's identity numbers match, with its organisation. */
    record Existing(
            byte[] blindIndex,
            long id,
            String fullName,
            LocalDate dateOfBirth,
            String gender,
            @Nullable String phone,
            @Nullable String email,
            long organisationId,
            String organisationCode,
            String organisationPath,
            String audience,
            @Nullable String staffNumber,
            AccountState state,
            AccountSource source) {

        /** An unverified self-registration: the responsible organisation's import claims it (DD007). */
        boolean claimable() {
            return source == AccountSource.SELF_REGISTRATION
                    && (state == AccountState.PENDING || state == AccountState.REJECTED);
        }
    }

    /** A new account: the file's row, its sealed identity number, its organisation. */
    record NewAccount(AccountRow row, ProtectedIdentityNumber sealed, long organisationId) {}

    /** A row that changes an existing account (or claims it): the file's row, its organisation, the account. */
    record Change(AccountRow row, long organisationId, Existing known) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    AccountImportStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** One account import at a time (held to the end of the transaction). */
    void lockImports() {
        jdbc.sql("select pg_advisory_xact_lock(4242005)").query().singleValue();
    }

    long startImport(String fileName, String uploadedBy, Timestamp now) {
        return jdbc.sql("insert into account_import (file_name, uploaded_by, started_at)"
                        + " values (:file, :by, :now) returning id")
                .param("file", fileName)
                .param("by", uploadedBy)
                .param("now", now)
                .query(Long.class)
                .single();
    }

    void finishImport(long id, AccountImportReport report, Timestamp now) {
        jdbc.sql("update account_import set finished_at = :now, rows_read = :rows, created = :created,"
                        + " updated = :updated, unchanged = :unchanged where id = :id")
                .param("now", now)
                .param("rows", report.rows())
                .param("created", report.created())
                .param("updated", report.updated())
                .param("unchanged", report.unchanged())
                .param("id", id)
                .update();
    }

    /** The accounts with these blind indexes (hex). */
    List<Existing> existing(String[] hexKeys) {
        return jdbc.sql("""
                        select a.id, a.id_blind_index, a.full_name, a.date_of_birth, a.gender, a.phone, a.email,
                            a.organisation_id, o.code, o.path, a.audience, a.staff_number, a.state, a.source
                        from account a join organisation_directory o on o.id = a.organisation_id
                        where a.id_blind_index in (select decode(k, 'hex') from unnest(cast(:keys as text[])) k)""")
                .param("keys", hexKeys)
                .query((rs, n) -> new Existing(
                        rs.getBytes("id_blind_index"),
                        rs.getLong("id"),
                        rs.getString("full_name"),
                        rs.getDate("date_of_birth").toLocalDate(),
                        rs.getString("gender"),
                        rs.getString("phone"),
                        rs.getString("email"),
                        rs.getLong("organisation_id"),
                        rs.getString("code"),
                        rs.getString("path"),
                        rs.getString("audience"),
                        rs.getString("staff_number"),
                        AccountState.valueOf(rs.getString("state")),
                        AccountSource.valueOf(rs.getString("source"))))
                .list();
    }

    /** Inserts new accounts, pending, as part of this import. */
    void insert(List<NewAccount> creates, long importId, Timestamp now) {
        jdbcTemplate.batchUpdate(INSERT, creates, BATCH, (statement, candidate) -> {
            var row = candidate.row();
            var sealed = candidate.sealed();
            statement.setString(1, row.identityNumber().scheme().name());
            statement.setString(2, sealed.keyId());
            statement.setBytes(3, sealed.encrypted());
            statement.setBytes(4, sealed.blindIndex());
            statement.setString(5, sealed.lastFour());
            statement.setString(6, row.fullName());
            statement.setString(7, TextFolding.fold(row.fullName()));
            statement.setDate(8, Date.valueOf(row.dateOfBirth()));
            statement.setString(9, row.gender().name());
            statement.setString(10, row.phone());
            statement.setString(11, row.email());
            statement.setLong(12, candidate.organisationId());
            statement.setString(13, row.audience().name());
            statement.setString(14, row.staffNumber());
            statement.setLong(15, importId);
            statement.setTimestamp(16, now);
            statement.setTimestamp(17, now);
        });
    }

    /** Updates accounts with the file's data; a rejected account becomes pending again. */
    void update(List<Change> updates, Timestamp now) {
        jdbcTemplate.batchUpdate(UPDATE, updates, BATCH, (statement, change) -> {
            var row = change.row();
            statement.setString(1, row.fullName());
            statement.setString(2, TextFolding.fold(row.fullName()));
            statement.setDate(3, Date.valueOf(row.dateOfBirth()));
            statement.setString(4, row.gender().name());
            statement.setString(5, row.phone());
            statement.setString(6, row.email());
            statement.setLong(7, change.organisationId());
            statement.setString(8, row.audience().name());
            statement.setString(9, row.staffNumber());
            statement.setTimestamp(10, now);
            statement.setLong(11, change.known().id());
        });
    }

    /** Claims unverified self-registrations into this import: the file's data, the person's own where it has none. */
    void claim(List<Change> claims, long importId, Timestamp now) {
        jdbcTemplate.batchUpdate(CLAIM, claims, BATCH, (statement, change) -> {
            var row = change.row();
            var known = change.known();
            statement.setString(1, row.fullName());
            statement.setString(2, TextFolding.fold(row.fullName()));
            statement.setDate(3, Date.valueOf(row.dateOfBirth()));
            statement.setString(4, row.gender().name());
            statement.setString(5, row.phone() == null || row.phone().isEmpty() ? known.phone() : row.phone());
            statement.setString(6, row.email() == null ? known.email() : row.email());
            statement.setLong(7, change.organisationId());
            statement.setString(8, row.audience().name());
            statement.setString(9, row.staffNumber() == null ? known.staffNumber() : row.staffNumber());
            statement.setLong(10, importId);
            statement.setTimestamp(11, now);
            statement.setLong(12, known.id());
        });
    }
}
