package org.digilit.account;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.base.Bilingual;
import org.digilit.base.PlatformAddress;
import org.digilit.base.ProgrammeTime;
import org.digilit.identity.IdentityNumber;
import org.digilit.identity.IdentityNumbers;
import org.digilit.identity.IdentityProtector;
import org.digilit.organisation.OrganisationScope;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activation and recovery (DD007): one-time codes printed on slips by an organisation admin (activation of a new
 * account, or a reset of a forgotten password, which a facilitator may print for citizens too), and the public page
 * that turns a code plus the person's identity number into a password they chose (set in Keycloak under the realm's
 * policy). Codes are stored only as keyed hashes, looked up by themselves, expire, and lock after {@link
 * #MAX_FAILURES} failed tries of any kind; attempts are rate-limited per identity number and per client address, and
 * every attempt is audited.
 */
@Service
public class ActivationService {

    public static final Duration CODE_LIFETIME = Duration.ofDays(30);
    /** A reset code is printed for someone who is about to use it: a week is enough. */
    public static final Duration RESET_CODE_LIFETIME = Duration.ofDays(7);
    /** The public page where codes are used (the account UI's route). */
    public static final String ACTIVATION_PATH = "activate";

    public static final int MAX_FAILURES = 5;
    public static final int PER_NUMBER_ATTEMPTS = 10;
    public static final int PER_ADDRESS_ATTEMPTS = 30;
    public static final Duration ATTEMPT_WINDOW = Duration.ofMinutes(15);

    /** No 0/O, 1/I/L: codes are read off paper and typed on phones. 31^10 ≈ 8·10^14 codes. */
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private static final int CODE_LENGTH = 10;
    private static final String PURPOSE = "activation-code";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ActivationService.class);

    private final AccountStore store;
    private final ActivationCodes codes;
    private final PlatformAddress address;
    private final OrganisationService organisations;
    private final IdentityProtector protector;
    private final AccountDirectory directory;
    private final RateLimiter rateLimiter;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;
    private final ProgrammeTime time;
    private final SecureRandom random = new SecureRandom();
    private final org.springframework.beans.factory.ObjectProvider<LearnerCardCodes> cardCodes;

    ActivationService(
            AccountStore store,
            ActivationCodes codes,
            PlatformAddress address,
            OrganisationService organisations,
            IdentityProtector protector,
            AccountDirectory directory,
            RateLimiter rateLimiter,
            CurrentUser currentUser,
            AuditService audit,
            Clock clock,
            ProgrammeTime time,
            org.springframework.beans.factory.ObjectProvider<LearnerCardCodes> cardCodes) {
        this.cardCodes = cardCodes;
        this.store = store;
        this.codes = codes;
        this.address = address;
        this.organisations = organisations;
        this.protector = protector;
        this.directory = directory;
        this.rateLimiter = rateLimiter;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.time = time;
    }

    /**
     * New activation codes for the provisioned, not yet activated accounts among {@code accountIds} (all administered
     * by the user, else nothing happens), as slips. A code printed earlier for the same account stops working. The
     * slips' QR codes point at the configured public address ({@code digilit.app.url}), never at the address the
     * request came in on.
     */
    @Transactional
    public List<ActivationSlip> issueSlips(Collection<Long> accountIds, Locale locale, @Nullable String clientAddress) {
        return issue(accountIds, SlipPurpose.ACTIVATION, locale, clientAddress);
    }

    /**
     * New reset codes for activated accounts (DD007): the person sets a new password with it at the same activation
     * page, and their Keycloak sessions end then. Organisation admins may for the accounts they administer;
     * facilitators for the citizens of the commune their group serves. A reset code replaces any live code.
     */
    @Transactional
    public List<ActivationSlip> issueResetSlips(
            Collection<Long> accountIds, Locale locale, @Nullable String clientAddress) {
        return issue(accountIds, SlipPurpose.RESET, locale, clientAddress);
    }

    /**
     * The activated account a reset slip could be printed for, found by the person's whole identity number or exact
     * username (they stand in front of the helper with their card): never by name, so a facilitator cannot browse
     * people. Only accounts the user administers, or, for a facilitator, citizens of the commune their group serves.
     */
    @Transactional(readOnly = true)
    public Optional<AccountListItem> findForReset(String text) {
        var typed = text.strip();
        var check = IdentityNumbers.check(protector.scheme(), typed);
        List<AccountStore.Located> found;
        if (check.isValid()) {
            found = store.activatedByBlindIndex(
                    protector.blindIndex(check.validNumber().orElseThrow()));
        } else if (typed.matches("(?i)[a-z0-9._-]{3,64}")) {
            found = store.activatedByUsername(typed.toLowerCase(Locale.ROOT));
        } else {
            return Optional.empty();
        }
        var adminScope = organisations.adminScope();
        var helperScope = organisations.facilitatorScope();
        return found.stream()
                .filter(match -> adminScope.includes(match.organisationId(), match.organisationPath())
                        || (helperScope.includes(match.organisationId(), match.organisationPath())
                                && match.item().audience() == org.digilit.base.Audience.CITIZEN))
                .map(AccountStore.Located::item)
                .findFirst();
    }

    private List<ActivationSlip> issue(
            Collection<Long> accountIds, SlipPurpose purpose, Locale locale, @Nullable String clientAddress) {
        if (accountIds.size() > ActivationSlipPdf.MAX_SLIPS) {
            throw new IllegalArgumentException("At most " + ActivationSlipPdf.MAX_SLIPS + " slips at once");
        }
        var user = currentUser.require();
        var adminScope = organisations.adminScope();
        var helperScope = purpose == SlipPurpose.RESET ? organisations.facilitatorScope() : OrganisationScope.nothing();
        // Every account asked for is checked against scope, also those that get no slip.
        var rows = store.slipAccounts(accountIds, purpose == SlipPurpose.RESET);
        for (var row : rows) {
            boolean administered = adminScope.includes(row.orgId(), row.orgPath());
            boolean helped = helperScope.includes(row.orgId(), row.orgPath()) && "CITIZEN".equals(row.audience());
            if (!administered && !helped) {
                throw new OutOfScopeException();
            }
        }
        var now = clock.instant();
        var expires = now.plus(purpose == SlipPurpose.RESET ? RESET_CODE_LIFETIME : CODE_LIFETIME);
        var page = address.resolve("/" + ACTIVATION_PATH);
        var slips = new ArrayList<ActivationSlip>(rows.size());
        var entries = new ArrayList<AuditEntry>(rows.size());
        var batch = new ArrayList<Object[]>(rows.size());
        for (var row : rows) {
            if (!row.eligible()) {
                continue;
            }
            var code = newCode();
            batch.add(new Object[] {
                row.id(), hash(code), Timestamp.from(now), Timestamp.from(expires), purpose.name(), user.username()
            });
            var organisation = Bilingual.pick(locale, row.orgVi(), row.orgEn());
            slips.add(new ActivationSlip(
                    row.fullName(),
                    IdentityNumber.maskLastFour(row.lastFour()),
                    row.username(),
                    organisation,
                    code,
                    page + "?code=" + code,
                    time.day(expires)));
            entries.add(new AuditEntry(
                    user.username(),
                    purpose == SlipPurpose.RESET ? "account.reset-code-issued" : "account.activation-code-issued",
                    "account",
                    String.valueOf(row.id()),
                    clientAddress,
                    null));
        }
        codes.save(batch);
        audit.recordAll(entries);
        return slips;
    }

    /** The slips as a PDF, texts from the caller's translations. */
    public byte[] slipsPdf(List<ActivationSlip> slips, SlipTexts texts) {
        return ActivationSlipPdf.render(slips, texts);
    }

    /**
     * The slips as a PDF with each person's learner card printed beside their slip (a row: slip, then card; four rows
     * a page), when a card issuer is present (the session feature); otherwise the plain slips.
     */
    public byte[] slipsWithCardsPdf(List<ActivationSlip> slips, SlipTexts texts, LearnerCardCodes.CardTexts cardTexts) {
        var issuer = cardCodes.getIfAvailable();
        if (issuer == null) {
            return slipsPdf(slips, texts);
        }
        return ActivationSlipPdf.render(slips, texts, new ActivationSlipPdf.Cards(issuer::code, cardTexts));
    }

    /**
     * Activates an account, or sets a new password with a reset code (DD007). The code is looked up first (codes are
     * unique, long and random), then the identity number is compared with its account's. Every failure counts against
     * the code it named, whatever was wrong (wrong number, used, expired, already locked), and a code locks after
     * {@link #MAX_FAILURES}; every failure gives the same answer ({@link ActivationResult.Status#INVALID}), the audit
     * trail keeps the reason. Attempts are limited per client address and per identity number besides. Then the chosen
     * password is set in Keycloak (its policy decides); a reset also ends the person's Keycloak sessions.
     */
    @Transactional(noRollbackFor = RuntimeException.class)
    public ActivationResult activate(String identityNumber, String code, String password, String clientAddress) {
        if (!rateLimiter.tryAcquire("activation:address:" + clientAddress, PER_ADDRESS_ATTEMPTS, ATTEMPT_WINDOW)) {
            return attempt(null, clientAddress, ActivationResult.of(ActivationResult.Status.RATE_LIMITED), null);
        }
        var check = IdentityNumbers.check(protector.scheme(), identityNumber);
        byte[] blindIndex = check.validNumber().map(protector::blindIndex).orElse(null);
        if (blindIndex != null) {
            var bucket = "activation:number:" + HexFormat.of().formatHex(blindIndex, 0, 12);
            if (!rateLimiter.tryAcquire(bucket, PER_NUMBER_ATTEMPTS, ATTEMPT_WINDOW)) {
                return attempt(null, clientAddress, ActivationResult.of(ActivationResult.Status.RATE_LIMITED), null);
            }
        }
        var live = codes.lockByHash(hash(normaliseCode(code))).orElse(null);
        if (live == null) {
            return attempt(null, clientAddress, ActivationResult.of(ActivationResult.Status.INVALID), "unknown-code");
        }
        String reason = null;
        if (live.failures() >= MAX_FAILURES) {
            reason = "locked";
        } else if (blindIndex == null || !MessageDigest.isEqual(live.blindIndex(), blindIndex)) {
            reason = check.isValid() ? "wrong-number" : "invalid-number";
        } else if (live.used()) {
            reason = "used";
        } else if (clock.instant().isAfter(live.expires())) {
            reason = "expired";
        } else if (!live.verified()) {
            reason = "not-verified";
        }
        if (reason != null) {
            codes.countFailure(live.accountId());
            return attempt(
                    live.accountId(), clientAddress, ActivationResult.of(ActivationResult.Status.INVALID), reason);
        }
        if (live.keycloakId() == null) {
            return attempt(
                    live.accountId(), clientAddress, ActivationResult.of(ActivationResult.Status.UNAVAILABLE), null);
        }
        PasswordOutcome outcome;
        try {
            outcome = directory.setPassword(live.keycloakId(), password);
        } catch (DirectoryUnavailableException | DirectoryUserMissingException e) {
            return attempt(
                    live.accountId(), clientAddress, ActivationResult.of(ActivationResult.Status.UNAVAILABLE), null);
        }
        if (!outcome.accepted()) {
            return attempt(
                    live.accountId(),
                    clientAddress,
                    new ActivationResult(ActivationResult.Status.PASSWORD_REJECTED, null, outcome.problem()),
                    null);
        }
        var now = Timestamp.from(clock.instant());
        codes.markUsed(live.accountId(), now);
        store.markActivated(live.accountId(), now);
        if (live.purpose() == SlipPurpose.RESET) {
            String sessions = "sessions-ended";
            try {
                directory.logout(live.keycloakId());
            } catch (RuntimeException e) {
                // The password is set; the old sessions end when their tokens expire. Said in the trail.
                log.warn(
                        "New password set for account {}, but its Keycloak sessions could not be ended: {}",
                        live.accountId(),
                        e.toString());
                sessions = "sessions-not-ended";
            }
            return attempt(
                    live.accountId(),
                    clientAddress,
                    new ActivationResult(ActivationResult.Status.PASSWORD_RESET, live.username(), null),
                    sessions);
        }
        return attempt(
                live.accountId(),
                clientAddress,
                new ActivationResult(ActivationResult.Status.ACTIVATED, live.username(), null),
                null);
    }

    private ActivationResult attempt(
            @Nullable Long accountId, String clientAddress, ActivationResult result, @Nullable String reason) {
        if (result.status() == ActivationResult.Status.RATE_LIMITED) {
            // Counted per network and hour, not a row per attempt (issue #14): a flood cannot fill the database.
            audit.countAnonymous("account.activation-rate-limited", clientAddress);
            return result;
        }
        var action = switch (result.status()) {
            case ACTIVATED -> "account.activated";
            case PASSWORD_RESET -> "account.password-reset";
            default -> "account.activation-failed";
        };
        audit.record(new AuditEntry(
                "anonymous",
                action,
                "account",
                accountId == null ? null : String.valueOf(accountId),
                clientAddress,
                "result=" + result.status() + (reason == null ? "" : " reason=" + reason)));
        return result;
    }

    private String newCode() {
        var code = new StringBuilder(CODE_LENGTH + 1);
        for (int i = 0; i < CODE_LENGTH; i++) {
            if (i == CODE_LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What people type: any case, with or without the dash, spaces, O for 0 and I/L for 1 mistakes are not mapped. */
    static String normaliseCode(String typed) {
        var letters = typed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (letters.length() != CODE_LENGTH) {
            return letters;
        }
        return letters.substring(0, CODE_LENGTH / 2) + "-" + letters.substring(CODE_LENGTH / 2);
    }

    /** The code's keyed hash, unique per code: how a code is looked up (never stored in clear). */
    private byte[] hash(String code) {
        return protector.keyedHash(PURPOSE, code);
    }
}
