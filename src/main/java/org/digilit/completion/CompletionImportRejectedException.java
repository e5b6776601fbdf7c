package org.digilit.completion;

/** An import was not applied because a row has a problem; the report says which. Nothing was written. */
public class CompletionImportRejectedException extends RuntimeException {

    private final transient CompletionImportReport report;

    public CompletionImportRejectedException(CompletionImportReport report) {
        super("The completions import has problems; nothing was applied");
        this.report = report;
    }

    public CompletionImportReport report() {
        return report;
    }
}
