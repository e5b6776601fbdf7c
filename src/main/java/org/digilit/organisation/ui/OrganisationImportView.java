package org.digilit.organisation.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import org.digilit.base.ClientAddress;
import org.digilit.base.ImportWizard;
import org.digilit.organisation.ImportRejectedException;
import org.digilit.organisation.ImportReport;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.Roles;

/**
 * The import wizard: upload a CSV or XLSX file, read the dry run's report (every problem with its row and column,
 * downloadable), and apply the file only when it has none. The steps are the shared {@link ImportWizard}'s: the size
 * limit holds on the server while the bytes arrive, and the file is deleted once applied, replaced, refused, or when
 * the view closes (issue #14).
 */
@Route("organisations/import")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORG_ADMIN})
class OrganisationImportView extends Main implements HasDynamicTitle {

    private final transient OrganisationImportService imports;
    private final ImportWizard wizard =
            new ImportWizard(OrganisationImportService.MAX_FILE_BYTES, "import.rejected-file", "import-problems.csv");

    OrganisationImportView(OrganisationImportService imports) {
        this.imports = imports;
        addClassName("page");
        wizard.refuses(OutOfScopeException.class, "denied.title").steps(this::check, this::applied);
        add(new H1(getTranslation("import.title")), new Paragraph(getTranslation("import.help")));
        add(wizard.parts());
    }

    private ImportWizard.Outcome check(InputStream in, String fileName) throws IOException {
        return outcome(imports.dryRun(in, fileName), false);
    }

    private ImportWizard.Outcome applied(InputStream in, String fileName) throws IOException {
        try {
            return outcome(imports.apply(in, fileName, ClientAddress.current()), true);
        } catch (ImportRejectedException e) {
            return outcome(e.report(), false);
        }
    }

    private ImportWizard.Outcome outcome(ImportReport report, boolean applied) {
        var outcome = ImportWizard.Outcome.of(
                report.problems(),
                applied,
                getTranslation(
                        applied ? "import.done" : "import.ready",
                        report.rows(),
                        report.created(),
                        report.updated(),
                        report.moved(),
                        report.unchanged()));
        return applied
                ? outcome.withNotice(getTranslation(
                        "import.applied", report.created(), report.updated(), report.moved(), report.unchanged()))
                : outcome;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("import.title") + " · DigiLit";
    }
}
