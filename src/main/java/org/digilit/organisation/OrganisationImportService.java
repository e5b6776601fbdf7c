package org.digilit.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.base.ImportProblem;
import org.digilit.base.TextFolding;
import org.digilit.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the organisation tree from CSV or XLSX. The whole file is validated before anything is written (syntax by
 * {@link OrganisationFileParser}; parents, cycles and scope here, against the database); a file with any problem
 * changes nothing. Re-importing the same file changes nothing; a changed file updates names and headcounts in place
 * and moves organisations whose parent changed, keeping their history.
 */
@Service
public class OrganisationImportService {

    /** The largest file accepted: 50 MB holds far more than a province's organisations. */
    public static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

    private final OrganisationStore store;
    private final OrganisationService organisations;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    OrganisationImportService(
            OrganisationStore store,
            OrganisationService organisations,
            CurrentUser currentUser,
            AuditService audit,
            Clock clock) {
        this.store = store;
        this.organisations = organisations;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** Reads and validates the file and says what applying it would do; writes nothing. */
    @Transactional(readOnly = true)
    public ImportReport dryRun(InputStream file, String fileName) throws IOException {
        return plan(OrganisationFileParser.parse(file, fileName, MAX_FILE_BYTES), fileName)
                .report();
    }

    /** Validates the file again (a dry run proves nothing about the database now) and applies it all, or nothing. */
    @Transactional
    public ImportReport apply(InputStream file, String fileName, @Nullable String clientAddress) throws IOException {
        var user = currentUser.get().orElseThrow(OutOfScopeException::new);
        organisations.lockTree();
        var plan = plan(OrganisationFileParser.parse(file, fileName, MAX_FILE_BYTES), fileName);
        if (!plan.report().valid()) {
            throw new ImportRejectedException(plan.report());
        }
        var now = Timestamp.from(clock.instant());
        var changed = plan.ordered().stream()
                .filter(row -> !plan.unchanged().contains(row.code()))
                .toList();
        // Parents come before their children in the batch, so each parent's id is there when its child needs it.
        store.upsertAll(changed, now);
        // The driver sends a batch as multi-row inserts (reWriteBatchedInserts), where a parent inserted by the same
        // statement is not yet visible to its child's sub-select: link every changed row to its parent here.
        var withParent =
                changed.stream().filter(row -> row.parentCode() != null).toList();
        store.linkParents(withParent);
        var reparented = changed.stream()
                .filter(row -> {
                    var existing = plan.existing().get(row.code());
                    return existing == null || !Objects.equals(existing.parentCode(), row.parentCode());
                })
                .map(OrganisationRow::code)
                .toArray(String[]::new);
        store.recordParentChanges(reparented, now, user.username());
        store.recomputePaths();
        var report = plan.report();
        audit.record(new AuditEntry(
                user.username(),
                "organisation.import",
                "organisation-file",
                fileName,
                clientAddress,
                "rows=" + report.rows() + " created=" + report.created() + " updated=" + report.updated() + " moved="
                        + report.moved() + " unchanged=" + report.unchanged()));
        return report;
    }

    record Existing(long id, @Nullable String parentCode, String path, OrganisationRow row) {}

    private record Plan(
            ImportReport report,
            List<OrganisationRow> ordered,
            Map<String, Existing> existing,
            java.util.Set<String> unchanged) {}

    private Plan plan(ParsedOrganisationFile parsed, String fileName) {
        var problems = new ArrayList<>(parsed.problems());
        var scope = organisations.adminScope();
        var existing = store.existingByCode();
        var rows = parsed.rows();
        var rowNumbers = new HashMap<String, Integer>();
        for (int i = 0; i < rows.size(); i++) {
            rowNumbers.put(rows.get(i).code(), parsed.rowNumbers().get(i));
        }
        var inFile = new HashMap<String, OrganisationRow>();
        rows.forEach(r -> inFile.put(r.code(), r));

        for (var row : rows) {
            int line = rowNumbers.get(row.code());
            var current = existing.get(row.code());
            if (current != null && !scope.includes(current.id(), current.path())) {
                problems.add(ImportProblem.of(line, "code", "out-of-scope", row.code()));
                continue;
            }
            var parentCode = row.parentCode();
            if (parentCode == null) {
                if (!scope.everything()) {
                    problems.add(ImportProblem.of(line, "parent_code", "root-not-allowed"));
                }
                continue;
            }
            if (!inFile.containsKey(parentCode)) {
                var parent = existing.get(parentCode);
                if (parent == null) {
                    problems.add(ImportProblem.of(line, "parent_code", "unknown-parent", parentCode));
                } else if (!scope.includes(parent.id(), parent.path())) {
                    problems.add(ImportProblem.of(line, "parent_code", "out-of-scope", parentCode));
                }
            }
        }

        // The tree as it would be after the import: the database's parents, overridden by the file's.
        var finalParent = new HashMap<String, String>();
        existing.forEach((code, e) -> finalParent.put(code, e.parentCode()));
        rows.forEach(r -> finalParent.put(r.code(), r.parentCode()));
        var depth = new HashMap<String, Integer>();
        for (var row : rows) {
            var seen = new HashSet<String>();
            String code = row.code();
            int steps = 0;
            while (code != null && seen.add(code)) {
                code = finalParent.get(code);
                steps++;
            }
            if (code != null) {
                problems.add(ImportProblem.of(rowNumbers.get(row.code()), "parent_code", "cycle", row.parentCode()));
            }
            depth.put(row.code(), steps);
        }
        problems.sort(Comparator.comparingInt(ImportProblem::row));

        int created = 0;
        int updated = 0;
        int moved = 0;
        var unchanged = new HashSet<String>();
        for (var row : rows) {
            var current = existing.get(row.code());
            if (current == null) {
                created++;
            } else if (!Objects.equals(current.parentCode(), row.parentCode())) {
                moved++;
            } else if (!current.row().equals(row)) {
                updated++;
            } else {
                unchanged.add(row.code());
            }
        }
        var ordered = rows.stream()
                .sorted(Comparator.comparingInt(r -> depth.getOrDefault(r.code(), 0)))
                .toList();
        var report = new ImportReport(
                fileName, rows.size() + parsed.rejectedRows(), problems, created, updated, moved, unchanged.size());
        return new Plan(report, ordered, existing, unchanged);
    }

    static String searchText(OrganisationRow row) {
        return TextFolding.fold(row.code() + " " + row.nameVi() + " " + row.nameEn());
    }
}
