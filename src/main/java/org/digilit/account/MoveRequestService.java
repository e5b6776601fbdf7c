package org.digilit.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.AuthenticatedUser;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Move requests (DD007): an import found a person whose verified account belongs to an organisation outside the
 * importing admin's scope. The rest of the file went in; the platform admin decides here whether the account moves.
 * Platform admins only; every decision is audited. The SQL is in {@link MoveRequestStore}.
 */
@Service
public class MoveRequestService {

    /** An open request: whose account (masked number only), from where, to where, asked by whom and when. */
    public record MoveRequest(
            long id,
            long accountId,
            String fullName,
            String maskedIdentityNumber,
            String fromCode,
            String toCode,
            long toOrganisationId,
            String requestedBy,
            Instant requestedAt) {}

    private final MoveRequestStore store;
    private final AccountService accounts;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    MoveRequestService(
            MoveRequestStore store, AccountService accounts, CurrentUser currentUser, AuditService audit, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<MoveRequest> open() {
        requirePlatformAdmin();
        return store.open();
    }

    /** Moves the account as asked, or declines; a request decided already is left alone. */
    @Transactional
    public void decide(long requestId, boolean move, @Nullable String clientAddress) {
        var user = requirePlatformAdmin();
        var request = open().stream()
                .filter(r -> r.id() == requestId)
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("No open move request " + requestId));
        if (move) {
            accounts.move(request.accountId(), request.toOrganisationId(), clientAddress);
        }
        store.decide(requestId, user.username(), move ? "MOVED" : "DECLINED", Timestamp.from(clock.instant()));
        audit.record(new AuditEntry(
                user.username(),
                move ? "account.move-request-granted" : "account.move-request-declined",
                "account",
                String.valueOf(request.accountId()),
                clientAddress,
                "to=" + request.toCode() + " asked-by=" + request.requestedBy()));
    }

    private AuthenticatedUser requirePlatformAdmin() {
        var user = currentUser.get().orElseThrow(OutOfScopeException::new);
        if (!user.has(Role.PLATFORM_ADMIN)) {
            throw new OutOfScopeException();
        }
        return user;
    }
}
