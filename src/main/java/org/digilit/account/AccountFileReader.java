package org.digilit.account;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.digilit.base.Audience;
import org.digilit.base.HeaderedRecords;
import org.digilit.base.ImportHeader;
import org.digilit.base.ImportProblem;
import org.digilit.base.TabularFileReader;
import org.digilit.base.TextFolding;
import org.digilit.identity.IdentityCheck;
import org.digilit.identity.IdentityNumber;
import org.digilit.identity.IdentityNumbers;
import org.digilit.identity.IdentityScheme;
import org.digilit.organisation.OrganisationRow;
import org.jspecify.annotations.Nullable;

/**
 * Reads an account file (CSV in UTF-8, or XLSX; see {@link TabularFileReader}) and checks it row by row, streaming:
 * every good row goes to one consumer as an {@link AccountRow}, every problem to another as an {@link ImportProblem},
 * and nothing of the file is kept but one small number per identity number (to find repeats), so a file of hundreds of
 * thousands of people passes through while the caller batches.
 *
 * <p>The first non-blank record is the header: {@code identity_number, full_name, date_of_birth, gender, phone, email,
 * organisation_code, audience, staff_number} in any order and case ({@code email} and {@code staff_number} optional).
 * Every later non-blank record is one person. Problems name their row and column; their arguments quote the file (cut
 * to {@value ImportProblem#ARGUMENT_MAX_LENGTH} characters) but never an identity number or any part of it.
 *
 * <p>Identity numbers that a spreadsheet turned into numbers: a Vietnamese CCCD always starts with 0 (every province
 * code does), and a spreadsheet drops that zero from a number cell, or when it opens and saves a CSV file. So with the
 * {@link IdentityScheme#VIETNAM_CCCD} scheme an identity number of exactly 11 digits gets its zero back before it is
 * checked, whatever the cell type; the province code, century, gender and birth-year checks that follow still catch a
 * number that is really one digit short. Other schemes are never padded (Aadhaar numbers never start with 0).
 *
 * <p>When the file fails as a whole ({@link FileSummary#failed()}: not UTF-8, too large, too many rows, unreadable,
 * empty, or a required column missing) the last problem says why, and the rows and problems already passed on must be
 * discarded. After {@value #MAX_PROBLEMS} problems one more says there are too many, and reading stops.
 */
final class AccountFileReader {

    /** The most data rows a file may have. */
    public static final int MAX_ROWS = 1_000_000;

    /** The most problems reported; one more says there are more, and reading stops. */
    static final int MAX_PROBLEMS = 1_000;

    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\u00A0.()\\-]");
    private static final Pattern PHONE =
            Pattern.compile("\\+?[0-9]{" + AccountRow.PHONE_MIN_DIGITS + "," + AccountRow.PHONE_MAX_DIGITS + "}");
    private static final Pattern EMAIL =
            Pattern.compile("[^\\s@\\p{Cntrl}]+@[^\\s@.\\p{Cntrl}]+(\\.[^\\s@.\\p{Cntrl}]+)+");
    private static final int CCCD_LENGTH = 12;
    /** Genders by their {@link TextFolding folded} names. */
    private static final Map<String, IdentityNumbers.Gender> GENDERS = Map.of(
            "male", IdentityNumbers.Gender.MALE,
            "m", IdentityNumbers.Gender.MALE,
            "nam", IdentityNumbers.Gender.MALE,
            "female", IdentityNumbers.Gender.FEMALE,
            "f", IdentityNumbers.Gender.FEMALE,
            "nu", IdentityNumbers.Gender.FEMALE);
    /**
     * Audiences by code and by the words the UI shows for them (audience.* in the translation files), {@link
     * TextFolding folded} with punctuation read as spaces: "Người dân", "Cán bộ, công chức, viên chức" (DD014).
     */
    private static final Map<String, Audience> AUDIENCES = Map.ofEntries(
            Map.entry("citizen", Audience.CITIZEN),
            Map.entry("citizens", Audience.CITIZEN),
            Map.entry("nguoi dan", Audience.CITIZEN),
            Map.entry("cong dan", Audience.CITIZEN),
            Map.entry("teacher", Audience.TEACHER),
            Map.entry("teachers", Audience.TEACHER),
            Map.entry("giao vien", Audience.TEACHER),
            Map.entry("official", Audience.OFFICIAL),
            Map.entry("officials", Audience.OFFICIAL),
            Map.entry("officials and public employees", Audience.OFFICIAL),
            Map.entry("staff", Audience.OFFICIAL),
            Map.entry("can bo cong chuc vien chuc", Audience.OFFICIAL),
            Map.entry("can bo cong chuc", Audience.OFFICIAL),
            Map.entry("can bo", Audience.OFFICIAL),
            Map.entry("cong chuc", Audience.OFFICIAL),
            Map.entry("vien chuc", Audience.OFFICIAL));

    private static final Pattern PUNCTUATION = Pattern.compile("[\\s,;/.]+");

    /** What a whole file came to. */
    record FileSummary(int dataRows, int acceptedRows, int problems, boolean failed) {

        /** Data rows with at least one problem (of those read). */
        int rejectedRows() {
            return dataRows - acceptedRows;
        }

        /** True when the whole file was read and checked: it did not fail and reading did not stop for problems. */
        boolean complete() {
            return !failed && problems <= MAX_PROBLEMS;
        }
    }

    enum Column implements ImportHeader.Column {
        IDENTITY_NUMBER,
        FULL_NAME,
        DATE_OF_BIRTH,
        GENDER,
        PHONE,
        @ImportHeader.Optional
        EMAIL,
        ORGANISATION_CODE,
        AUDIENCE,
        @ImportHeader.Optional
        STAFF_NUMBER;
    }

    private AccountFileReader() {}

    /**
     * Reads and checks a whole file. The caller's stream is read but not closed; what the consumers throw comes back
     * unchanged.
     *
     * @param fileName the uploaded file's name: {@code .csv} or {@code .xlsx}
     * @param scheme the deployment's identity-number scheme
     * @param maxBytes the largest file accepted
     * @param today the date no one can be born after
     * @param rows takes every row that passed all checks, in file order
     * @param problems takes every problem, in file order
     */
    static FileSummary read(
            InputStream in,
            String fileName,
            IdentityScheme scheme,
            long maxBytes,
            LocalDate today,
            Consumer<AccountRow> rows,
            Consumer<ImportProblem> problems) {
        return read(in, fileName, scheme, maxBytes, today, MAX_ROWS, rows, problems);
    }

    /** As above, with a row limit of one's own (tests use a small one). */
    static FileSummary read(
            InputStream in,
            String fileName,
            IdentityScheme scheme,
            long maxBytes,
            LocalDate today,
            int maxRows,
            Consumer<AccountRow> rows,
            Consumer<ImportProblem> problems) {
        Checker checker = new Checker(scheme, today, maxRows, rows, redacting(scheme, problems));
        TabularFileReader.read(in, fileName, maxBytes, checker);
        return checker.summary();
    }

    /**
     * Passes problems on with any column name or argument that is a valid identity number (a header row that was
     * data, a number in the wrong column) replaced by a mask: no problem report ever echoes one (DD007).
     */
    static Consumer<ImportProblem> redacting(IdentityScheme scheme, Consumer<ImportProblem> problems) {
        return problem -> {
            boolean clean = !isIdentityNumber(scheme, problem.column())
                    && problem.arguments().stream().noneMatch(a -> isIdentityNumber(scheme, a));
            if (clean) {
                problems.accept(problem);
                return;
            }
            problems.accept(new ImportProblem(
                    problem.row(),
                    isIdentityNumber(scheme, problem.column()) ? REDACTED : problem.column(),
                    problem.code(),
                    problem.arguments().stream()
                            .map(a -> isIdentityNumber(scheme, a) ? REDACTED : a)
                            .toList()));
        };
    }

    /** What a problem shows instead of a value that is an identity number. */
    static final String REDACTED = "••••";

    private static boolean isIdentityNumber(IdentityScheme scheme, String text) {
        if (text.isBlank() || text.length() > 40) {
            return false;
        }
        String number = IdentityNumbers.normalise(text);
        if (scheme == IdentityScheme.VIETNAM_CCCD && number.length() == CCCD_LENGTH - 1 && allDigits(number)) {
            number = "0" + number;
        }
        return IdentityNumbers.check(scheme, number).isValid();
    }

    /** Gender as people write it: male, female, m, f, or Vietnamese nam, nữ (also without the accent), in any case. */
    static IdentityNumbers.@Nullable Gender gender(String text) {
        IdentityNumbers.Gender gender = GENDERS.get(text); // as written, without folding: most files
        return gender != null ? gender : GENDERS.get(TextFolding.fold(text));
    }

    /**
     * Audiences by code (citizen, teacher, official; staff for official) or by the words the UI shows, with or without
     * accents: Người dân (or công dân), Giáo viên, Cán bộ, công chức, viên chức (or any one of the three).
     */
    static @Nullable Audience audience(String text) {
        Audience audience = AUDIENCES.get(text); // the codes as written, without folding: most files
        return audience != null
                ? audience
                : AUDIENCES.get(PUNCTUATION
                        .matcher(TextFolding.fold(text))
                        .replaceAll(" ")
                        .strip());
    }

    /** Checks records and passes on rows and problems; the sink {@link TabularFileReader} reads into. */
    private static final class Checker extends HeaderedRecords<Column> {

        private final IdentityScheme scheme;
        private final LocalDate today;
        private final Consumer<AccountRow> rows;
        private final FirstRows firstRowByIdentity = new FirstRows();
        private int acceptedRows;

        Checker(
                IdentityScheme scheme,
                LocalDate today,
                int maxRows,
                Consumer<AccountRow> rows,
                Consumer<ImportProblem> problems) {
            super(Column.class, maxRows, MAX_PROBLEMS, problems);
            this.scheme = scheme;
            this.today = today;
            this.rows = rows;
        }

        FileSummary summary() {
            boolean counts = finish();
            return new FileSummary(dataRows(), acceptedRows, problemCount(), !counts);
        }

        @Override
        protected void row(int row, List<String> cells) {
            person(row, cells);
        }

        private void person(int row, List<String> cells) {
            List<ImportProblem> found = new ArrayList<>(2);
            String dateText = value(cells, Column.DATE_OF_BIRTH);
            LocalDate dateOfBirth = TabularFileReader.date(dateText);
            boolean plausible = dateOfBirth != null
                    && !dateOfBirth.isBefore(AccountRow.EARLIEST_BIRTH_DATE)
                    && !dateOfBirth.isAfter(today);
            String genderText = value(cells, Column.GENDER);
            IdentityNumbers.Gender gender = gender(genderText);

            IdentityNumber identity = identity(row, cells, plausible ? dateOfBirth : null, gender, found);
            int before = found.size();
            String fullName = text(row, cells, Column.FULL_NAME, AccountRow.NAME_MAX_LENGTH, found);
            if (found.size() == before && !fullName.isEmpty() && !hasLetter(fullName)) {
                found.add(problem(row, Column.FULL_NAME, "name-without-letter"));
            }
            if (dateText.isEmpty()) {
                found.add(problem(row, Column.DATE_OF_BIRTH, "missing-value"));
            } else if (dateOfBirth == null) {
                found.add(problem(row, Column.DATE_OF_BIRTH, "invalid-date", ImportProblem.excerpt(dateText)));
            } else if (!plausible) {
                found.add(problem(row, Column.DATE_OF_BIRTH, "date-out-of-range", ImportProblem.excerpt(dateText)));
            }
            if (genderText.isEmpty()) {
                found.add(problem(row, Column.GENDER, "missing-value"));
            } else if (gender == null) {
                found.add(problem(row, Column.GENDER, "invalid-gender", ImportProblem.excerpt(genderText)));
            }
            String phone = phone(row, cells, found);
            String email = email(row, cells, found);
            String organisationCode = value(cells, Column.ORGANISATION_CODE);
            if (organisationCode.isEmpty()) {
                found.add(problem(row, Column.ORGANISATION_CODE, "missing-value"));
            } else if (!OrganisationRow.CODE_PATTERN.matcher(organisationCode).matches()) {
                found.add(problem(
                        row, Column.ORGANISATION_CODE, "invalid-code", ImportProblem.excerpt(organisationCode)));
            }
            String audienceText = value(cells, Column.AUDIENCE);
            Audience audience = audience(audienceText);
            if (audienceText.isEmpty()) {
                found.add(problem(row, Column.AUDIENCE, "missing-value"));
            } else if (audience == null) {
                found.add(problem(row, Column.AUDIENCE, "unknown-audience", ImportProblem.excerpt(audienceText)));
            }
            String staffNumber = text(row, cells, Column.STAFF_NUMBER, AccountRow.STAFF_NUMBER_MAX_LENGTH, found);

            if (found.isEmpty() && identity != null && dateOfBirth != null && gender != null && audience != null) {
                acceptedRows++;
                rows.accept(new AccountRow(
                        row,
                        identity,
                        fullName,
                        dateOfBirth,
                        gender,
                        phone,
                        email,
                        organisationCode,
                        audience,
                        staffNumber.isEmpty() ? null : staffNumber));
            } else {
                found.forEach(this::add);
            }
        }

        /**
         * The identity number, checked against the scheme and against the date of birth and gender where they are
         * known; repeats of a number earlier in the file are reported with the earlier row. Null when not valid.
         */
        private @Nullable IdentityNumber identity(
                int row,
                List<String> cells,
                @Nullable LocalDate dateOfBirth,
                IdentityNumbers.@Nullable Gender gender,
                List<ImportProblem> found) {
            String text = value(cells, Column.IDENTITY_NUMBER);
            if (text.isEmpty()) {
                found.add(problem(row, Column.IDENTITY_NUMBER, "missing-value"));
                return null;
            }
            String number = IdentityNumbers.normalise(text);
            if (scheme == IdentityScheme.VIETNAM_CCCD && number.length() == CCCD_LENGTH - 1 && allDigits(number)) {
                number = "0" + number; // the leading zero a spreadsheet dropped
            }
            IdentityCheck check = IdentityNumbers.check(scheme, number, dateOfBirth, gender);
            IdentityNumber identity = check.number();
            if (identity == null) {
                found.add(problem(row, Column.IDENTITY_NUMBER, "identity." + check.problem()));
                return null;
            }
            int first = firstRowByIdentity.putIfAbsent(FirstRows.key(number), row);
            if (first != 0) {
                found.add(problem(row, Column.IDENTITY_NUMBER, "duplicate-identity-number", String.valueOf(first)));
                return null;
            }
            return identity;
        }

        /**
         * Free text (a name, a staff number): at most {@code maxLength} characters and no control characters (line
         * breaks, tabs, bidirectional overrides). Empty when missing, which is a problem only for required columns.
         */
        private String text(int row, List<String> cells, Column column, int maxLength, List<ImportProblem> found) {
            String text = value(cells, column);
            if (text.isEmpty()) {
                if (column.required()) {
                    found.add(problem(row, column, "missing-value"));
                }
            } else if (text.length() > maxLength) {
                found.add(problem(row, column, "too-long", String.valueOf(maxLength)));
            } else if (hasControlCharacter(text)) {
                found.add(problem(row, column, "control-character"));
            }
            return text;
        }

        /** The phone number without spaces, dots, dashes and brackets: an optional {@code +} and 8 to 15 digits. */
        private String phone(int row, List<String> cells, List<ImportProblem> found) {
            String text = value(cells, Column.PHONE);
            String phone = PHONE_SEPARATORS.matcher(text).replaceAll("");
            if (text.isEmpty()) {
                found.add(problem(row, Column.PHONE, "missing-value"));
            } else if (!PHONE.matcher(phone).matches()) {
                found.add(problem(row, Column.PHONE, "invalid-phone", ImportProblem.excerpt(text)));
            }
            return phone;
        }

        /** The e-mail address in lower case, null when there is none: something@domain.tld, 254 characters at most. */
        private @Nullable String email(int row, List<String> cells, List<ImportProblem> found) {
            String text = value(cells, Column.EMAIL);
            if (text.isEmpty()) {
                return null;
            }
            if (text.length() > AccountRow.EMAIL_MAX_LENGTH) {
                found.add(problem(row, Column.EMAIL, "too-long", String.valueOf(AccountRow.EMAIL_MAX_LENGTH)));
            } else if (!EMAIL.matcher(text).matches()) {
                found.add(problem(row, Column.EMAIL, "invalid-email", ImportProblem.excerpt(text)));
            }
            return text.toLowerCase(Locale.ROOT);
        }

        private static ImportProblem problem(int row, Column column, String code, String... arguments) {
            return ImportProblem.of(row, column.header(), code, arguments);
        }
    }

    private static boolean hasLetter(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }

    /**
     * Control characters (line breaks, tabs), line and paragraph separators, and the bidirectional overrides that make
     * text display in another order than it reads. Joiners (which Devanagari needs) are fine.
     */
    static boolean hasControlCharacter(String text) {
        return text.codePoints()
                .anyMatch(c -> Character.isISOControl(c)
                        || Character.getType(c) == Character.LINE_SEPARATOR
                        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                        || (c >= 0x202A && c <= 0x202E)
                        || (c >= 0x2066 && c <= 0x2069));
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The first row of every identity number seen, in a compact table (a long and an int each: 24 MB for a million
     * rows, where strings would take several times that). Numbers of up to 17 digits (CCCD, Aadhaar) are their own
     * exact key; longer or alphanumeric ones (the generic scheme) are keyed by a 63-bit fingerprint, whose rare
     * collision could only report a false repeat, never hide a true one.
     */
    private static final class FirstRows {

        private static final int INITIAL_CAPACITY = 1 << 12;
        private static final int MAX_EXACT_DIGITS = 17;

        private long[] keys = new long[INITIAL_CAPACITY];
        private int[] rows = new int[INITIAL_CAPACITY];
        private int size;

        /** Never 0, which marks an empty slot. */
        static long key(String number) {
            if (number.length() <= MAX_EXACT_DIGITS && allDigits(number)) {
                return Long.parseLong(number) * 32 + number.length(); // "0123" and "123" stay apart
            }
            long hash = 0xcbf29ce484222325L; // FNV-1a, then a final mix
            for (int i = 0; i < number.length(); i++) {
                hash = (hash ^ number.charAt(i)) * 0x100000001b3L;
            }
            hash ^= hash >>> 33;
            hash *= 0xff51afd7ed558ccdL;
            hash ^= hash >>> 33;
            return hash | Long.MIN_VALUE;
        }

        /** The row already recorded for the key, or 0 after recording {@code row} for it. */
        int putIfAbsent(long key, int row) {
            if (size * 2 >= keys.length) {
                grow();
            }
            int slot = slot(keys, key);
            if (keys[slot] == key) {
                return rows[slot];
            }
            keys[slot] = key;
            rows[slot] = row;
            size++;
            return 0;
        }

        private static int slot(long[] keys, long key) {
            int mask = keys.length - 1;
            int slot = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
            while (keys[slot] != 0 && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldRows = rows;
            keys = new long[oldKeys.length * 2];
            rows = new int[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    int slot = slot(keys, oldKeys[i]);
                    keys[slot] = oldKeys[i];
                    rows[slot] = oldRows[i];
                }
            }
        }
    }
}
