package org.digilit.device;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.digilit.learning.CertificateService;
import org.digilit.organisation.OrganisationRef;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OrganisationType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public device ledger (issue #18, DD011): every donation, receipt, wipe, allocation and handover as an event with
 * nothing personal in it, each signed with the platform's Ed25519 key (the certificates' key, through
 * {@link CertificateService#signStatement}), so anyone checks it offline against the published JWK Set. Read by
 * province or commune in keyset pages, newest first.
 */
@Service
public class DeviceLedger {

    /** The statement's type, first in every signed payload. */
    public static final String STATEMENT_TYPE = "digilit.device-ledger/1";

    public static final int PAGE_SIZE = 50;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LedgerStore store;
    private final CertificateService signer;
    private final OrganisationService organisations;

    DeviceLedger(LedgerStore store, CertificateService signer, OrganisationService organisations) {
        this.store = store;
        this.signer = signer;
        this.organisations = organisations;
    }

    /** Where an organisation lies: its province and its commune (itself, or the nearest commune above it). */
    record Place(
            @Nullable OrganisationRef province, @Nullable OrganisationRef commune) {}

    /** Signs and stores events in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void publish(List<LedgerEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        var places = new HashMap<Long, Place>();
        var ids = store.nextIds(events.size());
        var entries = new ArrayList<LedgerEntry>(events.size());
        for (int i = 0; i < events.size(); i++) {
            var event = events.get(i);
            var place = event.organisationId() == null
                    ? new Place(null, null)
                    : places.computeIfAbsent(event.organisationId(), this::placeOf);
            var id = ids.get(i);
            var payload = new LinkedHashMap<String, Object>();
            payload.put("typ", STATEMENT_TYPE);
            payload.put("id", id);
            payload.put("at", event.occurredAt().toString());
            payload.put("device", event.deviceCode());
            payload.put("kind", event.kind().name());
            payload.put("stage", event.stage().name());
            payload.put(
                    "province",
                    place.province() == null ? null : place.province().code());
            payload.put(
                    "commune", place.commune() == null ? null : place.commune().code());
            payload.put("request", event.requestNumber());
            var statement = signer.signStatement(JSON.writeValueAsBytes(payload));
            entries.add(new LedgerEntry(
                    id,
                    event.occurredAt(),
                    event.deviceCode(),
                    event.kind(),
                    event.stage(),
                    place.province() == null ? null : place.province().id(),
                    place.commune() == null ? null : place.commune().id(),
                    event.requestNumber(),
                    statement));
        }
        store.insertAll(entries);
    }

    void publish(LedgerEvent event) {
        publish(List.of(event));
    }

    Place placeOf(long organisationId) {
        var organisation = organisations.reference(organisationId).orElse(null);
        if (organisation == null) {
            return new Place(null, null);
        }
        OrganisationRef province = null;
        OrganisationRef commune = null;
        for (var ref : organisations.lineageOf(organisation.code())) {
            if (ref.type() == OrganisationType.PROVINCE) {
                province = ref;
            }
            if (ref.type() == OrganisationType.COMMUNE) {
                commune = ref;
            }
        }
        return new Place(province, commune);
    }

    /** A page of entries, newest first, older than {@code beforeId} when given; of a commune, else a province, else all. */
    @Transactional(readOnly = true)
    public List<LedgerEntry> page(@Nullable Long provinceId, @Nullable Long communeId, @Nullable Long beforeId) {
        return store.page(provinceId, communeId, beforeId, PAGE_SIZE);
    }

    @Transactional(readOnly = true)
    public LedgerCounts counts(@Nullable Long provinceId, @Nullable Long communeId) {
        return store.counts(provinceId, communeId);
    }

    /** A device's public timeline, oldest first (what a donor's receipt QR code opens). */
    @Transactional(readOnly = true)
    public List<LedgerEntry> timeline(String deviceCode) {
        return store.timeline(deviceCode.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /** The provinces with ledger entries, by their reference (names for the page). */
    @Transactional(readOnly = true)
    public List<OrganisationRef> provinces() {
        return store.provinces().stream()
                .map(organisations::reference)
                .flatMap(Optional::stream)
                .toList();
    }

    /** An organisation's public name (provinces and communes are not personal data). */
    @Transactional(readOnly = true)
    public Optional<OrganisationRef> place(long organisationId) {
        return organisations.reference(organisationId);
    }

    /** Whether a statement carries a valid signature by a published key. */
    public boolean verify(String statement) {
        return signer.verifyStatement(statement);
    }

    /** The signed payload of a statement, as JSON text (its middle part, decoded). */
    public static String payloadOf(String statement) {
        var parts = statement.split("\\.");
        return parts.length == 3 ? new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8) : "";
    }

    /** The ledger page's address for a device's timeline. */
    public static String timelinePath(String deviceCode) {
        return "/ledger/device/" + deviceCode;
    }
}
