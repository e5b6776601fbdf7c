package org.digilit.organisation;

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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation tree: reading it within the current user's scope, searching it, and moving subtrees. Every method
 * checks scope itself; a view hiding a button is never the only guard.
 */
@Service
public class OrganisationService {

    private final OrganisationStore store;
    private final WorkingGroupStore workingGroups;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    OrganisationService(
            OrganisationStore store,
            WorkingGroupStore workingGroups,
            CurrentUser currentUser,
            AuditService audit,
            Clock clock) {
        this.store = store;
        this.workingGroups = workingGroups;
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
            store.pathOf(user.organisationCode()).ifPresent(paths::add);
        }
        if (user.has(Role.WORKING_GROUP)) {
            for (var followed : workingGroups.followedBy(user.username())) {
                if (followed.includeSubtree()) {
                    paths.add(followed.path());
                } else {
                    singles.add(followed.organisationId());
                }
            }
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
        return store.servedPathOf(code, groupServesParent)
                .map(path -> new OrganisationScope(false, List.of(path), java.util.Set.of()))
                .orElse(OrganisationScope.nothing());
    }

    /** The top of what the user may see: the root(s) for a platform admin, else the tops of their scope. */
    @Transactional(readOnly = true)
    public List<OrganisationSummary> tops() {
        var scope = currentScope();
        if (scope.everything()) {
            return store.roots();
        }
        if (scope.isEmpty()) {
            return List.of();
        }
        // The scope's own entries whose ancestors are not in scope.
        var inScope = store.inScope(scope);
        var ids = inScope.stream().map(OrganisationSummary::id).collect(java.util.stream.Collectors.toSet());
        return inScope.stream()
                .filter(o -> o.parentId() == null || !ids.contains(o.parentId()))
                .toList();
    }

    /** The children of an organisation in scope, a page at a time (sorted by Vietnamese name). */
    @Transactional(readOnly = true)
    public List<OrganisationSummary> children(long parentId, int offset, int limit) {
        var scope = requireInScope(parentId);
        return store.childrenInScope(parentId, scope, offset, limit);
    }

    @Transactional(readOnly = true)
    public int countChildren(long parentId) {
        var scope = requireInScope(parentId);
        return store.countChildrenInScope(parentId, scope);
    }

    /** Organisations in scope whose code or name contains the text, typed with or without diacritics. */
    @Transactional(readOnly = true)
    public List<OrganisationSummary> search(String text, int offset, int limit) {
        var scope = currentScope();
        var folded = TextFolding.fold(text);
        if (scope.isEmpty() || folded.isEmpty()) {
            return List.of();
        }
        return store.searchInScope(folded, scope, offset, limit);
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
        return store.findByCode(code).filter(o -> currentScope().includes(o.id(), o.path()));
    }

    /** The ancestors of an organisation, root first, then the organisation itself. */
    @Transactional(readOnly = true)
    public List<OrganisationSummary> lineage(long id) {
        var organisation = get(id);
        var ids = java.util.Arrays.stream(organisation.path().split("/"))
                .filter(s -> !s.isEmpty())
                .map(Long::valueOf)
                .toArray(Long[]::new);
        return store.byIdsByDepth(ids);
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
        store.recordParentChange(id, parent.id(), now, user.username());
        store.updateParent(id, parent.id(), now);
        var newPath = parent.path() + id + "/";
        store.movePaths(organisation.path(), newPath, parent.depth() + 1 - organisation.depth());
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
        return store.parentHistory(id);
    }

    /**
     * Every organisation as a small reference (id, code, path, type, names), for resolving the organisation codes of
     * a bulk file and for background workers. Organisations are not personal data; callers check scope with
     * {@link OrganisationScope#includes} before acting on one.
     */
    @Transactional(readOnly = true)
    public Map<String, OrganisationRef> references() {
        var result = new java.util.HashMap<String, OrganisationRef>();
        store.allReferences().forEach(ref -> result.put(ref.code(), ref));
        return result;
    }

    /** One organisation's reference by code, whatever the caller's scope (a learner's own organisation). */
    @Transactional(readOnly = true)
    public Optional<OrganisationRef> referenceByCode(String code) {
        return store.referenceByCode(code);
    }

    /** One organisation's reference by id, whatever the caller's scope (for workers and scope checks). */
    @Transactional(readOnly = true)
    public Optional<OrganisationRef> reference(long id) {
        return store.reference(id);
    }

    /**
     * An organisation named by its code and its ancestors, root first, whatever the caller's scope: where a learner's
     * own organisation sits, so what was decided above it (an assignment on the province) reaches them. Scope governs
     * acting on organisations; their names and places in the tree are not personal data. Empty for an unknown code.
     */
    @Transactional(readOnly = true)
    public List<OrganisationRef> lineageOf(String code) {
        var path = store.pathOf(code);
        if (path.isEmpty()) {
            return List.of();
        }
        var ids = java.util.Arrays.stream(path.get().split("/"))
                .filter(s -> !s.isEmpty())
                .map(Long::valueOf)
                .toArray(Long[]::new);
        return store.referencesByDepth(ids);
    }

    /**
     * The children of an organisation of one type, whatever the caller's scope: the community groups of a commune,
     * for the public "forgot password" page. Names and places in the tree are not personal data.
     */
    @Transactional(readOnly = true)
    public List<OrganisationRef> childrenOf(long parentId, OrganisationType type) {
        return store.childReferences(parentId, type);
    }

    /**
     * Communes whose name or code matches, for the public self-registration page (no scope: anyone may name the
     * commune they live in). Matches folded text, so "phu my" finds "Phú Mỹ".
     */
    @Transactional(readOnly = true)
    public List<OrganisationSummary> communes(String text, int offset, int limit) {
        var folded = "%" + OrganisationStore.escapeLike(TextFolding.fold(text.strip())) + "%";
        return store.communesMatching(folded, offset, limit);
    }

    /** Tree changes (moves, imports) run one at a time: a transaction-scoped advisory lock. */
    void lockTree() {
        store.lockTree();
    }

    private Optional<OrganisationSummary> find(long id) {
        return store.find(id);
    }

    private OrganisationScope requireInScope(long id) {
        var scope = currentScope();
        var organisation = find(id).orElseThrow(() -> new NoSuchElementException("No such organisation"));
        if (!scope.includes(organisation.id(), organisation.path())) {
            throw new OutOfScopeException();
        }
        return scope;
    }
}
