package org.digilit.organisation;

/** An import was refused because the file has problems; nothing was applied. The report lists them. */
public class ImportRejectedException extends RuntimeException {

    private final transient ImportReport report;

    ImportRejectedException(ImportReport report) {
        super("The file has " + report.problems().size() + " problem(s); nothing was applied");
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}
