package org.digilit.learning;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.base.Audience;
import org.digilit.base.ProgrammeTime;
import org.digilit.base.Quarter;
import org.digilit.course.CatalogueService;
import org.digilit.organisation.OrganisationRef;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.AuthenticatedUser;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Required courses: an organisation's admin assigns a course to an audience of their organisation (all teachers of a
 * school, all citizens of a commune), due by a quarter; it reaches that audience in the organisation and its whole
 * subtree. Only organisation admins, within the subtree they administer, and platform admins may assign or withdraw;
 * the check is here, not only in the view. Assigning a live assignment again moves its due quarter (audited) instead of
 * doubling it; a withdrawn assignment is kept for the reports of past quarters and no longer reaches learners. The SQL
 * is in {@link AssignmentStore}.
 */
@Service
public class AssignmentService {

    /** The programme's calendar: quarters turn at midnight in Vietnam. */

    /** How many quarters ahead (this one included) an assignment may fall due. */
    public static final int DUE_QUARTERS_AHEAD = 8;

    private final AssignmentStore store;
    private final OrganisationService organisations;
    private final CatalogueService catalogue;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;
    private final ProgrammeTime time;

    AssignmentService(
            AssignmentStore store,
            OrganisationService organisations,
            CatalogueService catalogue,
            CurrentUser currentUser,
            AuditService audit,
            Clock clock,
            ProgrammeTime time) {
        this.store = store;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.time = time;
    }

    /** The quarter it is now, in the programme's calendar. */
    public Quarter currentQuarter() {
        return time.quarter();
    }

    /** The quarters an assignment may fall due: this one and the next seven. */
    public List<Quarter> dueQuarters() {
        var quarters = new ArrayList<Quarter>();
        var quarter = currentQuarter();
        for (int i = 0; i < DUE_QUARTERS_AHEAD; i++) {
            quarters.add(quarter);
            quarter = quarter.quarter() == 4
                    ? new Quarter(quarter.year() + 1, 1)
                    : new Quarter(quarter.year(), quarter.quarter() + 1);
        }
        return quarters;
    }

    /**
     * Assigns an active course to an audience of an organisation (and its subtree), due by the given quarter; assigning
     * it again moves the due quarter. Refused, with nothing changed, for an organisation outside the caller's
     * administration ({@link OutOfScopeException}), an unknown organisation or course, or a due quarter outside
     * {@link #dueQuarters()} ({@link IllegalArgumentException}).
     */
    @Transactional
    public Assignment assign(long organisationId, Audience audience, String courseId, Quarter due) {
        var admin = requireAdmin();
        var organisation = administered(admin, organisationId);
        if (catalogue.course(courseId).isEmpty()) {
            throw new IllegalArgumentException("No such active course: " + courseId);
        }
        var choices = dueQuarters();
        if (due.compareTo(choices.getFirst()) < 0 || due.compareTo(choices.getLast()) > 0) {
            throw new IllegalArgumentException("A course falls due this quarter or within the next "
                    + (DUE_QUARTERS_AHEAD - 1) + " quarters, not " + due);
        }
        var target = organisation.code() + " " + audience.name() + " " + courseId;
        // Two attempts: a concurrent first assignment of the same course wins the insert, this one then updates it.
        for (int attempt = 0; attempt < 2; attempt++) {
            var live = store.lockLive(organisationId, audience, courseId);
            if (live.isPresent()) {
                long id = live.get().id();
                var before = live.get().due();
                if (!before.equals(due)) {
                    store.moveDue(id, due);
                    audit.record(new AuditEntry(
                            admin.username(),
                            "assignment.due-changed",
                            "course-assignment",
                            String.valueOf(id),
                            null,
                            target + " due " + before + " -> " + due));
                }
                return get(id);
            }
            var inserted = store.insertLive(organisationId, audience, courseId, due, admin.username(), clock.instant());
            if (inserted.isPresent()) {
                audit.record(new AuditEntry(
                        admin.username(),
                        "assignment.created",
                        "course-assignment",
                        String.valueOf(inserted.get()),
                        null,
                        target + " due " + due));
                return get(inserted.get());
            }
        }
        throw new IllegalStateException("The assignment changed while saving it; try again");
    }

    /**
     * Withdraws a live assignment: learners no longer see it; it is kept (with who withdrew it, when) for the reports of
     * past quarters. Withdrawing it again changes nothing. Same scope rule as {@link #assign}.
     */
    @Transactional
    public void withdraw(long assignmentId) {
        var admin = requireAdmin();
        var row = store.lockForWithdrawal(assignmentId)
                .orElseThrow(() -> new NoSuchElementException("No such assignment"));
        var organisation = administered(admin, row.organisationId());
        if (row.withdrawn()) {
            return;
        }
        store.markWithdrawn(assignmentId, admin.username(), clock.instant());
        audit.record(new AuditEntry(
                admin.username(),
                "assignment.withdrawn",
                "course-assignment",
                String.valueOf(assignmentId),
                null,
                organisation.code() + " " + row.audience() + " " + row.courseId()));
    }

    /** The live assignments made on one organisation (not those inherited from above); it must be administered. */
    @Transactional(readOnly = true)
    public List<Assignment> list(long organisationId) {
        administered(requireAdmin(), organisationId);
        return store.liveOn(organisationId);
    }

    /** The live assignments on every organisation the caller administers, newest first, a page at a time. */
    @Transactional(readOnly = true)
    public List<Assignment> inScope(int offset, int limit) {
        var scope = organisations.adminScopeOf(requireAdmin());
        return store.liveIn(scope, offset, limit);
    }

    /** How many live assignments {@link #inScope} pages through. */
    @Transactional(readOnly = true)
    public int countInScope() {
        var scope = organisations.adminScopeOf(requireAdmin());
        return store.countLiveIn(scope);
    }

    /**
     * The signed-in learner's required courses: live assignments on their organisation or any organisation above it,
     * for their audience, one per course (the earliest due wins). Nothing for a learner whose account names no
     * organisation, or one the tree does not know.
     */
    @Transactional(readOnly = true)
    public List<LearnerAssignment> forLearner() {
        return forLearner(currentUser.require());
    }

    @Transactional(readOnly = true)
    List<LearnerAssignment> forLearner(AuthenticatedUser learner) {
        var code = learner.organisationCode();
        if (code == null || code.isBlank()) {
            return List.of();
        }
        var lineage = organisations.lineageOf(code).stream()
                .collect(Collectors.toMap(OrganisationRef::id, Function.identity()));
        if (lineage.isEmpty()) {
            return List.of();
        }
        record Row(String courseId, Quarter due, long organisationId, int depth) {}
        var rows = store.liveFor(lineage.keySet(), LearnerAudience.of(learner).name()).stream()
                .map(r -> new Row(r.courseId(), r.due(), r.organisationId(), depth(lineage.get(r.organisationId()))))
                .toList();
        // Earliest due first; at the same due date the assignment nearest the learner names who asked.
        var byCourse = new LinkedHashMap<String, Row>();
        rows.stream()
                .sorted(Comparator.comparing(Row::due)
                        .thenComparing(Comparator.comparingInt(Row::depth).reversed())
                        .thenComparing(Row::courseId))
                .forEach(row -> byCourse.putIfAbsent(row.courseId(), row));
        return byCourse.values().stream()
                .map(row -> {
                    var by = lineage.get(row.organisationId());
                    return new LearnerAssignment(row.courseId(), row.due(), by.nameVi(), by.nameEn());
                })
                .toList();
    }

    /** Whether a course is assigned to this learner now (their first step in it then counts as assigned). */
    boolean isAssigned(AuthenticatedUser learner, String courseId) {
        var code = learner.organisationCode();
        if (code == null || code.isBlank()) {
            return false;
        }
        return store.isAssigned(code, courseId, LearnerAudience.of(learner).name());
    }

    private static int depth(OrganisationRef organisation) {
        return (int) organisation.path().chars().filter(c -> c == '/').count();
    }

    private Assignment get(long id) {
        return store.get(id);
    }

    private AuthenticatedUser requireAdmin() {
        var user = currentUser.get().orElseThrow(OutOfScopeException::new);
        if (!user.has(Role.PLATFORM_ADMIN) && !user.has(Role.ORG_ADMIN)) {
            throw new OutOfScopeException();
        }
        return user;
    }

    /** The organisation, if it exists and the user administers it. */
    private OrganisationRef administered(AuthenticatedUser user, long organisationId) {
        var organisation = organisations
                .reference(organisationId)
                .orElseThrow(() -> new NoSuchElementException("No such organisation"));
        if (!organisations.adminScopeOf(user).includes(organisation.id(), organisation.path())) {
            throw new OutOfScopeException();
        }
        return organisation;
    }
}
