package org.digilit.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.regex.Pattern;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.base.BotGuard;
import org.digilit.base.ProgrammeTime;
import org.digilit.base.TextFolding;
import org.digilit.identity.IdentityNumbers;
import org.digilit.identity.IdentityProtector;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OrganisationType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Citizen self-registration from the public page. A registration whose identity number is already known (imported
 * by the commune, or registered before) merges into that account instead of creating a second person; either way the
 * answer is the same, so the page cannot be used to test whether a number is registered. New registrations wait in
 * their commune's verification queue. Bots meet a hidden field, a minimum time to fill the form, and a limit per
 * client address; a suspected bot is told "received" and nothing is stored.
 */
@Service
public class RegistrationService {

    public static final int PER_ADDRESS_PER_HOUR = 10;
    /** The guard's minimum time to fill the form ({@link BotGuard#MIN_FILL_TIME}). */
    public static final Duration MIN_FILL_TIME = BotGuard.MIN_FILL_TIME;

    public static final int NAME_MAX_LENGTH = 200;

    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{8,15}");

    private final AccountStore store;
    private final OrganisationService organisations;
    private final IdentityProtector protector;
    private final RateLimiter rateLimiter;
    private final AuditService audit;
    private final Clock clock;
    private final ProgrammeTime time;

    RegistrationService(
            AccountStore store,
            OrganisationService organisations,
            IdentityProtector protector,
            RateLimiter rateLimiter,
            AuditService audit,
            Clock clock,
            ProgrammeTime time) {
        this.store = store;
        this.organisations = organisations;
        this.protector = protector;
        this.rateLimiter = rateLimiter;
        this.audit = audit;
        this.clock = clock;
        this.time = time;
    }

    /**
     * @param formAge how long the form was open before it was sent
     * @param trap the hidden field's content: people leave it empty, form-filling bots do not
     */
    @Transactional
    public RegistrationResult register(Registration form, String clientAddress, Duration formAge, String trap) {
        if (BotGuard.suspected(formAge, trap)) {
            // Counted per network and hour, not a row per attempt (issue #14): a flood cannot fill the database.
            audit.countAnonymous("account.registration-refused-bot", clientAddress);
            return RegistrationResult.received();
        }
        if (!rateLimiter.tryAcquire(
                "registration:address:" + clientAddress, PER_ADDRESS_PER_HOUR, Duration.ofHours(1))) {
            audit.countAnonymous("account.registration-rate-limited", clientAddress);
            return new RegistrationResult(RegistrationResult.Status.RATE_LIMITED, java.util.Map.of());
        }
        var problems = new LinkedHashMap<String, String>();
        var name = java.text.Normalizer.normalize(form.fullName().strip(), java.text.Normalizer.Form.NFC);
        if (name.isEmpty()
                || !LETTER.matcher(name).find()
                || name.length() > NAME_MAX_LENGTH
                || AccountFileReader.hasControlCharacter(name)) {
            problems.put("fullName", "registration.problem.name");
        }
        var today = time.today();
        var born = form.dateOfBirth();
        if (born == null || born.isAfter(today) || born.isBefore(LocalDate.of(1900, 1, 1))) {
            problems.put("dateOfBirth", "registration.problem.date-of-birth");
        }
        if (form.gender() == null) {
            problems.put("gender", "registration.problem.gender");
        }
        var phone = form.phone() == null ? "" : form.phone().replaceAll("[\\s.()\\-]", "");
        if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            problems.put("phone", "registration.problem.phone");
        }
        var commune = form.communeId() == null
                ? null
                : organisations.reference(form.communeId()).orElse(null);
        if (commune == null || commune.type() != OrganisationType.COMMUNE) {
            problems.put("commune", "registration.problem.commune");
        }
        var check = IdentityNumbers.check(protector.scheme(), form.identityNumber(), born, form.gender());
        if (!check.isValid()) {
            problems.put("identityNumber", "identity.problem." + check.problem());
        }
        if (!problems.isEmpty() || commune == null || born == null || form.gender() == null) {
            return new RegistrationResult(RegistrationResult.Status.INVALID, problems);
        }
        var number = check.validNumber().orElseThrow();
        var sealed = protector.protect(number);
        var now = Timestamp.from(clock.instant());
        var inserted = store.insertSelfRegistered(
                number,
                sealed,
                name,
                TextFolding.fold(name),
                born,
                form.gender(),
                phone.isEmpty() ? null : phone,
                commune.id(),
                now);
        if (inserted.isPresent()) {
            audit.record(new AuditEntry(
                    "anonymous",
                    "account.self-registered",
                    "account",
                    String.valueOf(inserted.get()),
                    clientAddress,
                    "commune=" + commune.code()));
            return RegistrationResult.received();
        }
        var known = store.registeredByBlindIndex(sealed.blindIndex());
        store.markSelfRegistered(known.id(), now);
        boolean sameName = TextFolding.fold(known.fullName()).equals(TextFolding.fold(name));
        audit.record(new AuditEntry(
                "anonymous",
                "account.self-registration-merged",
                "account",
                String.valueOf(known.id()),
                clientAddress,
                "name-matches=" + sameName + " birth-date-matches="
                        + known.born().equals(born) + (known.selfRegistered() ? " repeated=true" : "")));
        return RegistrationResult.received();
    }
}
