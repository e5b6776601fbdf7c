package org.digilit.base;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The part every import's {@link TabularFileReader.RecordSink} shares: blank records are skipped, the first record is
 * the header ({@link ImportHeader}: without the columns it names no row is read), a file with more than {@code maxRows}
 * data rows fails, a CSV record as wide as the header goes to {@link #row}, problems are passed on up to {@code
 * maxProblems} and then one more says there are too many (reading stops), and a file without a header or rows is
 * empty. The feature checks the cells of each row.
 *
 * @param <C> the feature's columns
 */
public abstract class HeaderedRecords<C extends Enum<C> & ImportHeader.Column> implements TabularFileReader.RecordSink {

    private final Class<C> columns;
    private final int maxRows;
    private final int maxProblems;
    private final Consumer<ImportProblem> problems;
    private final Map<C, Integer> indexes;
    private int headerSize = -1;
    private boolean acceptsRows;
    private int dataRows;
    private int problemCount;
    private boolean failed;

    protected HeaderedRecords(Class<C> columns, int maxRows, int maxProblems, Consumer<ImportProblem> problems) {
        this.columns = columns;
        this.maxRows = maxRows;
        this.maxProblems = maxProblems;
        this.problems = problems;
        this.indexes = new EnumMap<>(columns);
    }

    /** A data row to check: in a CSV file as wide as the header; in a spreadsheet, missing cells are empty. */
    protected abstract void row(int row, List<String> cells);

    @Override
    public final void record(int row, List<String> cells, boolean fixedWidth) {
        if (done() || TabularFileReader.isBlank(cells)) {
            return;
        }
        if (headerSize < 0) {
            headerSize = cells.size();
            indexes.putAll(ImportHeader.read(row, cells, columns, this::add));
            acceptsRows = !indexes.isEmpty();
            return;
        }
        if (!acceptsRows) {
            return;
        }
        if (dataRows >= maxRows) {
            fail("too-many-rows", String.valueOf(maxRows));
            return;
        }
        dataRows++;
        if (fixedWidth && cells.size() != headerSize) {
            add(ImportProblem.of(
                    row, "", "wrong-field-count", String.valueOf(headerSize), String.valueOf(cells.size())));
            return;
        }
        row(row, cells);
    }

    @Override
    public boolean done() {
        return failed || problemCount > maxProblems;
    }

    @Override
    public void fail(String code, String... arguments) {
        problems.accept(ImportProblem.of(0, "", code, arguments));
        problemCount++;
        failed = true;
    }

    @Override
    public void unreadable(int row) {
        problems.accept(ImportProblem.of(row, "", "unreadable-file"));
        problemCount++;
        failed = true;
    }

    /**
     * After the last record: a file without a header, or with a header and no rows, is empty. True when the file's rows
     * count: it did not fail as a whole and its header named the columns.
     */
    public boolean finish() {
        if (!failed && (headerSize < 0 || (acceptsRows && dataRows == 0))) {
            problems.accept(ImportProblem.of(0, "", "empty-file")); // beside the header's problems, if any
            problemCount++;
            failed = true;
        }
        return !failed && acceptsRows;
    }

    /** A problem of the file, passed on while there are not too many. */
    protected final void add(ImportProblem problem) {
        if (problemCount < maxProblems) {
            problems.accept(problem);
            problemCount++;
        } else if (problemCount == maxProblems) {
            problems.accept(ImportProblem.of(0, "", "too-many-problems", String.valueOf(maxProblems)));
            problemCount++;
        }
    }

    /** A cell of the row, {@link TabularFileReader#clean cleaned}; empty when the column or the cell is missing. */
    protected final String value(List<String> cells, C column) {
        Integer index = indexes.get(column);
        return index == null || index >= cells.size() ? "" : TabularFileReader.clean(cells.get(index));
    }

    /** Data rows read (blank ones not counted). */
    public final int dataRows() {
        return dataRows;
    }

    /** Problems found, the "too many" one included. */
    public final int problemCount() {
        return problemCount;
    }
}
