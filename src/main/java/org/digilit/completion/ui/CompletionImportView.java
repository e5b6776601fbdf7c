package org.digilit.completion.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.digilit.base.ClientAddress;
import org.digilit.base.ImportWizard;
import org.digilit.completion.CompletionImportRejectedException;
import org.digilit.completion.CompletionImportReport;
import org.digilit.completion.CompletionImportService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.Roles;

/**
 * Completions from other platforms: upload a CSV or XLSX file, read the dry run (what would be matched, held or left
 * unchanged, and every problem with its row and column, downloadable), and apply it only when it has none. The steps
 * are the shared {@link ImportWizard}'s.
 */
@Route(CompletionImportView.ROUTE)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORG_ADMIN})
@Menu(title = "nav.completions", order = 29)
class CompletionImportView extends Main implements HasDynamicTitle {

    static final String ROUTE = "completions/import";

    private final transient CompletionImportService imports;
    private final ImportWizard wizard =
            new ImportWizard(CompletionImportService.MAX_FILE_BYTES, "import.rejected-file", "completion-problems.csv");

    CompletionImportView(CompletionImportService imports) {
        this.imports = imports;
        addClassName("page");
        addClassName("completion-import");
        wizard.refuses(OutOfScopeException.class, "denied.title").steps(this::check, this::applied);

        var links = new Div(
                new Anchor(HoldingListView.ROUTE, getTranslation("completion.holding.title")),
                new Anchor(ExternalPlatformsView.ROUTE, getTranslation("completion.platforms.title")));
        links.addClassName("completion-links");
        add(
                new H1(getTranslation("completion.import.title")),
                new Paragraph(getTranslation("completion.import.help")),
                links);
        add(wizard.parts());
    }

    /** A file arrived (the upload's handler; tests call it directly). */
    void received(Path file, String fileName) {
        wizard.received(fileName, file);
    }

    void dryRun() {
        wizard.dryRun();
    }

    private ImportWizard.Outcome check(InputStream in, String fileName) throws IOException {
        return outcome(imports.dryRun(in, fileName), false);
    }

    private ImportWizard.Outcome applied(InputStream in, String fileName) throws IOException {
        try {
            return outcome(imports.apply(in, fileName, ClientAddress.current()), true);
        } catch (CompletionImportRejectedException e) {
            return outcome(e.report(), false);
        }
    }

    private ImportWizard.Outcome outcome(CompletionImportReport report, boolean applied) {
        var outcome = ImportWizard.Outcome.of(
                report.problems(),
                applied,
                getTranslation(
                        applied ? "completion.import.done" : "completion.import.ready",
                        report.rows(),
                        report.matched(),
                        report.held(),
                        report.unchanged()));
        return applied
                ? outcome.withNotice(getTranslation(
                        "completion.import.applied", report.matched(), report.held(), report.unchanged()))
                : outcome;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("completion.import.title") + " · DigiLit";
    }
}
