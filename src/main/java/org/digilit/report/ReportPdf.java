package org.digilit.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.digilit.base.PdfFont;
import org.digilit.organisation.Metric;
import org.jspecify.annotations.Nullable;

/**
 * Draws a report as a PDF: A4 landscape; the title, quarter, audience and where the figures come from; a bar chart of
 * completion against headcount per organisation, weakest first, with each target as a marker (vectors, sharp on any
 * printer); then the table of every row and the total, its header repeated on each page; page numbers at the foot.
 *
 * <p>Fonts are DejaVu Sans and Sans Bold through {@link PdfFont}, as on the activation slips and certificates: they
 * cover Vietnamese (text is composed to NFC first); a character they lack prints as {@code ?}.
 */
final class ReportPdf {

    private static final float MM = 72f / 25.4f;
    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 12 * MM;
    private static final float LEFT = MARGIN;
    private static final float RIGHT = PAGE.getWidth() - MARGIN;
    private static final float TOP = PAGE.getHeight() - MARGIN;
    private static final float BOTTOM = MARGIN + 8 * MM; // room for the page footer

    private static final float TITLE_SIZE = 15f;
    private static final float HEADING_SIZE = 10.5f;
    private static final float TEXT_SIZE = 8.5f;
    private static final float TABLE_SIZE = 7.5f;
    private static final float FOOTER_SIZE = 7f;

    private static final float BAR_ROW = 13f;
    private static final float BAR_HEIGHT = 8f;
    private static final float BAR_LABEL_WIDTH = 200f;
    private static final float BAR_VALUE_WIDTH = 120f;

    private static final float TABLE_ROW = 12f;
    private static final float NAME_WIDTH = 150f;
    private static final float CODE_WIDTH = 66f;
    private static final float STATUS_WIDTH = 96f;

    private static final float[] GREY_TEXT = {0.33f, 0.33f, 0.33f};
    private static final float[] RULE = {0.75f, 0.75f, 0.75f};
    private static final float[] SHADE = {0.95f, 0.96f, 0.97f};
    private static final float[] HEADER_FILL = {0.87f, 0.91f, 0.95f};
    private static final float[] MARKER = {0.1f, 0.1f, 0.1f};
    private static final float[] NO_TARGET = {0.04f, 0.36f, 0.67f};

    private ReportPdf() {}

    static float[] colour(@Nullable TargetStatus status) {
        if (status == null) {
            return NO_TARGET;
        }
        return switch (status) {
            case MET -> new float[] {0.16f, 0.48f, 0.22f};
            case AT_RISK -> new float[] {0.80f, 0.50f, 0.02f};
            case BEHIND -> new float[] {0.72f, 0.15f, 0.10f};
        };
    }

    /** Darker than the bars: small text in these colours keeps a 4.5:1 contrast on white. */
    static float[] textColour(TargetStatus status) {
        return switch (status) {
            case MET -> new float[] {0.12f, 0.42f, 0.18f};
            case AT_RISK -> new float[] {0.54f, 0.29f, 0.0f};
            case BEHIND -> new float[] {0.63f, 0.14f, 0.11f};
        };
    }

    static byte[] render(Report report, ReportLabels labels) {
        return render(report, labels, java.util.Map.of());
    }

    /** The report, with device recipients against the others (issue #18) when {@code compared} has lines. */
    static byte[] render(Report report, ReportLabels labels, java.util.Map<Long, RecipientComparison> compared) {
        try (var document = new PDDocument()) {
            var title = labels.title(report);
            document.getDocumentInformation().setTitle(title);
            document.getDocumentInformation().setCreator("DigiLit");
            var drawing = new Drawing(
                    document, PdfFont.load(document, PdfFont.REGULAR), PdfFont.load(document, PdfFont.BOLD));
            drawing.header(report, labels, title);
            drawing.chart(report, labels);
            drawing.table(report, labels);
            drawing.bySource(report, labels);
            drawing.recipients(report, labels, compared);
            drawing.finish(labels, title);
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scale's maxima, as on the dashboard's chart: four round marks each. */
    private static final int[] NICE_MAXIMA = {2, 4, 8, 12, 20, 40, 60, 80, 100};

    /** The largest value shown on a bar chart's scale: a round number at or above every value and target. */
    static BigDecimal scaleMaximum(List<ReportRow> rows) {
        var largest = BigDecimal.ZERO;
        for (var row : rows) {
            var value = row.figures().completionOfHeadcount();
            if (value != null) {
                largest = largest.max(value);
            }
            var target = row.target(Metric.COURSE_COMPLETION)
                    .map(TargetCheck::target)
                    .orElse(null);
            if (target != null) {
                largest = largest.max(target);
            }
        }
        for (int maximum : NICE_MAXIMA) {
            if (largest.compareTo(BigDecimal.valueOf(maximum)) <= 0) {
                return BigDecimal.valueOf(maximum);
            }
        }
        return BigDecimal.valueOf(100);
    }

    /** The pages as they are drawn, top to bottom, with a new page when one is full. */
    private static final class Drawing {

        private final PDDocument document;
        private final PdfFont regular;
        private final PdfFont bold;
        private PDPageContentStream stream;
        private float y;

        Drawing(PDDocument document, PdfFont regular, PdfFont bold) throws IOException {
            this.document = document;
            this.regular = regular;
            this.bold = bold;
            this.stream = newPage();
        }

        private PDPageContentStream newPage() throws IOException {
            var page = new PDPage(PAGE);
            document.addPage(page);
            y = TOP;
            return new PDPageContentStream(document, page);
        }

        /** Moves to a new page unless {@code height} still fits on this one; true when it did. */
        private boolean room(float height) throws IOException {
            if (y - height >= BOTTOM) {
                return false;
            }
            stream.close();
            stream = newPage();
            return true;
        }

        void header(Report report, ReportLabels labels, String title) throws IOException {
            y -= TITLE_SIZE;
            text(bold, TITLE_SIZE, null, LEFT, y, fit(bold, title, TITLE_SIZE, RIGHT - LEFT));
            y -= TEXT_SIZE * 2f;
            var subtitle = labels.text(
                    "report.export.subtitle", labels.quarter(report.quarter()), labels.audience(report.audience()));
            text(regular, TEXT_SIZE + 1, null, LEFT, y, fit(regular, subtitle, TEXT_SIZE + 1, RIGHT - LEFT));
            for (var line : wrap(regular, labels.sourceWithVersions(report), TEXT_SIZE, RIGHT - LEFT, 3)) {
                y -= TEXT_SIZE * 1.4f;
                text(regular, TEXT_SIZE, GREY_TEXT, LEFT, y, line);
            }
            y -= TEXT_SIZE;
        }

        void chart(Report report, ReportLabels labels) throws IOException {
            var rows = report.weakestFirst();
            heading(labels.text("report.chart.bars"));
            if (rows.isEmpty()) {
                y -= TEXT_SIZE * 1.6f;
                text(regular, TEXT_SIZE, GREY_TEXT, LEFT, y, regular.printable(labels.text("report.empty")));
                y -= TEXT_SIZE;
                return;
            }
            var maximum = scaleMaximum(rows);
            float laneLeft = LEFT + BAR_LABEL_WIDTH;
            float laneRight = RIGHT - BAR_VALUE_WIDTH;
            scale(labels, maximum, laneLeft, laneRight);
            for (var row : rows) {
                if (room(BAR_ROW)) {
                    scale(labels, maximum, laneLeft, laneRight);
                }
                y -= BAR_ROW;
                float middle = y + BAR_ROW / 2f;
                text(
                        regular,
                        TEXT_SIZE,
                        null,
                        LEFT,
                        middle - TEXT_SIZE * 0.35f,
                        fit(regular, labels.name(row), TEXT_SIZE, BAR_LABEL_WIDTH - 6f));
                var check = row.target(Metric.COURSE_COMPLETION);
                var value = row.figures().completionOfHeadcount();
                float width = value == null ? 0f : share(value, maximum) * (laneRight - laneLeft);
                if (value != null) {
                    fill(
                            colour(check.map(TargetCheck::status).orElse(null)),
                            laneLeft,
                            middle - BAR_HEIGHT / 2f,
                            Math.max(width, 0.8f),
                            BAR_HEIGHT);
                }
                var target = check.map(TargetCheck::target).orElse(null);
                if (target != null) {
                    float x = laneLeft + share(target, maximum) * (laneRight - laneLeft);
                    stream.setStrokingColor(MARKER[0], MARKER[1], MARKER[2]);
                    stream.setLineWidth(1.6f);
                    stream.moveTo(x, middle - BAR_HEIGHT / 2f - 2.5f);
                    stream.lineTo(x, middle + BAR_HEIGHT / 2f + 2.5f);
                    stream.stroke();
                }
                var valueText = target == null
                        ? labels.percent(value)
                        : labels.text("report.chart.value-target", labels.percent(value), labels.percent(target));
                text(
                        regular,
                        TEXT_SIZE,
                        null,
                        laneRight + 6f,
                        middle - TEXT_SIZE * 0.35f,
                        fit(regular, valueText, TEXT_SIZE, BAR_VALUE_WIDTH - 6f));
            }
            y -= TEXT_SIZE * 1.6f;
            legend(labels);
            y -= TEXT_SIZE;
        }

        /** The scale above the bars: 0, a quarter, half, three quarters and the maximum, with faint lines. */
        private void scale(ReportLabels labels, BigDecimal maximum, float laneLeft, float laneRight)
                throws IOException {
            y -= TEXT_SIZE * 1.5f;
            for (int i = 0; i <= 4; i++) {
                float x = laneLeft + (laneRight - laneLeft) * i / 4f;
                var tick = maximum.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(4));
                var label = regular.printable(labels.scale(tick));
                float w = regular.width(label, TABLE_SIZE);
                text(regular, TABLE_SIZE, GREY_TEXT, x - w / 2f, y, label);
            }
            y -= 3f;
        }

        private void legend(ReportLabels labels) throws IOException {
            float x = LEFT;
            for (var status : TargetStatus.values()) {
                fill(colour(status), x, y, 8f, 7f);
                var label = regular.printable(labels.status(status));
                text(regular, TABLE_SIZE, null, x + 11f, y + 0.5f, label);
                x += 11f + regular.width(label, TABLE_SIZE) + 14f;
            }
            fill(NO_TARGET, x, y, 8f, 7f);
            var none = regular.printable(labels.text("report.chart.no-target"));
            text(regular, TABLE_SIZE, null, x + 11f, y + 0.5f, none);
            x += 11f + regular.width(none, TABLE_SIZE) + 14f;
            stream.setStrokingColor(MARKER[0], MARKER[1], MARKER[2]);
            stream.setLineWidth(1.6f);
            stream.moveTo(x + 3f, y - 2f);
            stream.lineTo(x + 3f, y + 9f);
            stream.stroke();
            text(regular, TABLE_SIZE, null, x + 9f, y + 0.5f, regular.printable(labels.text("report.chart.target")));
        }

        void table(Report report, ReportLabels labels) throws IOException {
            var columns = ReportExport.COLUMNS.stream()
                    .filter(ReportExport.Column::printed)
                    .toList();
            var widths = new float[columns.size()];
            float fixed = NAME_WIDTH + CODE_WIDTH + STATUS_WIDTH;
            float numeric = (RIGHT - LEFT - fixed) / (columns.size() - 3);
            for (int c = 0; c < columns.size(); c++) {
                widths[c] = c == 0
                        ? CODE_WIDTH
                        : c == ReportExport.NAME_COLUMN ? NAME_WIDTH : c == columns.size() - 1 ? STATUS_WIDTH : numeric;
            }
            var headers = new ArrayList<List<String>>();
            int headerLines = 1;
            for (int c = 0; c < columns.size(); c++) {
                var lines = wrap(bold, labels.text(columns.get(c).key()), TABLE_SIZE, widths[c] - 4f, 3);
                headers.add(lines);
                headerLines = Math.max(headerLines, lines.size());
            }
            float headerHeight = headerLines * TABLE_SIZE * 1.2f + 5f;
            if (y - HEADING_SIZE * 2 - headerHeight - 3 * TABLE_ROW < BOTTOM) {
                room(Float.MAX_VALUE);
            }
            heading(labels.text("report.table"));
            tableHeader(headers, widths, headerHeight);
            int index = 0;
            for (var row : ReportExport.rowsWithTotal(report)) {
                if (room(TABLE_ROW)) {
                    tableHeader(headers, widths, headerHeight);
                }
                boolean total = row == report.total();
                y -= TABLE_ROW;
                if (index++ % 2 == 1 && !total) {
                    fill(SHADE, LEFT, y, RIGHT - LEFT, TABLE_ROW);
                }
                if (total) {
                    stream.setStrokingColor(0.2f, 0.2f, 0.2f);
                    stream.setLineWidth(0.8f);
                    stream.moveTo(LEFT, y + TABLE_ROW);
                    stream.lineTo(RIGHT, y + TABLE_ROW);
                    stream.stroke();
                }
                var face = total ? bold : regular;
                float x = LEFT;
                for (int c = 0; c < columns.size(); c++) {
                    var column = columns.get(c);
                    var value = c == ReportExport.NAME_COLUMN
                            ? ReportExport.name(row, report, labels)
                            : column.value().apply(row);
                    var cell = fit(face, cell(column.kind(), value, labels), TABLE_SIZE, widths[c] - 4f);
                    float baseline = y + (TABLE_ROW - TABLE_SIZE) / 2f + 1.5f;
                    if (column.kind() == ReportExport.Kind.TEXT) {
                        float[] colour =
                                c == columns.size() - 1 && value instanceof TargetStatus s ? textColour(s) : null;
                        text(face, TABLE_SIZE, colour, x + 2f, baseline, cell);
                    } else {
                        text(face, TABLE_SIZE, null, x + widths[c] - 2f - face.width(cell, TABLE_SIZE), baseline, cell);
                    }
                    x += widths[c];
                }
            }
        }

        /**
         * The people who completed, split by where they completed (issue #17: DigiLit online, in person, each other
         * platform), one line per row of the main table and the total; each person is in one source, so a line adds
         * up to its "completed". Nothing when no line has a completion.
         */
        void bySource(Report report, ReportLabels labels) throws IOException {
            var sources = report.sources();
            if (sources.isEmpty()) {
                return;
            }
            var keys = new ArrayList<String>();
            keys.add(labels.text("report.column.code"));
            keys.add(labels.text("report.column.organisation"));
            keys.add(labels.text("report.column.completed"));
            sources.forEach(source -> keys.add(labels.completionSource(source)));
            codeNameTable(
                    labels.text("report.by-source.title"), keys, ReportExport.rowsWithTotal(report), report, row -> {
                        var cells = new ArrayList<String>();
                        cells.add(row.code());
                        cells.add(ReportExport.name(row, report, labels));
                        cells.add(labels.number(row.figures().completed()));
                        sources.forEach(source -> cells.add(labels.number(row.completedBy(source))));
                        return cells;
                    });
        }

        /**
         * Device recipients against the others (issue #18): per line, the recipients and how many completed (in
         * percent), then the others likewise. Nothing when nobody of the report received a device.
         */
        void recipients(Report report, ReportLabels labels, java.util.Map<Long, RecipientComparison> compared)
                throws IOException {
            var lines = ReportExport.rowsWithTotal(report);
            if (lines.stream()
                    .allMatch(r -> compared.getOrDefault(r.organisationId(), RecipientComparison.NONE)
                                    .recipients()
                            == 0)) {
                return;
            }
            var keys = List.of(
                    labels.text("report.column.code"),
                    labels.text("report.column.organisation"),
                    labels.text("report.column.device-recipients"),
                    labels.text("report.column.device-recipients-completion"),
                    labels.text("report.column.device-others"),
                    labels.text("report.column.device-others-completion"));
            codeNameTable(labels.text("report.devices.title"), keys, lines, report, row -> {
                var line = compared.getOrDefault(row.organisationId(), RecipientComparison.NONE);
                return List.of(
                        row.code(),
                        ReportExport.name(row, report, labels),
                        labels.number(line.recipients()),
                        labels.percent(line.recipientsRate()),
                        labels.number(line.others()),
                        labels.percent(line.othersRate()));
            });
        }

        /**
         * A table under its own heading: code and name, then numbers (right-aligned) in equal columns; the header
         * repeats on each new page, every other line is shaded, the total line is bold.
         */
        private void codeNameTable(
                String title,
                List<String> keys,
                List<ReportRow> lines,
                Report report,
                java.util.function.Function<ReportRow, List<String>> cellsOf)
                throws IOException {
            int columns = keys.size();
            var widths = new float[columns];
            float numeric = (RIGHT - LEFT - CODE_WIDTH - NAME_WIDTH) / (columns - 2);
            for (int c = 0; c < columns; c++) {
                widths[c] = c == 0 ? CODE_WIDTH : c == 1 ? NAME_WIDTH : numeric;
            }
            var headers = new ArrayList<List<String>>();
            int headerLines = 1;
            for (int c = 0; c < columns; c++) {
                var wrapped = wrap(bold, keys.get(c), TABLE_SIZE, widths[c] - 4f, 3);
                headers.add(wrapped);
                headerLines = Math.max(headerLines, wrapped.size());
            }
            float headerHeight = headerLines * TABLE_SIZE * 1.2f + 5f;
            if (y - HEADING_SIZE * 2 - headerHeight - 3 * TABLE_ROW < BOTTOM) {
                room(Float.MAX_VALUE);
            }
            y -= TEXT_SIZE;
            heading(title);
            tableHeader(headers, widths, headerHeight);
            int index = 0;
            for (var row : lines) {
                if (room(TABLE_ROW)) {
                    tableHeader(headers, widths, headerHeight);
                }
                boolean total = row == report.total();
                y -= TABLE_ROW;
                if (index++ % 2 == 1 && !total) {
                    fill(SHADE, LEFT, y, RIGHT - LEFT, TABLE_ROW);
                }
                var face = total ? bold : regular;
                var cells = cellsOf.apply(row);
                float baseline = y + (TABLE_ROW - TABLE_SIZE) / 2f + 1.5f;
                float x = LEFT;
                for (int c = 0; c < columns; c++) {
                    var cell = fit(face, cells.get(c), TABLE_SIZE, widths[c] - 4f);
                    if (c < 2) {
                        text(face, TABLE_SIZE, null, x + 2f, baseline, cell);
                    } else {
                        text(face, TABLE_SIZE, null, x + widths[c] - 2f - face.width(cell, TABLE_SIZE), baseline, cell);
                    }
                    x += widths[c];
                }
            }
        }

        private static String cell(ReportExport.Kind kind, @Nullable Object value, ReportLabels labels) {
            if (value == null) {
                return kind == ReportExport.Kind.TEXT ? "" : ReportLabels.NO_VALUE;
            }
            return switch (kind) {
                case TEXT -> ReportExport.text(value, labels);
                case COUNT -> labels.number(((Number) value).longValue());
                case PERCENT -> labels.percent((BigDecimal) value);
                case POINTS -> labels.points((BigDecimal) value);
            };
        }

        private void tableHeader(List<List<String>> headers, float[] widths, float height) throws IOException {
            y -= height;
            fill(HEADER_FILL, LEFT, y, RIGHT - LEFT, height);
            float x = LEFT;
            for (int c = 0; c < headers.size(); c++) {
                float baseline = y + height - 3f - TABLE_SIZE;
                for (var line : headers.get(c)) {
                    boolean numeric = c != 0 && c != ReportExport.NAME_COLUMN && c != headers.size() - 1;
                    float lineX = numeric ? x + widths[c] - 2f - bold.width(line, TABLE_SIZE) : x + 2f;
                    text(bold, TABLE_SIZE, null, lineX, baseline, line);
                    baseline -= TABLE_SIZE * 1.2f;
                }
                x += widths[c];
            }
        }

        private void heading(String title) throws IOException {
            room(HEADING_SIZE * 2 + BAR_ROW * 2);
            y -= HEADING_SIZE * 1.8f;
            text(bold, HEADING_SIZE, null, LEFT, y, fit(bold, title, HEADING_SIZE, RIGHT - LEFT));
            y -= 4f;
        }

        /** Closes the last page and numbers every page: "Page 2 of 5" on the right, the title on the left. */
        void finish(ReportLabels labels, String title) throws IOException {
            stream.close();
            int count = document.getNumberOfPages();
            for (int i = 0; i < count; i++) {
                try (var footer =
                        new PDPageContentStream(document, document.getPage(i), AppendMode.APPEND, true, true)) {
                    stream = footer;
                    float baseline = MARGIN;
                    stream.setStrokingColor(RULE[0], RULE[1], RULE[2]);
                    stream.setLineWidth(0.5f);
                    stream.moveTo(LEFT, baseline + FOOTER_SIZE + 3f);
                    stream.lineTo(RIGHT, baseline + FOOTER_SIZE + 3f);
                    stream.stroke();
                    var number = regular.printable(labels.text("report.export.page", i + 1, count));
                    float width = regular.width(number, FOOTER_SIZE);
                    text(
                            regular,
                            FOOTER_SIZE,
                            GREY_TEXT,
                            LEFT,
                            baseline,
                            fit(regular, "DigiLit · " + title, FOOTER_SIZE, RIGHT - LEFT - width - 20f));
                    text(regular, FOOTER_SIZE, GREY_TEXT, RIGHT - width, baseline, number);
                }
            }
        }

        private void fill(float[] colour, float x, float bottom, float width, float height) throws IOException {
            stream.setNonStrokingColor(colour[0], colour[1], colour[2]);
            stream.addRect(x, bottom, width, height);
            stream.fill();
        }

        /** Draws text already made printable (by {@link PdfFont#fit}, {@link PdfFont#wrap} or {@link PdfFont#printable}). */
        private void text(
                PdfFont face, float size, float @Nullable [] colour, float x, float baseline, String printable)
                throws IOException {
            if (printable.isEmpty()) {
                return;
            }
            var c = colour == null ? new float[] {0f, 0f, 0f} : colour;
            stream.setNonStrokingColor(c[0], c[1], c[2]);
            stream.beginText();
            stream.setFont(face.font(), size);
            stream.newLineAtOffset(x, baseline);
            stream.showText(printable);
            stream.endText();
        }
    }

    /** The text made printable by the font, cut with an ellipsis where it would be wider than {@code maxWidth}. */
    private static String fit(PdfFont font, String text, float size, float maxWidth) throws IOException {
        return font.fit(font.printable(text), size, maxWidth);
    }

    /** The text made printable by the font, wrapped into at most {@code maxLines} lines. */
    private static List<String> wrap(PdfFont font, String text, float size, float maxWidth, int maxLines)
            throws IOException {
        return font.wrap(font.printable(text), size, maxWidth, maxLines);
    }

    private static float share(BigDecimal value, BigDecimal maximum) {
        if (maximum.signum() <= 0) {
            return 0f;
        }
        return Math.min(1f, Math.max(0f, value.floatValue() / maximum.floatValue()));
    }
}
