package org.digilit.organisation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.digilit.base.HeaderedRecords;
import org.digilit.base.ImportHeader;
import org.digilit.base.ImportProblem;
import org.jspecify.annotations.Nullable;

/**
 * Checks the records of an import file, whatever its format: the first non-blank record is the header, every later
 * non-blank record one organisation. Collects the good rows and every problem, up to {@link #MAX_PROBLEMS}.
 */
final class OrganisationRowCollector extends HeaderedRecords<OrganisationRowCollector.Column> {

    static final int MAX_PROBLEMS = 1_000;
    static final int MAX_HEADCOUNT = 10_000_000;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");

    enum Column implements ImportHeader.Column {
        CODE,
        @ImportHeader.Optional
        PARENT_CODE,
        TYPE,
        NAME_VI,
        @ImportHeader.Optional
        NAME_EN,
        @ImportHeader.Optional
        EXPECTED_CITIZENS,
        @ImportHeader.Optional
        EXPECTED_TEACHERS,
        @ImportHeader.Optional
        EXPECTED_OFFICIALS;
    }

    private final List<OrganisationRow> rows = new ArrayList<>();

    private final List<Integer> rowNumbers = new ArrayList<>();
    private final List<ImportProblem> problems;
    private final Map<String, Integer> firstRowByCode = new HashMap<>();

    OrganisationRowCollector() {
        this(new ArrayList<>());
    }

    private OrganisationRowCollector(List<ImportProblem> problems) {
        super(Column.class, Integer.MAX_VALUE, MAX_PROBLEMS, problems::add);
        this.problems = problems;
    }

    /** One organisation (row number as a spreadsheet shows it). */
    @Override
    protected void row(int row, List<String> cells) {
        organisation(row, cells);
    }

    /** The file as a whole cannot be read: nothing it said counts, this one problem is the answer. */
    @Override
    public void fail(String code, String... arguments) {
        rows.clear();
        rowNumbers.clear();
        problems.clear();
        super.fail(code, arguments);
    }

    /** Reading stopped at {@code row}: the problems so far stay, the rows go. */
    @Override
    public void unreadable(int row) {
        rows.clear();
        rowNumbers.clear();
        super.unreadable(row);
    }

    ParsedOrganisationFile result() {
        finish();
        return new ParsedOrganisationFile(rows, rowNumbers, Math.max(0, dataRows() - rows.size()), problems);
    }

    private void organisation(int row, List<String> cells) {
        List<ImportProblem> found = new ArrayList<>();
        String code = value(cells, Column.CODE);
        String parent = value(cells, Column.PARENT_CODE);
        String typeText = value(cells, Column.TYPE);
        String nameVi = value(cells, Column.NAME_VI);
        String nameEn = value(cells, Column.NAME_EN);

        if (code.isEmpty()) {
            found.add(problem(row, Column.CODE, "missing-value"));
        } else if (!OrganisationRow.CODE_PATTERN.matcher(code).matches()) {
            found.add(problem(row, Column.CODE, "invalid-code", ImportProblem.excerpt(code)));
        } else {
            Integer first = firstRowByCode.putIfAbsent(code, row);
            if (first != null) {
                found.add(problem(row, Column.CODE, "duplicate-code", String.valueOf(first)));
            }
        }
        if (!parent.isEmpty() && !OrganisationRow.CODE_PATTERN.matcher(parent).matches()) {
            found.add(problem(row, Column.PARENT_CODE, "invalid-parent-code", ImportProblem.excerpt(parent)));
        } else if (!parent.isEmpty() && parent.equals(code)) {
            found.add(problem(row, Column.PARENT_CODE, "own-parent"));
        }
        OrganisationType type = type(typeText);
        if (typeText.isEmpty()) {
            found.add(problem(row, Column.TYPE, "missing-value"));
        } else if (type == null) {
            found.add(problem(row, Column.TYPE, "unknown-type", ImportProblem.excerpt(typeText)));
        }
        if (nameVi.isBlank()) {
            found.add(problem(row, Column.NAME_VI, "missing-value"));
        }
        checkLength(row, Column.NAME_VI, nameVi, found);
        checkLength(row, Column.NAME_EN, nameEn, found);
        int citizens = headcount(row, cells, Column.EXPECTED_CITIZENS, found);
        int teachers = headcount(row, cells, Column.EXPECTED_TEACHERS, found);
        int officials = headcount(row, cells, Column.EXPECTED_OFFICIALS, found);

        if (found.isEmpty() && type != null) {
            rows.add(new OrganisationRow(
                    code,
                    parent.isEmpty() ? null : parent,
                    type,
                    nameVi,
                    nameEn.isEmpty() ? nameVi : nameEn,
                    new Headcounts(citizens, teachers, officials)));
            rowNumbers.add(row);
        } else {
            found.forEach(this::add);
        }
    }

    private int headcount(int row, List<String> cells, Column column, List<ImportProblem> found) {
        String text = value(cells, column);
        if (text.isEmpty()) {
            return 0;
        }
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            found.add(problem(row, column, "not-a-number", ImportProblem.excerpt(text)));
            return 0;
        }
        BigInteger number = new BigInteger(text);
        if (number.signum() < 0) {
            found.add(problem(row, column, "negative-number", ImportProblem.excerpt(text)));
            return 0;
        }
        if (number.compareTo(BigInteger.valueOf(MAX_HEADCOUNT)) > 0) {
            found.add(problem(row, column, "number-too-large", String.valueOf(MAX_HEADCOUNT)));
            return 0;
        }
        return number.intValueExact();
    }

    private static void checkLength(int row, Column column, String text, List<ImportProblem> found) {
        if (text.length() > OrganisationRow.NAME_MAX_LENGTH) {
            found.add(problem(row, column, "too-long", String.valueOf(OrganisationRow.NAME_MAX_LENGTH)));
        }
    }

    /** Type names as in {@link OrganisationType}, in any case, with {@code -} or a space for {@code _}. */
    static @Nullable OrganisationType type(String text) {
        String name = text.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (OrganisationType type : OrganisationType.values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }

    private static ImportProblem problem(int row, Column column, String code, String... arguments) {
        return ImportProblem.of(row, column.header(), code, arguments);
    }
}
