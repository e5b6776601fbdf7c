package org.digilit.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.digilit.account.AccountService;
import org.digilit.account.LearnerAccount;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.learning.InPersonLearner;
import org.digilit.learning.LearningService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.AuthenticatedUser;
import org.digilit.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance: what a facilitator's phone downloads (their own upcoming sessions and rosters only), the idempotent
 * sync of marks taken offline, joining at the door, correction requests after close, quizzes passed in the room, and
 * completing a course in person when enough of its sessions were attended. Rules in {@link AttendanceRules} and
 * {@code docs/decisions/DD009-20261202-offline-attendance.md}.
 */
@Service
public class AttendanceService {

    /** The phone's download: sessions, their rosters, the server's time (for the phone's clock offset). */
    public record PhoneDownload(
            Instant serverTime, List<ClassSession> sessions, Map<Long, List<RosterEntry>> rosters) {}

    private final SessionStore sessions;
    private final AttendanceStore store;
    private final SessionService sessionService;
    private final AccountService accounts;
    private final LearningService learning;
    private final LearnerCards cards;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final SessionProperties properties;
    private final Clock clock;

    AttendanceService(
            SessionStore sessions,
            AttendanceStore store,
            SessionService sessionService,
            AccountService accounts,
            LearningService learning,
            LearnerCards cards,
            CurrentUser currentUser,
            AuditService audit,
            SessionProperties properties,
            Clock clock) {
        this.sessions = sessions;
        this.store = store;
        this.sessionService = sessionService;
        this.accounts = accounts;
        this.learning = learning;
        this.cards = cards;
        this.currentUser = currentUser;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** The signed-in facilitator's own sessions from yesterday to {@code upcomingDays} ahead, with their rosters. */
    @Transactional(readOnly = true)
    public PhoneDownload phoneDownload() {
        var user = currentUser.require();
        var now = clock.instant();
        var mine = sessions.ofFacilitator(
                user.username(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(properties.upcomingDays())));
        var rosters = new HashMap<Long, List<RosterEntry>>();
        for (var session : mine) {
            rosters.put(session.id(), sessions.roster(session.id()));
        }
        return new PhoneDownload(now, mine, rosters);
    }

    /**
     * Stores a batch of marks taken on a phone. Idempotent: a batch received before, or marks already held, change
     * nothing and are acknowledged again. All or nothing: a session the user does not facilitate (nor administers), or
     * a learner who cannot be identified, refuses the whole batch. Marks outside the session's window are kept and
     * flagged; marks for a closed session are kept, not applied, and become correction requests.
     */
    @Transactional
    public PhoneSync.Result sync(PhoneSync.Batch batch, @Nullable String clientAddress) {
        var user = currentUser.require();
        var now = clock.instant();
        if (batch.marks().size() > PhoneSync.MAX_MARKS || batch.walkIns().size() > PhoneSync.MAX_WALK_INS) {
            throw new SessionRejectedException("attendance.error.batch-too-large");
        }
        // Kept to the millisecond, as stored: capture time = phone time + stored offset, exactly.
        var offset = Duration.ofMillis(Duration.between(batch.sentAt(), now).toMillis());
        var acknowledged = new ArrayList<UUID>();
        batch.walkIns().forEach(w -> acknowledged.add(w.id()));
        batch.marks().forEach(m -> acknowledged.add(m.id()));
        if (!store.claimBatch(
                batch.batchId(), user.username(), now, batch.marks().size())) {
            return new PhoneSync.Result(now, offset.toMillis(), true, acknowledged, 0, List.of());
        }
        var touched = new LinkedHashSet<Long>();
        batch.marks().forEach(m -> touched.add(m.sessionId()));
        batch.walkIns().forEach(w -> touched.add(w.sessionId()));
        var byId = new HashMap<Long, ClassSession>();
        for (long id : touched) {
            var session = sessions.find(id).orElseThrow(() -> new SessionRejectedException("attendance.error.session"));
            requireMark(user, session);
            byId.put(id, session);
        }
        var walkInIds = new java.util.HashSet<String>();
        for (var walkIn : batch.walkIns()) {
            var name = walkIn.fullName().strip();
            var phone = walkIn.phone().strip();
            if (name.isEmpty() || name.length() > 200 || !phone.matches("\\+?[0-9 .-]{6,20}")) {
                throw new SessionRejectedException("attendance.error.walk-in");
            }
            sessions.insertWalkIn(
                    walkIn.id(),
                    walkIn.sessionId(),
                    name,
                    phone,
                    user.username(),
                    walkIn.capturedAt().plus(offset),
                    now);
            walkInIds.add("walkin:" + walkIn.id());
        }
        // Lock each learner's attendance in a fixed order (no deadlock between two facilitators' batches).
        var keys = new java.util.TreeSet<String>();
        for (var mark : batch.marks()) {
            keys.add(mark.sessionId() + "/" + mark.learner());
        }
        for (var mark : batch.marks()) {
            if (!mark.method().equals("MANUAL") && !mark.method().equals("QR")) {
                throw new SessionRejectedException("attendance.error.method");
            }
            resolveLearner(user, byId.get(mark.sessionId()), mark, walkInIds, now);
        }
        for (var key : keys) {
            int slash = key.indexOf('/');
            store.lock(Long.parseLong(key.substring(0, slash)), key.substring(slash + 1));
        }
        var flagged = new ArrayList<UUID>();
        var changed = new LinkedHashSet<String>();
        int stored = 0;
        for (var mark : batch.marks()) {
            var session = byId.get(mark.sessionId());
            var capturedAt = mark.capturedAt().plus(offset);
            boolean outOfWindow = AttendanceRules.outOfWindow(
                    capturedAt,
                    session.startsAt(),
                    session.endsAt(),
                    properties.windowBefore(),
                    properties.windowAfter());
            boolean afterClose = session.closed();
            boolean inserted = store.insertMark(
                    mark.id(),
                    session.id(),
                    mark.learner(),
                    mark.status(),
                    mark.method(),
                    user.username(),
                    batch.batchId(),
                    mark.capturedAt(),
                    offset.toMillis(),
                    capturedAt,
                    now,
                    outOfWindow,
                    afterClose);
            if (!inserted) {
                continue;
            }
            stored++;
            if (outOfWindow || afterClose) {
                flagged.add(mark.id());
            }
            if (afterClose) {
                var current = store.status(session.id(), mark.learner());
                if (current.isEmpty() || current.get() != mark.status()) {
                    store.requestCorrection(
                            session.id(),
                            mark.learner(),
                            mark.status(),
                            "Mark received after the session was closed",
                            user.username(),
                            now);
                }
            } else {
                changed.add(session.id() + "/" + mark.learner());
            }
        }
        for (var key : changed) {
            int slash = key.indexOf('/');
            settle(byId.get(Long.parseLong(key.substring(0, slash))), key.substring(slash + 1));
        }
        store.batchStored(batch.batchId(), stored);
        audit.record(new AuditEntry(
                user.username(),
                "attendance.sync",
                "attendance-batch",
                batch.batchId().toString(),
                clientAddress,
                "marks " + batch.marks().size() + ", new " + stored + ", flagged " + flagged.size() + ", walk-ins "
                        + batch.walkIns().size() + ", clock offset " + offset.toMillis() + " ms"));
        return new PhoneSync.Result(now, offset.toMillis(), false, acknowledged, stored, flagged);
    }

    /** A learner not on the roster joins at the door: by a learner card (checked) or by username (an account). */
    private void resolveLearner(
            AuthenticatedUser user,
            ClassSession session,
            PhoneSync.Mark mark,
            java.util.Set<String> walkIns,
            Instant now) {
        var learner = mark.learner();
        if (learner.startsWith("walkin:")) {
            if (!walkIns.contains(learner) && !walkInExists(session.id(), learner)) {
                throw new SessionRejectedException("attendance.error.unknown-learner");
            }
            return;
        }
        if (sessions.onRoster(session.id(), learner)) {
            return;
        }
        String joined;
        if (mark.method().equals("QR")) {
            var fromCard = cards.username(mark.card() == null ? "" : mark.card());
            if (fromCard.isEmpty() || !fromCard.get().equals(learner)) {
                throw new SessionRejectedException("attendance.error.card");
            }
            joined = "QR";
        } else {
            joined = "USERNAME";
        }
        var account = accounts.learnerByUsername(learner)
                .orElseThrow(() -> new SessionRejectedException("attendance.error.unknown-learner"));
        sessions.addLearner(session.id(), account.username(), account.fullName(), joined, user.username(), now);
    }

    private boolean walkInExists(long sessionId, String learner) {
        try {
            var id = UUID.fromString(learner.substring("walkin:".length()));
            return sessions.walkIns("s.id = :sid", Map.of("sid", sessionId), 1000).stream()
                    .anyMatch(w -> w.id().equals(id));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Finds a learner who joins at the door while online, by username or by a whole identity number (blind index;
     * the number is neither stored nor logged), and adds them to the roster.
     */
    @Transactional
    public Optional<RosterEntry> joinAtDoor(long sessionId, String typed, @Nullable String clientAddress) {
        var user = currentUser.require();
        var session = sessions.find(sessionId).orElseThrow(() -> new NoSuchElementException("No such session"));
        requireMark(user, session);
        SessionService.requireOpen(session);
        var text = typed.strip();
        Optional<LearnerAccount> account;
        String joined;
        if (text.matches("[0-9 ]{9,14}")) {
            account = accounts.learnerByIdentityNumber(text);
            joined = "IDENTITY_NUMBER";
        } else {
            var fromCard = cards.username(text);
            account = accounts.learnerByUsername(fromCard.orElse(text));
            joined = fromCard.isPresent() ? "QR" : "USERNAME";
        }
        if (account.isEmpty()) {
            return Optional.empty();
        }
        var learner = account.get();
        if (sessions.addLearner(
                sessionId, learner.username(), learner.fullName(), joined, user.username(), clock.instant())) {
            audit.record(new AuditEntry(
                    user.username(),
                    "session.join",
                    "session",
                    String.valueOf(sessionId),
                    clientAddress,
                    "learner " + learner.username() + " by " + joined.toLowerCase(java.util.Locale.ROOT)));
        }
        return Optional.of(new RosterEntry(
                learner.username(),
                learner.fullName(),
                joined,
                store.status(sessionId, learner.username()).orElse(null),
                null,
                false));
    }

    /** A facilitator (or an admin) asks to change a closed session's attendance; an organisation admin decides. */
    @Transactional
    public long requestCorrection(
            long sessionId, String learner, MarkStatus status, String reason, @Nullable String clientAddress) {
        var user = currentUser.require();
        var session = sessions.find(sessionId).orElseThrow(() -> new NoSuchElementException("No such session"));
        requireMark(user, session);
        if (!session.closed()) {
            throw new SessionRejectedException("attendance.error.not-closed");
        }
        var why = reason.strip();
        if (why.isEmpty() || why.length() > Correction.REASON_MAX_LENGTH) {
            throw new SessionRejectedException("attendance.error.reason");
        }
        if (!sessions.onRoster(sessionId, learner)) {
            throw new SessionRejectedException("attendance.error.unknown-learner");
        }
        long id = store.requestCorrection(sessionId, learner, status, why, user.username(), clock.instant());
        audit.record(new AuditEntry(
                user.username(),
                "attendance.correction.request",
                "session",
                String.valueOf(sessionId),
                clientAddress,
                "request " + id + ": learner " + learner + " " + status));
        return id;
    }

    /** Approves (applies, as the latest word) or rejects an open correction request; audited. */
    @Transactional
    public void decideCorrection(long correctionId, boolean approve, @Nullable String clientAddress) {
        var user = currentUser.require();
        var correction = store.correction(correctionId)
                .orElseThrow(() -> new NoSuchElementException("No such correction request"));
        var path = sessions.organisationPath(correction.sessionId()).orElseThrow();
        if (!sessionService.mayApprove(user, path)) {
            throw new OutOfScopeException();
        }
        var now = clock.instant();
        if (!store.decide(correctionId, approve, user.username(), now)) {
            throw new SessionRejectedException("attendance.error.decided");
        }
        if (approve) {
            store.lock(correction.sessionId(), correction.learner());
            store.insertMark(
                    UUID.randomUUID(),
                    correction.sessionId(),
                    correction.learner(),
                    correction.status(),
                    "CORRECTION",
                    user.username(),
                    null,
                    now,
                    0,
                    now,
                    now,
                    false,
                    false);
            settle(sessions.find(correction.sessionId()).orElseThrow(), correction.learner());
        }
        audit.record(new AuditEntry(
                user.username(),
                approve ? "attendance.correction.approve" : "attendance.correction.reject",
                "session",
                String.valueOf(correction.sessionId()),
                clientAddress,
                "request " + correctionId + ": learner " + correction.learner() + " " + correction.status()));
    }

    /** Open correction requests of the organisations the user approves for, oldest first. */
    @Transactional(readOnly = true)
    public List<Correction> openCorrections(int limit) {
        var scope = sessionService.manageScope(currentUser.require());
        if (scope.isEmpty()) {
            return List.of();
        }
        return store.openCorrections(scope.sqlCondition(), scope.sqlParameters(), limit);
    }

    @Transactional(readOnly = true)
    public List<Correction> corrections(long sessionId) {
        sessionService.get(sessionId);
        return store.corrections(sessionId);
    }

    /** Records that a learner on the roster passed the course's quiz in the room (for people who cannot use a phone). */
    @Transactional
    public void recordQuizPassed(long sessionId, String learner, @Nullable String clientAddress) {
        var user = currentUser.require();
        var session = sessions.find(sessionId).orElseThrow(() -> new NoSuchElementException("No such session"));
        requireMark(user, session);
        if (!sessions.onRoster(sessionId, learner)) {
            throw new SessionRejectedException("attendance.error.unknown-learner");
        }
        sessions.recordQuizPass(learner, session.courseId(), sessionId, user.username(), clock.instant());
        audit.record(new AuditEntry(
                user.username(),
                "session.quiz-passed",
                "session",
                String.valueOf(sessionId),
                clientAddress,
                "learner " + learner + ", course " + session.courseId()));
        settle(session, learner);
    }

    /**
     * Links a walk-in to the verified account the person has now (found by username, or by whole identity number
     * through its blind index): the learner joins the session's roster, the marks taken at the door become theirs and
     * count toward an in-person completion. Audited; the identity number is never logged.
     */
    @Transactional
    public String linkWalkIn(UUID walkInId, String usernameOrIdentityNumber, @Nullable String clientAddress) {
        var user = currentUser.require();
        var sessionId = sessions.waitingWalkInSession(walkInId)
                .orElseThrow(() -> new SessionRejectedException("walkins.error.resolved"));
        sessionService.get(sessionId); // the caller manages the session's organisation
        var session = sessions.find(sessionId).orElseThrow();
        var typed = usernameOrIdentityNumber.strip();
        if (typed.isEmpty() || typed.length() > 100) {
            throw new SessionRejectedException("walkins.error.unknown-account");
        }
        var account = accounts.learnerByUsername(typed)
                .or(() -> accounts.learnerByIdentityNumber(typed))
                .orElseThrow(() -> new SessionRejectedException("walkins.error.unknown-account"));
        sessionService.requireManageOrganisation(user, account.organisationId());
        var now = clock.instant();
        if (!sessions.resolveWalkIn(walkInId, "LINKED", account.username(), null, user.username(), now)) {
            throw new SessionRejectedException("walkins.error.resolved");
        }
        sessions.addLearner(sessionId, account.username(), account.fullName(), "WALK_IN", user.username(), now);
        store.moveMarks(sessionId, "walkin:" + walkInId, account.username());
        settle(session, account.username());
        audit.record(new AuditEntry(
                user.username(),
                "session.walk-in-linked",
                "session",
                String.valueOf(sessionId),
                clientAddress,
                "walk-in " + walkInId + ", learner " + account.username()));
        return account.username();
    }

    /** Dismisses a walk-in (a duplicate, or a person who wants no account), with a reason; audited. */
    @Transactional
    public void dismissWalkIn(UUID walkInId, String reason, @Nullable String clientAddress) {
        var user = currentUser.require();
        var why = reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new SessionRejectedException("walkins.error.reason");
        }
        var sessionId = sessions.waitingWalkInSession(walkInId)
                .orElseThrow(() -> new SessionRejectedException("walkins.error.resolved"));
        sessionService.get(sessionId);
        if (!sessions.resolveWalkIn(walkInId, "DISMISSED", null, why, user.username(), clock.instant())) {
            throw new SessionRejectedException("walkins.error.resolved");
        }
        audit.record(new AuditEntry(
                user.username(),
                "session.walk-in-dismissed",
                "session",
                String.valueOf(sessionId),
                clientAddress,
                "walk-in " + walkInId));
    }

    /** Applies the winning mark, then completes the course in person when enough sessions were attended. */
    private void settle(ClassSession session, String learner) {
        var winner = AttendanceRules.winner(store.marks(session.id(), learner));
        if (winner.isEmpty()) {
            return;
        }
        store.setAttendance(session.id(), learner, winner.get());
        if (learner.startsWith("walkin:") || !winner.get().status().attended()) {
            return;
        }
        int total = sessions.courseSessionCount(session.organisationId(), session.courseId());
        int attended = sessions.attendedCount(session.organisationId(), session.courseId(), learner);
        if (attended < Math.ceil(properties.attendanceShare() * total - 1e-9)) {
            return;
        }
        accounts.learnerByUsername(learner)
                .ifPresent(account -> learning.completeInPerson(
                        new InPersonLearner(
                                account.username(), account.fullName(), account.organisationCode(), account.audience()),
                        session.courseId(),
                        sessions.quizPassedInRoom(learner, session.courseId())));
    }

    /** Marks are taken by the session's facilitators, and by admins of its organisation. */
    private void requireMark(AuthenticatedUser user, ClassSession session) {
        if (sessions.isFacilitator(session.id(), user.username())) {
            return;
        }
        var path = sessions.organisationPath(session.id()).orElseThrow();
        if (!sessionService.mayApprove(user, path)) {
            throw new OutOfScopeException();
        }
    }
}
