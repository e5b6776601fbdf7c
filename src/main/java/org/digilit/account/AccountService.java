package org.digilit.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.audit.AuditService.AuditRecord;
import org.digilit.base.TextFolding;
import org.digilit.identity.IdentityNumber;
import org.digilit.identity.IdentityNumbers;
import org.digilit.identity.IdentityNumbers.Gender;
import org.digilit.identity.IdentityProtector;
import org.digilit.organisation.Audience;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.AuthenticatedUser;
import org.digilit.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts within the signed-in user's scope: listing and finding them (by name, username, or a whole identity number
 * through its blind index), their details and audit trail, and the changes an organisation admin makes — verify,
 * reject, deactivate, reactivate, move. Every change is audited and, when Keycloak must follow, written to the
 * provisioning outbox in the same transaction.
 */
@Service
public class AccountService {

    /** Most accounts one bulk action changes in one go (bulk verification of a whole province is several). */
    public static final int BULK_LIMIT = 500_000;

    public static final int REASON_MAX_LENGTH = 500;

    /** Accounts verified per transaction by "verify all". */
    static final int VERIFY_CHUNK = 5_000;

    static final String LIST_COLUMNS = """
            a.id, a.username, a.full_name, a.id_last_four, a.date_of_birth, a.audience, a.state, o.code as org_code,
            o.name_vi as org_name_vi, o.name_en as org_name_en, a.keycloak_id, a.activated_at""";

    private static final String DETAIL_COLUMNS = """
            a.*, o.code as org_code, o.name_vi as org_name_vi, o.name_en as org_name_en""";

    private final JdbcClient jdbc;
    private final OrganisationService organisations;
    private final IdentityProtector protector;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final ProvisioningOutbox outbox;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    AccountService(
            JdbcClient jdbc,
            OrganisationService organisations,
            IdentityProtector protector,
            CurrentUser currentUser,
            AuditService audit,
            ProvisioningOutbox outbox,
            Clock clock,
            org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.protector = protector;
        this.currentUser = currentUser;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
    }

    @Transactional(readOnly = true)
    public List<AccountListItem> list(AccountFilter filter, int offset, int limit) {
        var query = where(filter);
        if (query == null) {
            return List.of();
        }
        return jdbc.sql("select " + LIST_COLUMNS
                        + " from account a join organisation_directory o on o.id = a.organisation_id where "
                        + query.sql()
                        + " order by a.id desc offset :offset limit :limit")
                .params(query.parameters())
                .param("offset", offset)
                .param("limit", limit)
                .query(AccountService::mapListItem)
                .list();
    }

    @Transactional(readOnly = true)
    public int count(AccountFilter filter) {
        var query = where(filter);
        if (query == null) {
            return 0;
        }
        return jdbc.sql(
                        "select count(*) from account a join organisation_directory o on o.id = a.organisation_id where "
                                + query.sql())
                .params(query.parameters())
                .query(Integer.class)
                .single();
    }

    /** One account in scope; outside scope is refused (not hidden), unknown ids are simply absent. */
    @Transactional(readOnly = true)
    public Account get(long id) {
        var account = find(id).orElseThrow(() -> new NoSuchElementException("No such account"));
        requireInScope(account.organisationId());
        return account;
    }

    /** The signed-in learner's own account, if the platform provisioned it. */
    @Transactional(readOnly = true)
    public Optional<Account> mine() {
        return currentUser
                .get()
                .flatMap(user -> jdbc.sql(
                                "select " + DETAIL_COLUMNS
                                        + " from account a join organisation_directory o on o.id = a.organisation_id where a.username = :u")
                        .param("u", user.username())
                        .query(AccountService::mapAccount)
                        .optional());
    }

    /**
     * Verified accounts of an organisation's subtree, by part of the name or a username, for a feature that has checked
     * itself that the signed-in user acts for that organisation (in-person sessions: a facilitator enrols learners).
     */
    @Transactional(readOnly = true)
    public List<LearnerAccount> learnersIn(long organisationId, @Nullable String text, int limit) {
        var organisation = organisations.reference(organisationId).orElse(null);
        if (organisation == null) {
            return List.of();
        }
        var typed = text == null ? "" : text.strip();
        return jdbc.sql("""
                        select a.username, a.full_name, a.organisation_id, o.code, a.audience from account a
                        join organisation_directory o on o.id = a.organisation_id
                        where o.path like :path and a.state = 'VERIFIED'
                          and (:text = '' or a.search_name like :name or a.username = lower(:text))
                        order by a.search_name, a.id limit :limit""")
                .param("path", organisation.path() + "%")
                .param("text", typed)
                .param("name", "%" + escapeLike(TextFolding.fold(typed)) + "%")
                .param("limit", limit)
                .query(AccountService::mapLearner)
                .list();
    }

    /** A verified account by its username (join at the door by username or learner card). */
    @Transactional(readOnly = true)
    public Optional<LearnerAccount> learnerByUsername(String username) {
        return jdbc.sql("""
                        select a.username, a.full_name, a.organisation_id, o.code, a.audience from account a
                        join organisation_directory o on o.id = a.organisation_id where a.username = :u and a.state = 'VERIFIED'""")
                .param("u", username.strip().toLowerCase(java.util.Locale.ROOT))
                .query(AccountService::mapLearner)
                .optional();
    }

    /** A verified account by a whole identity number, found through its blind index (never logged, never stored). */
    @Transactional(readOnly = true)
    public Optional<LearnerAccount> learnerByIdentityNumber(String typed) {
        var check = IdentityNumbers.check(protector.scheme(), typed);
        if (!check.isValid()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select a.username, a.full_name, a.organisation_id, o.code, a.audience from account a
                        join organisation_directory o on o.id = a.organisation_id
                        where a.id_blind_index = :b and a.state = 'VERIFIED'""")
                .param("b", protector.blindIndex(check.validNumber().orElseThrow()))
                .query(AccountService::mapLearner)
                .optional();
    }

    private static LearnerAccount mapLearner(ResultSet rs, int row) throws SQLException {
        return new LearnerAccount(
                rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), Audience.valueOf(rs.getString(5)));
    }

    @Transactional(readOnly = true)
    public List<AuditRecord> trail(long id) {
        get(id);
        return audit.trail("account", String.valueOf(id), 200);
    }

    /** Verifies pending accounts in scope; returns how many changed. Each verified account goes to Keycloak. */
    @Transactional
    public int verify(Collection<Long> ids, @Nullable String clientAddress) {
        var user = currentUser.require();
        var pending = inScope(ids, AccountState.PENDING);
        if (pending.isEmpty()) {
            return 0;
        }
        var now = Timestamp.from(clock.instant());
        // Outbox first, account second: the order the provisioning worker locks them in (else the two deadlock).
        outbox.enqueue(pending);
        jdbc.sql("""
                        update account set state = 'VERIFIED', state_reason = null, verified_at = :now, verified_by = :by,
                            updated_at = :now where id = any (:ids) and state = 'PENDING'""")
                .param("now", now)
                .param("by", user.username())
                .param("ids", pending.toArray(Long[]::new))
                .update();
        auditEach(user, pending, "account.verified", clientAddress, null);
        return pending.size();
    }

    /**
     * Verifies every pending account the filter finds in scope (the queue's "verify all"), committing every
     * {@link #VERIFY_CHUNK} accounts: provisioning starts on the first ones while the rest are verified. Each chunk is
     * complete and audited; if the run stops half-way, running it again verifies the rest.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public int verifyAll(AccountFilter filter, @Nullable String clientAddress) {
        var ids = transactions.execute(status -> ids(filter.withState(AccountState.PENDING)));
        int verified = 0;
        for (int from = 0; ids != null && from < ids.size(); from += VERIFY_CHUNK) {
            var chunk = ids.subList(from, Math.min(ids.size(), from + VERIFY_CHUNK));
            Integer done = transactions.execute(status -> verify(chunk, clientAddress));
            verified += done == null ? 0 : done;
        }
        return verified;
    }

    /** Rejects pending accounts in scope, with a reason the trail keeps. */
    @Transactional
    public int reject(Collection<Long> ids, String reason, @Nullable String clientAddress) {
        var user = currentUser.require();
        var text = requireReason(reason);
        var pending = inScope(ids, AccountState.PENDING);
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        update account set state = 'REJECTED', state_reason = :reason, updated_at = :now
                        where id = any (:ids) and state = 'PENDING'""")
                .param("reason", text)
                .param("now", now)
                .param("ids", pending.toArray(Long[]::new))
                .update();
        auditEach(user, pending, "account.rejected", clientAddress, "reason=" + text);
        return pending.size();
    }

    /** Ends an account: disabled in Keycloak, kept in the platform (its history counts in past reports). */
    @Transactional
    public void deactivate(long id, String reason, @Nullable String clientAddress) {
        var account = get(id);
        var text = requireReason(reason);
        if (account.state() == AccountState.DEACTIVATED) {
            return;
        }
        changeState(account, AccountState.DEACTIVATED, text, "account.deactivated", clientAddress);
    }

    /** Brings a deactivated or rejected account back as verified. */
    @Transactional
    public void reactivate(long id, @Nullable String clientAddress) {
        var account = get(id);
        if (account.state() != AccountState.DEACTIVATED && account.state() != AccountState.REJECTED) {
            return;
        }
        changeState(account, AccountState.VERIFIED, null, "account.reactivated", clientAddress);
    }

    /** Moves an account to another organisation; both must be in the user's scope. Keycloak follows. */
    @Transactional
    public void move(long id, long organisationId, @Nullable String clientAddress) {
        var account = get(id);
        var target = organisations.reference(organisationId).orElseThrow(NoSuchElementException::new);
        if (!organisations.adminScope().includes(target.id(), target.path())) {
            throw new OutOfScopeException();
        }
        if (account.organisationId() == organisationId) {
            return;
        }
        // Outbox first, account second: the order the provisioning worker locks them in (else the two deadlock).
        if (account.state() != AccountState.PENDING && account.state() != AccountState.REJECTED) {
            outbox.enqueue(List.of(id));
        }
        jdbc.sql("update account set organisation_id = :org, updated_at = :now where id = :id")
                .param("org", organisationId)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        audit.record(new AuditEntry(
                currentUser.require().username(),
                "account.moved",
                "account",
                String.valueOf(id),
                clientAddress,
                "from=" + account.organisationCode() + " to=" + target.code()));
    }

    private void changeState(
            Account account, AccountState state, @Nullable String reason, String action, @Nullable String address) {
        // Outbox first, account second: the order the provisioning worker locks them in. The other way round, a
        // change to an account the worker is provisioning right now deadlocks with it.
        outbox.enqueue(List.of(account.id()));
        jdbc.sql("update account set state = :state, state_reason = :reason, updated_at = :now where id = :id")
                .param("state", state.name())
                .param("reason", reason)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", account.id())
                .update();
        audit.record(new AuditEntry(
                currentUser.require().username(),
                action,
                "account",
                String.valueOf(account.id()),
                address,
                reason == null ? null : "reason=" + reason));
    }

    private void auditEach(
            AuthenticatedUser user,
            List<Long> ids,
            String action,
            @Nullable String clientAddress,
            @Nullable String details) {
        var entries = new ArrayList<AuditEntry>(ids.size());
        for (var id : ids) {
            entries.add(new AuditEntry(user.username(), action, "account", String.valueOf(id), clientAddress, details));
        }
        audit.recordAll(entries);
    }

    private static String requireReason(String reason) {
        var text = reason.strip();
        if (text.isEmpty() || text.length() > REASON_MAX_LENGTH) {
            throw new IllegalArgumentException("A reason of 1 to " + REASON_MAX_LENGTH + " characters is required");
        }
        return text;
    }

    /** The ids among {@code ids} that are in scope and in {@code state}; refuses the lot if any is out of scope. */
    private List<Long> inScope(Collection<Long> ids, AccountState state) {
        if (ids.size() > BULK_LIMIT) {
            throw new IllegalArgumentException("At most " + BULK_LIMIT + " accounts at once");
        }
        var scope = organisations.adminScope();
        var array = ids.toArray(Long[]::new);
        var rows = jdbc.sql("select a.id, a.state, (" + scope.sqlCondition()
                        + ") as in_scope from account a join organisation_directory o on o.id = a.organisation_id"
                        + " where a.id = any (:ids)")
                .params(scope.sqlParameters())
                .param("ids", array)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBoolean(3)})
                .list();
        if (rows.stream().anyMatch(row -> !(Boolean) row[2])) {
            throw new OutOfScopeException();
        }
        return rows.stream()
                .filter(row -> state.name().equals(row[1]))
                .map(row -> (Long) row[0])
                .sorted()
                .toList();
    }

    private List<Long> ids(AccountFilter filter) {
        var query = where(filter);
        if (query == null) {
            return List.of();
        }
        return jdbc.sql("select a.id from account a join organisation_directory o on o.id = a.organisation_id where "
                        + query.sql() + " order by a.id limit " + BULK_LIMIT)
                .params(query.parameters())
                .query(Long.class)
                .list();
    }

    private void requireInScope(long organisationId) {
        var organisation = organisations.reference(organisationId).orElseThrow(NoSuchElementException::new);
        if (!organisations.adminScope().includes(organisation.id(), organisation.path())) {
            throw new OutOfScopeException();
        }
    }

    private Optional<Account> find(long id) {
        return jdbc.sql("select " + DETAIL_COLUMNS
                        + " from account a join organisation_directory o on o.id = a.organisation_id where a.id = :id")
                .param("id", id)
                .query(AccountService::mapAccount)
                .optional();
    }

    private record Where(String sql, Map<String, Object> parameters) {}

    /** The filter as SQL over {@code account a join organisation_directory o}, within scope; null when the scope is empty. */
    private @Nullable Where where(AccountFilter filter) {
        var scope = organisations.adminScope();
        if (scope.isEmpty()) {
            return null;
        }
        var sql = new StringBuilder(scope.sqlCondition());
        var parameters = new HashMap<String, Object>(scope.sqlParameters());
        if (filter.organisationId() != null) {
            var organisation = organisations.reference(filter.organisationId()).orElse(null);
            if (organisation == null) {
                return null;
            }
            sql.append(" and o.path like :orgPath");
            parameters.put("orgPath", organisation.path() + "%");
        }
        if (filter.audience() != null) {
            sql.append(" and a.audience = :audience");
            parameters.put("audience", filter.audience().name());
        }
        if (filter.state() != null) {
            sql.append(" and a.state = :state");
            parameters.put("state", filter.state().name());
        }
        var text = filter.text() == null ? "" : filter.text().strip();
        if (!text.isEmpty()) {
            var check = IdentityNumbers.check(protector.scheme(), text);
            if (check.isValid()) {
                sql.append(" and a.id_blind_index = :blindIndex");
                parameters.put(
                        "blindIndex", protector.blindIndex(check.validNumber().orElseThrow()));
            } else if (text.matches("(?i)dl\\d{4,}")) {
                sql.append(" and a.username = :username");
                parameters.put("username", text.toLowerCase(java.util.Locale.ROOT));
            } else {
                sql.append(" and a.search_name like :name");
                parameters.put("name", "%" + escapeLike(TextFolding.fold(text)) + "%");
            }
        }
        return new Where(sql.toString(), parameters);
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static AccountListItem mapListItem(ResultSet rs, int row) throws SQLException {
        return new AccountListItem(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("full_name"),
                IdentityNumber.maskLastFour(rs.getString("id_last_four")),
                rs.getDate("date_of_birth").toLocalDate(),
                Audience.valueOf(rs.getString("audience")),
                AccountState.valueOf(rs.getString("state")),
                rs.getString("org_code"),
                rs.getString("org_name_vi"),
                rs.getString("org_name_en"),
                rs.getString("keycloak_id") != null,
                instant(rs, "activated_at"));
    }

    static Account mapAccount(ResultSet rs, int row) throws SQLException {
        return new Account(
                rs.getLong("id"),
                rs.getString("username"),
                IdentityNumber.maskLastFour(rs.getString("id_last_four")),
                rs.getString("full_name"),
                rs.getDate("date_of_birth").toLocalDate(),
                Gender.valueOf(rs.getString("gender")),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getLong("organisation_id"),
                rs.getString("org_code"),
                rs.getString("org_name_vi"),
                rs.getString("org_name_en"),
                Audience.valueOf(rs.getString("audience")),
                rs.getString("staff_number"),
                AccountState.valueOf(rs.getString("state")),
                rs.getString("state_reason"),
                AccountSource.valueOf(rs.getString("source")),
                rs.getBoolean("self_registered"),
                rs.getString("keycloak_id"),
                instant(rs, "provisioned_at"),
                instant(rs, "activated_at"),
                instant(rs, "verified_at"),
                rs.getString("verified_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    /**
     * An account found by the blind index of an identity number: for features that match people by identity number
     * without ever holding it in clear (completions imported from other platforms, issue #17).
     */
    public record IdentityMatch(
            byte[] blindIndex,
            long accountId,
            String username,
            long organisationId,
            String organisationCode,
            String organisationPath,
            String audience,
            AccountState state) {}

    /**
     * The accounts with these blind indexes (at most a few thousand a call). No scope check here: the caller is a
     * service that checks its own user's scope against each match's organisation path, or a system task.
     */
    @Transactional(readOnly = true)
    public List<IdentityMatch> findByBlindIndexes(Collection<byte[]> blindIndexes) {
        if (blindIndexes.isEmpty()) {
            return List.of();
        }
        var hex = java.util.HexFormat.of();
        return jdbc.sql("""
                        select a.id_blind_index, a.id, a.username, o.id as org_id, o.code, o.path, a.audience, a.state
                        from account a join organisation_directory o on o.id = a.organisation_id
                        where a.id_blind_index = any (array(select decode(k, 'hex') from unnest(cast(:keys as text[])) k))""")
                .param("keys", blindIndexes.stream().map(hex::formatHex).toArray(String[]::new))
                .query((rs, n) -> new IdentityMatch(
                        rs.getBytes(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        AccountState.valueOf(rs.getString(8))))
                .list();
    }
}
