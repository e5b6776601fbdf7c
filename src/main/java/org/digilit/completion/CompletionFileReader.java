package org.digilit.completion;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.digilit.base.HeaderedRecords;
import org.digilit.base.ImportHeader;
import org.digilit.base.ImportProblem;
import org.digilit.base.TabularFileReader;
import org.digilit.identity.IdentityNumber;
import org.digilit.identity.IdentityNumbers;
import org.digilit.identity.IdentityScheme;
import org.jspecify.annotations.Nullable;

/**
 * Reads a completions file (CSV in UTF-8 or XLSX, streamed by the shared {@link TabularFileReader}) and checks it row
 * by row: {@code identity_number, full_name, completion_date, platform, programme_code} and optionally
 * {@code certificate_number, score}. Good rows go to one consumer, problems (row, column, code; never an identity
 * number) to another. Problem codes are the people import's where they mean the same ({@code import.problem.*}).
 */
final class CompletionFileReader {

    static final int MAX_ROWS = 2_000_000;
    static final int MAX_PROBLEMS = 1_000;

    enum Column implements ImportHeader.Column {
        IDENTITY_NUMBER,
        FULL_NAME,
        COMPLETION_DATE,
        PLATFORM,
        PROGRAMME_CODE,
        @ImportHeader.Optional
        CERTIFICATE_NUMBER,
        @ImportHeader.Optional
        SCORE;
    }

    private CompletionFileReader() {}

    /** Reads a whole file; returns false when it failed as a whole (then its rows must be discarded). */
    static boolean read(
            InputStream in,
            String fileName,
            IdentityScheme scheme,
            long maxBytes,
            LocalDate today,
            Consumer<CompletionRow> rows,
            Consumer<ImportProblem> problems) {
        var checker = new Checker(scheme, today, rows, problems);
        TabularFileReader.read(in, fileName, maxBytes, checker);
        return checker.finish();
    }

    /**
     * Checks one completion's values, the same way for a file row and a feed record; adds problems to {@code found}
     * and returns the row when there were none.
     */
    static @Nullable CompletionRow check(
            int row,
            IdentityScheme scheme,
            LocalDate today,
            String identityText,
            String fullName,
            String dateText,
            String platform,
            String programme,
            String certificate,
            String scoreText,
            @Nullable String recordId,
            List<ImportProblem> found) {
        IdentityNumber identity = null;
        if (identityText.isEmpty()) {
            found.add(ImportProblem.of(row, Column.IDENTITY_NUMBER.header(), "identity.empty"));
        } else {
            var check = IdentityNumbers.check(scheme, identityText);
            if (!check.isValid() && scheme == IdentityScheme.VIETNAM_CCCD && identityText.matches("[0-9]{11}")) {
                // A spreadsheet drops the leading zero every CCCD has (see the people import).
                var padded = IdentityNumbers.check(scheme, "0" + identityText);
                check = padded.isValid() ? padded : check;
            }
            if (check.isValid()) {
                identity = check.validNumber().orElseThrow();
            } else {
                found.add(ImportProblem.of(row, Column.IDENTITY_NUMBER.header(), "identity." + check.problem()));
            }
        }
        if (fullName.isEmpty()) {
            found.add(ImportProblem.of(row, Column.FULL_NAME.header(), "missing-value"));
        } else if (fullName.length() > CompletionRow.NAME_MAX_LENGTH) {
            found.add(ImportProblem.of(
                    row, Column.FULL_NAME.header(), "too-long", String.valueOf(CompletionRow.NAME_MAX_LENGTH)));
        }
        var date = TabularFileReader.date(dateText);
        if (dateText.isEmpty()) {
            found.add(ImportProblem.of(row, Column.COMPLETION_DATE.header(), "missing-value"));
        } else if (date == null) {
            found.add(ImportProblem.of(
                    row, Column.COMPLETION_DATE.header(), "invalid-date", ImportProblem.excerpt(dateText)));
        } else if (date.isBefore(CompletionRow.EARLIEST) || date.isAfter(today)) {
            found.add(ImportProblem.of(
                    row,
                    Column.COMPLETION_DATE.header(),
                    "completion.date-out-of-range",
                    ImportProblem.excerpt(dateText)));
        }
        var platformCode = platform.toUpperCase(Locale.ROOT);
        if (platform.isEmpty()) {
            found.add(ImportProblem.of(row, Column.PLATFORM.header(), "missing-value"));
        }
        if (programme.isEmpty()) {
            found.add(ImportProblem.of(row, Column.PROGRAMME_CODE.header(), "missing-value"));
        }
        if (certificate.length() > CompletionRow.CERTIFICATE_MAX_LENGTH) {
            found.add(ImportProblem.of(
                    row,
                    Column.CERTIFICATE_NUMBER.header(),
                    "too-long",
                    String.valueOf(CompletionRow.CERTIFICATE_MAX_LENGTH)));
        }
        BigDecimal score = null;
        if (!scoreText.isEmpty()) {
            try {
                score = new BigDecimal(scoreText.replace(',', '.'));
                if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0 || score.scale() > 2) {
                    found.add(ImportProblem.of(
                            row, Column.SCORE.header(), "completion.invalid-score", ImportProblem.excerpt(scoreText)));
                    score = null;
                }
            } catch (NumberFormatException e) {
                found.add(ImportProblem.of(
                        row, Column.SCORE.header(), "completion.invalid-score", ImportProblem.excerpt(scoreText)));
            }
        }
        if (recordId != null && (recordId.isEmpty() || recordId.length() > CompletionRow.RECORD_ID_MAX_LENGTH)) {
            found.add(ImportProblem.of(row, "recordId", "completion.invalid-record-id"));
        }
        if (!found.isEmpty() || identity == null || date == null) {
            return null;
        }
        return new CompletionRow(
                row,
                platformCode,
                programme,
                identity,
                fullName,
                date,
                certificate.isEmpty() ? null : certificate,
                score,
                recordId);
    }

    private static final class Checker extends HeaderedRecords<Column> {

        private final IdentityScheme scheme;
        private final LocalDate today;
        private final Consumer<CompletionRow> rows;

        Checker(
                IdentityScheme scheme,
                LocalDate today,
                Consumer<CompletionRow> rows,
                Consumer<ImportProblem> problems) {
            super(Column.class, MAX_ROWS, MAX_PROBLEMS, problems);
            this.scheme = scheme;
            this.today = today;
            this.rows = rows;
        }

        @Override
        protected void row(int row, List<String> cells) {
            var found = new ArrayList<ImportProblem>(2);
            var checked = check(
                    row,
                    scheme,
                    today,
                    value(cells, Column.IDENTITY_NUMBER),
                    value(cells, Column.FULL_NAME),
                    value(cells, Column.COMPLETION_DATE),
                    value(cells, Column.PLATFORM),
                    value(cells, Column.PROGRAMME_CODE),
                    value(cells, Column.CERTIFICATE_NUMBER),
                    value(cells, Column.SCORE),
                    null,
                    found);
            found.forEach(this::add);
            if (checked != null) {
                rows.accept(checked);
            }
        }
    }
}
