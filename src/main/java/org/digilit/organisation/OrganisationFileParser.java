package org.digilit.organisation;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jspecify.annotations.Nullable;

/**
 * Reads an organisation import file (CSV in UTF-8, or XLSX) into checked rows and problems. Never throws on bad
 * input: whatever is wrong with the file becomes an {@link ImportProblem}. Cell text is data only; formulas are never
 * evaluated (an XLSX formula cell counts by its cached value). The caller's stream is read but not closed.
 */
final class OrganisationFileParser {

    private static final int BOM_LENGTH = 3;
    private static final int SNIFF_CHARS = 64 * 1024;
    private static final long MEGABYTE = 1024L * 1024L;

    private OrganisationFileParser() {}

    static ParsedOrganisationFile parse(InputStream in, String fileName, long maxBytes) {
        String name = fileName.strip().toLowerCase(Locale.ROOT);
        boolean csv = name.endsWith(".csv");
        OrganisationRowCollector collector = new OrganisationRowCollector();
        if (!csv && !name.endsWith(".xlsx")) {
            collector.fail("unsupported-format");
            return collector.result();
        }
        LimitedInputStream limited = new LimitedInputStream(in, maxBytes);
        try {
            PushbackInputStream input = new PushbackInputStream(limited, BOM_LENGTH);
            int first = input.read();
            if (first < 0) {
                collector.fail("empty-file");
                return collector.result();
            }
            input.unread(first);
            if (csv) {
                readCsv(input, collector);
            } else {
                readXlsx(input, collector);
            }
            if (limited.exceeded()) {
                collector.fail("file-too-large", megabytes(maxBytes));
            }
        } catch (IOException | RuntimeException e) {
            if (limited.exceeded()) {
                collector.fail("file-too-large", megabytes(maxBytes));
            } else if (csv && causedBy(e, CharacterCodingException.class)) {
                collector.fail("not-utf8");
            } else {
                collector.unreadable(csv ? collector.nextRow() : 0);
            }
        }
        return collector.result();
    }

    private static void readCsv(PushbackInputStream in, OrganisationRowCollector collector) throws IOException {
        skipByteOrderMark(in);
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, utf8), SNIFF_CHARS);
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(separator(reader))
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .get();
        try (CSVParser parser = format.parse(reader)) { // closing leaves the caller's stream open
            Iterator<CSVRecord> records = parser.iterator();
            while (!collector.done() && records.hasNext()) {
                CSVRecord record = records.next();
                collector.record(Math.toIntExact(record.getRecordNumber()), record.toList(), true);
            }
        }
    }

    private static void skipByteOrderMark(PushbackInputStream in) throws IOException {
        byte[] start = in.readNBytes(BOM_LENGTH);
        boolean bom = start.length == BOM_LENGTH
                && (start[0] & 0xFF) == 0xEF
                && (start[1] & 0xFF) == 0xBB
                && (start[2] & 0xFF) == 0xBF;
        if (!bom) {
            in.unread(start);
        }
    }

    /**
     * The separator, chosen from the first non-blank line: tab if it has more tabs than commas and semicolons, else
     * semicolon if it has more semicolons than commas, else comma. The reader is reset to where it was.
     */
    private static char separator(BufferedReader reader) throws IOException {
        reader.mark(SNIFF_CHARS);
        char[] buffer = new char[SNIFF_CHARS];
        int length = reader.read(buffer, 0, SNIFF_CHARS);
        reader.reset();
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        for (int i = 0; i < length; i++) {
            char c = buffer[i];
            if ((c == '\n' || c == '\r') && commas + semicolons + tabs > 0) {
                break;
            }
            switch (c) {
                case ',' -> commas++;
                case ';' -> semicolons++;
                case '\t' -> tabs++;
                default -> {}
            }
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static void readXlsx(InputStream in, OrganisationRowCollector collector) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(in);
                Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            Iterator<Row> rows = sheet.iterator();
            while (!collector.done() && rows.hasNext()) {
                Row row = rows.next();
                List<String> cells = new ArrayList<>(row.getCellCount());
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(text(row.getCell(i)));
                }
                collector.record(row.getRowNum(), cells, false);
            }
        }
    }

    /**
     * A spreadsheet cell as text. For a formula the value is the one the spreadsheet program saved; numbers that are
     * whole print without decimals ({@code 1001.0} is {@code 1001}), others keep them and fail as numbers later.
     */
    private static String text(@Nullable Cell cell) {
        Object value = cell == null ? null : cell.getValue();
        if (value instanceof BigDecimal number) {
            BigDecimal plain = number.stripTrailingZeros();
            if (Math.abs(plain.scale()) > 30) {
                return plain.toString(); // absurd magnitudes stay in scientific notation and fail the checks
            }
            return plain.scale() <= 0 ? plain.toBigInteger().toString() : plain.toPlainString();
        }
        return value == null ? "" : value.toString();
    }

    private static String megabytes(long bytes) {
        return BigDecimal.valueOf(bytes)
                .divide(BigDecimal.valueOf(MEGABYTE), 3, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Counts the bytes read and refuses to read more than the limit; leaves the underlying stream open. */
    private static final class LimitedInputStream extends FilterInputStream {

        private final long limit;
        private long count;
        private boolean exceeded;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        boolean exceeded() {
            return exceeded;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            // the caller owns the stream
        }

        private void counted(long n) throws IOException {
            count += n;
            if (count > limit) {
                exceeded = true;
                throw new IOException("More than " + limit + " bytes");
            }
        }
    }
}
