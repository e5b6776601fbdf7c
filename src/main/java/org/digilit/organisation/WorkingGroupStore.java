package org.digilit.organisation;

import java.sql.Timestamp;
import java.util.List;
import org.digilit.organisation.WorkingGroupService.Followed;
import org.digilit.organisation.WorkingGroupService.WorkingGroup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of working groups, their members and what each follows (owned by organisation). */
@Repository
class WorkingGroupStore {

    /** One organisation a member's group follows: its id and path, and whether its whole subtree is followed. */
    record FollowedScope(long organisationId, String path, boolean includeSubtree) {}

    private final JdbcClient jdbc;

    WorkingGroupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the group, or renames the one with that code; its id. */
    long upsert(String code, String nameVi, String nameEn, Timestamp now) {
        return jdbc.sql("""
                        insert into working_group (code, name_vi, name_en, created_at) values (:code, :vi, :en, :now)
                        on conflict (code) do update set name_vi = excluded.name_vi, name_en = excluded.name_en
                        returning id""")
                .param("code", code)
                .param("vi", nameVi)
                .param("en", nameEn)
                .param("now", now)
                .query(Long.class)
                .single();
    }

    void addMember(long groupId, String username) {
        jdbc.sql("insert into working_group_member (working_group_id, username) values (:g, :u) on conflict do nothing")
                .param("g", groupId)
                .param("u", username)
                .update();
    }

    void removeMember(long groupId, String username) {
        jdbc.sql("delete from working_group_member where working_group_id = :g and username = :u")
                .param("g", groupId)
                .param("u", username)
                .update();
    }

    void follow(long groupId, long organisationId, boolean includeSubtree) {
        jdbc.sql("""
                        insert into working_group_scope (working_group_id, organisation_id, include_subtree)
                        values (:g, :o, :s)
                        on conflict (working_group_id, organisation_id) do update set include_subtree = excluded.include_subtree""")
                .param("g", groupId)
                .param("o", organisationId)
                .param("s", includeSubtree)
                .update();
    }

    void unfollow(long groupId, long organisationId) {
        jdbc.sql("delete from working_group_scope where working_group_id = :g and organisation_id = :o")
                .param("g", groupId)
                .param("o", organisationId)
                .update();
    }

    List<String> members(long groupId) {
        return jdbc.sql("select username from working_group_member where working_group_id = :g order by username")
                .param("g", groupId)
                .query(String.class)
                .list();
    }

    List<Followed> followed(long groupId) {
        return jdbc.sql("""
                        select o.id as organisation_id, o.code, o.name_vi, o.name_en, s.include_subtree
                        from working_group_scope s join organisation o on o.id = s.organisation_id
                        where s.working_group_id = :g order by o.path""").param("g", groupId).query(Followed.class).list();
    }

    List<WorkingGroup> all() {
        return jdbc.sql("select id, code, name_vi, name_en from working_group order by code")
                .query(WorkingGroup.class)
                .list();
    }

    List<WorkingGroup> ofMember(String username) {
        return jdbc.sql("""
                        select g.id, g.code, g.name_vi, g.name_en from working_group g
                        join working_group_member m on m.working_group_id = g.id
                        where m.username = :u order by g.code""").param("u", username).query(WorkingGroup.class).list();
    }

    /** What the groups of a member follow (the working-group part of their scope). */
    List<FollowedScope> followedBy(String username) {
        return jdbc.sql("""
                        select o.id, o.path, s.include_subtree from working_group_scope s
                        join working_group_member m on m.working_group_id = s.working_group_id
                        join organisation o on o.id = s.organisation_id
                        where m.username = :username""")
                .param("username", username)
                .query((rs, n) ->
                        new FollowedScope(rs.getLong("id"), rs.getString("path"), rs.getBoolean("include_subtree")))
                .list();
    }
}
