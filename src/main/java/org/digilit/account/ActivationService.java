package org.digilit.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.identity.IdentityNumber;
import org.digilit.identity.IdentityNumbers;
import org.digilit.identity.IdentityProtector;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activation: one-time codes for provisioned accounts, printed on slips by an organisation admin, and the public
 * activation that turns a code plus the person's identity number into a password they chose (set in Keycloak under
 * the realm's policy). Codes are stored only as keyed hashes, expire, and lock after {@link #MAX_FAILURES} wrong
 * tries; attempts are rate-limited per identity number and per client address, and every attempt is audited.
 */
@Service
public class ActivationService {

    public static final Duration CODE_LIFETIME = Duration.ofDays(30);
    public static final int MAX_FAILURES = 5;
    public static final int PER_NUMBER_ATTEMPTS = 10;
    public static final int PER_ADDRESS_ATTEMPTS = 30;
    public static final Duration ATTEMPT_WINDOW = Duration.ofMinutes(15);

    /** No 0/O, 1/I/L: codes are read off paper and typed on phones. 31^10 ≈ 8·10^14 codes. */
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private static final int CODE_LENGTH = 10;
    private static final String PURPOSE = "activation-code";

    private final JdbcClient jdbc;
    private final OrganisationService organisations;
    private final IdentityProtector protector;
    private final AccountDirectory directory;
    private final RateLimiter rateLimiter;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ActivationService(
            JdbcClient jdbc,
            OrganisationService organisations,
            IdentityProtector protector,
            AccountDirectory directory,
            RateLimiter rateLimiter,
            CurrentUser currentUser,
            AuditService audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.protector = protector;
        this.directory = directory;
        this.rateLimiter = rateLimiter;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * New codes for the provisioned, not yet activated accounts among {@code accountIds} (all in scope, else nothing
     * happens), as slips. A code printed earlier for the same account stops working.
     *
     * @param activationPage the public activation page's absolute URL, for the QR code
     */
    @Transactional
    public List<ActivationSlip> issueSlips(
            Collection<Long> accountIds, String activationPage, Locale locale, @Nullable String clientAddress) {
        if (accountIds.size() > ActivationSlipPdf.MAX_SLIPS) {
            throw new IllegalArgumentException("At most " + ActivationSlipPdf.MAX_SLIPS + " slips at once");
        }
        var user = currentUser.require();
        var scope = organisations.currentScope();
        record Row(
                long id,
                String username,
                String fullName,
                String lastFour,
                String orgVi,
                String orgEn,
                boolean inScope) {}
        var rows = jdbc.sql("select a.id, a.username, a.full_name, a.id_last_four, o.name_vi, o.name_en, ("
                        + scope.sqlCondition() + ") as in_scope from account a join organisation o"
                        + " on o.id = a.organisation_id where a.id = any (:ids) and a.state = 'VERIFIED'"
                        + " and a.keycloak_id is not null and a.activated_at is null order by o.code, a.full_name")
                .params(scope.sqlParameters())
                .param("ids", accountIds.toArray(Long[]::new))
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBoolean(7)))
                .list();
        if (rows.stream().anyMatch(r -> !r.inScope())) {
            throw new OutOfScopeException();
        }
        var now = clock.instant();
        var expires = now.plus(CODE_LIFETIME);
        var slips = new ArrayList<ActivationSlip>(rows.size());
        var entries = new ArrayList<AuditEntry>(rows.size());
        for (var row : rows) {
            var code = newCode();
            jdbc.sql("""
                            insert into activation_code (account_id, code_hash, created_at, expires_at)
                            values (:id, :hash, :now, :expires)
                            on conflict (account_id) do update set code_hash = excluded.code_hash,
                                created_at = excluded.created_at, expires_at = excluded.expires_at,
                                failed_attempts = 0, used_at = null""")
                    .param("id", row.id())
                    .param("hash", hash(row.id(), code))
                    .param("now", Timestamp.from(now))
                    .param("expires", Timestamp.from(expires))
                    .update();
            var organisation = locale.getLanguage().equals("vi") || row.orgEn().isBlank() ? row.orgVi() : row.orgEn();
            slips.add(new ActivationSlip(
                    row.fullName(),
                    IdentityNumber.maskLastFour(row.lastFour()),
                    row.username(),
                    organisation,
                    code,
                    activationPage + "?code=" + code,
                    expires.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate()));
            entries.add(new AuditEntry(
                    user.username(),
                    "account.activation-code-issued",
                    "account",
                    String.valueOf(row.id()),
                    clientAddress,
                    null));
        }
        audit.recordAll(entries);
        return slips;
    }

    /** The slips as a PDF, texts from the caller's translations. */
    public byte[] slipsPdf(List<ActivationSlip> slips, SlipTexts texts) {
        return ActivationSlipPdf.render(slips, texts);
    }

    /**
     * Activates an account: the identity number and the slip's code must match a live code; then the chosen password
     * is set in Keycloak (its policy decides). Anyone may call this; limits and the audit trail guard it.
     */
    @Transactional(noRollbackFor = RuntimeException.class)
    public ActivationResult activate(String identityNumber, String code, String password, String clientAddress) {
        if (!rateLimiter.tryAcquire("activation:address:" + clientAddress, PER_ADDRESS_ATTEMPTS, ATTEMPT_WINDOW)) {
            return attempt(null, clientAddress, ActivationResult.of(ActivationResult.Status.RATE_LIMITED));
        }
        var check = IdentityNumbers.check(protector.scheme(), identityNumber);
        if (!check.isValid()) {
            return attempt(null, clientAddress, ActivationResult.of(ActivationResult.Status.INVALID));
        }
        var blindIndex = protector.blindIndex(check.validNumber().orElseThrow());
        var bucket = "activation:number:" + HexFormat.of().formatHex(blindIndex, 0, 12);
        if (!rateLimiter.tryAcquire(bucket, PER_NUMBER_ATTEMPTS, ATTEMPT_WINDOW)) {
            return attempt(null, clientAddress, ActivationResult.of(ActivationResult.Status.RATE_LIMITED));
        }
        record Live(
                long accountId,
                String username,
                @Nullable String keycloakId,
                byte[] hash,
                java.time.Instant expires,
                int failures,
                boolean used) {}
        var live = jdbc.sql("""
                        select a.id, a.username, a.keycloak_id, c.code_hash, c.expires_at, c.failed_attempts,
                            c.used_at is not null as used
                        from account a join activation_code c on c.account_id = a.id
                        where a.id_blind_index = :bi and a.state = 'VERIFIED' for update of c""")
                .param("bi", blindIndex)
                .query((rs, n) -> new Live(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBytes(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getInt(6),
                        rs.getBoolean(7)))
                .optional()
                .orElse(null);
        if (live == null || live.used()) {
            return attempt(
                    live == null ? null : live.accountId(),
                    clientAddress,
                    ActivationResult.of(ActivationResult.Status.INVALID));
        }
        var normalised = normaliseCode(code);
        if (!java.security.MessageDigest.isEqual(live.hash(), hash(live.accountId(), normalised))) {
            jdbc.sql("update activation_code set failed_attempts = failed_attempts + 1 where account_id = :id")
                    .param("id", live.accountId())
                    .update();
            return attempt(live.accountId(), clientAddress, ActivationResult.of(ActivationResult.Status.INVALID));
        }
        if (live.failures() >= MAX_FAILURES) {
            return attempt(live.accountId(), clientAddress, ActivationResult.of(ActivationResult.Status.LOCKED));
        }
        if (clock.instant().isAfter(live.expires())) {
            return attempt(live.accountId(), clientAddress, ActivationResult.of(ActivationResult.Status.EXPIRED));
        }
        if (live.keycloakId() == null) {
            return attempt(live.accountId(), clientAddress, ActivationResult.of(ActivationResult.Status.UNAVAILABLE));
        }
        PasswordOutcome outcome;
        try {
            outcome = directory.setPassword(live.keycloakId(), password);
        } catch (DirectoryUnavailableException e) {
            return attempt(live.accountId(), clientAddress, ActivationResult.of(ActivationResult.Status.UNAVAILABLE));
        }
        if (!outcome.accepted()) {
            return attempt(
                    live.accountId(),
                    clientAddress,
                    new ActivationResult(ActivationResult.Status.PASSWORD_REJECTED, null, outcome.problem()));
        }
        var now = Timestamp.from(clock.instant());
        jdbc.sql("update activation_code set used_at = :now where account_id = :id")
                .param("now", now)
                .param("id", live.accountId())
                .update();
        jdbc.sql("update account set activated_at = coalesce(activated_at, :now), updated_at = :now where id = :id")
                .param("now", now)
                .param("id", live.accountId())
                .update();
        return attempt(
                live.accountId(),
                clientAddress,
                new ActivationResult(ActivationResult.Status.ACTIVATED, live.username(), null));
    }

    private ActivationResult attempt(@Nullable Long accountId, String clientAddress, ActivationResult result) {
        if (result.status() == ActivationResult.Status.RATE_LIMITED) {
            // Counted per network and hour, not a row per attempt (issue #14): a flood cannot fill the database.
            audit.countAnonymous("account.activation-rate-limited", clientAddress);
            return result;
        }
        audit.record(new AuditEntry(
                "anonymous",
                result.status() == ActivationResult.Status.ACTIVATED
                        ? "account.activated"
                        : "account.activation-failed",
                "account",
                accountId == null ? null : String.valueOf(accountId),
                clientAddress,
                "result=" + result.status()));
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

    private byte[] hash(long accountId, String code) {
        return protector.keyedHash(PURPOSE, accountId + ":" + code);
    }
}
