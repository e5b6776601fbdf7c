package org.digilit.account;

/** An import that found problems while applying: nothing was written, the report says why. */
public class AccountImportRejectedException extends RuntimeException {

    private final transient AccountImportReport report;

    AccountImportRejectedException(AccountImportReport report) {
        super("The file has " + report.problemCount() + " problems; nothing was imported");
        this.report = report;
    }

    public AccountImportReport report() {
        return report;
    }
}
