package org.digilit.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.base.ProgrammeTime;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code account_import_check} table: every check of a people file (dry run or apply) with how many identity
 * numbers it matched outside the admin's scope, so that dry runs are audited and cannot serve as an oracle (DD007).
 * A check is recorded in a transaction of its own: it stays when the import it belongs to is refused and rolled back.
 */
@Component
class ImportChecks {

    private static final Logger log = LoggerFactory.getLogger(ImportChecks.class);

    private final JdbcClient jdbc;
    private final AuditService audit;
    private final ProgrammeTime time;

    ImportChecks(JdbcClient jdbc, AuditService audit, ProgrammeTime time) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.time = time;
    }

    /** Out-of-scope matches of the admin's checks today (in the programme's zone). */
    @Transactional(readOnly = true)
    public int matchesToday(String username) {
        var midnight = time.startOf(time.today());
        return jdbc.sql("select coalesce(sum(out_of_scope_matches), 0) from account_import_check"
                        + " where checked_by = :u and checked_at >= :since")
                .param("u", username)
                .param("since", Timestamp.from(midnight))
                .query(Integer.class)
                .single();
    }

    /** Records and audits one check; a capped one is also audited as such, for the platform admins. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(
            String username,
            String fileName,
            int rows,
            int outOfScopeMatches,
            boolean applied,
            boolean capped,
            @Nullable String clientAddress) {
        jdbc.sql("""
                        insert into account_import_check (checked_by, file_name, rows_read, out_of_scope_matches, applied,
                            capped, checked_at) values (:u, :file, :rows, :matches, :applied, :capped, :now)""")
                .param("u", username)
                .param("file", fileName)
                .param("rows", rows)
                .param("matches", outOfScopeMatches)
                .param("applied", applied)
                .param("capped", capped)
                .param("now", Timestamp.from(time.now()))
                .update();
        var details = "file=" + fileName + " rows=" + rows + " out-of-scope-matches=" + outOfScopeMatches;
        audit.record(new AuditEntry(
                username,
                applied ? "account.import-checked" : "account.import-dry-run",
                "account-import",
                null,
                clientAddress,
                details));
        if (capped) {
            audit.record(new AuditEntry(
                    username, "account.import-cap-reached", "account-import", null, clientAddress, details));
            log.warn(
                    "People-file checks of {} reached today's cap of matches outside their scope ({})",
                    username,
                    details);
        }
    }

    /** Checks that hit the cap lately, newest first (the platform admins' notice). */
    @Transactional(readOnly = true)
    public List<ImportCapNotice> cappedSince(Instant since) {
        return jdbc.sql("""
                        select checked_by, file_name, out_of_scope_matches, checked_at from account_import_check
                        where capped and checked_at >= :since order by checked_at desc limit 100""")
                .param("since", Timestamp.from(since))
                .query((rs, n) -> new ImportCapNotice(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }
}
