package org.digilit.account;

import java.sql.Timestamp;
import java.util.List;
import org.digilit.account.MoveRequestService.MoveRequest;
import org.digilit.identity.IdentityNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of move requests ({@code account_move_request}, owned by account, DD007): written by the import, decided by
 * the platform admin. Who may decide, and the audit, stay in {@link MoveRequestService} and
 * {@link AccountImportService}.
 */
@Repository
class MoveRequestStore {

    private final JdbcClient jdbc;

    MoveRequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Asks for an account to move into an organisation; 0 when that request is open already. */
    int request(long accountId, long toOrganisationId, String requestedBy, long importId, Timestamp now) {
        return jdbc.sql("""
                        insert into account_move_request (account_id, to_organisation_id, requested_by, import_id,
                            created_at) values (:account, :to, :by, :import, :now) on conflict do nothing""")
                .param("account", accountId)
                .param("to", toOrganisationId)
                .param("by", requestedBy)
                .param("import", importId)
                .param("now", now)
                .update();
    }

    /** The open requests, oldest first, at most 500. */
    List<MoveRequest> open() {
        return jdbc.sql("""
                        select r.id, a.id, a.full_name, a.id_last_four, f.code, t.code, t.id, r.requested_by,
                            r.created_at
                        from account_move_request r join account a on a.id = r.account_id
                        join organisation_directory f on f.id = a.organisation_id join organisation_directory t on t.id = r.to_organisation_id
                        where r.decided_at is null order by r.created_at limit 500""")
                .query((rs, n) -> new MoveRequest(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        IdentityNumber.maskLastFour(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7),
                        rs.getString(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
    }

    /** Records the decision on a request not decided yet ({@code MOVED} or {@code DECLINED}). */
    void decide(long requestId, String by, String decision, Timestamp now) {
        jdbc.sql("update account_move_request set decided_at = :now, decided_by = :by, decision = :decision"
                        + " where id = :id and decided_at is null")
                .param("now", now)
                .param("by", by)
                .param("decision", decision)
                .param("id", requestId)
                .update();
    }
}
