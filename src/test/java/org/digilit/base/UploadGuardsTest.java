package org.digilit.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;

/** Issue #14: uploads are cut off at their limit on the server, and workbooks are checked against ZIP bombs. */
class UploadGuardsTest {

    /** Collects what the reader hands on. */
    static final class Sink implements TabularFileReader.RecordSink {
        final List<List<String>> records = new ArrayList<>();
        final List<String> failures = new ArrayList<>();

        @Override
        public void record(int row, List<String> cells, boolean fixedWidth) {
            records.add(cells);
        }

        @Override
        public boolean done() {
            return !failures.isEmpty();
        }

        @Override
        public void fail(String code, String... arguments) {
            failures.add(code);
        }

        @Override
        public void unreadable(int row) {
            failures.add("unreadable-file");
        }
    }

    @Test
    void an_upload_past_its_limit_is_cut_off_after_at_most_one_buffer_more() throws IOException {
        var endless = new InputStream() {
            long read;

            @Override
            public int read() {
                read++;
                return 0;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                read += length;
                return length;
            }
        };
        var out = new ByteArrayOutputStream();
        assertThat(LimitedUploadHandler.copyAtMost(endless, out, 1_000_000)).isFalse();
        assertThat(endless.read).isLessThanOrEqualTo(1_000_000 + 64 * 1024);
        assertThat(out.size()).isLessThanOrEqualTo(1_000_000);
    }

    @Test
    void an_upload_within_its_limit_is_copied_whole() throws IOException {
        var out = new ByteArrayOutputStream();
        assertThat(LimitedUploadHandler.copyAtMost(new ByteArrayInputStream(new byte[1000]), out, 1000))
                .isTrue();
        assertThat(out.size()).isEqualTo(1000);
    }

    @Test
    void an_ordinary_workbook_is_read() throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var workbook = new Workbook(bytes, "test", "1.0")) {
            var sheet = workbook.newWorksheet("people");
            sheet.value(0, 0, "code");
            sheet.value(1, 0, "P01");
        }
        var sink = new Sink();
        TabularFileReader.read(new ByteArrayInputStream(bytes.toByteArray()), "people.xlsx", 10_000_000, sink);
        assertThat(sink.failures).isEmpty();
        assertThat(sink.records).containsExactly(List.of("code"), List.of("P01"));
    }

    @Test
    void a_workbook_that_inflates_a_thousand_times_is_refused_before_parsing() throws IOException {
        var bomb = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes());
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            var zeros = new byte[1024 * 1024];
            for (int i = 0; i < 20; i++) {
                zip.write(zeros); // 20 MB of zeros: about 20 KB compressed
            }
        }
        assertThat(bomb.size()).isLessThan(200_000);
        var sink = new Sink();
        TabularFileReader.read(new ByteArrayInputStream(bomb.toByteArray()), "bomb.xlsx", 10_000_000, sink);
        assertThat(sink.failures).containsExactly("suspicious-archive");
        assertThat(sink.records).isEmpty();
    }

    @Test
    void a_workbook_with_thousands_of_parts_is_refused() throws IOException {
        var many = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(many)) {
            for (int i = 0; i <= TabularFileReader.MAX_ARCHIVE_ENTRIES; i++) {
                zip.putNextEntry(new ZipEntry("xl/part" + i + ".xml"));
                zip.write('x');
            }
        }
        var sink = new Sink();
        TabularFileReader.read(new ByteArrayInputStream(many.toByteArray()), "many.xlsx", 10_000_000, sink);
        assertThat(sink.failures).containsExactly("suspicious-archive");
    }
}
