package org.digilit.device;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.identity.IdentityProtector;
import org.digilit.organisation.OrganisationScope;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.Roles.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collection and storage points and each device's life there: received, data wiped (with a wipe record), repaired or
 * upgraded, ready, allocated to an approved request, handed over with the recipient's or guardian's one-time code, or
 * defective, or recycled. Every transition is an append-only event, a public ledger entry when the public may see it,
 * and an audit record; stock reconciles per point. Acting needs an organisation admin, a device officer (in their
 * organisation's subtree) or a platform admin.
 */
@Service
public class DeviceService {

    public static final int NOTE_MAX_LENGTH = 500;
    public static final int HANDOVER_ATTEMPTS = 5;
    public static final Duration HANDOVER_CODE_VALIDITY = Duration.ofDays(7);

    private final DeviceStore store;
    private final RequestStore requests;
    private final DeviceLedger ledger;
    private final DeviceScope scope;
    private final IdentityProtector protector;
    private final AuditService audit;
    private final Clock clock;

    DeviceService(
            DeviceStore store,
            RequestStore requests,
            DeviceLedger ledger,
            DeviceScope scope,
            IdentityProtector protector,
            AuditService audit,
            Clock clock) {
        this.store = store;
        this.requests = requests;
        this.ledger = ledger;
        this.scope = scope;
        this.protector = protector;
        this.audit = audit;
        this.clock = clock;
    }

    // Points ------------------------------------------------------------------------------------------------------

    /** Flags an organisation in scope as a collection and/or storage point (both false is refused). */
    @Transactional
    public void flagPoint(long organisationId, boolean collection, boolean storage, @Nullable String address) {
        var user = requireActor();
        var organisation = scope.requireActing(organisationId);
        if (!collection && !storage) {
            throw new DeviceProblem("point-kind");
        }
        var cleanAddress = address == null || address.isBlank() ? null : address.strip();
        if (cleanAddress != null && cleanAddress.length() > NOTE_MAX_LENGTH) {
            throw new DeviceProblem("too-long");
        }
        store.upsertPoint(organisationId, collection, storage, cleanAddress, user, clock.instant());
        audit.record(new AuditEntry(
                user,
                "device.point-flagged",
                "organisation",
                organisation.code(),
                null,
                "collection=" + collection + " storage=" + storage));
    }

    /** Collection points, for the public donation page (names and addresses of organisations are public). */
    @Transactional(readOnly = true)
    public List<CollectionPoint> collectionPoints() {
        return store.points(OrganisationScope.all(), true);
    }

    /** Points the signed-in user may see. */
    @Transactional(readOnly = true)
    public List<CollectionPoint> pointsInScope() {
        return store.points(scope.reading(), false);
    }

    // Devices -----------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<DeviceItem> devicesAt(long pointId, int offset, int limit) {
        scope.requireReading(pointId);
        return store.devicesAt(pointId, offset, limit);
    }

    /** A device by its public code or serial, if the user may see its point. */
    @Transactional(readOnly = true)
    public Optional<DeviceItem> find(String codeOrSerial) {
        var device = store.deviceByCode(codeOrSerial.strip().toUpperCase(Locale.ROOT));
        if (device.isEmpty() || device.get().pointId() == null) {
            return device; // offered for pick-up or directly: at no point yet, nothing personal to hide
        }
        scope.requireReading(device.get().pointId());
        return device;
    }

    @Transactional(readOnly = true)
    public List<DeviceHistoryEvent> history(long deviceId) {
        var device = store.device(deviceId, false).orElseThrow(NoSuchElementException::new);
        if (device.pointId() != null) {
            scope.requireReading(device.pointId());
        }
        return store.history(deviceId);
    }

    /** An offered device arrives at a point in scope (the donor dropped it, or it was picked up). */
    @Transactional
    public void receive(long deviceId, long pointId) {
        var user = requireActor();
        scope.requireActing(pointId);
        store.point(pointId).orElseThrow(() -> new DeviceProblem("not-a-point"));
        var device = lockForChange(deviceId, DeviceStage.RECEIVED, false);
        transition(user, device, DeviceStage.RECEIVED, pointId, null, null, true);
    }

    /** The device's data was erased: who (the signed-in officer) and how, as a wipe record. */
    @Transactional
    public void wipe(long deviceId, WipeMethod method, @Nullable String note) {
        var user = requireActor();
        var device = lockForChange(deviceId, DeviceStage.WIPED, true);
        var event = transition(user, device, DeviceStage.WIPED, null, null, method.name() + note(note), true);
        store.insertWipe(event, deviceId, user, method, clean(note), clock.instant());
    }

    /** Repaired or upgraded, with the parts used. */
    @Transactional
    public void repair(long deviceId, String parts) {
        var user = requireActor();
        if (parts.isBlank() || parts.length() > NOTE_MAX_LENGTH) {
            throw new DeviceProblem("parts");
        }
        var device = lockForChange(deviceId, DeviceStage.REPAIRED, true);
        transition(user, device, DeviceStage.REPAIRED, null, null, parts.strip(), true);
    }

    /** Ready to give: only after its data was wiped (a wipe record exists). */
    @Transactional
    public void ready(long deviceId) {
        var user = requireActor();
        var device = lockForChange(deviceId, DeviceStage.READY, true);
        if (!store.hasWipeRecord(deviceId)) {
            throw new DeviceProblem("not-wiped");
        }
        transition(user, device, DeviceStage.READY, null, null, null, true);
    }

    @Transactional
    public void markDefective(long deviceId, String note) {
        var user = requireActor();
        var device = lockForChange(deviceId, DeviceStage.DEFECTIVE, true);
        transition(user, device, DeviceStage.DEFECTIVE, null, null, clean(note), true);
    }

    @Transactional
    public void recycle(long deviceId, String note) {
        var user = requireActor();
        var device = lockForChange(deviceId, DeviceStage.RECYCLED, true);
        transition(user, device, DeviceStage.RECYCLED, null, null, clean(note), true);
    }

    /**
     * A ready device goes to an approved request of an organisation in scope that has no device yet. A device given
     * directly by its donor to a request goes only to that request.
     */
    @Transactional
    public void allocate(long deviceId, long requestId) {
        var user = requireActor();
        var device = lockForChange(deviceId, DeviceStage.ALLOCATED, true);
        var request = requests.get(requestId, true).orElseThrow(() -> new DeviceProblem("no-request"));
        scope.requireActing(request.organisationId());
        if (request.status() != RequestStatus.APPROVED) {
            throw new DeviceProblem("request-not-approved");
        }
        if (device.requestId() != null && device.requestId() != requestId) {
            throw new DeviceProblem("reserved-for-another-request");
        }
        if (allocatedTo(requestId).filter(d -> d != deviceId).isPresent()) {
            throw new DeviceProblem("request-has-device");
        }
        transition(user, device, DeviceStage.ALLOCATED, null, request, null, true);
    }

    private Optional<Long> allocatedTo(long requestId) {
        return requests.deviceOf(requestId);
    }

    /**
     * Hands an allocated device over: the recipient or their guardian gives the one-time code their request page
     * showed them, and the officer types it here. Without a valid code nothing changes: a wrong code counts an attempt
     * (five at most), an expired or missing one is refused.
     */
    @Transactional(noRollbackFor = DeviceProblem.class)
    public void handOver(long deviceId, String code, boolean byGuardian) {
        var user = requireActor();
        var device = lockForChange(deviceId, DeviceStage.HANDED_OVER, true);
        var open = store.openHandover(deviceId).orElseThrow(() -> new DeviceProblem("no-handover-code"));
        if (open.attempts() >= HANDOVER_ATTEMPTS) {
            throw new DeviceProblem("handover-locked");
        }
        if (clock.instant().isAfter(open.expiresAt())) {
            throw new DeviceProblem("handover-code-expired");
        }
        var typed = code == null ? "" : code.replaceAll("\\s", "");
        if (!MessageDigest.isEqual(open.codeHash(), hash(open.requestId(), typed))) {
            store.countAttempt(open.id());
            audit.record(new AuditEntry(user, "device.handover-code-wrong", "device", device.publicCode(), null, null));
            throw new DeviceProblem("handover-code-wrong");
        }
        var request = requests.get(open.requestId(), true).orElseThrow();
        store.confirmHandover(open.id(), byGuardian ? "GUARDIAN" : "RECIPIENT", clock.instant());
        transition(
                user,
                device,
                DeviceStage.HANDED_OVER,
                null,
                request,
                "confirmed by " + (byGuardian ? "guardian" : "recipient"),
                true);
        requests.setStatus(request.id(), RequestStatus.FULFILLED);
    }

    /** A fresh one-time handover code for a device allocated to this request (the requester's side). */
    String issueHandoverCode(DeviceRequest request, String by) {
        var deviceId = requests.deviceOf(request.id()).orElseThrow(() -> new DeviceProblem("no-device-yet"));
        var device = store.device(deviceId, true).orElseThrow();
        if (device.stage() != DeviceStage.ALLOCATED) {
            throw new DeviceProblem("no-device-yet");
        }
        var code = PublicCodes.handoverCode();
        var now = clock.instant();
        store.replaceOpenHandover(
                deviceId, request.id(), hash(request.id(), code), by, now, now.plus(HANDOVER_CODE_VALIDITY));
        audit.record(new AuditEntry(by, "device.handover-code-issued", "device-request", request.number(), null, null));
        return code;
    }

    private byte[] hash(long requestId, String code) {
        return protector.keyedHash("device-handover:" + requestId, code);
    }

    // Stock -------------------------------------------------------------------------------------------------------

    /** Records a stocktake: the devices (public codes or serials) found on the point's shelf. */
    @Transactional
    public void stocktake(long pointId, Collection<String> foundCodes) {
        var user = requireActor();
        var point = scope.requireActing(pointId);
        var ids = new java.util.ArrayList<Long>();
        for (var code : foundCodes) {
            if (code.isBlank()) {
                continue;
            }
            var device = store.deviceByCode(code.strip().toUpperCase(Locale.ROOT))
                    .orElseThrow(() -> new DeviceProblem("unknown-device"));
            ids.add(device.id());
        }
        store.insertStocktake(pointId, user, clock.instant(), ids);
        audit.record(new AuditEntry(
                user, "device.stocktake", "organisation", point.code(), null, ids.size() + " devices found"));
    }

    /** received = handed over + in stock + defective + recycled, with the missing devices when it does not hold. */
    @Transactional(readOnly = true)
    public StockReconciliation reconcile(long pointId) {
        scope.requireReading(pointId);
        var byStage = store.receivedByStage(pointId);
        long received = byStage.values().stream().mapToLong(Long::longValue).sum();
        long inStockRecorded = DeviceStage.IN_STOCK.stream()
                .mapToLong(s -> byStage.getOrDefault(s.name(), 0L))
                .sum();
        var last = store.lastStocktake(pointId);
        var missing = last.map(s -> store.missingSince(pointId, s)).orElse(List.of());
        return new StockReconciliation(
                pointId,
                received,
                byStage.getOrDefault(DeviceStage.HANDED_OVER.name(), 0L),
                inStockRecorded - missing.size(),
                byStage.getOrDefault(DeviceStage.DEFECTIVE.name(), 0L),
                byStage.getOrDefault(DeviceStage.RECYCLED.name(), 0L),
                last.map(DeviceStore.Stocktake::takenAt).orElse(null),
                missing);
    }

    // Internals ---------------------------------------------------------------------------------------------------

    private String requireActor() {
        var user = scope.user();
        if (!user.has(Role.PLATFORM_ADMIN) && !user.has(Role.ORG_ADMIN) && !user.has(Role.DEVICE_OFFICER)) {
            throw new OutOfScopeException();
        }
        return user.username();
    }

    /** Locks the device, checks the user may act at its point and that the transition is allowed. */
    private DeviceItem lockForChange(long deviceId, DeviceStage next, boolean pointRequired) {
        var device = store.device(deviceId, true).orElseThrow(() -> new DeviceProblem("unknown-device"));
        if (device.pointId() != null) {
            scope.requireActing(device.pointId());
        } else if (pointRequired) {
            throw new DeviceProblem("not-received");
        }
        if (!device.stage().allows(next)) {
            throw new DeviceProblem("stage." + device.stage().name() + "." + next.name());
        }
        return device;
    }

    /** Records the transition: the device's stage, the append-only event, the public ledger entry, the audit. */
    private long transition(
            String user,
            DeviceItem device,
            DeviceStage next,
            @Nullable Long pointId,
            @Nullable DeviceRequest request,
            @Nullable String details,
            boolean publish) {
        var now = clock.instant();
        var at = pointId != null ? pointId : device.pointId();
        store.moveTo(device.id(), next, pointId, request == null ? null : request.id(), now);
        var event = store.insertEvent(device.id(), next, now, user, at, request == null ? null : request.id(), details);
        if (publish) {
            // Handovers are placed where the learner is (the request's school or commune); the rest at the point.
            var where = request != null ? Long.valueOf(request.organisationId()) : at;
            var number = request != null ? request.number() : device.requestNumber();
            ledger.publish(new LedgerEvent(now, device.publicCode(), device.kind(), next, where, number));
        }
        audit.record(new AuditEntry(
                user, "device." + next.name().toLowerCase(Locale.ROOT), "device", device.publicCode(), null, details));
        return event;
    }

    private static String note(@Nullable String note) {
        return note == null || note.isBlank() ? "" : ": " + note.strip();
    }

    private static @Nullable String clean(@Nullable String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.length() > NOTE_MAX_LENGTH) {
            throw new DeviceProblem("too-long");
        }
        return note.strip();
    }
}
