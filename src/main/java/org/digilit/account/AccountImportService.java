package org.digilit.account;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.digilit.account.AccountImportStore.Change;
import org.digilit.account.AccountImportStore.Existing;
import org.digilit.account.AccountImportStore.NewAccount;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.base.ImportProblem;
import org.digilit.base.ProgrammeTime;
import org.digilit.identity.IdentityProtector;
import org.digilit.organisation.OrganisationRef;
import org.digilit.organisation.OrganisationScope;
import org.digilit.organisation.OrganisationService;
import org.digilit.security.AuthenticatedUser;
import org.digilit.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports people from CSV or XLSX into accounts, streaming: the file is read row by row and handled a chunk at a time,
 * so a 300,000-row file needs memory for one chunk plus the reader's compact table of numbers seen (for repeats
 * inside the file). A dry
 * run reports every problem and what applying would do; applying checks everything again in one transaction and
 * writes all of it or, at the first problem, nothing. People are matched to existing accounts by the blind index of
 * their identity number: re-importing a file changes nothing, a changed row updates that person (audited). A person
 * found in an organisation outside the admin's scope does not sink the file (DD007): an unverified self-registration is
 * claimed into the importing organisation, a verified account becomes a move request for the platform admin. Every
 * check is recorded and audited, and matches outside scope are capped per admin per day. The SQL is in {@link
 * AccountImportStore} and {@link MoveRequestStore}.
 */
@Service
public class AccountImportService {

    /** The largest upload: a 300,000-row CSV is about 45 MB; XLSX is smaller. */
    public static final long MAX_FILE_BYTES = 200L * 1024 * 1024;

    public static final int MAX_REPORTED_PROBLEMS = 1_000;

    private static final int CHUNK = AccountImportStore.BATCH;

    private final AccountImportStore store;
    private final MoveRequestStore moveRequests;
    private final OrganisationService organisations;
    private final IdentityProtector protector;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final ProvisioningOutbox outbox;
    private final ImportChecks checks;
    private final AccountProperties properties;
    private final Clock clock;
    private final ProgrammeTime time;

    AccountImportService(
            AccountImportStore store,
            MoveRequestStore moveRequests,
            OrganisationService organisations,
            IdentityProtector protector,
            CurrentUser currentUser,
            AuditService audit,
            ProvisioningOutbox outbox,
            ImportChecks checks,
            AccountProperties properties,
            Clock clock,
            ProgrammeTime time) {
        this.store = store;
        this.moveRequests = moveRequests;
        this.organisations = organisations;
        this.protector = protector;
        this.currentUser = currentUser;
        this.audit = audit;
        this.outbox = outbox;
        this.checks = checks;
        this.properties = properties;
        this.clock = clock;
        this.time = time;
    }

    /**
     * Reads and checks the file; says what applying it would do. Writes no account; the check itself is recorded and
     * audited (who, file, rows, matches outside scope), and counts against the daily cap (DD007).
     */
    @Transactional(readOnly = true)
    public AccountImportReport dryRun(Path file, String fileName, ImportProgress progress) throws IOException {
        return run(file, fileName, progress, null, false);
    }

    /** As {@link #dryRun(Path, String, ImportProgress)}, with the client's address for the audit trail. */
    @Transactional(readOnly = true)
    public AccountImportReport dryRun(
            Path file, String fileName, ImportProgress progress, @Nullable String clientAddress) throws IOException {
        return run(file, fileName, progress, clientAddress, false);
    }

    /** Checks that reached the daily cap in the last week, newest first; platform admins only. */
    @Transactional(readOnly = true)
    public List<ImportCapNotice> capNotices() {
        var user = currentUser.require();
        if (!user.has(org.digilit.security.Roles.Role.PLATFORM_ADMIN)) {
            throw new org.digilit.organisation.OutOfScopeException();
        }
        return checks.cappedSince(clock.instant().minus(java.time.Duration.ofDays(7)));
    }

    /**
     * Checks the file again (the database may have changed since the dry run) and applies it: all rows or none.
     *
     * @throws AccountImportRejectedException when any row has a problem (the report says which)
     */
    @Transactional
    public AccountImportReport apply(
            Path file, String fileName, ImportProgress progress, @Nullable String clientAddress) throws IOException {
        var report = run(file, fileName, progress, clientAddress, true);
        if (!report.valid()) {
            throw new AccountImportRejectedException(report);
        }
        return report;
    }

    private AccountImportReport run(
            Path file, String fileName, ImportProgress progress, @Nullable String clientAddress, boolean apply)
            throws IOException {
        var user = currentUser.require();
        var scope = organisations.adminScope();
        if (scope.isEmpty()) {
            throw new org.digilit.organisation.OutOfScopeException();
        }
        if (apply) {
            // One account import at a time: two files naming the same new person must not race.
            store.lockImports();
        }
        var run = new Run(user, scope, organisations.references(), apply, clientAddress, fileName);
        run.allowedOutOfScope = scope.everything()
                ? Integer.MAX_VALUE
                : Math.max(0, properties.outOfScopeMatchesPerDay() - checks.matchesToday(user.username()));
        try (var in = new CountingInputStream(Files.newInputStream(file), progress)) {
            AccountFileReader.read(
                    in,
                    fileName,
                    protector.scheme(),
                    MAX_FILE_BYTES,
                    time.today(),
                    row -> {
                        run.add(row);
                        progress.rows(run.rows);
                    },
                    run::problem);
        }
        run.flush();
        var report = run.report();
        checks.record(
                user.username(),
                fileName,
                run.rows,
                run.outOfScope,
                apply && report.valid(),
                run.capped,
                clientAddress);
        if (apply && report.valid()) {
            var finished = Timestamp.from(clock.instant());
            store.finishImport(run.importId(), report, finished);
            audit.record(new AuditEntry(
                    user.username(),
                    "account.import",
                    "account-import",
                    String.valueOf(run.importId()),
                    clientAddress,
                    "file=" + fileName + " rows=" + report.rows() + " created=" + report.created() + " updated="
                            + report.updated() + " unchanged=" + report.unchanged()));
        }
        return report;
    }

    /** The blind index as a map key (the first 16 of its 32 bytes: collisions are not a concern at this scale). */
    private record Key(long high, long low) {
        static Key of(byte[] blindIndex) {
            var buffer = java.nio.ByteBuffer.wrap(blindIndex);
            return new Key(buffer.getLong(), buffer.getLong());
        }
    }

    private record Candidate(AccountRow row, byte[] blindIndex, OrganisationRef organisation) {}

    /** One run over one file: its chunk, its duplicate keys, its counts and problems. */
    private final class Run {

        private final AuthenticatedUser user;
        private final OrganisationScope scope;
        private final Map<String, OrganisationRef> references;
        private final boolean apply;
        private final @Nullable String clientAddress;
        private final String fileName;
        private final List<AccountRow> chunk = new ArrayList<>(CHUNK);
        private final List<ImportProblem> problems = new ArrayList<>();
        private final List<AccountImportReport.Match> matches = new ArrayList<>();
        private @Nullable Long importId;
        private int problemCount;
        private int rows;
        private int created;
        private int updated;
        private int unchanged;
        private int claimed;
        private int moveRequested;
        /** Identity numbers matched in organisations outside the admin's scope, and how many more today allows. */
        private int outOfScope;

        private int allowedOutOfScope;
        private boolean capped;

        Run(
                AuthenticatedUser user,
                OrganisationScope scope,
                Map<String, OrganisationRef> references,
                boolean apply,
                @Nullable String clientAddress,
                String fileName) {
            this.user = user;
            this.scope = scope;
            this.references = references;
            this.apply = apply;
            this.clientAddress = clientAddress;
            this.fileName = fileName;
        }

        void add(AccountRow row) {
            rows++;
            chunk.add(row);
            if (chunk.size() >= CHUNK) {
                flush();
            }
        }

        void match(AccountImportReport.Match match) {
            if (matches.size() < MAX_REPORTED_PROBLEMS) {
                matches.add(match);
            }
        }

        void problem(ImportProblem problem) {
            problemCount++;
            if (problems.size() < MAX_REPORTED_PROBLEMS) {
                problems.add(problem);
            }
        }

        long importId() {
            if (importId == null) {
                importId = store.startImport(fileName, user.username(), Timestamp.from(clock.instant()));
            }
            return importId;
        }

        AccountImportReport report() {
            if (capped) {
                // Past today's cap nothing about the file is told: not which numbers matched, not even the counts.
                var cap = ImportProblem.of(
                        0, "", "out-of-scope-cap", String.valueOf(properties.outOfScopeMatchesPerDay()));
                return new AccountImportReport(false, rows, 0, 0, 0, 0, 0, 1, List.of(cap), List.of());
            }
            if (rows == 0 && problemCount == 0) {
                problem(ImportProblem.of(0, "", "empty-file"));
            }
            return new AccountImportReport(
                    apply && problemCount == 0,
                    rows,
                    created,
                    updated,
                    unchanged,
                    claimed,
                    moveRequested,
                    problemCount,
                    problems,
                    matches);
        }

        void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            var candidates = new ArrayList<Candidate>(chunk.size());
            for (var row : chunk) {
                // Repeats inside the file are the reader's to report; here only the database matters.
                var blindIndex = protector.blindIndex(row.identityNumber());
                var organisation = references.get(row.organisationCode());
                if (organisation == null) {
                    problem(ImportProblem.of(
                            row.row(), "organisation_code", "unknown-organisation", row.organisationCode()));
                    continue;
                }
                if (!scope.includes(organisation.id(), organisation.path())) {
                    problem(ImportProblem.of(
                            row.row(), "organisation_code", "organisation-out-of-scope", row.organisationCode()));
                    continue;
                }
                candidates.add(new Candidate(row, blindIndex, organisation));
            }
            chunk.clear();
            var existing = existing(candidates);
            var creates = new ArrayList<Candidate>();
            var updates = new ArrayList<Map.Entry<Candidate, Existing>>();
            var claims = new ArrayList<Map.Entry<Candidate, Existing>>();
            var moves = new ArrayList<Map.Entry<Candidate, Existing>>();
            for (var candidate : candidates) {
                var known = existing.get(Key.of(candidate.blindIndex()));
                if (known == null) {
                    creates.add(candidate);
                } else if (!scope.includes(known.organisationId(), known.organisationPath())) {
                    outOfScope++;
                    if (outOfScope > allowedOutOfScope) {
                        capped = true;
                    } else if (known.claimable()) {
                        claims.add(Map.entry(candidate, known));
                        match(new AccountImportReport.Match(
                                candidate.row().row(),
                                fieldsChanged(candidate, known),
                                AccountImportReport.Match.Kind.CLAIM));
                    } else {
                        moves.add(Map.entry(candidate, known));
                        match(new AccountImportReport.Match(
                                candidate.row().row(), List.of(), AccountImportReport.Match.Kind.MOVE_REQUEST));
                    }
                } else if (changes(candidate, known).isEmpty()) {
                    unchanged++;
                    match(new AccountImportReport.Match(candidate.row().row(), List.of()));
                } else {
                    updates.add(Map.entry(candidate, known));
                    match(new AccountImportReport.Match(candidate.row().row(), fieldsChanged(candidate, known)));
                }
            }
            created += creates.size();
            updated += updates.size();
            claimed += claims.size();
            moveRequested += moves.size();
            if (apply && problemCount == 0 && !capped) {
                write(creates, updates);
                claim(claims);
                requestMoves(moves);
            }
        }

        /**
         * Moves unverified self-registrations into the importing organisation: the file's data, and the person's own
         * email, phone and staff number where the file has none. They stay unverified; audited as claims.
         */
        private void claim(List<Map.Entry<Candidate, Existing>> claims) {
            if (claims.isEmpty()) {
                return;
            }
            var now = Timestamp.from(clock.instant());
            var entries = new ArrayList<AuditEntry>(claims.size());
            store.claim(
                    claims.stream()
                            .map(e -> new Change(
                                    e.getKey().row(), e.getKey().organisation().id(), e.getValue()))
                            .toList(),
                    importId(),
                    now);
            for (var entry : claims) {
                entries.add(new AuditEntry(
                        user.username(),
                        "account.claimed-by-import",
                        "account",
                        String.valueOf(entry.getValue().id()),
                        clientAddress,
                        "import=" + importId() + " from=" + entry.getValue().organisationCode() + " to="
                                + entry.getKey().organisation().code()));
            }
            audit.recordAll(entries);
        }

        /** Verified accounts of other organisations: a move request each for the platform admin, audited. */
        private void requestMoves(List<Map.Entry<Candidate, Existing>> moves) {
            if (moves.isEmpty()) {
                return;
            }
            var now = Timestamp.from(clock.instant());
            var entries = new ArrayList<AuditEntry>(moves.size());
            for (var entry : moves) {
                int added = moveRequests.request(
                        entry.getValue().id(), entry.getKey().organisation().id(), user.username(), importId(), now);
                if (added > 0) {
                    entries.add(new AuditEntry(
                            user.username(),
                            "account.move-requested",
                            "account",
                            String.valueOf(entry.getValue().id()),
                            clientAddress,
                            "import=" + importId() + " to="
                                    + entry.getKey().organisation().code()));
                }
            }
            audit.recordAll(entries);
        }

        private Map<Key, Existing> existing(List<Candidate> candidates) {
            var result = new HashMap<Key, Existing>();
            if (candidates.isEmpty()) {
                return result;
            }
            var hex = HexFormat.of();
            var keys =
                    candidates.stream().map(c -> hex.formatHex(c.blindIndex())).toArray(String[]::new);
            for (var known : store.existing(keys)) {
                result.put(Key.of(known.blindIndex()), known);
            }
            return result;
        }

        private void write(List<Candidate> creates, List<Map.Entry<Candidate, Existing>> updates) {
            var now = Timestamp.from(clock.instant());
            if (!creates.isEmpty()) {
                long id = importId();
                store.insert(
                        creates.stream()
                                .map(c -> new NewAccount(
                                        c.row(),
                                        protector.protect(c.row().identityNumber()),
                                        c.organisation().id()))
                                .toList(),
                        id,
                        now);
            }
            if (updates.isEmpty()) {
                return;
            }
            var entries = new ArrayList<AuditEntry>(updates.size());
            var followers = new ArrayList<Long>();
            for (var entry : updates) {
                var known = entry.getValue();
                entries.add(new AuditEntry(
                        user.username(),
                        "account.updated-by-import",
                        "account",
                        String.valueOf(known.id()),
                        clientAddress,
                        "import=" + importId() + " changed=" + String.join(",", changes(entry.getKey(), known))));
                if (known.state() == AccountState.VERIFIED || known.state() == AccountState.DEACTIVATED) {
                    followers.add(known.id());
                }
            }
            // The outbox row first, then the account: the order the provisioning worker locks them in.
            outbox.enqueue(followers);
            store.update(
                    updates.stream()
                            .map(e -> new Change(
                                    e.getKey().row(), e.getKey().organisation().id(), e.getValue()))
                            .toList(),
                    now);
            audit.recordAll(entries);
        }
    }

    /** The columns a row would change, by their names in the file. */
    private static List<String> fieldsChanged(Candidate candidate, Existing known) {
        return changes(candidate, known).stream()
                .map(change -> change.startsWith("organisation(") ? "organisation_code" : change)
                .toList();
    }

    /** The names of the fields a row would change (organisation moves name both codes); never field values. */
    private static List<String> changes(Candidate candidate, Existing known) {
        var row = candidate.row();
        var changed = new ArrayList<String>();
        if (!row.fullName().equals(known.fullName())) {
            changed.add("full_name");
        }
        if (!row.dateOfBirth().equals(known.dateOfBirth())) {
            changed.add("date_of_birth");
        }
        if (!row.gender().name().equals(known.gender())) {
            changed.add("gender");
        }
        if (!Objects.equals(row.phone(), known.phone())) {
            changed.add("phone");
        }
        if (!Objects.equals(row.email(), known.email())) {
            changed.add("email");
        }
        if (candidate.organisation().id() != known.organisationId()) {
            changed.add("organisation(" + known.organisationCode() + "->"
                    + candidate.organisation().code() + ")");
        }
        if (!row.audience().name().equals(known.audience())) {
            changed.add("audience");
        }
        if (!Objects.equals(row.staffNumber(), known.staffNumber())) {
            changed.add("staff_number");
        }
        return changed;
    }

    /** Reports the bytes read to the progress bar as the reader consumes the file. */
    private static final class CountingInputStream extends FilterInputStream {

        private final ImportProgress progress;
        private long count;

        CountingInputStream(InputStream in, ImportProgress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.read(++count);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
                progress.read(count);
            }
            return n;
        }
    }
}
