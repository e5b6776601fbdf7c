package org.digilit.organisation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.digilit.base.Audience;
import org.digilit.base.Quarter;
import org.digilit.organisation.TargetService.EffectiveTarget;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of quarterly targets (owned by organisation): saving one, and finding those in force up the tree. */
@Repository
class TargetStore {

    private final JdbcClient jdbc;

    TargetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Targets on one lineage are set one at a time: a transaction-scoped advisory lock. */
    void lockTargets() {
        jdbc.sql("select pg_advisory_xact_lock(4242013)").query().singleValue();
    }

    /** Inserts or replaces the target of one organisation or one working group (exactly one of the two ids). */
    void upsert(
            @Nullable Long organisationId,
            @Nullable Long workingGroupId,
            Quarter quarter,
            Metric metric,
            Audience audience,
            BigDecimal percentage,
            Timestamp now,
            String by) {
        jdbc.sql("""
                        insert into target (year, quarter, organisation_id, working_group_id, metric, audience,
                            percentage, updated_at, updated_by)
                        values (:year, :quarter, :org, :group, :metric, :audience, :percentage, :now, :by)
                        on conflict (year, quarter, organisation_id, working_group_id, metric, audience)
                        do update set percentage = excluded.percentage, updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by""")
                .param("year", quarter.year())
                .param("quarter", quarter.quarter())
                .param("org", organisationId, java.sql.Types.BIGINT)
                .param("group", workingGroupId, java.sql.Types.BIGINT)
                .param("metric", metric.name())
                .param("audience", audience.code())
                .param("percentage", percentage)
                .param("now", now)
                .param("by", by)
                .update();
    }

    Optional<BigDecimal> workingGroupTarget(long workingGroupId, Quarter quarter, Metric metric, Audience audience) {
        return jdbc.sql("""
                        select percentage from target where working_group_id = :group and year = :year
                            and quarter = :quarter and metric = :metric and audience = :audience""")
                .param("group", workingGroupId)
                .param("year", quarter.year())
                .param("quarter", quarter.quarter())
                .param("metric", metric.name())
                .param("audience", audience.code())
                .query(BigDecimal.class)
                .optional();
    }

    /** The highest target set on any of these organisations (an organisation's ancestors), if any. */
    Optional<EffectiveTarget> strictestOn(Long[] ancestorIds, Quarter quarter, Metric metric, Audience audience) {
        return jdbc.sql("""
                        select t.percentage, t.organisation_id, t.updated_by, t.updated_at from target t
                        where t.organisation_id = any (:ids) and t.year = :year and t.quarter = :quarter
                            and t.metric = :metric and t.audience = :audience
                        order by t.percentage desc limit 1""")
                .param("ids", ancestorIds)
                .param("year", quarter.year())
                .param("quarter", quarter.quarter())
                .param("metric", metric.name())
                .param("audience", audience.code())
                .query((rs, n) -> new EffectiveTarget(
                        rs.getBigDecimal(1),
                        rs.getLong(2),
                        true,
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /**
     * For each organisation, the strictest of its own and its ancestors' targets (between equal ones the nearest), in
     * one query. Organisations without one are absent from the map.
     */
    Map<Long, EffectiveTarget> effectiveTargets(
            Collection<Long> organisationIds, Quarter quarter, Metric metric, Audience audience) {
        var found = new HashMap<Long, EffectiveTarget>();
        jdbc.sql("""
                        select o.id, t.percentage, t.organisation_id, t.updated_by, t.updated_at from organisation o
                        join lateral (
                            select t.percentage, t.organisation_id, t.updated_by, t.updated_at from target t
                            join organisation a on a.id = t.organisation_id
                            where o.path like a.path || '%' and t.year = :year and t.quarter = :quarter
                                and t.metric = :metric and t.audience = :audience
                            order by t.percentage desc, a.depth desc limit 1) t on true
                        where o.id = any (:ids)""")
                .param("ids", organisationIds.toArray(Long[]::new))
                .param("year", quarter.year())
                .param("quarter", quarter.quarter())
                .param("metric", metric.name())
                .param("audience", audience.code())
                .query((rs, n) -> found.put(
                        rs.getLong("id"),
                        new EffectiveTarget(
                                rs.getBigDecimal("percentage"),
                                rs.getLong("organisation_id"),
                                rs.getLong("organisation_id") != rs.getLong("id"),
                                rs.getString("updated_by"),
                                rs.getTimestamp("updated_at").toInstant())))
                .list();
        return found;
    }
}
