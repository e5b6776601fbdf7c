package org.digilit.account;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.digilit.base.Audience;
import org.digilit.identity.IdentityNumber;
import org.digilit.identity.IdentityNumbers.Gender;
import org.digilit.identity.ProtectedIdentityNumber;
import org.digilit.organisation.OrganisationScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of accounts ({@code account}, owned by account), joined to the organisation's published
 * {@code organisation_directory}: lists and searches, state changes, self-registration, activation and reconciliation.
 * Scope checks, validation, the provisioning outbox and audit stay in the services; the bulk import's statements are in
 * {@link AccountImportStore}.
 */
@Repository
class AccountStore {

    private static final String LIST_COLUMNS = """
            a.id, a.username, a.full_name, a.id_last_four, a.date_of_birth, a.audience, a.state, o.code as org_code,
            o.name_vi as org_name_vi, o.name_en as org_name_en, a.keycloak_id, a.activated_at""";

    private static final String DETAIL_COLUMNS = """
            a.*, o.code as org_code, o.name_vi as org_name_vi, o.name_en as org_name_en""";

    /**
     * What a list of accounts is filtered by, within a scope (which must not be empty). At most one of
     * {@code blindIndex}, {@code username} and {@code name} (a folded part of the name) is given.
     */
    record Criteria(
            OrganisationScope scope,
            @Nullable String organisationPath,
            @Nullable Audience audience,
            @Nullable AccountState state,
            byte @Nullable [] blindIndex,
            @Nullable String username,
            @Nullable String name) {}

    /** An account's id and state, and whether its organisation is in the scope asked about. */
    record ScopedState(long id, String state, boolean inScope) {}

    /** A list item with its organisation's id and path, for a scope check. */
    record Located(AccountListItem item, long organisationId, String organisationPath) {}

    /** What an activation slip needs of an account, and whether it may have one now. */
    record SlipAccount(
            long id,
            String username,
            String fullName,
            String lastFour,
            String orgVi,
            String orgEn,
            long orgId,
            String orgPath,
            String audience,
            boolean eligible) {}

    /** An account found by the blind index of a self-registration. */
    record Registered(long id, String fullName, LocalDate born, boolean selfRegistered) {}

    /** A provisioned account as reconciliation compares it with Keycloak. */
    record Provisioned(long id, String keycloakId, String state, String organisationCode) {}

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // Lists and searches -----------------------------------------------------------------------------------------

    List<AccountListItem> list(Criteria criteria, int offset, int limit) {
        var query = where(criteria);
        return jdbc.sql("select " + LIST_COLUMNS
                        + " from account a join organisation_directory o on o.id = a.organisation_id where "
                        + query.sql()
                        + " order by a.id desc offset :offset limit :limit")
                .params(query.parameters())
                .param("offset", offset)
                .param("limit", limit)
                .query(AccountStore::mapListItem)
                .list();
    }

    int count(Criteria criteria) {
        var query = where(criteria);
        return jdbc.sql(
                        "select count(*) from account a join organisation_directory o on o.id = a.organisation_id where "
                                + query.sql())
                .params(query.parameters())
                .query(Integer.class)
                .single();
    }

    /** The ids the criteria find, in id order, at most {@code limit}. */
    List<Long> ids(Criteria criteria, int limit) {
        var query = where(criteria);
        return jdbc.sql("select a.id from account a join organisation_directory o on o.id = a.organisation_id where "
                        + query.sql() + " order by a.id limit " + limit)
                .params(query.parameters())
                .query(Long.class)
                .list();
    }

    Optional<Account> find(long id) {
        return jdbc.sql("select " + DETAIL_COLUMNS
                        + " from account a join organisation_directory o on o.id = a.organisation_id where a.id = :id")
                .param("id", id)
                .query(AccountStore::mapAccount)
                .optional();
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql(
                        "select " + DETAIL_COLUMNS
                                + " from account a join organisation_directory o on o.id = a.organisation_id where a.username = :u")
                .param("u", username)
                .query(AccountStore::mapAccount)
                .optional();
    }

    /** The states of these accounts, and whether each is in the scope. */
    List<ScopedState> states(Collection<Long> ids, OrganisationScope scope) {
        return jdbc.sql("select a.id, a.state, (" + scope.sqlCondition()
                        + ") as in_scope from account a join organisation_directory o on o.id = a.organisation_id"
                        + " where a.id = any (:ids)")
                .params(scope.sqlParameters())
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> new ScopedState(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
                .list();
    }

    /** Verified accounts of a subtree (by its path) by a folded part of the name or a username. */
    List<LearnerAccount> verifiedIn(String path, String text, String name, int limit) {
        return jdbc.sql("""
                        select a.username, a.full_name, a.organisation_id, o.code, a.audience from account a
                        join organisation_directory o on o.id = a.organisation_id
                        where o.path like :path and a.state = 'VERIFIED'
                          and (:text = '' or a.search_name like :name or a.username = lower(:text))
                        order by a.search_name, a.id limit :limit""")
                .param("path", path + "%")
                .param("text", text)
                .param("name", name)
                .param("limit", limit)
                .query(AccountStore::mapLearner)
                .list();
    }

    Optional<LearnerAccount> verifiedByUsername(String username) {
        return jdbc.sql("""
                        select a.username, a.full_name, a.organisation_id, o.code, a.audience from account a
                        join organisation_directory o on o.id = a.organisation_id where a.username = :u and a.state = 'VERIFIED'""")
                .param("u", username)
                .query(AccountStore::mapLearner)
                .optional();
    }

    Optional<LearnerAccount> verifiedByBlindIndex(byte[] blindIndex) {
        return jdbc.sql("""
                        select a.username, a.full_name, a.organisation_id, o.code, a.audience from account a
                        join organisation_directory o on o.id = a.organisation_id
                        where a.id_blind_index = :b and a.state = 'VERIFIED'""")
                .param("b", blindIndex)
                .query(AccountStore::mapLearner)
                .optional();
    }

    /** The accounts with these blind indexes (hex), with their organisations. */
    List<AccountService.IdentityMatch> byBlindIndexes(String[] hexKeys) {
        return jdbc.sql("""
                        select a.id_blind_index, a.id, a.username, o.id as org_id, o.code, o.path, a.audience, a.state
                        from account a join organisation_directory o on o.id = a.organisation_id
                        where a.id_blind_index = any (array(select decode(k, 'hex') from unnest(cast(:keys as text[])) k))""")
                .param("keys", hexKeys)
                .query((rs, n) -> new AccountService.IdentityMatch(
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

    // State changes ----------------------------------------------------------------------------------------------

    void verifyPending(List<Long> ids, String by, Timestamp now) {
        jdbc.sql("""
                        update account set state = 'VERIFIED', state_reason = null, verified_at = :now, verified_by = :by,
                            updated_at = :now where id = any (:ids) and state = 'PENDING'""")
                .param("now", now)
                .param("by", by)
                .param("ids", ids.toArray(Long[]::new))
                .update();
    }

    void rejectPending(List<Long> ids, String reason, Timestamp now) {
        jdbc.sql("""
                        update account set state = 'REJECTED', state_reason = :reason, updated_at = :now
                        where id = any (:ids) and state = 'PENDING'""")
                .param("reason", reason)
                .param("now", now)
                .param("ids", ids.toArray(Long[]::new))
                .update();
    }

    void setState(long id, AccountState state, @Nullable String reason, Timestamp now) {
        jdbc.sql("update account set state = :state, state_reason = :reason, updated_at = :now where id = :id")
                .param("state", state.name())
                .param("reason", reason)
                .param("now", now)
                .param("id", id)
                .update();
    }

    void moveTo(long id, long organisationId, Timestamp now) {
        jdbc.sql("update account set organisation_id = :org, updated_at = :now where id = :id")
                .param("org", organisationId)
                .param("now", now)
                .param("id", id)
                .update();
    }

    // Activation -------------------------------------------------------------------------------------------------

    /** The verified, provisioned and activated account with this blind index, with its organisation. */
    List<Located> activatedByBlindIndex(byte[] blindIndex) {
        return activatedWhere("a.id_blind_index = :key", blindIndex);
    }

    /** The verified, provisioned and activated account with this username, with its organisation. */
    List<Located> activatedByUsername(String username) {
        return activatedWhere("a.username = :key", username);
    }

    private List<Located> activatedWhere(String condition, Object key) {
        return jdbc.sql("select " + LIST_COLUMNS + ", o.id as org_id, o.path as org_path from account a"
                        + " join organisation_directory o on o.id = a.organisation_id where " + condition
                        + " and a.state = 'VERIFIED' and a.keycloak_id is not null and a.activated_at is not null")
                .param("key", key)
                .query((rs, n) -> new Located(mapListItem(rs, n), rs.getLong("org_id"), rs.getString("org_path")))
                .list();
    }

    /**
     * The accounts asked for a slip, by organisation and name; eligible when verified and provisioned, and activated
     * (for a reset) or not yet (for a first activation).
     */
    List<SlipAccount> slipAccounts(Collection<Long> ids, boolean reset) {
        return jdbc.sql("select a.id, a.username, a.full_name, a.id_last_four, o.name_vi, o.name_en, o.id, o.path,"
                        + " a.audience, (a.state = 'VERIFIED' and a.keycloak_id is not null and"
                        + (reset ? " a.activated_at is not null" : " a.activated_at is null")
                        + ") as eligible from account a join organisation_directory o on o.id = a.organisation_id"
                        + " where a.id = any (:ids) order by o.code, a.full_name")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> new SlipAccount(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getBoolean(10)))
                .list();
    }

    /** Records the first activation (a later one keeps the first time). */
    void markActivated(long id, Timestamp now) {
        jdbc.sql("update account set activated_at = coalesce(activated_at, :now), updated_at = :now where id = :id")
                .param("now", now)
                .param("id", id)
                .update();
    }

    // Self-registration ------------------------------------------------------------------------------------------

    /** Inserts a pending self-registered citizen; empty when the identity number is known already. */
    Optional<Long> insertSelfRegistered(
            IdentityNumber number,
            ProtectedIdentityNumber sealed,
            String name,
            String searchName,
            LocalDate born,
            Gender gender,
            @Nullable String phone,
            long organisationId,
            Timestamp now) {
        return jdbc.sql("""
                        insert into account (id_scheme, id_key_id, id_encrypted, id_blind_index, id_last_four, full_name,
                            search_name, date_of_birth, gender, phone, organisation_id, audience, state, source,
                            self_registered, created_at, updated_at)
                        values (:scheme, :key, :encrypted, :bi, :last4, :name, :search, :born, :gender, :phone, :org,
                            'CITIZEN', 'PENDING', 'SELF_REGISTRATION', true, :now, :now)
                        on conflict (id_blind_index) do nothing returning id""")
                .param("scheme", number.scheme().name())
                .param("key", sealed.keyId())
                .param("encrypted", sealed.encrypted())
                .param("bi", sealed.blindIndex())
                .param("last4", sealed.lastFour())
                .param("name", name)
                .param("search", searchName)
                .param("born", Date.valueOf(born))
                .param("gender", gender.name())
                .param("phone", phone)
                .param("org", organisationId)
                .param("now", now)
                .query(Long.class)
                .optional();
    }

    Registered registeredByBlindIndex(byte[] blindIndex) {
        return jdbc.sql("select id, full_name, date_of_birth, self_registered from account where id_blind_index = :bi")
                .param("bi", blindIndex)
                .query((rs, n) -> new Registered(
                        rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getBoolean(4)))
                .single();
    }

    void markSelfRegistered(long id, Timestamp now) {
        jdbc.sql("update account set self_registered = true, updated_at = :now where id = :id")
                .param("now", now)
                .param("id", id)
                .update();
    }

    // Reconciliation ---------------------------------------------------------------------------------------------

    /** Every account that has a Keycloak user, with its state and organisation. */
    List<Provisioned> provisioned() {
        return jdbc.sql("""
                        select a.id, a.keycloak_id, a.state, o.code from account a join organisation_directory o
                        on o.id = a.organisation_id where a.keycloak_id is not null""")
                .query((rs, n) -> new Provisioned(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Forgets the Keycloak users of these accounts (gone from Keycloak: provisioning creates them again). */
    void forgetKeycloakUsers(Collection<Long> ids) {
        jdbc.sql("update account set keycloak_id = null where id = any (:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .update();
    }

    // Mapping ----------------------------------------------------------------------------------------------------

    private record Where(String sql, Map<String, Object> parameters) {}

    /** The criteria as SQL over {@code account a join organisation_directory o}, within their scope. */
    private static Where where(Criteria criteria) {
        var scope = criteria.scope();
        var sql = new StringBuilder(scope.sqlCondition());
        var parameters = new HashMap<String, Object>(scope.sqlParameters());
        if (criteria.organisationPath() != null) {
            sql.append(" and o.path like :orgPath");
            parameters.put("orgPath", criteria.organisationPath() + "%");
        }
        if (criteria.audience() != null) {
            sql.append(" and a.audience = :audience");
            parameters.put("audience", criteria.audience().name());
        }
        if (criteria.state() != null) {
            sql.append(" and a.state = :state");
            parameters.put("state", criteria.state().name());
        }
        if (criteria.blindIndex() != null) {
            sql.append(" and a.id_blind_index = :blindIndex");
            parameters.put("blindIndex", criteria.blindIndex());
        } else if (criteria.username() != null) {
            sql.append(" and a.username = :username");
            parameters.put("username", criteria.username());
        } else if (criteria.name() != null) {
            sql.append(" and a.search_name like :name");
            parameters.put("name", criteria.name());
        }
        return new Where(sql.toString(), parameters);
    }

    private static LearnerAccount mapLearner(ResultSet rs, int row) throws SQLException {
        return new LearnerAccount(
                rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), Audience.valueOf(rs.getString(5)));
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
}
