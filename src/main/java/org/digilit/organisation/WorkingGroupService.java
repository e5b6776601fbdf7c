package org.digilit.organisation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steering committee's working groups: who is in each, and which organisations each follows (a subtree or a
 * single organisation). Only platform admins change them; members see what their groups follow.
 */
@Service
public class WorkingGroupService {

    /** A working group as services hand it out. */
    public record WorkingGroup(long id, String code, String nameVi, String nameEn) {}

    private final WorkingGroupStore store;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    WorkingGroupService(WorkingGroupStore store, CurrentUser currentUser, AuditService audit, Clock clock) {
        this.store = store;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public WorkingGroup create(String code, String nameVi, String nameEn) {
        var actor = requirePlatformAdmin();
        if (!OrganisationRow.CODE_PATTERN.matcher(code).matches() || nameVi.isBlank()) {
            throw new IllegalArgumentException("A working group needs a valid code and a Vietnamese name");
        }
        var id = store.upsert(code, nameVi, nameEn, Timestamp.from(clock.instant()));
        audit.record(new AuditEntry(actor, "working-group.saved", "working-group", code, null, nameVi));
        return new WorkingGroup(id, code, nameVi, nameEn);
    }

    @Transactional
    public void addMember(long groupId, String username) {
        var actor = requirePlatformAdmin();
        store.addMember(groupId, username);
        audit.record(new AuditEntry(
                actor, "working-group.member-added", "working-group", String.valueOf(groupId), null, username));
    }

    /** The group follows an organisation: with its whole subtree, or that organisation alone. */
    @Transactional
    public void follow(long groupId, long organisationId, boolean includeSubtree) {
        var actor = requirePlatformAdmin();
        store.follow(groupId, organisationId, includeSubtree);
        audit.record(new AuditEntry(
                actor,
                "working-group.follows",
                "working-group",
                String.valueOf(groupId),
                null,
                organisationId + (includeSubtree ? " with subtree" : " alone")));
    }

    /** A followed organisation of a group: which one, and whether its whole subtree is followed. */
    public record Followed(long organisationId, String code, String nameVi, String nameEn, boolean includeSubtree) {}

    @Transactional(readOnly = true)
    public List<String> members(long groupId) {
        requireVisible(groupId);
        return store.members(groupId);
    }

    @Transactional(readOnly = true)
    public List<Followed> followed(long groupId) {
        requireVisible(groupId);
        return store.followed(groupId);
    }

    @Transactional
    public void removeMember(long groupId, String username) {
        var actor = requirePlatformAdmin();
        store.removeMember(groupId, username);
        audit.record(new AuditEntry(
                actor, "working-group.member-removed", "working-group", String.valueOf(groupId), null, username));
    }

    @Transactional
    public void unfollow(long groupId, long organisationId) {
        var actor = requirePlatformAdmin();
        store.unfollow(groupId, organisationId);
        audit.record(new AuditEntry(
                actor,
                "working-group.unfollows",
                "working-group",
                String.valueOf(groupId),
                null,
                String.valueOf(organisationId)));
    }

    private void requireVisible(long groupId) {
        if (mine().stream().noneMatch(g -> g.id() == groupId)) {
            throw new OutOfScopeException();
        }
    }

    /** The groups the signed-in user belongs to (all of them for a platform admin). */
    @Transactional(readOnly = true)
    public List<WorkingGroup> mine() {
        var user = currentUser.get().orElseThrow(OutOfScopeException::new);
        if (user.has(Role.PLATFORM_ADMIN)) {
            return store.all();
        }
        return store.ofMember(user.username());
    }

    private String requirePlatformAdmin() {
        var user = currentUser.get().orElseThrow(OutOfScopeException::new);
        if (!user.has(Role.PLATFORM_ADMIN)) {
            throw new OutOfScopeException();
        }
        return user.username();
    }
}
