package org.digilit.organisation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    WorkingGroupService(JdbcClient jdbc, CurrentUser currentUser, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
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
        var id = jdbc.sql("""
                        insert into working_group (code, name_vi, name_en, created_at) values (:code, :vi, :en, :now)
                        on conflict (code) do update set name_vi = excluded.name_vi, name_en = excluded.name_en
                        returning id""")
                .param("code", code)
                .param("vi", nameVi)
                .param("en", nameEn)
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        audit.record(new AuditEntry(actor, "working-group.saved", "working-group", code, null, nameVi));
        return new WorkingGroup(id, code, nameVi, nameEn);
    }

    @Transactional
    public void addMember(long groupId, String username) {
        var actor = requirePlatformAdmin();
        jdbc.sql("insert into working_group_member (working_group_id, username) values (:g, :u) on conflict do nothing")
                .param("g", groupId)
                .param("u", username)
                .update();
        audit.record(new AuditEntry(
                actor, "working-group.member-added", "working-group", String.valueOf(groupId), null, username));
    }

    /** The group follows an organisation: with its whole subtree, or that organisation alone. */
    @Transactional
    public void follow(long groupId, long organisationId, boolean includeSubtree) {
        var actor = requirePlatformAdmin();
        jdbc.sql("""
                        insert into working_group_scope (working_group_id, organisation_id, include_subtree)
                        values (:g, :o, :s)
                        on conflict (working_group_id, organisation_id) do update set include_subtree = excluded.include_subtree""")
                .param("g", groupId)
                .param("o", organisationId)
                .param("s", includeSubtree)
                .update();
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
        return jdbc.sql("select username from working_group_member where working_group_id = :g order by username")
                .param("g", groupId)
                .query(String.class)
                .list();
    }

    @Transactional(readOnly = true)
    public List<Followed> followed(long groupId) {
        requireVisible(groupId);
        return jdbc.sql("""
                        select o.id as organisation_id, o.code, o.name_vi, o.name_en, s.include_subtree
                        from working_group_scope s join organisation o on o.id = s.organisation_id
                        where s.working_group_id = :g order by o.path""").param("g", groupId).query(Followed.class).list();
    }

    @Transactional
    public void removeMember(long groupId, String username) {
        var actor = requirePlatformAdmin();
        jdbc.sql("delete from working_group_member where working_group_id = :g and username = :u")
                .param("g", groupId)
                .param("u", username)
                .update();
        audit.record(new AuditEntry(
                actor, "working-group.member-removed", "working-group", String.valueOf(groupId), null, username));
    }

    @Transactional
    public void unfollow(long groupId, long organisationId) {
        var actor = requirePlatformAdmin();
        jdbc.sql("delete from working_group_scope where working_group_id = :g and organisation_id = :o")
                .param("g", groupId)
                .param("o", organisationId)
                .update();
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
            return jdbc.sql("select id, code, name_vi, name_en from working_group order by code")
                    .query(WorkingGroup.class)
                    .list();
        }
        return jdbc.sql("""
                        select g.id, g.code, g.name_vi, g.name_en from working_group g
                        join working_group_member m on m.working_group_id = g.id
                        where m.username = :u order by g.code""")
                .param("u", user.username())
                .query(WorkingGroup.class)
                .list();
    }

    private String requirePlatformAdmin() {
        var user = currentUser.get().orElseThrow(OutOfScopeException::new);
        if (!user.has(Role.PLATFORM_ADMIN)) {
            throw new OutOfScopeException();
        }
        return user.username();
    }
}
