package org.digilit.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.digilit.audit.AuditService;
import org.digilit.audit.AuditService.AuditEntry;
import org.digilit.base.Audience;
import org.digilit.base.SpreadsheetText;
import org.digilit.organisation.Metric;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A report as a file to take away: CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Vietnamese right;
 * plain numbers with a decimal point, for machines), XLSX (numbers as numbers, rates as percentages) or PDF (A4
 * landscape: the bar chart and the table, with page numbers). Every file holds the report as shown, weakest first,
 * then its total; figures and organisation names only, never an identity number or a username (not even who took a
 * snapshot). Every export is audited: who, which scope, quarter, audience and format, from which address. The
 * reasons: docs/decisions/DD006-20261123-report-charts-and-exports.md.
 */
@Service
public class ReportExport {

    /** The formats on offer, with their file extension and media type. */
    public enum Format {
        CSV("csv", "text/csv;charset=UTF-8"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        PDF("pdf", "application/pdf");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        public String extension() {
            return extension;
        }

        public String contentType() {
            return contentType;
        }
    }

    /** An exported file: its name (digilit-report-P01-C001-2026-Q3-citizen.xlsx), media type and bytes. */
    public record ExportedFile(String fileName, String contentType, byte[] content) {}

    /** What a column shows of a row; its header is the translation of {@code key}. */
    enum Kind {
        TEXT,
        COUNT,
        PERCENT,
        POINTS
    }

    /** {@code printed}: the PDF shows it too (the PDF has the dashboard's columns; CSV and XLSX have them all). */
    record Column(
            String key,
            Kind kind,
            boolean printed,
            Function<ReportRow, @Nullable Object> value,
            @Nullable String source) {

        Column(String key, Kind kind, boolean printed, Function<ReportRow, @Nullable Object> value) {
            this(key, kind, printed, value, null);
        }

        /** The column's header in the reader's language (a source's column names its source). */
        String header(ReportLabels labels) {
            return source == null ? labels.text(key) : labels.text(key, labels.completionSource(source));
        }
    }

    /**
     * The columns of one report's CSV and XLSX files: {@link #COLUMNS}, with one column per completion source of the
     * report right after "completed" (issue #17; the sources add up to it, each person counted once).
     */
    static List<Column> columns(Report report) {
        var columns = new ArrayList<Column>();
        for (var column : COLUMNS) {
            columns.add(column);
            if (column.key().equals("report.column.completed")) {
                for (var source : report.sources()) {
                    columns.add(new Column(
                            "report.column.completed-source", Kind.COUNT, false, r -> r.completedBy(source), source));
                }
            }
        }
        return columns;
    }

    /**
     * {@link #columns(Report)} and, last, device recipients against the others (issue #18): recipients, and the
     * completion rate of recipients and of the others.
     */
    static List<Column> columns(Report report, Map<Long, RecipientComparison> compared) {
        var columns = new ArrayList<>(columns(report));
        Function<ReportRow, RecipientComparison> of =
                row -> compared.getOrDefault(row.organisationId(), RecipientComparison.NONE);
        columns.add(new Column(
                "report.column.device-recipients",
                Kind.COUNT,
                false,
                r -> of.apply(r).recipients()));
        columns.add(new Column(
                "report.column.device-recipients-completion",
                Kind.PERCENT,
                false,
                r -> of.apply(r).recipientsRate()));
        columns.add(new Column(
                "report.column.device-others-completion",
                Kind.PERCENT,
                false,
                r -> of.apply(r).othersRate()));
        return columns;
    }

    /** The columns of every export, in order: the dashboard's grid and the figures behind it. */
    static final List<Column> COLUMNS = List.of(
            new Column("report.column.code", Kind.TEXT, true, ReportRow::code),
            new Column("report.column.organisation", Kind.TEXT, true, r -> null), // named in the reader's language
            new Column(
                    "report.column.headcount",
                    Kind.COUNT,
                    true,
                    r -> r.figures().headcount()),
            new Column(
                    "report.column.accounts", Kind.COUNT, true, r -> r.figures().accounts()),
            new Column(
                    "report.column.coverage",
                    Kind.PERCENT,
                    true,
                    r -> r.figures().coverage()),
            new Column(
                    "report.column.activated",
                    Kind.COUNT,
                    true,
                    r -> r.figures().activated()),
            new Column(
                    "report.column.activation",
                    Kind.PERCENT,
                    false,
                    r -> r.figures().activation()),
            new Column(
                    "report.column.enrolled",
                    Kind.COUNT,
                    false,
                    r -> r.figures().enrolled()),
            new Column(
                    "report.column.completed",
                    Kind.COUNT,
                    true,
                    r -> r.figures().completed()),
            new Column(
                    "report.column.completion-headcount",
                    Kind.PERCENT,
                    true,
                    r -> r.figures().completionOfHeadcount()),
            new Column(
                    "report.column.completion-accounts",
                    Kind.PERCENT,
                    false,
                    r -> r.figures().completionOfAccounts()),
            new Column(
                    "report.column.certificates",
                    Kind.COUNT,
                    false,
                    r -> r.figures().certificates()),
            new Column(
                    "report.column.target",
                    Kind.PERCENT,
                    true,
                    r -> r.target(Metric.COURSE_COMPLETION)
                            .map(TargetCheck::target)
                            .orElse(null)),
            new Column(
                    "report.column.gap",
                    Kind.POINTS,
                    true,
                    r -> r.target(Metric.COURSE_COMPLETION)
                            .map(TargetCheck::gap)
                            .orElse(null)),
            new Column(
                    "report.column.status",
                    Kind.TEXT,
                    true,
                    r -> r.target(Metric.COURSE_COMPLETION)
                            .map(TargetCheck::status)
                            .orElse(null)));

    static final int NAME_COLUMN = 1;

    private final CurrentUser currentUser;
    private final AuditService audit;
    private final RecipientComparisons comparisons;

    ReportExport(CurrentUser currentUser, AuditService audit, RecipientComparisons comparisons) {
        this.currentUser = currentUser;
        this.audit = audit;
        this.comparisons = comparisons;
    }

    /**
     * The report as a file in the reader's language, audited.
     *
     * @param report a report the user was given by {@link ReportService} (which checked their scope)
     * @param clientAddress where the request came from, for the audit trail (null when unknown)
     */
    @Transactional
    public ExportedFile export(Report report, Format format, ReportLabels labels, @Nullable String clientAddress) {
        var user = currentUser.get().orElseThrow(OutOfScopeException::new);
        if (!user.has(Role.PLATFORM_ADMIN) && !user.has(Role.WORKING_GROUP) && !user.has(Role.ORG_ADMIN)) {
            throw new OutOfScopeException();
        }
        // Device recipients against the others (issue #18), per line, from the device feature's published view.
        var compared = comparisons.byRow(report);
        var content = switch (format) {
            case CSV -> csv(report, labels, columns(report, compared));
            case XLSX -> xlsx(report, labels, columns(report, compared));
            case PDF -> ReportPdf.render(report, labels, compared);
        };
        audit.record(new AuditEntry(
                user.username(),
                "report.export",
                "report",
                scope(report),
                clientAddress,
                format.name() + " " + report.quarter() + " " + audienceCode(report.audience())));
        return new ExportedFile(fileName(report, format), format.contentType(), content);
    }

    /** digilit-report-&lt;code&gt;-2026-Q3-citizen.csv; "all" stands for a report over several tops or audiences. */
    static String fileName(Report report, Format format) {
        var code = report.total().code().isBlank() ? "all" : report.total().code();
        return "digilit-report-" + code.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + report.quarter() + "-"
                + audienceCode(report.audience()) + "." + format.extension();
    }

    /** What the report covers, for the audit trail: an organisation, a working group, or everything in scope. */
    static String scope(Report report) {
        var total = report.total();
        if (total.organisationId() > 0) {
            return "organisation " + total.code();
        }
        return total.code().isBlank() ? "all" : "working-group " + total.code();
    }

    static String audienceCode(@Nullable Audience audience) {
        return audience == null ? "all" : audience.code();
    }

    /** The rows as exported: weakest first, then the total. */
    static List<ReportRow> rowsWithTotal(Report report) {
        var rows = new ArrayList<>(report.weakestFirst());
        rows.add(report.total());
        return rows;
    }

    /** A row's name in the export; the total says it is one. */
    static String name(ReportRow row, Report report, ReportLabels labels) {
        return row == report.total() ? labels.text("report.total.of", labels.name(row)) : labels.name(row);
    }

    static String text(@Nullable Object value, ReportLabels labels) {
        if (value == null) {
            return "";
        }
        return value instanceof TargetStatus status ? labels.status(status) : value.toString();
    }

    private static byte[] csv(Report report, ReportLabels labels, List<Column> columns) {
        var out = new ByteArrayOutputStream();
        try (var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            try (var printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
                printer.printRecord(columns.stream().map(c -> c.header(labels)));
                for (var row : rowsWithTotal(report)) {
                    var record = new ArrayList<String>();
                    for (int i = 0; i < columns.size(); i++) {
                        var column = columns.get(i);
                        var value = i == NAME_COLUMN
                                ? name(row, report, labels)
                                : column.value().apply(row);
                        record.add(
                                switch (column.kind()) {
                                    case TEXT -> SpreadsheetText.inert(text(value, labels));
                                    case COUNT, PERCENT, POINTS -> value == null ? "" : plain(value);
                                });
                    }
                    printer.printRecord(record);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String plain(Object number) {
        return number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString();
    }

    private static byte[] xlsx(Report report, ReportLabels labels, List<Column> columns) {
        var out = new ByteArrayOutputStream();
        try (var workbook = new Workbook(out, "DigiLit", "1.0")) {
            var sheet = workbook.newWorksheet(sheetName(labels.quarter(report.quarter())));
            sheet.value(0, 0, labels.title(report));
            sheet.style(0, 0).bold().fontSize(14).set();
            sheet.value(1, 0, labels.sourceWithVersions(report));
            int header = 3;
            for (int c = 0; c < columns.size(); c++) {
                sheet.value(header, c, columns.get(c).header(labels));
                sheet.style(header, c).bold().wrapText(true).fillColor("DDE7F3").set();
                sheet.width(c, c == NAME_COLUMN ? 40 : c == 0 ? 16 : 13);
            }
            int r = header + 1;
            var rows = rowsWithTotal(report);
            for (var row : rows) {
                boolean total = row == report.total();
                for (int c = 0; c < columns.size(); c++) {
                    var column = columns.get(c);
                    var value = c == NAME_COLUMN
                            ? name(row, report, labels)
                            : column.value().apply(row);
                    if (value == null) {
                        continue;
                    }
                    var style = sheet.style(r, c);
                    switch (column.kind()) {
                        case TEXT -> sheet.value(r, c, text(value, labels));
                        case COUNT -> {
                            sheet.value(r, c, (Number) value);
                            style.format("#,##0");
                        }
                        case PERCENT -> {
                            // Stored as a fraction so that the cell is a real percentage: 12.5 % is 0.125.
                            sheet.value(r, c, ((BigDecimal) value).movePointLeft(2));
                            style.format("0.0%");
                        }
                        case POINTS -> {
                            sheet.value(r, c, ((BigDecimal) value).setScale(1, RoundingMode.HALF_UP));
                            style.format("0.0");
                        }
                    }
                    if (total) {
                        style.bold();
                    }
                    style.set();
                }
                r++;
            }
            sheet.freezePane(2, header + 1);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A sheet name Excel accepts: at most 31 characters, none of []:*?/\. */
    private static String sheetName(String text) {
        var name = text.replaceAll("[\\[\\]:*?/\\\\]", "-");
        return name.length() > 31 ? name.substring(0, 31) : name.isBlank() ? "Report" : name;
    }
}
