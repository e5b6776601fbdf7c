package org.digilit.device;

import java.util.List;
import org.digilit.base.ImportProblem;

/** A supply file's check or application: rows read, devices new or already there (unchanged), problems. */
public record DeviceImportReport(int rows, int created, int unchanged, List<ImportProblem> problems, boolean applied) {

    public DeviceImportReport {
        problems = List.copyOf(problems);
    }
}
