package org.digilit.base;

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
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.jspecify.annotations.Nullable;

/**
 * Streams the records of an uploaded table, a CSV file in UTF-8 or the first sheet of an XLSX workbook, one at a time
 * into a {@link RecordSink}, so that every import (organisations, accounts) reads hostile files the same careful way and
 * none holds more than a record of a large file's text at once. Never throws on bad input: whatever is wrong with the
 * file as a whole goes to the sink as one problem code.
 *
 * <p>CSV: an optional byte order mark is skipped; the bytes must be UTF-8 ({@code not-utf8} otherwise); the
 * separator (comma, semicolon or tab) is sniffed from the first non-blank line. XLSX: formulas are never evaluated (a
 * formula cell counts by the value the spreadsheet program saved), whole numbers print without decimals
 * ({@code 1001.0} is {@code 1001}, a 12-digit number stays its 12 digits), and a number formatted as a date prints as an
 * ISO date ({@code 1990-03-05}; with a time of day, {@code 1990-03-05T08:30}). A workbook, being a ZIP archive that
 * needs random access, is held compressed in memory (at most the size limit) rather than spooled to disk, where its
 * personal data would outlive the request; its rows are still streamed.
 *
 * <p>Both formats: more bytes than the limit stop the read with {@code file-too-large}; a file that is neither
 * {@code .csv} nor {@code .xlsx} is {@code unsupported-format}; no bytes at all is {@code empty-file}; a CSV that breaks
 * down mid-way (an unclosed quote) or a workbook that cannot be opened is {@code unreadable-file}. The caller's stream is
 * read but not closed.
 *
 * <p>A workbook is checked before it is parsed, against ZIP bombs (issue #14, DD008): at most {@link
 * #MAX_ARCHIVE_ENTRIES} entries, at most {@link #MAX_UNCOMPRESSED_BYTES} once inflated, and no entry over 1 MB that
 * inflates more than {@link #MAX_COMPRESSION_RATIO} times its compressed size (Apache POI's default limit). The check
 * inflates each entry as the parser would, counting real bytes and stopping at the first limit, so sizes a crafted
 * archive declares falsely do not matter. A workbook past a limit is {@code suspicious-archive}.
 */
public final class TabularFileReader {

    /** Where the records go, and what the reader asks of it. */
    public interface RecordSink {

        /**
         * One record, blank ones included. {@code row} is the number a person sees: a spreadsheet's row number, or for
         * a CSV file the record's position (the header being 1; a quoted line break does not start a new record). With
         * {@code fixedWidth} (CSV) every record should have as many fields as the header; a spreadsheet row simply
         * ends after its last non-empty cell. Cells are as the file has them (see {@link #clean}).
         */
        void record(int row, List<String> cells, boolean fixedWidth);

        /** True once the sink wants no more records (too many problems, or the file failed as a whole). */
        boolean done();

        /** The file as a whole cannot be read; {@code code} (with its arguments) says why. */
        void fail(String code, String... arguments);

        /** Reading broke down at {@code row} (0 when the whole workbook is unreadable); the records before it stand. */
        void unreadable(int row);
    }

    /** More parts than any workbook of people or organisations has (a one-sheet workbook has about ten). */
    public static final int MAX_ARCHIVE_ENTRIES = 1_000;

    /** What a workbook may inflate to: a 300,000-row people file is about 200 MB of XML. */
    public static final long MAX_UNCOMPRESSED_BYTES = 1024L * 1024 * 1024;

    /** Inflated size over compressed size above which an entry is refused (POI's ZipSecureFile uses 1/0.01). */
    public static final int MAX_COMPRESSION_RATIO = 100;

    private static final long RATIO_FREE_BYTES = 1024L * 1024;

    private static final int BOM_LENGTH = 3;
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT));
    private static final int SNIFF_CHARS = 64 * 1024;
    private static final long MEGABYTE = 1024L * 1024L;
    /** 9999-12-31, the last day a spreadsheet can show; larger "dates" are left as numbers. */
    private static final double LAST_SPREADSHEET_DAY = 2_958_465;
    /** Built-in number formats without a format string that are dates in East Asian locales. */
    private static final int[][] EAST_ASIAN_DATE_FORMATS = {{27, 36}, {50, 58}};

    private TabularFileReader() {}

    /**
     * Reads the file into the sink, record by record, until it ends or the sink is {@link RecordSink#done() done}.
     *
     * @param fileName the uploaded file's name: {@code .csv} or {@code .xlsx}, in any case
     * @param maxBytes the most bytes the file may have
     */
    public static void read(InputStream in, String fileName, long maxBytes, RecordSink sink) {
        String name = fileName.strip().toLowerCase(Locale.ROOT);
        boolean csv = name.endsWith(".csv");
        if (!csv && !name.endsWith(".xlsx")) {
            sink.fail("unsupported-format");
            return;
        }
        LimitedInputStream limited = new LimitedInputStream(in, maxBytes);
        Forwarder rows = new Forwarder(sink);
        try {
            PushbackInputStream input = new PushbackInputStream(limited, BOM_LENGTH);
            int first = input.read();
            if (first < 0) {
                rows.fail("empty-file");
                return;
            }
            input.unread(first);
            if (csv) {
                readCsv(input, rows);
            } else {
                readXlsx(input, rows);
            }
            if (limited.exceeded()) {
                rows.fail("file-too-large", megabytes(maxBytes));
            }
        } catch (SinkFailure e) {
            throw e.getCause();
        } catch (SuspiciousArchiveException e) {
            sink.fail("suspicious-archive");
        } catch (IOException | RuntimeException e) {
            if (limited.exceeded()) {
                sink.fail("file-too-large", megabytes(maxBytes));
            } else if (csv && causedBy(e, CharacterCodingException.class)) {
                sink.fail("not-utf8");
            } else {
                sink.unreadable(csv ? rows.last + 1 : 0);
            }
        }
    }

    /**
     * A cell as checks should see it: in Unicode NFC (so the same Vietnamese letter typed two ways is the same text),
     * trimmed of white space including the no-break spaces spreadsheets leave behind, and without the leading
     * {@code '} spreadsheet users type to keep a value as text; whatever follows that mark is taken literally. Text
     * starting with {@code =}, {@code +} or {@code @} is just text: nothing here evaluates formulas.
     */
    public static String clean(@Nullable String raw) {
        if (raw == null) {
            return "";
        }
        String text = trim(Normalizer.normalize(raw, Normalizer.Form.NFC));
        return text.startsWith("'") ? text.substring(1) : text;
    }

    /**
     * A date as people write it in a table: {@code 1990-03-05}, {@code 05/03/1990} or {@code 5/3/1990} (day first);
     * null otherwise.
     */
    public static @Nullable LocalDate date(String text) {
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    /** True when every cell of a record is empty once {@link #clean cleaned}: a blank record, to be skipped. */
    public static boolean isBlank(List<String> cells) {
        for (String cell : cells) {
            if (!clean(cell).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static void readCsv(PushbackInputStream in, Forwarder sink) throws IOException {
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
            while (!sink.done() && records.hasNext()) {
                CSVRecord record = records.next();
                sink.record(Math.toIntExact(record.getRecordNumber()), record.toList(), true);
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

    private static void readXlsx(InputStream in, Forwarder sink) throws IOException {
        ReadingOptions withFormats = new ReadingOptions(true, false);
        byte[] archive = in.readAllBytes(); // within the size limit: the limited stream throws past it
        checkArchive(archive);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new java.io.ByteArrayInputStream(archive), withFormats);
                Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            Iterator<Row> rows = sheet.iterator();
            while (!sink.done() && rows.hasNext()) {
                Row row = rows.next();
                List<String> cells = new ArrayList<>(row.getCellCount());
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(text(row.getCell(i)));
                }
                sink.record(row.getRowNum(), cells, false);
            }
        }
    }

    /**
     * A spreadsheet cell as text. For a formula the value is the one the spreadsheet program saved; numbers formatted
     * as dates print as ISO dates; numbers that are whole print without decimals, others keep them and fail as numbers
     * later.
     */
    private static String text(@Nullable Cell cell) {
        Object value = cell == null ? null : cell.getValue();
        if (value instanceof BigDecimal number) {
            String date = isDate(cell) ? date(cell, number) : null;
            return date != null ? date : number(number);
        }
        return value == null ? "" : value.toString();
    }

    private static String number(BigDecimal number) {
        BigDecimal plain = number.stripTrailingZeros();
        if (Math.abs(plain.scale()) > 30) {
            return plain.toString(); // absurd magnitudes stay in scientific notation and fail the checks
        }
        return plain.scale() <= 0 ? plain.toBigInteger().toString() : plain.toPlainString();
    }

    /** The date a date-formatted number stands for, or null when it is no day a spreadsheet can show. */
    private static @Nullable String date(Cell cell, BigDecimal number) {
        double serial = number.doubleValue();
        if (!(serial >= 0 && serial < LAST_SPREADSHEET_DAY + 1)) {
            return null;
        }
        try {
            LocalDateTime moment = cell.asDate();
            if (moment == null) {
                return null;
            }
            return moment.toLocalTime().equals(LocalTime.MIDNIGHT)
                    ? moment.toLocalDate().toString()
                    : moment.toString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether the cell's number format shows a date: its format code has a year or day (time-only formats such as
     * {@code h:mm} do not count), or it is one of the built-in East Asian date formats that come without a code.
     */
    private static boolean isDate(Cell cell) {
        String format = cell.getDataFormatString();
        if (format == null) {
            Integer id = cell.getDataFormatId();
            if (id == null) {
                return false;
            }
            for (int[] range : EAST_ASIAN_DATE_FORMATS) {
                if (id >= range[0] && id <= range[1]) {
                    return true;
                }
            }
            return false;
        }
        return isDateFormat(format);
    }

    /** Whether a number format code shows a date: outside quoted text, escapes and brackets, a y or a d. */
    static boolean isDateFormat(String format) {
        boolean quoted = false;
        boolean bracketed = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (quoted) {
                quoted = c != '"';
            } else if (bracketed) {
                bracketed = c != ']';
            } else {
                switch (c) {
                    case '"' -> quoted = true;
                    case '[' -> bracketed = true;
                    case '\\', '_', '*' -> i++; // the next character is literal, spacing or fill
                    case ';' -> {
                        return false; // only the first section (positive numbers) decides
                    }
                    case 'y', 'Y', 'd', 'D' -> {
                        return true;
                    }
                    default -> {}
                }
            }
        }
        return false;
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

    /** Trims white space including the no-break spaces spreadsheets like to leave behind. */
    private static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && blank(text.charAt(start))) {
            start++;
        }
        while (end > start && blank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    /**
     * Passes records on, remembering the last row number: where a reader that broke down stopped. What the sink throws
     * (a database batch failing, say) is the sink's failure, not the file's, and goes back to the caller unchanged.
     */
    private static final class Forwarder {

        private final RecordSink sink;
        private int last;

        Forwarder(RecordSink sink) {
            this.sink = sink;
        }

        boolean done() {
            try {
                return sink.done();
            } catch (RuntimeException e) {
                throw new SinkFailure(e);
            }
        }

        void record(int row, List<String> cells, boolean fixedWidth) {
            last = row;
            try {
                sink.record(row, cells, fixedWidth);
            } catch (RuntimeException e) {
                throw new SinkFailure(e);
            }
        }

        void fail(String code, String... arguments) {
            try {
                sink.fail(code, arguments);
            } catch (RuntimeException e) {
                throw new SinkFailure(e);
            }
        }
    }

    /** Carries what the sink threw past the handlers meant for the file's own failures. */
    private static final class SinkFailure extends RuntimeException {

        SinkFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    /** A workbook past one of the ZIP limits; nothing of it is parsed. */
    static final class SuspiciousArchiveException extends IOException {
        SuspiciousArchiveException(String message) {
            super(message);
        }
    }

    /**
     * Checks a workbook's archive against the ZIP limits before anything parses it, with the same ZIP reader the
     * workbook parser uses (Commons Compress over the bytes in memory): counts the entries, then inflates each one,
     * counting real bytes, and stops at the first limit passed.
     */
    static void checkArchive(byte[] archive) throws IOException {
        try (var channel = new SeekableInMemoryByteChannel(archive);
                var zip = ZipFile.builder().setSeekableByteChannel(channel).get()) {
            var entries = java.util.Collections.list(zip.getEntries());
            if (entries.size() > MAX_ARCHIVE_ENTRIES) {
                throw new SuspiciousArchiveException(entries.size() + " entries");
            }
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            for (var entry : entries) {
                if (entry.isDirectory()) {
                    continue;
                }
                long compressed = Math.max(entry.getCompressedSize(), 1);
                long inflated = 0;
                try (InputStream content = zip.getInputStream(entry)) {
                    int n;
                    while ((n = content.read(buffer)) > 0) {
                        inflated += n;
                        total += n;
                        if (total > MAX_UNCOMPRESSED_BYTES) {
                            throw new SuspiciousArchiveException("more than " + MAX_UNCOMPRESSED_BYTES + " bytes");
                        }
                        if (inflated > RATIO_FREE_BYTES && inflated > compressed * MAX_COMPRESSION_RATIO) {
                            throw new SuspiciousArchiveException(
                                    entry.getName() + " inflates over " + MAX_COMPRESSION_RATIO + " times");
                        }
                    }
                }
            }
        }
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
