package org.digilit.organisation;

import java.io.InputStream;
import org.digilit.base.ImportProblem;
import org.digilit.base.TabularFileReader;

/**
 * Reads an organisation import file (CSV in UTF-8, or XLSX) into checked rows and problems. Never throws on bad
 * input: whatever is wrong with the file becomes an {@link ImportProblem}. The file itself is read by
 * {@link TabularFileReader} (formulas never evaluated, a spreadsheet formula cell counts by its cached value); the
 * organisation checks are {@link OrganisationRowCollector}'s. The caller's stream is read but not closed.
 */
final class OrganisationFileParser {

    private OrganisationFileParser() {}

    static ParsedOrganisationFile parse(InputStream in, String fileName, long maxBytes) {
        OrganisationRowCollector collector = new OrganisationRowCollector();
        TabularFileReader.read(in, fileName, maxBytes, collector);
        return collector.result();
    }
}
