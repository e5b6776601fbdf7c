package org.digilit.session;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.digilit.account.AccountService;
import org.digilit.account.LearnerAccount;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.course.CatalogueService;
import org.digilit.organisation.OrganisationRef;
import org.digilit.organisation.OrganisationScope;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.AuthenticatedUser;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scheduling in-person sessions (one, or a weekly series in one go), their rosters (learners of the organisation's
 * accounts), closing them, and the walk-ins waiting to be registered. Who may: a platform admin everywhere; an
 * organisation admin and a facilitator within their account organisation's subtree (the facilitator role is granted
 * per organisation: the organisation of the facilitator's account). Every change is audited.
 */
@Service
public class SessionService {

    /** Most learners offered when searching the organisation's accounts. */
    public static final int CANDIDATE_LIMIT = 50;

    private final SessionStore store;
    private final OrganisationService organisations;
    private final AccountService accounts;
    private final CatalogueService catalogue;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    SessionService(
            SessionStore store,
            OrganisationService organisations,
            AccountService accounts,
            CatalogueService catalogue,
            CurrentUser currentUser,
            AuditService audit,
            Clock clock) {
        this.store = store;
        this.organisations = organisations;
        this.accounts = accounts;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Schedules a session, or a weekly series of {@code weeks} sessions at the same time of the week. Checked whole
     * first: a bad field refuses all of it. The signed-in facilitator is always one of the session's facilitators.
     *
     * @return the new sessions' ids, earliest first
     */
    @Transactional
    public List<Long> schedule(SessionDraft draft, @Nullable String clientAddress) {
        var user = currentUser.require();
        var organisation = organisations
                .reference(draft.organisationId())
                .orElseThrow(() -> new SessionRejectedException("sessions.error.organisation"));
        requireManage(user, organisation.path());
        validate(draft);
        var facilitators = new ArrayList<String>();
        for (var name : draft.facilitators()) {
            var clean = name.strip().toLowerCase(java.util.Locale.ROOT);
            if (!clean.isEmpty() && !facilitators.contains(clean)) {
                facilitators.add(clean);
            }
        }
        if (user.has(Role.FACILITATOR) && !facilitators.contains(user.username())) {
            facilitators.add(user.username());
        }
        if (facilitators.isEmpty()) {
            throw new SessionRejectedException("sessions.error.facilitators");
        }
        var withFacilitators = new SessionDraft(
                draft.organisationId(),
                draft.courseId(),
                draft.lessonIds(),
                draft.place(),
                draft.startsAt(),
                draft.endsAt(),
                draft.capacity(),
                draft.audience(),
                facilitators,
                draft.weeks());
        var series = draft.weeks() > 1 ? UUID.randomUUID() : null;
        var now = clock.instant();
        var ids = new ArrayList<Long>();
        var audits = new ArrayList<AuditEntry>();
        for (int week = 0; week < draft.weeks(); week++) {
            var shift = Duration.ofDays(7L * week);
            long id = store.insert(
                    withFacilitators,
                    draft.startsAt().plus(shift),
                    draft.endsAt().plus(shift),
                    series,
                    user.username(),
                    now);
            ids.add(id);
            audits.add(new AuditEntry(
                    user.username(),
                    "session.schedule",
                    "session",
                    String.valueOf(id),
                    clientAddress,
                    "organisation " + organisation.code() + ", course " + draft.courseId()
                            + (series == null ? "" : ", series " + series)));
        }
        audit.recordAll(audits);
        return ids;
    }

    private void validate(SessionDraft draft) {
        var place = draft.place().strip();
        if (place.isEmpty() || place.length() > SessionDraft.PLACE_MAX_LENGTH) {
            throw new SessionRejectedException("sessions.error.place");
        }
        if (!draft.endsAt().isAfter(draft.startsAt())
                || Duration.between(draft.startsAt(), draft.endsAt()).toHours() > 12) {
            throw new SessionRejectedException("sessions.error.time");
        }
        if (draft.capacity() < 1 || draft.capacity() > SessionDraft.CAPACITY_MAX) {
            throw new SessionRejectedException("sessions.error.capacity");
        }
        if (draft.weeks() < 1 || draft.weeks() > SessionDraft.WEEKS_MAX) {
            throw new SessionRejectedException("sessions.error.weeks");
        }
        if (catalogue.course(draft.courseId()).isEmpty()) {
            throw new SessionRejectedException("sessions.error.course");
        }
        if (!draft.lessonIds().isEmpty()) {
            var lessons = catalogue.lessons(draft.courseId()).stream()
                    .map(CatalogueService.LessonTitle::id)
                    .toList();
            if (!lessons.containsAll(draft.lessonIds())) {
                throw new SessionRejectedException("sessions.error.lessons");
            }
        }
    }

    /**
     * Organisations the user may schedule for, by code or name: an admin searches their scope; a facilitator has only
     * their own organisation.
     */
    @Transactional(readOnly = true)
    public List<OrganisationRef> schedulableOrganisations(String text, int offset, int limit) {
        var user = currentUser.require();
        if (user.has(Role.PLATFORM_ADMIN) || user.has(Role.ORG_ADMIN)) {
            return organisations.search(text, offset, limit).stream()
                    .map(o -> new OrganisationRef(o.id(), o.code(), o.path(), o.type(), o.nameVi(), o.nameEn()))
                    .toList();
        }
        if (offset > 0 || user.organisationCode() == null) {
            return List.of();
        }
        return organisations.referenceByCode(user.organisationCode()).stream().toList();
    }

    /** Sessions of the organisations the user schedules for, newest first. */
    @Transactional(readOnly = true)
    public List<ClassSession> list(int offset, int limit) {
        var scope = manageScope(currentUser.require());
        if (scope.isEmpty()) {
            return List.of();
        }
        return store.list(scope.sqlCondition(), scope.sqlParameters(), offset, limit);
    }

    /** One session the user may manage; outside their organisations refused. */
    @Transactional(readOnly = true)
    public ClassSession get(long id) {
        var session = store.find(id).orElseThrow(() -> new NoSuchElementException("No such session"));
        requireManage(currentUser.require(), store.organisationPath(id).orElseThrow());
        return session;
    }

    @Transactional(readOnly = true)
    public List<RosterEntry> roster(long sessionId) {
        get(sessionId);
        return store.roster(sessionId);
    }

    /** Verified accounts of the session's organisation not yet on its roster, by part of a name or a username. */
    @Transactional(readOnly = true)
    public List<LearnerAccount> candidates(long sessionId, @Nullable String text) {
        var session = get(sessionId);
        var onRoster = store.roster(sessionId).stream()
                .map(RosterEntry::username)
                .collect(java.util.stream.Collectors.toSet());
        return accounts
                .learnersIn(catchment(session.organisationId()).id(), text, CANDIDATE_LIMIT + onRoster.size())
                .stream()
                .filter(a -> !onRoster.contains(a.username()))
                .limit(CANDIDATE_LIMIT)
                .toList();
    }

    /**
     * Enrols learners of the session's organisation (by username). All or nothing: an unknown account, one of another
     * organisation, or more learners than the capacity refuses the whole change. Enrolling again changes nothing.
     *
     * @return how many were added
     */
    @Transactional
    public int enrol(long sessionId, Collection<String> usernames, @Nullable String clientAddress) {
        var user = currentUser.require();
        var session = get(sessionId);
        requireOpen(session);
        var organisationPath = catchment(session.organisationId()).path();
        var found = new ArrayList<LearnerAccount>();
        for (var username : usernames) {
            var account = accounts.learnerByUsername(username)
                    .orElseThrow(() -> new SessionRejectedException("sessions.error.unknown-learner"));
            var theirs = organisations.reference(account.organisationId()).orElseThrow();
            if (!theirs.path().startsWith(organisationPath)) {
                throw new SessionRejectedException("sessions.error.other-organisation");
            }
            found.add(account);
        }
        var newcomers = found.stream()
                .filter(a -> !store.onRoster(sessionId, a.username()))
                .toList();
        if (store.rosterSize(sessionId) + newcomers.size() > session.capacity()) {
            throw new SessionRejectedException("sessions.error.full");
        }
        var now = clock.instant();
        var audits = new ArrayList<AuditEntry>();
        for (var account : newcomers) {
            if (store.addLearner(sessionId, account.username(), account.fullName(), "ENROLLED", user.username(), now)) {
                audits.add(new AuditEntry(
                        user.username(),
                        "session.enrol",
                        "session",
                        String.valueOf(sessionId),
                        clientAddress,
                        "learner " + account.username()));
            }
        }
        audit.recordAll(audits);
        return audits.size();
    }

    @Transactional
    public void removeLearner(long sessionId, String username, @Nullable String clientAddress) {
        var user = currentUser.require();
        requireOpen(get(sessionId));
        if (store.removeLearner(sessionId, username)) {
            audit.record(new AuditEntry(
                    user.username(),
                    "session.unenrol",
                    "session",
                    String.valueOf(sessionId),
                    clientAddress,
                    "learner " + username));
        }
    }

    /** Closes a session: from now on attendance changes only through an approved correction request. */
    @Transactional
    public void close(long sessionId, @Nullable String clientAddress) {
        var user = currentUser.require();
        var session = get(sessionId);
        if (session.closed()) {
            return;
        }
        store.close(sessionId, user.username(), clock.instant());
        audit.record(new AuditEntry(
                user.username(), "session.close", "session", String.valueOf(sessionId), clientAddress, null));
    }

    /** People recorded at the door without an account, within the user's organisations, newest first. */
    @Transactional(readOnly = true)
    public List<WalkIn> walkIns(int limit) {
        var scope = manageScope(currentUser.require());
        if (scope.isEmpty()) {
            return List.of();
        }
        return store.walkIns(scope.sqlCondition(), scope.sqlParameters(), limit);
    }

    @Transactional(readOnly = true)
    public int walkInCount(long sessionId) {
        get(sessionId);
        return store.walkInCount(sessionId);
    }

    /**
     * The organisations a user schedules for: everything for a platform admin; the subtree of their account's
     * organisation for an organisation admin or a facilitator.
     */
    OrganisationScope manageScope(AuthenticatedUser user) {
        if (user.has(Role.PLATFORM_ADMIN)) {
            return OrganisationScope.all();
        }
        if ((user.has(Role.ORG_ADMIN) || user.has(Role.FACILITATOR)) && user.organisationCode() != null) {
            return organisations
                    .referenceByCode(user.organisationCode())
                    .map(o -> new OrganisationScope(false, List.of(o.path()), java.util.Set.of()))
                    .orElse(OrganisationScope.nothing());
        }
        return OrganisationScope.nothing();
    }

    /** The user manages the organisation (an account's, for linking a walk-in to it). */
    void requireManageOrganisation(AuthenticatedUser user, long organisationId) {
        requireManage(
                user, organisations.reference(organisationId).orElseThrow().path());
    }

    void requireManage(AuthenticatedUser user, String organisationPath) {
        var scope = manageScope(user);
        if (!scope.everything() && scope.subtreePaths().stream().noneMatch(organisationPath::startsWith)) {
            throw new OutOfScopeException();
        }
    }

    /** Whether the user approves corrections for an organisation: its admins (and platform admins), not facilitators. */
    boolean mayApprove(AuthenticatedUser user, String organisationPath) {
        if (user.has(Role.PLATFORM_ADMIN)) {
            return true;
        }
        if (!user.has(Role.ORG_ADMIN) || user.organisationCode() == null) {
            return false;
        }
        return organisations
                .referenceByCode(user.organisationCode())
                .map(OrganisationRef::path)
                .map(organisationPath::startsWith)
                .orElse(false);
    }

    /**
     * Where a session's learners come from: the organisation's subtree; for a community group (which has no accounts
     * of its own: people belong to their commune), its parent commune's.
     */
    private OrganisationRef catchment(long organisationId) {
        var organisation = organisations.reference(organisationId).orElseThrow();
        if (organisation.type() != org.digilit.organisation.OrganisationType.COMMUNITY_GROUP) {
            return organisation;
        }
        var path = organisation.path();
        var parentPath = path.substring(0, path.lastIndexOf('/', path.length() - 2) + 1);
        var parentId = Long.parseLong(parentPath.substring(
                parentPath.lastIndexOf('/', parentPath.length() - 2) + 1, parentPath.length() - 1));
        return organisations.reference(parentId).orElse(organisation);
    }

    static void requireOpen(ClassSession session) {
        if (session.closed()) {
            throw new SessionRejectedException("sessions.error.closed");
        }
    }
}
