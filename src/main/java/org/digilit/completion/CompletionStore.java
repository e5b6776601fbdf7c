package org.digilit.completion;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of imported completions ({@code external_completion}, {@code completion_import}) and the holding list. */
@Component
class CompletionStore {

    private static final HexFormat HEX = HexFormat.of();

    /** One completions import, feed call or matcher pass at a time: two must not race on the same person. */
    private static final long LOCK = 4242017;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    CompletionStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** A stored completion, as the import compares a new row with it. */
    record Stored(long id, LocalDate completedOn, @Nullable Long accountId) {}

    /** A row to insert or update. {@code account}: the matched account, null to hold the row. */
    record Write(
            long platformId,
            long programmeId,
            byte[] blindIndex,
            String lastFour,
            String fullName,
            LocalDate completedOn,
            @Nullable String certificateNumber,
            @Nullable BigDecimal score,
            @Nullable String recordId,
            String @Nullable [] scopePaths,
            @Nullable Long importId,
            @Nullable Long accountId,
            @Nullable String username) {}

    /** A held row, as the matcher reads it. */
    record Held(long id, long programmeId, byte[] blindIndex, LocalDate completedOn, String @Nullable [] scopePaths) {}

    /** The stored completions of these programmes and people, keyed by {@link #key}. */
    Map<String, Stored> stored(Collection<Long> programmeIds, Collection<byte[]> blindIndexes) {
        var result = new HashMap<String, Stored>();
        if (blindIndexes.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        select id, programme_id, id_blind_index, completed_on, account_id from external_completion
                        where programme_id = any (:programmes)
                            and id_blind_index = any (array(select decode(k, 'hex') from unnest(cast(:keys as text[])) k))""")
                .param("programmes", programmeIds.toArray(Long[]::new))
                .param("keys", blindIndexes.stream().map(HEX::formatHex).toArray(String[]::new))
                .query((rs, n) -> result.put(
                        key(rs.getLong(2), rs.getBytes(3)),
                        new Stored(rs.getLong(1), rs.getDate(4).toLocalDate(), rs.getObject(5, Long.class))))
                .list();
        return result;
    }

    /** The platform's record ids already received, of these. */
    java.util.Set<String> knownRecords(long platformId, Collection<String> recordIds) {
        if (recordIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(
                jdbc.sql("select record_id from external_completion where platform_id = :p and record_id = any (:ids)")
                        .param("p", platformId)
                        .param("ids", recordIds.toArray(String[]::new))
                        .query(String.class)
                        .list());
    }

    static String key(long programmeId, byte[] blindIndex) {
        return programmeId + ":" + HEX.formatHex(blindIndex);
    }

    void insert(List<Write> writes, Instant now) {
        jdbcTemplate.batchUpdate("""
                insert into external_completion (platform_id, programme_id, id_blind_index, id_last_four, full_name,
                    completed_on, certificate_number, score, record_id, scope_paths, import_id, account_id, username,
                    held_reason, received_at, matched_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""", writes, 1_000, (ps, w) -> {
            ps.setLong(1, w.platformId());
            ps.setLong(2, w.programmeId());
            ps.setBytes(3, w.blindIndex());
            ps.setString(4, w.lastFour());
            ps.setString(5, w.fullName());
            ps.setDate(6, Date.valueOf(w.completedOn()));
            ps.setString(7, w.certificateNumber());
            ps.setBigDecimal(8, w.score());
            ps.setString(9, w.recordId());
            ps.setArray(10, w.scopePaths() == null ? null : ps.getConnection().createArrayOf("text", w.scopePaths()));
            ps.setObject(11, w.importId(), java.sql.Types.BIGINT);
            ps.setObject(12, w.accountId(), java.sql.Types.BIGINT);
            ps.setString(13, w.username());
            ps.setString(14, w.accountId() == null ? "NO_ACCOUNT" : null);
            ps.setTimestamp(15, Timestamp.from(now));
            ps.setTimestamp(16, w.accountId() == null ? null : Timestamp.from(now));
        });
    }

    /** An earlier date, or a held row now matched (the earliest date stays). */
    void update(long id, Write w, Instant now) {
        jdbc.sql("""
                        update external_completion set completed_on = least(completed_on, :on),
                            certificate_number = case when :on < completed_on then :cert else certificate_number end,
                            score = case when :on < completed_on then :score else score end,
                            record_id = coalesce(record_id, :record),
                            account_id = coalesce(account_id, :account), username = coalesce(username, :username),
                            held_reason = case when coalesce(account_id, :account) is null then held_reason end,
                            matched_at = case when account_id is null and :account is not null then :now
                                else matched_at end
                        where id = :id""")
                .param("id", id)
                .param("on", Date.valueOf(w.completedOn()))
                .param("cert", w.certificateNumber(), java.sql.Types.VARCHAR)
                .param("score", w.score(), java.sql.Types.NUMERIC)
                .param("record", w.recordId(), java.sql.Types.VARCHAR)
                .param("account", w.accountId(), java.sql.Types.BIGINT)
                .param("username", w.username(), java.sql.Types.VARCHAR)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The held rows after {@code afterId}, oldest first. */
    List<Held> held(long afterId, int limit) {
        return jdbc.sql("""
                        select id, programme_id, id_blind_index, completed_on, scope_paths from external_completion
                        where account_id is null and id > :after order by id limit :limit""")
                .param("after", afterId)
                .param("limit", limit)
                .query((rs, n) -> new Held(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getBytes(3),
                        rs.getDate(4).toLocalDate(),
                        rs.getArray(5) == null
                                ? null
                                : (String[]) rs.getArray(5).getArray()))
                .list();
    }

    /** Matches a held row to an account (only while it is still held). */
    int match(long id, long accountId, String username, Instant now) {
        return jdbc.sql("""
                        update external_completion set account_id = :account, username = :username, held_reason = null,
                            matched_at = :now where id = :id and account_id is null""")
                .param("id", id)
                .param("account", accountId)
                .param("username", username)
                .param("now", Timestamp.from(now))
                .update();
    }

    long startImport(String fileName, String by, Instant now) {
        return jdbc.sql("""
                        insert into completion_import (file_name, imported_by, started_at) values (:f, :by, :now)
                        returning id""")
                .param("f", fileName)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    void finishImport(long id, CompletionImportReport report, Instant now) {
        jdbc.sql("""
                        update completion_import set finished_at = :now, rows_read = :rows, matched = :matched,
                            held = :held, unchanged = :unchanged where id = :id""")
                .param("id", id)
                .param("now", Timestamp.from(now))
                .param("rows", report.rows())
                .param("matched", report.matched())
                .param("held", report.held())
                .param("unchanged", report.unchanged())
                .update();
    }

    /** The holding list as people see it: within {@code scopePaths} (null: everything), newest first. */
    List<HeldCompletion> heldList(String @Nullable [] scopePaths, int offset, int limit) {
        return jdbc.sql("""
                        select h.id, h.full_name, h.id_last_four, p.code as platform_code, p.name_vi, p.name_en,
                            g.code as programme_code, h.completed_on, h.held_reason, h.received_at
                        from external_completion h
                        join external_platform p on p.id = h.platform_id
                        join external_programme g on g.id = h.programme_id
                        where h.account_id is null and (""" + scopeCondition(scopePaths) + """
                        ) order by h.received_at desc, h.id desc offset :offset limit :limit""")
                .param("mine", scopePaths == null ? new String[0] : scopePaths)
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, n) -> new HeldCompletion(
                        rs.getLong("id"),
                        rs.getString("full_name"),
                        org.digilit.identity.IdentityNumber.maskLastFour(rs.getString("id_last_four")),
                        rs.getString("platform_code"),
                        rs.getString("name_vi"),
                        rs.getString("name_en"),
                        rs.getString("programme_code"),
                        rs.getDate("completed_on").toLocalDate(),
                        rs.getString("held_reason"),
                        rs.getTimestamp("received_at").toInstant()))
                .list();
    }

    int countHeld(String @Nullable [] scopePaths) {
        return jdbc.sql("select count(*) from external_completion h where h.account_id is null and ("
                        + scopeCondition(scopePaths) + ")")
                .param("mine", scopePaths == null ? new String[0] : scopePaths)
                .query(Integer.class)
                .single();
    }

    /** Held rows an importer of this scope put there: theirs, or in a subtree of theirs. */
    private static String scopeCondition(String @Nullable [] scopePaths) {
        return scopePaths == null
                ? "true"
                : "h.scope_paths is not null and exists (select 1 from unnest(h.scope_paths) sp, unnest(cast(:mine as"
                        + " text[])) m where sp like m || '%')";
    }

    /** A learner's imported completions, newest first. */
    List<org.digilit.learning.CompletionsElsewhere.Line> ofLearner(String username) {
        return jdbc.sql("""
                        select p.name_vi, p.name_en, g.name_vi as g_vi, g.name_en as g_en, c.completed_on,
                            c.certificate_number, g.course_ids
                        from external_completion c
                        join external_platform p on p.id = c.platform_id
                        join external_programme g on g.id = c.programme_id
                        where c.username = :u order by c.completed_on desc, c.id desc""")
                .param("u", username)
                .query((rs, n) -> new org.digilit.learning.CompletionsElsewhere.Line(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getDate(5).toLocalDate(),
                        rs.getString(6),
                        PlatformStore.strings(rs.getArray(7))))
                .list();
    }

    /** Takes the completions lock, held to the end of the transaction. */
    void lock() {
        jdbc.sql("select pg_advisory_xact_lock(" + LOCK + ")").query().singleValue();
    }
}
