package org.digilit.device;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.regex.Pattern;
import org.digilit.account.RateLimiter;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.base.BotGuard;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OrganisationType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Donations from the public page, no account needed. Guarded like self-registration (the account feature's rate
 * limiter, a hidden field and a minimum time to fill the form; a suspected bot is told "received" and nothing is
 * stored). Each device offered gets a public code and an OFFERED entry in the public ledger; the donor's receipt lists
 * them and its QR code opens their timeline. The phone number is kept for the collection point only, never shown.
 */
@Service
public class DonationService {

    public static final int PER_ADDRESS_PER_HOUR = 10;
    /** The guard's minimum time to fill the form ({@link BotGuard#MIN_FILL_TIME}). */
    public static final Duration MIN_FILL_TIME = BotGuard.MIN_FILL_TIME;

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{8,15}");

    private final DeviceStore devices;
    private final RequestStore requests;
    private final DeviceLedger ledger;
    private final OrganisationService organisations;
    private final RateLimiter rateLimiter;
    private final AuditService audit;
    private final Clock clock;

    DonationService(
            DeviceStore devices,
            RequestStore requests,
            DeviceLedger ledger,
            OrganisationService organisations,
            RateLimiter rateLimiter,
            AuditService audit,
            Clock clock) {
        this.devices = devices;
        this.requests = requests;
        this.ledger = ledger;
        this.organisations = organisations;
        this.rateLimiter = rateLimiter;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public DonationResult donate(DonationForm form, String clientAddress, Duration formAge, String trap) {
        if (BotGuard.suspected(formAge, trap)) {
            audit.record(new AuditEntry(
                    "anonymous", "device.donation-refused-bot", "device-donation", null, clientAddress, null));
            return new DonationResult(DonationResult.Status.RECEIVED, null, java.util.Map.of());
        }
        if (!rateLimiter.tryAcquire("donation:address:" + clientAddress, PER_ADDRESS_PER_HOUR, Duration.ofHours(1))) {
            return new DonationResult(DonationResult.Status.RATE_LIMITED, null, java.util.Map.of());
        }
        var problems = new LinkedHashMap<String, String>();
        var phone = form.phone() == null ? "" : form.phone().replaceAll("[\\s.()\\-]", "");
        if (!PHONE.matcher(phone).matches()) {
            problems.put("phone", "device.donate.problem.phone");
        }
        var name = text(form.donorName());
        var model = text(form.model());
        if (name.length() > DonationForm.TEXT_MAX_LENGTH || model.length() > DonationForm.TEXT_MAX_LENGTH) {
            problems.put("model", "device.donate.problem.too-long");
        }
        if (form.kind() == null) {
            problems.put("kind", "device.donate.problem.kind");
        }
        if (form.ageYears() != null && (form.ageYears() < 0 || form.ageYears() > 50)) {
            problems.put("age", "device.donate.problem.age");
        }
        if (form.condition() == null) {
            problems.put("condition", "device.donate.problem.condition");
        }
        if (form.quantity() < 1 || form.quantity() > DonationForm.MAX_QUANTITY) {
            problems.put("quantity", "device.donate.problem.quantity");
        }
        Long point = null;
        Long commune = null;
        String address = null;
        DeviceRequest request = null;
        Long where = null;
        if (form.way() == null) {
            problems.put("way", "device.donate.problem.way");
        } else {
            switch (form.way()) {
                case DROP_OFF -> {
                    point = form.pointId();
                    var id = point;
                    if (id == null
                            || devices.point(id)
                                    .filter(p -> (Boolean) p.get("collection"))
                                    .isEmpty()) {
                        problems.put("point", "device.donate.problem.point");
                    }
                    where = point;
                }
                case PICK_UP -> {
                    commune = form.pickupCommuneId();
                    address = text(form.pickupAddress());
                    var ref = commune == null
                            ? null
                            : organisations.reference(commune).orElse(null);
                    if (ref == null || ref.type() != OrganisationType.COMMUNE) {
                        problems.put("commune", "device.donate.problem.commune");
                    }
                    if (address.isEmpty() || address.length() > DonationForm.TEXT_MAX_LENGTH) {
                        problems.put("address", "device.donate.problem.address");
                    }
                    where = commune;
                }
                case DIRECT -> {
                    var number = text(form.requestNumber()).toUpperCase(java.util.Locale.ROOT);
                    request = requests.byNumber(number)
                            .filter(r -> r.status() == RequestStatus.APPROVED)
                            .orElse(null);
                    if (request == null) {
                        problems.put("request", "device.donate.problem.request");
                    } else {
                        where = request.organisationId();
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            return new DonationResult(DonationResult.Status.INVALID, null, problems);
        }
        var now = clock.instant();
        var receipt = PublicCodes.receipt();
        var donation = devices.insertDonation(
                receipt,
                phone,
                name.isEmpty() ? null : name,
                form.way(),
                point,
                commune,
                address,
                request == null ? null : request.id(),
                clientAddress,
                now);
        var events = new ArrayList<LedgerEvent>();
        for (int i = 0; i < form.quantity(); i++) {
            var code = PublicCodes.device();
            var id = devices.insertDevice(
                    code,
                    "DONATION",
                    donation,
                    null,
                    form.kind(),
                    model.isEmpty() ? null : model,
                    form.ageYears(),
                    form.condition(),
                    form.charger(),
                    null,
                    point,
                    request == null ? null : request.id(),
                    DeviceStage.OFFERED,
                    now);
            devices.insertEvent(
                    id,
                    DeviceStage.OFFERED,
                    now,
                    "donor",
                    point,
                    request == null ? null : request.id(),
                    form.way().name());
            events.add(new LedgerEvent(
                    now, code, form.kind(), DeviceStage.OFFERED, where, request == null ? null : request.number()));
        }
        ledger.publish(events);
        audit.record(new AuditEntry(
                "anonymous",
                "device.donation-offered",
                "device-donation",
                receipt,
                clientAddress,
                form.quantity() + " x " + form.kind() + ", " + form.way()));
        return new DonationResult(DonationResult.Status.RECEIVED, receipt, java.util.Map.of());
    }

    /** A receipt by its code (public: the code is long and random, and the receipt shows no phone number). */
    @Transactional(readOnly = true)
    public Optional<DonationReceipt> receipt(String code, java.util.Locale locale) {
        var rows = devices.receiptRows(code.strip().toUpperCase(java.util.Locale.ROOT));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        var first = rows.getFirst();
        var place = first.get("place") == null
                ? ""
                : organisations
                        .reference(((Number) first.get("place")).longValue())
                        .map(o -> o.name(locale))
                        .orElse("");
        return Optional.of(new DonationReceipt(
                (String) first.get("receipt_code"),
                ((Timestamp) first.get("offered_at")).toInstant(),
                HandoverWay.valueOf((String) first.get("handover_way")),
                place,
                rows.stream()
                        .map(r -> new DonationReceipt.Device(
                                (String) r.get("public_code"),
                                DeviceKind.valueOf((String) r.get("kind")),
                                DeviceStage.valueOf((String) r.get("stage"))))
                        .toList()));
    }

    /** The receipt page's address (what its QR code opens). */
    public static String receiptPath(String receiptCode) {
        return "/donate/receipt/" + receiptCode;
    }

    private static String text(@org.jspecify.annotations.Nullable String value) {
        return value == null ? "" : java.text.Normalizer.normalize(value.strip(), java.text.Normalizer.Form.NFC);
    }
}
