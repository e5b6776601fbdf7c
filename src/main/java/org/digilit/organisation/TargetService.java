package org.digilit.organisation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.base.Audience;
import org.digilit.base.Quarter;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles.Role;
import org.jspecify.annotations.Nullable;
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

    private final TargetStore store;
    private final OrganisationService organisations;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    TargetService(
            TargetStore store,
            OrganisationService organisations,
            CurrentUser currentUser,
            AuditService audit,
            Clock clock) {
        this.store = store;
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
        store.lockTargets();
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
        store.upsert(
                organisationId,
                workingGroupId,
                quarter,
                metric,
                audience,
                percentage,
                Timestamp.from(clock.instant()),
                by);
    }

    private static String describe(Quarter quarter, Metric metric, Audience audience, BigDecimal percentage) {
        return quarter + " " + metric + " " + audience.code() + " " + percentage.toPlainString() + "%";
    }

    /** A working group's own target, if set. */
    @Transactional(readOnly = true)
    public Optional<BigDecimal> workingGroupTarget(
            long workingGroupId, Quarter quarter, Metric metric, Audience audience) {
        return store.workingGroupTarget(workingGroupId, quarter, metric, audience);
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
        return store.strictestOn(ancestors, quarter, metric, audience);
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
        return store.effectiveTargets(organisationIds, quarter, metric, audience);
    }
}
