package org.digilit.account;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.digilit.base.ImportProblem;
import org.digilit.identity.IdentityScheme;

/**
 * Lets tests in other packages (the demo data's) run the package-private {@link AccountFileReader} over a file they
 * generated, counting the rows rather than keeping them.
 */
public final class AccountFiles {

    /** The largest file the checks accept: far more than any generated test file. */
    public static final long MAX_BYTES = 1L << 30;

    private AccountFiles() {}

    /** What a file came to: data rows, rows accepted, whether it failed as a whole, and every problem. */
    public record Checked(int dataRows, int acceptedRows, boolean failed, List<ImportProblem> problems) {}

    public static Checked check(InputStream in, String fileName, IdentityScheme scheme, LocalDate today) {
        List<ImportProblem> problems = new ArrayList<>();
        var summary = AccountFileReader.read(in, fileName, scheme, MAX_BYTES, today, row -> {}, problems::add);
        return new Checked(summary.dataRows(), summary.acceptedRows(), summary.failed(), problems);
    }
}
