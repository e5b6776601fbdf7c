package org.digilit.learning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.digilit.base.Audience;
import org.digilit.base.Quarter;
import org.digilit.organisation.OrganisationScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of required courses ({@code course_assignment}, owned by learning), joined to the organisation's published
 * {@code organisation_directory}. Scope checks and audit stay in {@link AssignmentService}.
 */
@Repository
class AssignmentStore {

    private static final String SELECT = """
            select a.id, a.organisation_id, o.code, o.name_vi, o.name_en, a.audience, a.course_id, a.due_year,
                a.due_quarter, a.assigned_by, a.assigned_at
            from course_assignment a join organisation_directory o on o.id = a.organisation_id""";

    /** A live assignment's id and due quarter. */
    record Live(long id, Quarter due) {}

    /** What a withdrawal needs to know of an assignment. */
    record Withdrawable(long organisationId, String audience, String courseId, boolean withdrawn) {}

    /** A live assignment that reaches a learner through one organisation of their lineage. */
    record Reaching(String courseId, Quarter due, long organisationId) {}

    private final JdbcClient jdbc;

    AssignmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The live assignment of a course to an audience of an organisation, locked for update. */
    Optional<Live> lockLive(long organisationId, Audience audience, String courseId) {
        return jdbc.sql("""
                        select id, due_year, due_quarter from course_assignment
                        where organisation_id = :org and audience = :audience and course_id = :course
                            and withdrawn_at is null for update""")
                .param("org", organisationId)
                .param("audience", audience.name())
                .param("course", courseId)
                .query((rs, n) -> new Live(rs.getLong(1), new Quarter(rs.getInt(2), rs.getInt(3))))
                .optional();
    }

    void moveDue(long id, Quarter due) {
        jdbc.sql("update course_assignment set due_year = :year, due_quarter = :quarter where id = :id")
                .param("year", due.year())
                .param("quarter", due.quarter())
                .param("id", id)
                .update();
    }

    /** Inserts a live assignment; empty when a concurrent one won (then it is there to update). */
    Optional<Long> insertLive(
            long organisationId, Audience audience, String courseId, Quarter due, String by, Instant at) {
        return jdbc.sql("""
                        insert into course_assignment (organisation_id, audience, course_id, due_year, due_quarter,
                            assigned_by, assigned_at)
                        values (:org, :audience, :course, :year, :quarter, :by, :now)
                        on conflict (organisation_id, audience, course_id) where withdrawn_at is null do nothing
                        returning id""")
                .param("org", organisationId)
                .param("audience", audience.name())
                .param("course", courseId)
                .param("year", due.year())
                .param("quarter", due.quarter())
                .param("by", by)
                .param("now", Timestamp.from(at))
                .query(Long.class)
                .optional();
    }

    /** An assignment, live or withdrawn, locked for update. */
    Optional<Withdrawable> lockForWithdrawal(long id) {
        return jdbc.sql("""
                        select organisation_id, audience, course_id, withdrawn_at is not null from course_assignment
                        where id = :id for update""")
                .param("id", id)
                .query((rs, n) -> new Withdrawable(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .optional();
    }

    void markWithdrawn(long id, String by, Instant at) {
        jdbc.sql("update course_assignment set withdrawn_by = :by, withdrawn_at = :now where id = :id")
                .param("by", by)
                .param("now", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    /** The live assignments made on one organisation, newest first. */
    List<Assignment> liveOn(long organisationId) {
        return jdbc.sql(SELECT + " where a.organisation_id = :org and a.withdrawn_at is null"
                        + " order by a.assigned_at desc, a.id desc")
                .param("org", organisationId)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** The live assignments on the organisations of a scope, newest first, a page at a time. */
    List<Assignment> liveIn(OrganisationScope scope, int offset, int limit) {
        return jdbc.sql(SELECT + " where a.withdrawn_at is null and " + scope.sqlCondition()
                        + " order by a.assigned_at desc, a.id desc offset :offset limit :limit")
                .params(scope.sqlParameters())
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    int countLiveIn(OrganisationScope scope) {
        return jdbc.sql(
                        "select count(*) from course_assignment a join organisation_directory o on o.id = a.organisation_id"
                                + " where a.withdrawn_at is null and " + scope.sqlCondition())
                .params(scope.sqlParameters())
                .query(Integer.class)
                .single();
    }

    /** The live assignments for an audience on any of the given organisations. */
    List<Reaching> liveFor(Collection<Long> organisationIds, String audience) {
        return jdbc.sql("""
                        select course_id, due_year, due_quarter, organisation_id from course_assignment
                        where organisation_id = any (:ids) and audience = :audience and withdrawn_at is null""")
                .param("ids", organisationIds.toArray(Long[]::new))
                .param("audience", audience)
                .query((rs, n) -> new Reaching(rs.getString(1), new Quarter(rs.getInt(2), rs.getInt(3)), rs.getLong(4)))
                .list();
    }

    /**
     * Whether a course is assigned live to an audience on an organisation or an ancestor. One statement (it runs on a
     * learner's first step in every course); the organisation module's published contract is its path: an ancestor's
     * path is a prefix of the organisation's.
     */
    boolean isAssigned(String organisationCode, String courseId, String audience) {
        return jdbc.sql("""
                        select exists (select 1 from course_assignment a
                            join organisation_directory ao on ao.id = a.organisation_id
                            join organisation_directory o on o.code = :code and o.path like ao.path || '%'
                            where a.course_id = :course and a.audience = :audience and a.withdrawn_at is null)""")
                .param("code", organisationCode)
                .param("course", courseId)
                .param("audience", audience)
                .query(Boolean.class)
                .single();
    }

    Assignment get(long id) {
        return jdbc.sql(SELECT + " where a.id = :id")
                .param("id", id)
                .query((rs, n) -> map(rs))
                .single();
    }

    private static Assignment map(ResultSet rs) throws SQLException {
        return new Assignment(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                Audience.valueOf(rs.getString(6)),
                rs.getString(7),
                new Quarter(rs.getInt(8), rs.getInt(9)),
                rs.getString(10),
                rs.getTimestamp(11).toInstant());
    }
}
