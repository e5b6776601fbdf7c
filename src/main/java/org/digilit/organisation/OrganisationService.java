package org.digilit.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.base.TextFolding;
import org.digilit.security.AuthenticatedUser;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation tree: reading it within the current user's scope, searching it, and moving subtrees. Every method
 * checks scope itself; a view hiding a button is never the only guard.
 */
@Service
public class OrganisationService {

    static final String COLUMNS = """
            o.id, o.code, o.parent_id, o.type, o.name_vi, o.name_en, o.expected_citizens, o.expected_teachers,
            o.expected_officials, o.path, o.depth,
            (select count(*) from organisation c where c.parent_id = o.id) as child_count""";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    OrganisationService(JdbcClient jdbc, CurrentUser currentUser, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** The scope of the signed-in user (nothing for anonymous users). */
    @Transactional(readOnly = true)
    public OrganisationScope currentScope() {
        return currentUser.get().map(this::scopeOf).orElse(OrganisationScope.nothing());
    }

    /**
     * A user's scope: a platform admin sees everything; an organisation admin the subtree of their account's
     * organisation; a working-group member what their groups follow. Several roles add up.
     */
    @Transactional(readOnly = true)
    public OrganisationScope scopeOf(AuthenticatedUser user) {
        if (user.has(Role.PLATFORM_ADMIN)) {
            return OrganisationScope.all();
        }
        var paths = new java.util.ArrayList<String>();
        var singles = new HashSet<Long>();
        if (user.has(Role.ORG_ADMIN) && user.organisationCode() != null) {
            jdbc.sql("select path from organisation where code = :code")
                    .param("code", user.organisationCode())
                    .query(String.class)
                    .optional()
                    .ifPresent(paths::add);
        }
        if (user.has(Role.WORKING_GROUP)) {
            jdbc.sql("""
                            select o.id, o.path, s.include_subtree from working_group_scope s
                            join working_group_member m on m.working_group_id = s.working_group_id
                            join organisation o on o.id = s.organisation_id
                            where m.username = :username""")
                    .param("username", user.username())
                    .query((rs, n) -> {
                        if (rs.getBoolean("include_subtree")) {
                            paths.add(rs.getString("path"));
                        } else {
                            singles.add(rs.getLong("id"));
                        }
                        return null;
                    })
                    .list();
        }
        return new OrganisationScope(false, paths, singles);
    }

    /**
     * What the signed-in user administers (DD007): everything for a platform admin, else the subtree of an
     * organisation admin's own organisation, else nothing. Imports, slips, account changes, targets and the names on a
     * follow-up list are checked against this scope; a working-group role widens what one may see in reports
     * ({@link #currentScope()}), never this.
     */
    @Transactional(readOnly = true)
    public OrganisationScope adminScope() {
        return currentUser.get().map(this::adminScopeOf).orElse(OrganisationScope.nothing());
    }

    /** {@link #adminScope()} of a given user. */
    @Transactional(readOnly = true)
    public OrganisationScope adminScopeOf(AuthenticatedUser user) {
        if (user.has(Role.PLATFORM_ADMIN)) {
            return OrganisationScope.all();
        }
        if (!user.has(Role.ORG_ADMIN)) {
            return OrganisationScope.nothing();
        }
        return ownSubtree(user.organisationCode(), false);
    }

    /**
     * The people a facilitator helps (DD007): at a community digital-technology group, the whole commune (or other
     * organisation) the group belongs to; elsewhere, their own organisation's subtree. Nothing without the role.
     */
    @Transactional(readOnly = true)
    public OrganisationScope facilitatorScope() {
        var user = currentUser.get().orElse(null);
        if (user == null || !user.has(Role.FACILITATOR)) {
            return OrganisationScope.nothing();
        }
        return ownSubtree(user.organisationCode(), true);
    }

    private OrganisationScope ownSubtree(@org.jspecify.annotations.Nullable String code, boolean groupServesParent) {
        if (code == null) {
            return OrganisationScope.nothing();
        }
        return jdbc.sql("""
                        select case when :parent and o.type = 'COMMUNITY_GROUP' and p.path is not null
                            then p.path else o.path end
                        from organisation o left join organisation p on p.id = o.parent_id where o.code = :code""")
                .param("parent", groupServesParent)
                .param("code", code)
                .query(String.class)
                .optional()
                .map(path -> new OrganisationScope(false, List.of(path), java.util.Set.of()))
                .orElse(OrganisationScope.nothing());
    }

    /** The top of what the user may see: the root(s) for a platform admin, else the tops of their scope. */
    @Transactional(readOnly = true)
    public List<OrganisationSummary> tops() {
        var scope = currentScope();
        if (scope.everything()) {
            return jdbc.sql("select " + COLUMNS + " from organisation o where o.parent_id is null order by o.name_vi")
                    .query(OrganisationService::map)
                    .list();
        }
        if (scope.isEmpty()) {
            return List.of();
        }
        // The scope's own entries whose ancestors are not in scope.
        var inScope = jdbc.sql("select " + COLUMNS + " from organisation o where " + scope.sqlCondition()
                        + " order by o.depth, o.name_vi")
                .params(scope.sqlParameters())
                .query(OrganisationService::map)
                .list();
        var ids = inScope.stream().map(OrganisationSummary::id).collect(java.util.stream.Collectors.toSet());
        return inScope.stream()
                .filter(o -> o.parentId() == null || !ids.contains(o.parentId()))
                .toList();
    }

    /** The children of an organisation in scope, a page at a time (sorted by Vietnamese name). */
    @Transactional(readOnly = true)
    public List<OrganisationSummary> children(long parentId, int offset, int limit) {
        var scope = requireInScope(parentId);
        return jdbc.sql("select " + COLUMNS + " from organisation o where o.parent_id = :parent and "
                        + scope.sqlCondition() + " order by o.name_vi, o.code offset :offset limit :limit")
                .param("parent", parentId)
                .params(scope.sqlParameters())
                .param("offset", offset)
                .param("limit", limit)
                .query(OrganisationService::map)
                .list();
    }

    @Transactional(readOnly = true)
    public int countChildren(long parentId) {
        var scope = requireInScope(parentId);
        return jdbc.sql("select count(*) from organisation o where o.parent_id = :parent and " + scope.sqlCondition())
                .param("parent", parentId)
                .params(scope.sqlParameters())
                .query(Integer.class)
                .single();
    }

    /** Organisations in scope whose code or name contains the text, typed with or without diacritics. */
    @Transactional(readOnly = true)
    public List<OrganisationSummary> search(String text, int offset, int limit) {
        var scope = currentScope();
        var folded = TextFolding.fold(text);
        if (scope.isEmpty() || folded.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from organisation o where o.search_text like :pattern and "
                        + scope.sqlCondition() + " order by o.depth, o.name_vi offset :offset limit :limit")
                .param("pattern", "%" + escapeLike(folded) + "%")
                .params(scope.sqlParameters())
                .param("offset", offset)
                .param("limit", limit)
                .query(OrganisationService::map)
                .list();
    }

    /** One organisation, if it exists and is in scope; an organisation outside scope is refused, not hidden. */
    @Transactional(readOnly = true)
    public OrganisationSummary get(long id) {
        var organisation = find(id).orElseThrow(() -> new NoSuchElementException("No such organisation"));
        if (!currentScope().includes(organisation.id(), organisation.path())) {
            throw new OutOfScopeException();
        }
        return organisation;
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationSummary> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from organisation o where o.code = :code")
                .param("code", code)
                .query(OrganisationService::map)
                .optional()
                .filter(o -> currentScope().includes(o.id(), o.path()));
    }

    /** The ancestors of an organisation, root first, then the organisation itself. */
    @Transactional(readOnly = true)
    public List<OrganisationSummary> lineage(long id) {
        var organisation = get(id);
        var ids = java.util.Arrays.stream(organisation.path().split("/"))
                .filter(s -> !s.isEmpty())
                .map(Long::valueOf)
                .toArray(Long[]::new);
        return jdbc.sql("select " + COLUMNS + " from organisation o where o.id = any (:ids) order by o.depth")
                .param("ids", ids)
                .query(OrganisationService::map)
                .list();
    }

    /**
     * Moves an organisation (with its subtree) under a new parent. Both must be in scope; a move under its own subtree
     * is refused (no cycles). The old parent is kept in the history.
     */
    @Transactional
    public void move(long id, long newParentId) {
        var user = currentUser.get().orElseThrow(OutOfScopeException::new);
        var scope = adminScopeOf(user);
        lockTree();
        var organisation = find(id).orElseThrow(() -> new NoSuchElementException("No such organisation"));
        var parent = find(newParentId).orElseThrow(() -> new NoSuchElementException("No such parent"));
        if (!scope.includes(organisation.id(), organisation.path()) || !scope.includes(parent.id(), parent.path())) {
            throw new OutOfScopeException();
        }
        if (parent.path().startsWith(organisation.path())) {
            throw new IllegalArgumentException("An organisation cannot move under itself or its own subtree");
        }
        if (java.util.Objects.equals(organisation.parentId(), parent.id())) {
            return;
        }
        var now = Timestamp.from(clock.instant());
        recordParentChange(id, parent.id(), now, user.username());
        jdbc.sql("update organisation set parent_id = :parent, updated_at = :now where id = :id")
                .params(Map.of("parent", parent.id(), "now", now, "id", id))
                .update();
        var newPath = parent.path() + id + "/";
        jdbc.sql("""
                        update organisation
                        set path = :newPath || substr(path, length(:oldPath) + 1),
                            depth = depth + :depthChange
                        where path like :oldPattern""")
                .param("newPath", newPath)
                .param("oldPath", organisation.path())
                .param("depthChange", parent.depth() + 1 - organisation.depth())
                .param("oldPattern", escapeLike(organisation.path()) + "%")
                .update();
        audit.record(new AuditEntry(
                user.username(),
                "organisation.moved",
                "organisation",
                organisation.code(),
                null,
                "from " + organisation.parentId() + " to " + parent.code()));
    }

    /** Where the organisation hung before: (parent id or null, from, to) rows, oldest first. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> parentHistory(long id) {
        get(id);
        return jdbc.sql("""
                        select parent_id, valid_from, valid_to, changed_by from organisation_parent_history
                        where organisation_id = :id order by valid_from""").param("id", id).query().listOfRows();
    }

    private void recordParentChange(long id, long newParentId, Timestamp when, String by) {
        jdbc.sql(
                        "update organisation_parent_history set valid_to = :when where organisation_id = :id and valid_to is null")
                .param("when", when)
                .param("id", id)
                .update();
        jdbc.sql("""
                        insert into organisation_parent_history (organisation_id, parent_id, valid_from, changed_by)
                        values (:id, :parent, :when, :by)""")
                .param("id", id)
                .param("parent", newParentId)
                .param("when", when)
                .param("by", by)
                .update();
    }

    /**
     * Every organisation as a small reference (id, code, path, type, names), for resolving the organisation codes of
     * a bulk file and for background workers. Organisations are not personal data; callers check scope with
     * {@link OrganisationScope#includes} before acting on one.
     */
    @Transactional(readOnly = true)
    public Map<String, OrganisationRef> references() {
        var result = new java.util.HashMap<String, OrganisationRef>();
        jdbc.sql("select id, code, path, type, name_vi, name_en from organisation")
                .query((rs, n) -> ref(rs))
                .list()
                .forEach(ref -> result.put(ref.code(), ref));
        return result;
    }

    /** One organisation's reference by code, whatever the caller's scope (a learner's own organisation). */
    @Transactional(readOnly = true)
    public Optional<OrganisationRef> referenceByCode(String code) {
        return jdbc.sql("select id, code, path, type, name_vi, name_en from organisation where code = :code")
                .param("code", code)
                .query((rs, n) -> ref(rs))
                .optional();
    }

    /** One organisation's reference by id, whatever the caller's scope (for workers and scope checks). */
    @Transactional(readOnly = true)
    public Optional<OrganisationRef> reference(long id) {
        return jdbc.sql("select id, code, path, type, name_vi, name_en from organisation where id = :id")
                .param("id", id)
                .query((rs, n) -> ref(rs))
                .optional();
    }

    /**
     * An organisation named by its code and its ancestors, root first, whatever the caller's scope: where a learner's
     * own organisation sits, so what was decided above it (an assignment on the province) reaches them. Scope governs
     * acting on organisations; their names and places in the tree are not personal data. Empty for an unknown code.
     */
    @Transactional(readOnly = true)
    public List<OrganisationRef> lineageOf(String code) {
        var path = jdbc.sql("select path from organisation where code = :code")
                .param("code", code)
                .query(String.class)
                .optional();
        if (path.isEmpty()) {
            return List.of();
        }
        var ids = java.util.Arrays.stream(path.get().split("/"))
                .filter(s -> !s.isEmpty())
                .map(Long::valueOf)
                .toArray(Long[]::new);
        return jdbc.sql("select id, code, path, type, name_vi, name_en from organisation where id = any (:ids)"
                        + " order by depth")
                .param("ids", ids)
                .query((rs, n) -> ref(rs))
                .list();
    }

    /**
     * The children of an organisation of one type, whatever the caller's scope: the community groups of a commune,
     * for the public "forgot password" page. Names and places in the tree are not personal data.
     */
    @Transactional(readOnly = true)
    public List<OrganisationRef> childrenOf(long parentId, OrganisationType type) {
        return jdbc.sql("select id, code, path, type, name_vi, name_en from organisation where parent_id = :parent"
                        + " and type = :type order by name_vi, code limit 200")
                .param("parent", parentId)
                .param("type", type.name())
                .query((rs, n) -> ref(rs))
                .list();
    }

    /**
     * Communes whose name or code matches, for the public self-registration page (no scope: anyone may name the
     * commune they live in). Matches folded text, so "phu my" finds "Phú Mỹ".
     */
    @Transactional(readOnly = true)
    public List<OrganisationSummary> communes(String text, int offset, int limit) {
        var folded = "%" + escapeLike(TextFolding.fold(text.strip())) + "%";
        return jdbc.sql("select " + COLUMNS + " from organisation o where o.type = 'COMMUNE' and"
                        + " (o.search_text like :text or lower(o.code) like :text) order by o.name_vi, o.code"
                        + " offset :offset limit :limit")
                .param("text", folded)
                .param("offset", offset)
                .param("limit", limit)
                .query(OrganisationService::map)
                .list();
    }

    /** Tree changes (moves, imports) run one at a time: a transaction-scoped advisory lock. */
    void lockTree() {
        jdbc.sql("select pg_advisory_xact_lock(4242001)").query().singleValue();
    }

    private Optional<OrganisationSummary> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from organisation o where o.id = :id")
                .param("id", id)
                .query(OrganisationService::map)
                .optional();
    }

    private OrganisationScope requireInScope(long id) {
        var scope = currentScope();
        var organisation = find(id).orElseThrow(() -> new NoSuchElementException("No such organisation"));
        if (!scope.includes(organisation.id(), organisation.path())) {
            throw new OutOfScopeException();
        }
        return scope;
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static OrganisationSummary map(ResultSet rs, int row) throws SQLException {
        var parentId = rs.getObject("parent_id", Long.class);
        return new OrganisationSummary(
                rs.getLong("id"),
                rs.getString("code"),
                parentId,
                OrganisationType.valueOf(rs.getString("type")),
                rs.getString("name_vi"),
                rs.getString("name_en"),
                new Headcounts(
                        rs.getInt("expected_citizens"),
                        rs.getInt("expected_teachers"),
                        rs.getInt("expected_officials")),
                rs.getString("path"),
                rs.getInt("depth"),
                rs.getInt("child_count"));
    }

    private static OrganisationRef ref(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new OrganisationRef(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("path"),
                OrganisationType.valueOf(rs.getString("type")),
                rs.getString("name_vi"),
                rs.getString("name_en"));
    }
}
