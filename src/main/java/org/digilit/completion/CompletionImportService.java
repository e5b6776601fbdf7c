package org.digilit.completion;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.digilit.account.AccountService;
import org.digilit.account.AccountService.IdentityMatch;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.base.ImportProblem;
import org.digilit.base.ProgrammeTime;
import org.digilit.identity.IdentityProtector;
import org.digilit.learning.CompletionsElsewhere;
import org.digilit.learning.ImportedCompletion;
import org.digilit.learning.LearningService;
import org.digilit.organisation.OrganisationScope;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports completions made on other platforms: from a file (CSV or XLSX, streamed; a dry run first, then apply: all
 * rows or none) or from a platform's keyed feed. Each person is matched by the blind index of their identity number;
 * a matched completion is recorded by the learning feature as a completion of the DigiLit courses its programme counts
 * for (never doubled; the earliest date wins), an unmatched one waits in the holding list and is matched when the
 * person's account arrives (a scheduled matcher). People outside the importer's organisations are refused, as in the
 * people import. Re-importing the same file, or replaying a feed call, changes nothing. See DD010.
 */
@Service
public class CompletionImportService implements CompletionsElsewhere {

    private static final Logger log = LoggerFactory.getLogger(CompletionImportService.class);

    public static final long MAX_FILE_BYTES = 300L * 1024 * 1024;
    static final int CHUNK = 1_000;
    private final PlatformStore platforms;
    private final CompletionStore store;
    private final AccountService accounts;
    private final LearningService learning;
    private final OrganisationService organisations;
    private final IdentityProtector protector;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;
    private final ProgrammeTime time;
    private final TransactionTemplate transactions;

    CompletionImportService(
            PlatformStore platforms,
            CompletionStore store,
            AccountService accounts,
            LearningService learning,
            OrganisationService organisations,
            IdentityProtector protector,
            CurrentUser currentUser,
            AuditService audit,
            Clock clock,
            ProgrammeTime time,
            PlatformTransactionManager transactionManager) {
        this.platforms = platforms;
        this.store = store;
        this.accounts = accounts;
        this.learning = learning;
        this.organisations = organisations;
        this.protector = protector;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.time = time;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Reads and checks the file; says what applying it would do. Writes nothing. */
    @Transactional(readOnly = true)
    public CompletionImportReport dryRun(InputStream in, String fileName) throws IOException {
        return file(in, fileName, false, null);
    }

    /**
     * Checks the file again and applies it: every row, or (at any problem) nothing.
     *
     * @throws CompletionImportRejectedException when a row has a problem
     */
    @Transactional
    public CompletionImportReport apply(InputStream in, String fileName, @Nullable String clientAddress)
            throws IOException {
        var report = file(in, fileName, true, clientAddress);
        if (!report.valid()) {
            throw new CompletionImportRejectedException(report);
        }
        return report;
    }

    private CompletionImportReport file(InputStream in, String fileName, boolean apply, @Nullable String clientAddress)
            throws IOException {
        var user = currentUser.get().orElseThrow(OutOfScopeException::new);
        if (!user.has(Role.PLATFORM_ADMIN) && !user.has(Role.ORG_ADMIN)) {
            throw new OutOfScopeException();
        }
        var scope = organisations.currentScope();
        if (scope.isEmpty()) {
            throw new OutOfScopeException();
        }
        if (apply) {
            lock();
        }
        var run = new Run(scope, apply, null);
        if (apply) {
            run.importId = store.startImport(fileName, user.username(), clock.instant());
        }
        boolean whole = CompletionFileReader.read(
                in, fileName, protector.scheme(), MAX_FILE_BYTES, today(), run::add, run.problems::add);
        run.flush();
        var report = run.report(whole);
        if (apply && report.valid()) {
            store.finishImport(run.importId, report, clock.instant());
            audit.record(new AuditEntry(
                    user.username(),
                    "completion.import",
                    "completion-import",
                    String.valueOf(run.importId),
                    clientAddress,
                    "file=" + fileName + " rows=" + report.rows() + " matched=" + report.matched() + " held="
                            + report.held() + " unchanged=" + report.unchanged()));
        }
        return report;
    }

    /** A record pushed by a platform's feed (its values as sent, unchecked). */
    public record FeedRecord(
            @Nullable String recordId,
            @Nullable String identityNumber,
            @Nullable String fullName,
            @Nullable String completionDate,
            @Nullable String programmeCode,
            @Nullable String certificateNumber,
            @Nullable String score) {}

    /**
     * Receives a feed call from the platform whose Keycloak client is {@code clientId}: every record or (at any
     * problem) none. A record id received before changes nothing, so a replayed call changes nothing.
     *
     * @throws CompletionImportRejectedException when a record has a problem
     * @throws OutOfScopeException when no platform has this client
     */
    @Transactional
    public CompletionImportReport receiveFeed(String clientId, List<FeedRecord> records) {
        var platform = platforms.platformByFeedClient(clientId).orElseThrow(OutOfScopeException::new);
        lock();
        var run = new Run(OrganisationScope.all(), true, null);
        var today = today();
        for (int i = 0; i < records.size(); i++) {
            var r = records.get(i);
            var found = new ArrayList<ImportProblem>();
            var row = CompletionFileReader.check(
                    i + 1,
                    protector.scheme(),
                    today,
                    clean(r.identityNumber()),
                    clean(r.fullName()),
                    clean(r.completionDate()),
                    platform.code(),
                    clean(r.programmeCode()),
                    clean(r.certificateNumber()),
                    clean(r.score()),
                    r.recordId() == null ? "" : r.recordId().strip(),
                    found);
            run.problems.addAll(found);
            if (row != null) {
                run.add(row);
            }
        }
        run.flush();
        var report = run.report(true);
        if (!report.valid()) {
            throw new CompletionImportRejectedException(report);
        }
        audit.record(new AuditEntry(
                "feed:" + clientId,
                "completion.feed",
                "external-platform",
                platform.code(),
                null,
                "records=" + report.rows() + " matched=" + report.matched() + " held=" + report.held() + " unchanged="
                        + report.unchanged()));
        return report;
    }

    /**
     * Matches held completions whose person now has an account (within the scope of whoever imported them), and
     * records their completions. Runs every minute; each batch commits on its own. Returns how many were matched.
     */
    @Scheduled(
            fixedDelayString = "${digilit.completion.match-interval:PT1M}",
            initialDelayString = "${digilit.completion.match-initial-delay:PT1M}")
    public int matchHeld() {
        int matched = 0;
        long after = 0;
        while (true) {
            var held = store.held(after, CHUNK);
            if (held.isEmpty()) {
                break;
            }
            after = held.getLast().id();
            Integer done = transactions.execute(status -> matchBatch(held));
            matched += done == null ? 0 : done;
        }
        if (matched > 0) {
            log.info("Matched {} held completions to accounts that arrived", matched);
        }
        return matched;
    }

    private int matchBatch(List<CompletionStore.Held> held) {
        lock();
        var found = byIndex(accounts.findByBlindIndexes(
                held.stream().map(CompletionStore.Held::blindIndex).toList()));
        var programmes = programmes();
        var codes = new HashMap<Long, String>();
        platforms.platforms().forEach(p -> codes.put(p.id(), p.source()));
        var completions = new ArrayList<ImportedCompletion>();
        int matched = 0;
        var now = clock.instant();
        for (var h : held) {
            var account = found.get(java.util.HexFormat.of().formatHex(h.blindIndex()));
            if (account == null || !within(h.scopePaths(), account)) {
                continue;
            }
            if (store.match(h.id(), account.accountId(), account.username(), now) == 1) {
                matched++;
                var programme = programmes.get(h.programmeId());
                completions.addAll(completions(account, programme, codes.get(programme.platformId()), h.completedOn()));
            }
        }
        learning.recordImportedCompletions(completions);
        if (matched > 0) {
            audit.record(new AuditEntry(
                    "system", "completion.match", "external-completion", null, null, "matched=" + matched));
        }
        return matched;
    }

    /** The holding list in the user's scope (platform admins: all of it), newest first. */
    @Transactional(readOnly = true)
    public List<HeldCompletion> held(int offset, int limit) {
        return store.heldList(heldScope(), offset, limit);
    }

    @Transactional(readOnly = true)
    public int countHeld() {
        return store.countHeld(heldScope());
    }

    private String @Nullable [] heldScope() {
        var user = currentUser.get().orElseThrow(OutOfScopeException::new);
        if (!user.has(Role.PLATFORM_ADMIN) && !user.has(Role.ORG_ADMIN)) {
            throw new OutOfScopeException();
        }
        var scope = organisations.currentScope();
        return scope.everything() ? null : scope.subtreePaths().toArray(String[]::new);
    }

    /** The signed-in learner's imported completions (their home page lists them with their source). */
    @Override
    @Transactional(readOnly = true)
    public List<Line> mine() {
        return currentUser.get().map(u -> store.ofLearner(u.username())).orElse(List.of());
    }

    private void lock() {
        store.lock();
    }

    private LocalDate today() {
        return time.today();
    }

    private static String clean(@Nullable String value) {
        return org.digilit.base.TabularFileReader.clean(value);
    }

    private Map<Long, ExternalProgramme> programmes() {
        var result = new HashMap<Long, ExternalProgramme>();
        platforms.allProgrammes().forEach(p -> result.put(p.id(), p));
        return result;
    }

    private static Map<String, IdentityMatch> byIndex(List<IdentityMatch> matches) {
        var result = new HashMap<String, IdentityMatch>();
        matches.forEach(m -> result.put(java.util.HexFormat.of().formatHex(m.blindIndex()), m));
        return result;
    }

    private static boolean within(String @Nullable [] scopePaths, IdentityMatch account) {
        if (scopePaths == null) {
            return true;
        }
        for (var path : scopePaths) {
            if (account.organisationPath().startsWith(path)) {
                return true;
            }
        }
        return false;
    }

    /** The course completions a programme's completion stands for, at the start of its day in the programme's zone. */
    private List<ImportedCompletion> completions(
            IdentityMatch account, ExternalProgramme programme, String source, LocalDate on) {
        var at = time.startOf(on);
        return programme.courseIds().stream()
                .map(course -> new ImportedCompletion(
                        account.username(), course, at, source, account.organisationCode(), account.audience()))
                .toList();
    }

    /** One run over a file or a feed call: its chunk, its repeats, its counts and problems. */
    private final class Run {

        private final OrganisationScope scope;
        private final String @Nullable [] scopePaths;
        private final boolean apply;
        private final List<CompletionRow> chunk = new ArrayList<>(CHUNK);
        final List<ImportProblem> problems = new ArrayList<>();
        private final Map<String, ExternalPlatform> platformsByCode = new HashMap<>();
        private final Map<String, ExternalProgramme> programmesByCode = new HashMap<>();
        /** The first row of each (programme, person) in the file, to report repeats (16 bytes of the index suffice). */
        private final Map<Object, Integer> firstRows = new HashMap<>();

        @Nullable
        Long importId;

        private int rows;
        private int matched;
        private int held;
        private int unchanged;

        Run(OrganisationScope scope, boolean apply, @Nullable Long importId) {
            this.scope = scope;
            this.scopePaths = scope.everything() ? null : scope.subtreePaths().toArray(String[]::new);
            this.apply = apply;
            this.importId = importId;
            platforms.platforms().forEach(p -> platformsByCode.put(p.code(), p));
            platforms.allProgrammes().forEach(p -> programmesByCode.put(p.platformId() + "/" + p.code(), p));
        }

        void add(CompletionRow row) {
            rows++;
            chunk.add(row);
            if (chunk.size() >= CHUNK) {
                flush();
            }
        }

        CompletionImportReport report(boolean whole) {
            if (!whole && problems.isEmpty()) {
                problems.add(ImportProblem.of(0, "", "unreadable-file"));
            }
            return new CompletionImportReport(rows, matched, held, unchanged, problems);
        }

        void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            record Resolved(CompletionRow row, ExternalPlatform platform, ExternalProgramme programme, byte[] index) {}
            var resolved = new ArrayList<Resolved>(chunk.size());
            for (var row : chunk) {
                var platform = platformsByCode.get(row.platformCode());
                if (platform == null) {
                    problems.add(ImportProblem.of(
                            row.row(),
                            "platform",
                            "completion.unknown-platform",
                            ImportProblem.excerpt(row.platformCode())));
                    continue;
                }
                var programme = programmesByCode.get(platform.id() + "/" + row.programmeCode());
                if (programme == null) {
                    problems.add(ImportProblem.of(
                            row.row(),
                            "programme_code",
                            "completion.unknown-programme",
                            ImportProblem.excerpt(row.programmeCode())));
                    continue;
                }
                var index = protector.blindIndex(row.identity());
                var buffer = java.nio.ByteBuffer.wrap(index);
                var key = List.of(programme.id(), buffer.getLong(), buffer.getLong());
                var first = firstRows.putIfAbsent(key, row.row());
                if (first != null) {
                    problems.add(ImportProblem.of(
                            row.row(), "identity_number", "completion.repeated", String.valueOf(first)));
                    continue;
                }
                resolved.add(new Resolved(row, platform, programme, index));
            }
            chunk.clear();
            if (resolved.isEmpty()) {
                return;
            }
            var found = byIndex(accounts.findByBlindIndexes(
                    resolved.stream().map(Resolved::index).toList()));
            var stored = store.stored(
                    resolved.stream().map(r -> r.programme().id()).collect(java.util.stream.Collectors.toSet()),
                    resolved.stream().map(Resolved::index).toList());
            var knownRecords = new HashSet<String>();
            var byPlatform = new LinkedHashMap<Long, List<String>>();
            resolved.stream()
                    .filter(r -> r.row().recordId() != null)
                    .forEach(r -> byPlatform
                            .computeIfAbsent(r.platform().id(), k -> new ArrayList<>())
                            .add(r.row().recordId()));
            byPlatform.forEach((platform, ids) ->
                    store.knownRecords(platform, ids).forEach(id -> knownRecords.add(platform + "/" + id)));
            var inserts = new ArrayList<CompletionStore.Write>();
            var completions = new ArrayList<ImportedCompletion>();
            var now = clock.instant();
            for (var r : resolved) {
                var row = r.row();
                var account = found.get(java.util.HexFormat.of().formatHex(r.index()));
                if (account != null && !scope.includes(account.organisationId(), account.organisationPath())) {
                    problems.add(ImportProblem.of(row.row(), "identity_number", "completion.person-out-of-scope"));
                    continue;
                }
                if (row.recordId() != null && knownRecords.contains(r.platform().id() + "/" + row.recordId())) {
                    unchanged++;
                    continue;
                }
                var existing = stored.get(CompletionStore.key(r.programme().id(), r.index()));
                var write = new CompletionStore.Write(
                        r.platform().id(),
                        r.programme().id(),
                        r.index(),
                        lastFour(row),
                        row.fullName(),
                        row.completedOn(),
                        row.certificateNumber(),
                        row.score(),
                        row.recordId(),
                        scopePaths,
                        importId,
                        account == null ? null : account.accountId(),
                        account == null ? null : account.username());
                if (existing == null) {
                    if (account == null) {
                        held++;
                    } else {
                        matched++;
                    }
                    if (apply) {
                        inserts.add(write);
                    }
                } else {
                    boolean earlier = row.completedOn().isBefore(existing.completedOn());
                    boolean nowMatched = existing.accountId() == null && account != null;
                    if (!earlier && !nowMatched) {
                        unchanged++;
                        continue;
                    }
                    if (account == null) {
                        held++;
                    } else {
                        matched++;
                    }
                    if (apply) {
                        store.update(existing.id(), write, now);
                    }
                }
                if (apply && account != null) {
                    var on = existing == null || row.completedOn().isBefore(existing.completedOn())
                            ? row.completedOn()
                            : existing.completedOn();
                    completions.addAll(
                            completions(account, r.programme(), r.platform().source(), on));
                }
            }
            if (apply) {
                store.insert(inserts, now);
                learning.recordImportedCompletions(completions);
            }
        }

        private String lastFour(CompletionRow row) {
            return row.identity().lastFour();
        }
    }
}
