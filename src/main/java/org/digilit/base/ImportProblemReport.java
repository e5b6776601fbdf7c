package org.digilit.base;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * An import's problems for people: each one as a sentence in the reader's language, and the whole list as a CSV file
 * (UTF-8 with a byte-order mark so spreadsheet programs read Vietnamese right; every cell made inert).
 */
public final class ImportProblemReport {

    private ImportProblemReport() {}

    /** @param translate the view's {@code getTranslation(key, arguments...)} */
    public static String describe(ImportProblem problem, BiFunction<String, Object[], String> translate) {
        return translate.apply(
                "import.problem." + problem.code(), problem.arguments().toArray());
    }

    public static String csv(List<ImportProblem> problems, BiFunction<String, Object[], String> translate) {
        var out = new StringWriter();
        out.write('\uFEFF');
        try (var printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(
                    translate.apply("import.row", new Object[0]),
                    translate.apply("import.column", new Object[0]),
                    translate.apply("import.problem", new Object[0]));
            for (var problem : problems) {
                printer.printRecord(
                        problem.row(),
                        SpreadsheetText.inert(problem.column()),
                        SpreadsheetText.inert(describe(problem, translate)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
