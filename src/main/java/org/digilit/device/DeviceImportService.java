package org.digilit.device;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.base.ImportHeader;
import org.digilit.base.ImportProblem;
import org.digilit.base.TabularFileReader;
import org.digilit.organisation.OrganisationRef;
import org.digilit.organisation.OrganisationService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A programme's purchased devices imported by file (CSV or XLSX through the shared streaming reader): serial number or
 * IMEI, kind, model, batch and storage point (an organisation code flagged as a storage point in the user's scope).
 * The check writes nothing; apply writes all or nothing in one transaction. A serial twice in the file, or already
 * registered with other details, is refused; a row already registered as it is changes nothing (re-importing the same
 * file is idempotent). Each new device is received at its point: an event and a signed ledger entry.
 */
@Service
public class DeviceImportService {

    public static final long MAX_BYTES = 64L * 1024 * 1024;
    public static final int MAX_PROBLEMS = 1_000;
    private static final int BATCH = 1_000;
    private static final Pattern SERIAL = Pattern.compile("[A-Z0-9][A-Z0-9./_-]{3,63}");

    enum Column implements ImportHeader.Column {
        SERIAL,
        KIND,
        @ImportHeader.Optional
        MODEL,
        @ImportHeader.Optional
        BATCH,
        STORAGE_POINT;
    }

    private final ImportStore store;
    private final DeviceScope scope;
    private final OrganisationService organisations;
    private final DeviceLedger ledger;
    private final AuditService audit;
    private final Clock clock;

    DeviceImportService(
            ImportStore store,
            DeviceScope scope,
            OrganisationService organisations,
            DeviceLedger ledger,
            AuditService audit,
            Clock clock) {
        this.store = store;
        this.scope = scope;
        this.organisations = organisations;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks a file; writes nothing. */
    @Transactional(readOnly = true)
    public DeviceImportReport check(InputStream in, String fileName) {
        return run(in, fileName, false);
    }

    /** Applies a file, all or nothing: a file with any problem is not applied (the report says why). */
    @Transactional
    public DeviceImportReport apply(InputStream in, String fileName) {
        var report = run(in, fileName, true);
        if (!report.problems().isEmpty()) {
            throw new DeviceImportRejectedException(report);
        }
        audit.record(new AuditEntry(
                scope.user().username(),
                "device.supply-imported",
                "device-import",
                fileName,
                null,
                report.created() + " new, " + report.unchanged() + " unchanged"));
        return report;
    }

    private DeviceImportReport run(InputStream in, String fileName, boolean write) {
        var user = scope.user();
        var acting = scope.acting();
        if (acting.isEmpty()) {
            throw new org.digilit.organisation.OutOfScopeException();
        }
        var storagePoints = new HashMap<String, OrganisationRef>();
        for (var point : store.storagePoints()) {
            organisations
                    .reference(point)
                    .filter(o -> acting.includes(o.id(), o.path()))
                    .ifPresent(o -> storagePoints.put(o.code().toUpperCase(Locale.ROOT), o));
        }
        var sink = new Sink(storagePoints, write, user.username());
        TabularFileReader.read(in, fileName, MAX_BYTES, sink);
        sink.flush();
        return new DeviceImportReport(sink.rows, sink.created, sink.unchanged, sink.problems, write);
    }

    /** A valid row, waiting in a batch for the database's answer on its serial. */
    record Row(
            int row,
            String serial,
            DeviceKind kind,
            @Nullable String model,
            @Nullable String batch,
            OrganisationRef point) {}

    private final class Sink implements TabularFileReader.RecordSink {

        final Map<String, OrganisationRef> points;
        final boolean write;
        final String user;
        final List<ImportProblem> problems = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final List<Row> batch = new ArrayList<>();
        Map<Column, Integer> columns;
        int rows;
        int created;
        int unchanged;

        Sink(Map<String, OrganisationRef> points, boolean write, String user) {
            this.points = points;
            this.write = write;
            this.user = user;
        }

        @Override
        public void record(int row, List<String> cells, boolean fixedWidth) {
            if (columns == null) {
                columns = ImportHeader.read(row, cells, Column.class, problems::add);
                if (columns.isEmpty()) {
                    columns = Map.of();
                }
                return;
            }
            if (columns.isEmpty() || TabularFileReader.isBlank(cells)) {
                return;
            }
            rows++;
            var serial = cell(cells, Column.SERIAL).toUpperCase(Locale.ROOT).replace(" ", "");
            var kindText = cell(cells, Column.KIND).toUpperCase(Locale.ROOT);
            var pointCode = cell(cells, Column.STORAGE_POINT).toUpperCase(Locale.ROOT);
            var model = cell(cells, Column.MODEL);
            var batchName = cell(cells, Column.BATCH);
            boolean ok = true;
            if (!SERIAL.matcher(serial).matches()) {
                problems.add(ImportProblem.of(row, "serial", "device-serial", ImportProblem.excerpt(serial)));
                ok = false;
            } else if (!seen.add(serial)) {
                problems.add(ImportProblem.of(row, "serial", "device-serial-duplicate", serial));
                ok = false;
            }
            DeviceKind kind = null;
            try {
                kind = DeviceKind.valueOf(kindText);
            } catch (IllegalArgumentException e) {
                problems.add(ImportProblem.of(row, "kind", "device-kind", ImportProblem.excerpt(kindText)));
                ok = false;
            }
            var point = points.get(pointCode);
            if (point == null) {
                problems.add(ImportProblem.of(
                        row, "storage_point", "device-storage-point", ImportProblem.excerpt(pointCode)));
                ok = false;
            }
            if (model.length() > 200 || batchName.length() > 100) {
                problems.add(ImportProblem.of(row, "", "device-too-long"));
                ok = false;
            }
            if (ok) {
                batch.add(new Row(
                        row,
                        serial,
                        kind,
                        model.isEmpty() ? null : model,
                        batchName.isEmpty() ? null : batchName,
                        point));
                if (batch.size() >= BATCH) {
                    flush();
                }
            }
        }

        /** Asks the database about the batch's serials; writes the new ones when applying and the file is clean. */
        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            var existing = store.existing(batch.stream().map(Row::serial).toList());
            var fresh = new ArrayList<Row>();
            for (var row : batch) {
                var known = existing.get(row.serial());
                if (known == null) {
                    fresh.add(row);
                } else if (known.sameAs(row)) {
                    unchanged++;
                } else {
                    problems.add(ImportProblem.of(row.row(), "serial", "device-serial-taken", row.serial()));
                }
            }
            created += fresh.size();
            if (write && problems.isEmpty()) {
                var now = clock.instant();
                var codes = store.insertSupply(fresh, user, now);
                var events = new ArrayList<LedgerEvent>(fresh.size());
                for (int i = 0; i < fresh.size(); i++) {
                    var row = fresh.get(i);
                    events.add(new LedgerEvent(
                            now,
                            codes.get(i),
                            row.kind(),
                            DeviceStage.RECEIVED,
                            row.point().id(),
                            null));
                }
                ledger.publish(events);
            }
            batch.clear();
        }

        private String cell(List<String> cells, Column column) {
            var index = columns.get(column);
            return index == null || index >= cells.size() ? "" : TabularFileReader.clean(cells.get(index));
        }

        @Override
        public boolean done() {
            return problems.size() >= MAX_PROBLEMS;
        }

        @Override
        public void fail(String code, String... arguments) {
            problems.add(ImportProblem.of(0, "", code, arguments));
        }

        @Override
        public void unreadable(int row) {
            problems.add(ImportProblem.of(row, "", "unreadable-file"));
        }
    }
}
