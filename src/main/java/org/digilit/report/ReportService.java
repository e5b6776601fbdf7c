package org.digilit.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.base.Audience;
import org.digilit.base.Quarter;
import org.digilit.organisation.Metric;
import org.digilit.organisation.OrganisationScope;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OrganisationSummary;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.organisation.TargetService;
import org.digilit.organisation.WorkingGroupService;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completion reports for the steering committee, its working groups and organisation admins: per organisation (its
 * subtree rolled up) and per working group, per quarter and audience, against the targets in force. An open quarter
 * shows the live figures (brought up to date every half minute, DD020); a closed quarter shows its official snapshot.
 * Scope is checked here: an organisation admin reaches their subtree, a working group what it follows.
 */
@Service
public class ReportService {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);

    private final ReportFigures figures;
    private final Snapshots snapshots;
    private final ReportCalendar calendar;
    private final OrganisationService organisations;
    private final WorkingGroupService groups;
    private final TargetService targets;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final ReportingProperties properties;
    private final FollowUpQueries followUps;
    private final Clock clock;

    ReportService(
            ReportFigures figures,
            Snapshots snapshots,
            ReportCalendar calendar,
            OrganisationService organisations,
            WorkingGroupService groups,
            TargetService targets,
            CurrentUser currentUser,
            AuditService audit,
            ReportingProperties properties,
            FollowUpQueries followUps,
            Clock clock) {
        this.figures = figures;
        this.snapshots = snapshots;
        this.calendar = calendar;
        this.organisations = organisations;
        this.groups = groups;
        this.targets = targets;
        this.currentUser = currentUser;
        this.audit = audit;
        this.properties = properties;
        this.followUps = followUps;
        this.clock = clock;
    }

    public Quarter currentQuarter() {
        return calendar.current();
    }

    /** The quarters one may report on: the current one and the seven before it, newest first. */
    public List<Quarter> quarters() {
        var result = new ArrayList<Quarter>();
        var quarter = calendar.current();
        for (int i = 0; i < 8; i++) {
            result.add(quarter);
            quarter = quarter.previous();
        }
        return result;
    }

    /**
     * Where the dashboard opens, from what its address asks for: a group asked for is shown (the report checks it);
     * with neither a group, an organisation nor the tree asked for, a working-group member sees their first group
     * (by code) and everyone else the top of their part of the tree. Platform admins see the tree first although they
     * may choose any group. A member of no group who is no admin has nothing to see.
     */
    public DashboardStart dashboardStart(@Nullable Long group, @Nullable Long organisation, boolean tree) {
        var user = currentUser.get().orElseThrow(OutOfScopeException::new);
        List<WorkingGroupService.WorkingGroup> mine = List.of();
        if (user.has(Role.WORKING_GROUP) || user.has(Role.PLATFORM_ADMIN)) {
            try {
                mine = groups.mine();
            } catch (OutOfScopeException e) {
                mine = List.of();
            }
        }
        var shown = group;
        if (shown == null && organisation == null && !tree && !user.has(Role.PLATFORM_ADMIN) && !mine.isEmpty()) {
            shown = mine.getFirst().id();
        }
        boolean nothing = shown == null
                && organisation == null
                && mine.isEmpty()
                && !user.has(Role.PLATFORM_ADMIN)
                && !user.has(Role.ORG_ADMIN);
        return new DashboardStart(mine, shown, nothing);
    }

    /** When the live figures were last recomputed. */
    public Optional<Instant> refreshedAt() {
        return figures.refreshedAt();
    }

    /**
     * An organisation's report: a line per child in scope, and the organisation's own total. With no organisation,
     * the top of the user's scope (when that is several organisations, a line per top and their total).
     */
    @Transactional(readOnly = true)
    public Report organisation(@Nullable Long organisationId, Quarter quarter, @Nullable Audience audience) {
        requireReportable(quarter);
        var scope = organisations.currentScope();
        if (scope.isEmpty()) {
            throw new OutOfScopeException();
        }
        if (organisationId == null) {
            var tops = organisations.tops();
            if (tops.size() != 1) {
                var versions = snapshots.versions(quarter);
                var snapshot = versions.stream().findFirst();
                var rows = rows(tops, quarter, audience, snapshot, scope);
                var total = over(scope, quarter, audience, snapshot);
                var totalRow = new ReportRow(
                        0,
                        "",
                        "Tất cả",
                        "All",
                        null,
                        true,
                        !rows.isEmpty(),
                        total,
                        List.of(),
                        overSources(scope, quarter, audience, snapshot));
                return report(quarter, audience, totalRow, rows, versions);
            }
            organisationId = tops.getFirst().id();
        }
        var organisation = organisations.get(organisationId);
        boolean subtree = wholeSubtree(scope, organisation);
        var children = subtree && organisation.childCount() > 0
                ? organisations.children(organisation.id(), 0, 100_000)
                : List.<OrganisationSummary>of();
        var versions = snapshots.versions(quarter);
        var snapshot = versions.stream().findFirst();
        var rows = rows(children, quarter, audience, snapshot, scope);
        var total =
                rows(List.of(organisation), quarter, audience, snapshot, scope).getFirst();
        return report(quarter, audience, total, rows, versions);
    }

    /** A working group's report: a line per organisation it follows, and the group's total (each person once). */
    @Transactional(readOnly = true)
    public Report workingGroup(long groupId, Quarter quarter, @Nullable Audience audience) {
        requireReportable(quarter);
        var followed = followedBy(groupId);
        var versions = snapshots.versions(quarter);
        var snapshot = versions.stream().findFirst();
        var rows = new ArrayList<ReportRow>();
        rows.addAll(rows(followed.subtrees(), quarter, audience, snapshot, null));
        rows.addAll(rows(followed.singles(), quarter, audience, snapshot, OrganisationScope.nothing()));
        rows.sort(java.util.Comparator.comparing(ReportRow::nameVi));
        var total = followed.total(this, quarter, audience, snapshot);
        var checks = new ArrayList<TargetCheck>();
        if (audience != null) {
            for (var metric : Metric.values()) {
                targets.workingGroupTarget(groupId, quarter, metric, audience)
                        .ifPresent(t -> checks.add(check(metric, t, actual(total, metric), false)));
            }
        }
        var group = followed.group();
        var split = followed.subtrees().isEmpty() && followed.singles().isEmpty()
                ? Map.<String, Long>of()
                : overSources(followed.scope(), quarter, audience, snapshot);
        var totalRow = new ReportRow(
                0, group.code(), group.nameVi(), group.nameEn(), null, true, !rows.isEmpty(), total, checks, split);
        return report(quarter, audience, totalRow, rows, versions);
    }

    /**
     * What a working group follows: the organisations taken with their subtree, those taken alone, and the scope they
     * make together (each person in it once).
     */
    private record Followed(
            WorkingGroupService.WorkingGroup group,
            List<OrganisationSummary> subtrees,
            List<OrganisationSummary> singles,
            OrganisationScope scope) {

        Figures total(
                ReportService reports, Quarter quarter, @Nullable Audience audience, Optional<SnapshotInfo> snapshot) {
            return subtrees.isEmpty() && singles.isEmpty()
                    ? Figures.ZERO
                    : reports.over(scope, quarter, audience, snapshot);
        }
    }

    /** The group's organisations; a group the user is not in (platform admins are in all) is out of scope. */
    private Followed followedBy(long groupId) {
        var group = groups.mine().stream()
                .filter(g -> g.id() == groupId)
                .findFirst()
                .orElseThrow(OutOfScopeException::new);
        var subtrees = new ArrayList<OrganisationSummary>();
        var singles = new ArrayList<OrganisationSummary>();
        for (var f : groups.followed(groupId)) {
            // Working-group members may see what their group follows: get() checks that against their scope.
            (f.includeSubtree() ? subtrees : singles).add(organisations.get(f.organisationId()));
        }
        var scope = new OrganisationScope(
                false,
                subtrees.stream().map(OrganisationSummary::path).toList(),
                singles.stream().map(OrganisationSummary::id).collect(java.util.stream.Collectors.toSet()));
        return new Followed(group, subtrees, singles, scope);
    }

    /** An organisation's cumulative figures quarter by quarter, oldest first, ending with {@code last}. */
    @Transactional(readOnly = true)
    public List<TrendPoint> organisationTrend(
            long organisationId, @Nullable Audience audience, Quarter last, int count) {
        var organisation = organisations.get(organisationId);
        boolean subtree = wholeSubtree(organisations.currentScope(), organisation);
        var points = new ArrayList<TrendPoint>();
        for (var quarter : span(last, count)) {
            var snapshot = snapshots.official(quarter);
            Figures f;
            if (snapshot.isPresent()) {
                f = snapshots
                        .rows(snapshot.get().id(), List.of(organisationId), subtree, audience)
                        .getOrDefault(organisationId, Figures.ZERO);
            } else {
                var ids = List.of(organisationId);
                var live = subtree ? figures.subtrees(ids, quarter, audience) : figures.own(ids, quarter, audience);
                f = live.getOrDefault(organisationId, Figures.ZERO)
                        .withHeadcount(
                                figures.headcounts(ids, subtree, audience).getOrDefault(organisationId, 0L));
            }
            points.add(new TrendPoint(quarter, f, snapshot.isPresent() ? ReportSource.SNAPSHOT : ReportSource.LIVE));
        }
        return points;
    }

    /** A working group's total quarter by quarter, oldest first, ending with {@code last}. */
    @Transactional(readOnly = true)
    public List<TrendPoint> workingGroupTrend(long groupId, @Nullable Audience audience, Quarter last, int count) {
        requireReportable(last);
        var followed = followedBy(groupId);
        var points = new ArrayList<TrendPoint>();
        for (var quarter : span(last, count)) {
            var snapshot = snapshots.official(quarter);
            points.add(new TrendPoint(
                    quarter,
                    followed.total(this, quarter, audience, snapshot),
                    snapshot.isPresent() ? ReportSource.SNAPSHOT : ReportSource.LIVE));
        }
        return points;
    }

    /**
     * The people of an organisation's subtree (in scope) who have not completed their required courses, by name: the
     * organisation admin's follow-up list. Identity numbers appear masked only.
     */
    @Transactional(readOnly = true)
    public List<FollowUpPerson> followUp(long organisationId, @Nullable Audience audience, int offset, int limit) {
        var organisation = administered(organisationId);
        return followUps.list(organisation.path(), audience, offset, limit);
    }

    @Transactional(readOnly = true)
    public int countFollowUp(long organisationId, @Nullable Audience audience) {
        var organisation = administered(organisationId);
        return followUps.count(organisation.path(), audience);
    }

    /** Recomputes the live figures fully now (platform admins; the scheduler keeps them up to date, DD020). */
    public void refresh() {
        requirePlatformAdmin();
        figures.recompute();
    }

    /**
     * Closes a quarter that has ended: recomputes and takes its snapshot. Closing a closed quarter again is a
     * restatement and needs a reason. Platform admins only; audited.
     */
    @Transactional
    public SnapshotInfo closeQuarter(Quarter quarter, String reason) {
        var user = requirePlatformAdmin();
        if (quarter.compareTo(calendar.current()) >= 0) {
            throw new IllegalArgumentException("The quarter has not ended yet");
        }
        boolean restating = snapshots.official(quarter).isPresent();
        if (restating && reason.isBlank()) {
            throw new IllegalArgumentException("A restatement needs a reason");
        }
        figures.recompute();
        var snapshot = snapshots.take(quarter, user, reason.isBlank() ? "quarter closed" : reason.strip());
        audit.record(new AuditEntry(
                user,
                restating ? "report.restate" : "report.close",
                "quarter",
                quarter.toString(),
                null,
                "version " + snapshot.version() + ": " + snapshot.reason()));
        return snapshot;
    }

    /**
     * Closes an ended quarter as the system, if nobody has closed it yet (the scheduler's quarter-end close); empty
     * when it was closed already or another instance is recomputing.
     */
    @Transactional
    public Optional<SnapshotInfo> closeIfOpen(Quarter quarter) {
        if (quarter.compareTo(calendar.current()) >= 0
                || snapshots.official(quarter).isPresent()) {
            return Optional.empty();
        }
        if (!figures.recompute() || snapshots.official(quarter).isPresent()) {
            return Optional.empty();
        }
        var snapshot = snapshots.take(quarter, "system", "quarter closed");
        audit.record(new AuditEntry("system", "report.close", "quarter", quarter.toString(), null, "version 1"));
        log.info("Closed {}: snapshot taken", quarter);
        return Optional.of(snapshot);
    }

    private List<ReportRow> rows(
            List<OrganisationSummary> organisations,
            Quarter quarter,
            @Nullable Audience audience,
            Optional<SnapshotInfo> snapshot,
            @Nullable OrganisationScope scope) {
        var subtreeIds = new ArrayList<Long>();
        var ownIds = new ArrayList<Long>();
        for (var o : organisations) {
            (scope == null || wholeSubtree(scope, o) ? subtreeIds : ownIds).add(o.id());
        }
        var found = new HashMap<Long, Figures>();
        if (snapshot.isPresent()) {
            found.putAll(snapshots.rows(snapshot.get().id(), subtreeIds, true, audience));
            found.putAll(snapshots.rows(snapshot.get().id(), ownIds, false, audience));
        } else {
            var heads = new HashMap<Long, Long>(figures.headcounts(subtreeIds, true, audience));
            heads.putAll(figures.headcounts(ownIds, false, audience));
            var live = new HashMap<Long, Figures>(figures.subtrees(subtreeIds, quarter, audience));
            live.putAll(figures.own(ownIds, quarter, audience));
            for (var o : organisations) {
                found.put(
                        o.id(), live.getOrDefault(o.id(), Figures.ZERO).withHeadcount(heads.getOrDefault(o.id(), 0L)));
            }
        }
        var split = new HashMap<Long, Map<String, Long>>();
        if (snapshot.isPresent()) {
            split.putAll(snapshots.sources(snapshot.get().id(), subtreeIds, true, audience));
            split.putAll(snapshots.sources(snapshot.get().id(), ownIds, false, audience));
        } else {
            split.putAll(figures.sources(subtreeIds, true, quarter, audience));
            split.putAll(figures.sources(ownIds, false, quarter, audience));
        }
        var checks =
                targetChecks(organisations.stream().map(OrganisationSummary::id).toList(), quarter, audience, found);
        return organisations.stream()
                .map(o -> new ReportRow(
                        o.id(),
                        o.code(),
                        o.nameVi(),
                        o.nameEn(),
                        o.type(),
                        !ownIds.contains(o.id()),
                        o.childCount() > 0 && !ownIds.contains(o.id()),
                        found.getOrDefault(o.id(), Figures.ZERO),
                        checks.getOrDefault(o.id(), List.of()),
                        split.getOrDefault(o.id(), Map.of())))
                .toList();
    }

    private Map<Long, List<TargetCheck>> targetChecks(
            List<Long> ids, Quarter quarter, @Nullable Audience audience, Map<Long, Figures> found) {
        var result = new HashMap<Long, List<TargetCheck>>();
        if (audience == null || ids.isEmpty()) {
            return result;
        }
        for (var metric : Metric.values()) {
            targets.effectiveTargets(ids, quarter, metric, audience)
                    .forEach((id, target) -> result.computeIfAbsent(id, k -> new ArrayList<>())
                            .add(check(
                                    metric,
                                    target.percentage(),
                                    actual(found.getOrDefault(id, Figures.ZERO), metric),
                                    target.inherited())));
        }
        return result;
    }

    private TargetCheck check(Metric metric, BigDecimal target, @Nullable BigDecimal actual, boolean inherited) {
        var gap = actual == null ? target : target.subtract(actual);
        TargetStatus status;
        if (actual != null && gap.signum() <= 0) {
            status = TargetStatus.MET;
        } else if (actual != null && gap.compareTo(BigDecimal.valueOf(properties.atRiskMargin())) <= 0) {
            status = TargetStatus.AT_RISK;
        } else {
            status = TargetStatus.BEHIND;
        }
        return new TargetCheck(metric, target, actual, gap, status, inherited);
    }

    /** The rate a target of this metric is measured against. */
    static @Nullable BigDecimal actual(Figures figures, Metric metric) {
        return switch (metric) {
            case ACCOUNT_COVERAGE -> figures.coverage();
            case ACTIVATION -> figures.activation();
            case COURSE_COMPLETION -> figures.completionOfHeadcount();
        };
    }

    /** The quarter's figures over a scope, each person once: from its snapshot when closed, else live. */
    private Figures over(
            OrganisationScope scope, Quarter quarter, @Nullable Audience audience, Optional<SnapshotInfo> snapshot) {
        return snapshot.map(s -> snapshots.over(s.id(), scope, audience))
                .orElseGet(() ->
                        figures.over(scope, quarter, audience).withHeadcount(figures.headcountOver(scope, audience)));
    }

    /** The completed people by source over a scope, each person once: from its snapshot when closed, else live. */
    private Map<String, Long> overSources(
            OrganisationScope scope, Quarter quarter, @Nullable Audience audience, Optional<SnapshotInfo> snapshot) {
        return snapshot.map(s -> snapshots.sourcesOver(s.id(), scope, audience))
                .orElseGet(() -> figures.sourcesOver(scope, quarter, audience));
    }

    /** A report from its parts; {@code versions}: the quarter's snapshots, newest first (empty while open). */
    private Report report(
            Quarter quarter,
            @Nullable Audience audience,
            ReportRow total,
            List<ReportRow> rows,
            List<SnapshotInfo> versions) {
        var snapshot = versions.stream().findFirst();
        return new Report(
                quarter,
                audience,
                total,
                rows,
                snapshot.isPresent() ? ReportSource.SNAPSHOT : ReportSource.LIVE,
                snapshot.map(SnapshotInfo::takenAt)
                        .orElseGet(() -> figures.refreshedAt().orElse(null)),
                versions);
    }

    /**
     * An organisation whose people's names the user may read: one they administer (DD007). Following it as a working
     * group shows its figures, not its people.
     */
    private OrganisationSummary administered(long organisationId) {
        var organisation = organisations.get(organisationId);
        if (!organisations.adminScope().includes(organisation.id(), organisation.path())) {
            throw new OutOfScopeException();
        }
        return organisation;
    }

    private static boolean wholeSubtree(OrganisationScope scope, OrganisationSummary organisation) {
        return scope.everything() || scope.subtreePaths().stream().anyMatch(organisation.path()::startsWith);
    }

    private void requireReportable(Quarter quarter) {
        if (quarter.compareTo(calendar.current()) > 0) {
            throw new IllegalArgumentException("That quarter has not begun");
        }
    }

    private static List<Quarter> span(Quarter last, int count) {
        var quarters = new ArrayList<Quarter>();
        var q = last;
        for (int i = 0; i < count; i++) {
            quarters.addFirst(q);
            q = q.previous();
        }
        return quarters;
    }

    private String requirePlatformAdmin() {
        var user = currentUser.get().orElseThrow(OutOfScopeException::new);
        if (!user.has(Role.PLATFORM_ADMIN)) {
            throw new OutOfScopeException();
        }
        return user.username();
    }
}
