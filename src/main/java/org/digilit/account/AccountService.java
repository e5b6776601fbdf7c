package org.digilit.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.audit.AuditService.AuditRecord;
import org.digilit.base.TextFolding;
import org.digilit.identity.IdentityNumbers;
import org.digilit.identity.IdentityProtector;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.AuthenticatedUser;
import org.digilit.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts within the signed-in user's scope: listing and finding them (by name, username, or a whole identity number
 * through its blind index), their details and audit trail, and the changes an organisation admin makes — verify,
 * reject, deactivate, reactivate, move. Every change is audited and, when Keycloak must follow, written to the
 * provisioning outbox in the same transaction. The SQL is in {@link AccountStore}.
 */
@Service
public class AccountService {

    /** Most accounts one bulk action changes in one go (bulk verification of a whole province is several). */
    public static final int BULK_LIMIT = 500_000;

    public static final int REASON_MAX_LENGTH = 500;

    /** Accounts verified per transaction by "verify all". */
    static final int VERIFY_CHUNK = 5_000;

    private final AccountStore store;
    private final OrganisationService organisations;
    private final IdentityProtector protector;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final ProvisioningOutbox outbox;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    AccountService(
            AccountStore store,
            OrganisationService organisations,
            IdentityProtector protector,
            CurrentUser currentUser,
            AuditService audit,
            ProvisioningOutbox outbox,
            Clock clock,
            org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.store = store;
        this.organisations = organisations;
        this.protector = protector;
        this.currentUser = currentUser;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
    }

    @Transactional(readOnly = true)
    public List<AccountListItem> list(AccountFilter filter, int offset, int limit) {
        var criteria = criteria(filter);
        if (criteria == null) {
            return List.of();
        }
        return store.list(criteria, offset, limit);
    }

    @Transactional(readOnly = true)
    public int count(AccountFilter filter) {
        var criteria = criteria(filter);
        if (criteria == null) {
            return 0;
        }
        return store.count(criteria);
    }

    /** One account in scope; outside scope is refused (not hidden), unknown ids are simply absent. */
    @Transactional(readOnly = true)
    public Account get(long id) {
        var account = find(id).orElseThrow(() -> new NoSuchElementException("No such account"));
        requireInScope(account.organisationId());
        return account;
    }

    /** The signed-in learner's own account, if the platform provisioned it. */
    @Transactional(readOnly = true)
    public Optional<Account> mine() {
        return currentUser.get().flatMap(user -> store.findByUsername(user.username()));
    }

    /**
     * Verified accounts of an organisation's subtree, by part of the name or a username, for a feature that has checked
     * itself that the signed-in user acts for that organisation (in-person sessions: a facilitator enrols learners).
     */
    @Transactional(readOnly = true)
    public List<LearnerAccount> learnersIn(long organisationId, @Nullable String text, int limit) {
        var organisation = organisations.reference(organisationId).orElse(null);
        if (organisation == null) {
            return List.of();
        }
        var typed = text == null ? "" : text.strip();
        return store.verifiedIn(organisation.path(), typed, "%" + escapeLike(TextFolding.fold(typed)) + "%", limit);
    }

    /** A verified account by its username (join at the door by username or learner card). */
    @Transactional(readOnly = true)
    public Optional<LearnerAccount> learnerByUsername(String username) {
        return store.verifiedByUsername(username.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** A verified account by a whole identity number, found through its blind index (never logged, never stored). */
    @Transactional(readOnly = true)
    public Optional<LearnerAccount> learnerByIdentityNumber(String typed) {
        var check = IdentityNumbers.check(protector.scheme(), typed);
        if (!check.isValid()) {
            return Optional.empty();
        }
        return store.verifiedByBlindIndex(
                protector.blindIndex(check.validNumber().orElseThrow()));
    }

    @Transactional(readOnly = true)
    public List<AuditRecord> trail(long id) {
        get(id);
        return audit.trail("account", String.valueOf(id), 200);
    }

    /** Verifies pending accounts in scope; returns how many changed. Each verified account goes to Keycloak. */
    @Transactional
    public int verify(Collection<Long> ids, @Nullable String clientAddress) {
        var user = currentUser.require();
        var pending = inScope(ids, AccountState.PENDING);
        if (pending.isEmpty()) {
            return 0;
        }
        var now = Timestamp.from(clock.instant());
        // Outbox first, account second: the order the provisioning worker locks them in (else the two deadlock).
        outbox.enqueue(pending);
        store.verifyPending(pending, user.username(), now);
        auditEach(user, pending, "account.verified", clientAddress, null);
        return pending.size();
    }

    /**
     * Verifies every pending account the filter finds in scope (the queue's "verify all"), committing every
     * {@link #VERIFY_CHUNK} accounts: provisioning starts on the first ones while the rest are verified. Each chunk is
     * complete and audited; if the run stops half-way, running it again verifies the rest.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public int verifyAll(AccountFilter filter, @Nullable String clientAddress) {
        var ids = transactions.execute(status -> ids(filter.withState(AccountState.PENDING)));
        int verified = 0;
        for (int from = 0; ids != null && from < ids.size(); from += VERIFY_CHUNK) {
            var chunk = ids.subList(from, Math.min(ids.size(), from + VERIFY_CHUNK));
            Integer done = transactions.execute(status -> verify(chunk, clientAddress));
            verified += done == null ? 0 : done;
        }
        return verified;
    }

    /** Rejects pending accounts in scope, with a reason the trail keeps. */
    @Transactional
    public int reject(Collection<Long> ids, String reason, @Nullable String clientAddress) {
        var user = currentUser.require();
        var text = requireReason(reason);
        var pending = inScope(ids, AccountState.PENDING);
        var now = Timestamp.from(clock.instant());
        store.rejectPending(pending, text, now);
        auditEach(user, pending, "account.rejected", clientAddress, "reason=" + text);
        return pending.size();
    }

    /** Ends an account: disabled in Keycloak, kept in the platform (its history counts in past reports). */
    @Transactional
    public void deactivate(long id, String reason, @Nullable String clientAddress) {
        var account = get(id);
        var text = requireReason(reason);
        if (account.state() == AccountState.DEACTIVATED) {
            return;
        }
        changeState(account, AccountState.DEACTIVATED, text, "account.deactivated", clientAddress);
    }

    /** Brings a deactivated or rejected account back as verified. */
    @Transactional
    public void reactivate(long id, @Nullable String clientAddress) {
        var account = get(id);
        if (account.state() != AccountState.DEACTIVATED && account.state() != AccountState.REJECTED) {
            return;
        }
        changeState(account, AccountState.VERIFIED, null, "account.reactivated", clientAddress);
    }

    /** Moves an account to another organisation; both must be in the user's scope. Keycloak follows. */
    @Transactional
    public void move(long id, long organisationId, @Nullable String clientAddress) {
        var account = get(id);
        var target = organisations.reference(organisationId).orElseThrow(NoSuchElementException::new);
        if (!organisations.adminScope().includes(target.id(), target.path())) {
            throw new OutOfScopeException();
        }
        if (account.organisationId() == organisationId) {
            return;
        }
        // Outbox first, account second: the order the provisioning worker locks them in (else the two deadlock).
        if (account.state() != AccountState.PENDING && account.state() != AccountState.REJECTED) {
            outbox.enqueue(List.of(id));
        }
        store.moveTo(id, organisationId, Timestamp.from(clock.instant()));
        audit.record(new AuditEntry(
                currentUser.require().username(),
                "account.moved",
                "account",
                String.valueOf(id),
                clientAddress,
                "from=" + account.organisationCode() + " to=" + target.code()));
    }

    private void changeState(
            Account account, AccountState state, @Nullable String reason, String action, @Nullable String address) {
        // Outbox first, account second: the order the provisioning worker locks them in. The other way round, a
        // change to an account the worker is provisioning right now deadlocks with it.
        outbox.enqueue(List.of(account.id()));
        store.setState(account.id(), state, reason, Timestamp.from(clock.instant()));
        audit.record(new AuditEntry(
                currentUser.require().username(),
                action,
                "account",
                String.valueOf(account.id()),
                address,
                reason == null ? null : "reason=" + reason));
    }

    private void auditEach(
            AuthenticatedUser user,
            List<Long> ids,
            String action,
            @Nullable String clientAddress,
            @Nullable String details) {
        var entries = new ArrayList<AuditEntry>(ids.size());
        for (var id : ids) {
            entries.add(new AuditEntry(user.username(), action, "account", String.valueOf(id), clientAddress, details));
        }
        audit.recordAll(entries);
    }

    private static String requireReason(String reason) {
        var text = reason.strip();
        if (text.isEmpty() || text.length() > REASON_MAX_LENGTH) {
            throw new IllegalArgumentException("A reason of 1 to " + REASON_MAX_LENGTH + " characters is required");
        }
        return text;
    }

    /** The ids among {@code ids} that are in scope and in {@code state}; refuses the lot if any is out of scope. */
    private List<Long> inScope(Collection<Long> ids, AccountState state) {
        if (ids.size() > BULK_LIMIT) {
            throw new IllegalArgumentException("At most " + BULK_LIMIT + " accounts at once");
        }
        var scope = organisations.adminScope();
        var rows = store.states(ids, scope);
        if (rows.stream().anyMatch(row -> !row.inScope())) {
            throw new OutOfScopeException();
        }
        return rows.stream()
                .filter(row -> state.name().equals(row.state()))
                .map(AccountStore.ScopedState::id)
                .sorted()
                .toList();
    }

    private List<Long> ids(AccountFilter filter) {
        var criteria = criteria(filter);
        if (criteria == null) {
            return List.of();
        }
        return store.ids(criteria, BULK_LIMIT);
    }

    private void requireInScope(long organisationId) {
        var organisation = organisations.reference(organisationId).orElseThrow(NoSuchElementException::new);
        if (!organisations.adminScope().includes(organisation.id(), organisation.path())) {
            throw new OutOfScopeException();
        }
    }

    private Optional<Account> find(long id) {
        return store.find(id);
    }

    /** The filter as criteria within the caller's scope; null when the scope is empty or the organisation unknown. */
    private AccountStore.@Nullable Criteria criteria(AccountFilter filter) {
        var scope = organisations.adminScope();
        if (scope.isEmpty()) {
            return null;
        }
        String organisationPath = null;
        if (filter.organisationId() != null) {
            var organisation = organisations.reference(filter.organisationId()).orElse(null);
            if (organisation == null) {
                return null;
            }
            organisationPath = organisation.path();
        }
        byte[] blindIndex = null;
        String username = null;
        String name = null;
        var text = filter.text() == null ? "" : filter.text().strip();
        if (!text.isEmpty()) {
            var check = IdentityNumbers.check(protector.scheme(), text);
            if (check.isValid()) {
                blindIndex = protector.blindIndex(check.validNumber().orElseThrow());
            } else if (text.matches("(?i)dl\\d{4,}")) {
                username = text.toLowerCase(java.util.Locale.ROOT);
            } else {
                name = "%" + escapeLike(TextFolding.fold(text)) + "%";
            }
        }
        return new AccountStore.Criteria(
                scope, organisationPath, filter.audience(), filter.state(), blindIndex, username, name);
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * An account found by the blind index of an identity number: for features that match people by identity number
     * without ever holding it in clear (completions imported from other platforms, issue #17).
     */
    public record IdentityMatch(
            byte[] blindIndex,
            long accountId,
            String username,
            long organisationId,
            String organisationCode,
            String organisationPath,
            String audience,
            AccountState state) {}

    /**
     * The accounts with these blind indexes (at most a few thousand a call). No scope check here: the caller is a
     * service that checks its own user's scope against each match's organisation path, or a system task.
     */
    @Transactional(readOnly = true)
    public List<IdentityMatch> findByBlindIndexes(Collection<byte[]> blindIndexes) {
        if (blindIndexes.isEmpty()) {
            return List.of();
        }
        var hex = java.util.HexFormat.of();
        return store.byBlindIndexes(blindIndexes.stream().map(hex::formatHex).toArray(String[]::new));
    }
}
