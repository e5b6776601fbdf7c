package org.digilit.organisation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarterly targets ("90 % of citizens with an account by Q4"). A target set on an organisation applies to its whole
 * subtree unless a descendant has its own for the same quarter, metric and audience.
 */
@Service
public class TargetService {

    /**
     * A target in force for an organisation, the organisation it was set on (itself or an ancestor), and who set it
     * when.
     */
    public record EffectiveTarget(
            BigDecimal percentage,
            long setOnOrganisationId,
            boolean inherited,
            String setBy,
            java.time.Instant setAt) {}

    /** A target below the floor set above (DD007): the floor and the organisation that set it. */
    public static final class BelowFloorException extends IllegalArgumentException {

        private final BigDecimal floor;
        private final long setOnOrganisationId;

        BelowFloorException(BigDecimal floor, long setOnOrganisationId) {
            super("A target set above is a floor: at least " + floor.toPlainString() + " %");
            this.floor = floor;
            this.setOnOrganisationId = setOnOrganisationId;
        }

        public BigDecimal floor() {
            return floor;
        }

        public long setOnOrganisationId() {
            return setOnOrganisationId;
        }
    }

    private final JdbcClient jdbc;
    private final OrganisationService organisations;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    TargetService(
            JdbcClient jdbc,
            OrganisationService organisations,
            CurrentUser currentUser,
            AuditService audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Sets (or replaces) an organisation's own target. Platform admins and the admins of the organisation's subtree
     * may. A target set above is a floor (DD007): the strictest target of the organisation's ancestors for the same
     * quarter, metric and audience is the lowest it may get; a stricter one is fine.
     *
     * @throws BelowFloorException when the target is lower than the floor set above
     */
    @Transactional
    public void setOrganisationTarget(
            long organisationId, Quarter quarter, Metric metric, Audience audience, BigDecimal percentage) {
        var user = currentUser.get().orElseThrow(OutOfScopeException::new);
        if (!user.has(Role.PLATFORM_ADMIN) && !user.has(Role.ORG_ADMIN)) {
            throw new OutOfScopeException();
        }
        var organisation = organisations.get(organisationId);
        if (!organisations.adminScopeOf(user).includes(organisation.id(), organisation.path())) {
            throw new OutOfScopeException();
        }
        requirePercentage(percentage);
        // Targets on one lineage are set one at a time, so a floor cannot move under a target being checked.
        jdbc.sql("select pg_advisory_xact_lock(4242013)").query().singleValue();
        var floor = strictest(organisation.path(), organisation.id(), quarter, metric, audience);
        if (floor.isPresent() && percentage.compareTo(floor.get().percentage()) < 0) {
            throw new BelowFloorException(floor.get().percentage(), floor.get().setOnOrganisationId());
        }
        save(organisationId, null, quarter, metric, audience, percentage, user.username());
        audit.record(new AuditEntry(
                user.username(),
                "target.set",
                "organisation",
                organisation.code(),
                null,
                describe(quarter, metric, audience, percentage)));
    }

    /** Sets (or replaces) a working group's own target; platform admins only. */
    @Transactional
    public void setWorkingGroupTarget(
            long workingGroupId, Quarter quarter, Metric metric, Audience audience, BigDecimal percentage) {
        var user = currentUser.get().orElseThrow(OutOfScopeException::new);
        if (!user.has(Role.PLATFORM_ADMIN)) {
            throw new OutOfScopeException();
        }
        save(null, workingGroupId, quarter, metric, audience, percentage, user.username());
        audit.record(new AuditEntry(
                user.username(),
                "target.set",
                "working-group",
                String.valueOf(workingGroupId),
                null,
                describe(quarter, metric, audience, percentage)));
    }

    /** Inserts or replaces the target of one organisation or one working group (exactly one of the two ids). */
    private void save(
            @Nullable Long organisationId,
            @Nullable Long workingGroupId,
            Quarter quarter,
            Metric metric,
            Audience audience,
            BigDecimal percentage,
            String by) {
        requirePercentage(percentage);
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
                .param("now", Timestamp.from(clock.instant()))
                .param("by", by)
                .update();
    }

    private static String describe(Quarter quarter, Metric metric, Audience audience, BigDecimal percentage) {
        return quarter + " " + metric + " " + audience.code() + " " + percentage.toPlainString() + "%";
    }

    /** A working group's own target, if set. */
    @Transactional(readOnly = true)
    public Optional<BigDecimal> workingGroupTarget(
            long workingGroupId, Quarter quarter, Metric metric, Audience audience) {
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

    private static void requirePercentage(BigDecimal percentage) {
        if (percentage.signum() < 0 || percentage.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("A target is a percentage from 0 to 100");
        }
    }

    /** The strictest target set on the organisation's ancestors (not itself), if any. */
    private Optional<EffectiveTarget> strictest(
            String path, long organisationId, Quarter quarter, Metric metric, Audience audience) {
        var ancestors = java.util.Arrays.stream(path.split("/"))
                .filter(part -> !part.isEmpty())
                .map(Long::valueOf)
                .filter(id -> id != organisationId)
                .toArray(Long[]::new);
        return jdbc.sql("""
                        select t.percentage, t.organisation_id, t.updated_by, t.updated_at from target t
                        where t.organisation_id = any (:ids) and t.year = :year and t.quarter = :quarter
                            and t.metric = :metric and t.audience = :audience
                        order by t.percentage desc limit 1""")
                .param("ids", ancestors)
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
     * The target in force: the strictest of the organisation's own and its ancestors' (a target set above is a floor,
     * DD007; between equal ones the nearest); empty when none is set. The organisation must be in the caller's scope.
     */
    @Transactional(readOnly = true)
    public Optional<EffectiveTarget> effectiveTarget(
            long organisationId, Quarter quarter, Metric metric, Audience audience) {
        organisations.get(organisationId);
        return Optional.ofNullable(effectiveTargets(java.util.List.of(organisationId), quarter, metric, audience)
                .get(organisationId));
    }

    /**
     * The targets in force for many organisations at once (one query): for each, the strictest of its own and its
     * ancestors' targets (between equal ones the nearest). Organisations without one are absent from the map.
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, EffectiveTarget> effectiveTargets(
            java.util.Collection<Long> organisationIds, Quarter quarter, Metric metric, Audience audience) {
        if (organisationIds.isEmpty()) {
            return java.util.Map.of();
        }
        var found = new java.util.HashMap<Long, EffectiveTarget>();
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
