package org.digilit.device;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.identity.IdentityNumbers;
import org.digilit.identity.IdentityProtector;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OrganisationType;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.Roles.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests for a device: a parent, teacher or organisation admin requests one for a learner (their account, or their
 * identity number, kept only as a blind index); the organisation's admin or a device officer whose organisation's
 * subtree holds the learner's school or commune approves (with a priority) or rejects (with a reason). Audited without
 * the identity number. An approved request shows its requester a one-time code for the handover.
 */
@Service
public class RequestService {

    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{2,100}");

    private final RequestStore store;
    private final DeviceService devices;
    private final DeviceScope scope;
    private final OrganisationService organisations;
    private final IdentityProtector protector;
    private final AuditService audit;
    private final Clock clock;

    RequestService(
            RequestStore store,
            DeviceService devices,
            DeviceScope scope,
            OrganisationService organisations,
            IdentityProtector protector,
            AuditService audit,
            Clock clock) {
        this.store = store;
        this.devices = devices;
        this.scope = scope;
        this.organisations = organisations;
        this.protector = protector;
        this.audit = audit;
        this.clock = clock;
    }

    /** Files a request; problems are {@link DeviceProblem}s naming the field. Returns the new request. */
    @Transactional
    public DeviceRequest request(RequestForm form) {
        var user = scope.user();
        if (!user.has(Role.CITIZEN)
                && !user.has(Role.TEACHER)
                && !user.has(Role.ORG_ADMIN)
                && !user.has(Role.DEVICE_OFFICER)
                && !user.has(Role.PLATFORM_ADMIN)) {
            throw new OutOfScopeException();
        }
        var organisation = form.organisationId() == null
                ? null
                : organisations.reference(form.organisationId()).orElse(null);
        if (organisation == null
                || (organisation.type() != OrganisationType.SCHOOL
                        && organisation.type() != OrganisationType.COMMUNE)) {
            throw new DeviceProblem("request.organisation");
        }
        String username = null;
        byte[] blindIndex = null;
        var typedUsername =
                form.learnerUsername() == null ? "" : form.learnerUsername().strip();
        var typedNumber =
                form.identityNumber() == null ? "" : form.identityNumber().strip();
        if (!typedNumber.isEmpty()) {
            var check = IdentityNumbers.check(protector.scheme(), typedNumber);
            if (!check.isValid()) {
                throw new DeviceProblem("request.identity");
            }
            blindIndex = protector.blindIndex(check.validNumber().orElseThrow());
        } else if (USERNAME.matcher(typedUsername).matches()) {
            username = typedUsername;
        } else {
            throw new DeviceProblem("request.learner");
        }
        var need = form.need() == null ? "" : form.need().strip().toUpperCase(Locale.ROOT);
        if (!List.of("LAPTOP", "DESKTOP", "TABLET", "SMARTPHONE", "ANY").contains(need)) {
            throw new DeviceProblem("request.need");
        }
        var reason = form.reason() == null ? "" : form.reason().strip();
        if (reason.isEmpty() || reason.length() > DeviceRequest.REASON_MAX_LENGTH) {
            throw new DeviceProblem("request.reason");
        }
        var priority = form.priority() == null ? RequestPriority.OTHER : form.priority();
        if (store.hasOpenRequest(username, blindIndex)) {
            throw new DeviceProblem("request.duplicate");
        }
        long id = -1;
        for (int attempt = 0; attempt < 5 && id < 0; attempt++) {
            id = store.insert(
                    PublicCodes.request(),
                    organisation.id(),
                    username,
                    blindIndex,
                    need,
                    reason,
                    priority,
                    user.username(),
                    clock.instant());
        }
        var created = store.get(id, false).orElseThrow();
        audit.record(new AuditEntry(
                user.username(),
                "device.request-filed",
                "device-request",
                created.number(),
                null,
                "organisation " + organisation.code() + ", need " + need + ", priority " + priority
                        + (blindIndex != null ? ", learner by identity number" : ", learner account")));
        return created;
    }

    /** Approves a pending request of an organisation in the user's scope, optionally setting its priority. */
    @Transactional
    public void approve(long requestId, @Nullable RequestPriority priority) {
        var user = approver();
        var request = store.get(requestId, true).orElseThrow(NoSuchElementException::new);
        scope.requireActing(request.organisationId());
        if (request.status() != RequestStatus.PENDING) {
            throw new DeviceProblem("request.decided");
        }
        store.decide(requestId, RequestStatus.APPROVED, priority, user, clock.instant(), null);
        audit.record(new AuditEntry(
                user,
                "device.request-approved",
                "device-request",
                request.number(),
                null,
                "priority " + (priority == null ? request.priority() : priority)));
    }

    /** Rejects a pending request with a reason (required). */
    @Transactional
    public void reject(long requestId, String reason) {
        var user = approver();
        var request = store.get(requestId, true).orElseThrow(NoSuchElementException::new);
        scope.requireActing(request.organisationId());
        if (request.status() != RequestStatus.PENDING) {
            throw new DeviceProblem("request.decided");
        }
        var text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > DeviceRequest.REASON_MAX_LENGTH) {
            throw new DeviceProblem("request.rejection-reason");
        }
        store.decide(requestId, RequestStatus.REJECTED, null, user, clock.instant(), text);
        audit.record(new AuditEntry(user, "device.request-rejected", "device-request", request.number(), null, text));
    }

    /** Requests of organisations the user may read, optionally of one status, most urgent first. */
    @Transactional(readOnly = true)
    public List<DeviceRequest> list(@Nullable RequestStatus status, int offset, int limit) {
        return store.list(scope.reading(), status, offset, limit);
    }

    @Transactional(readOnly = true)
    public DeviceRequest get(long id) {
        var request = store.get(id, false).orElseThrow(NoSuchElementException::new);
        scope.requireReading(request.organisationId());
        return request;
    }

    /** The requests the signed-in user filed (or that name them as the learner), newest first. */
    @Transactional(readOnly = true)
    public List<DeviceRequest> mine() {
        return store.requestedBy(scope.user().username());
    }

    /** Approved requests still waiting for a device: the public list (number, place, need; nobody's name). */
    @Transactional(readOnly = true)
    public List<DeviceRequest> approvedWaiting(int limit) {
        return store.approvedWaiting(limit);
    }

    /**
     * A one-time code for the handover of the device allocated to one of the user's requests: shown to the requester
     * (parent, teacher) or the learner, who gives it to the officer at the handover. A new code replaces the last.
     */
    @Transactional
    public String handoverCode(long requestId) {
        var user = scope.user();
        var request = store.get(requestId, false).orElseThrow(NoSuchElementException::new);
        if (!user.username().equals(request.requestedBy()) && !user.username().equals(request.learnerUsername())) {
            throw new OutOfScopeException();
        }
        return devices.issueHandoverCode(request, user.username());
    }

    private String approver() {
        var user = scope.user();
        if (!user.has(Role.PLATFORM_ADMIN) && !user.has(Role.ORG_ADMIN) && !user.has(Role.DEVICE_OFFICER)) {
            throw new OutOfScopeException();
        }
        return user.username();
    }
}
