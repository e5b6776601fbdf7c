package org.digilit.account.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import org.digilit.account.AccountImportRejectedException;
import org.digilit.account.AccountImportReport;
import org.digilit.account.AccountImportService;
import org.digilit.account.ImportProgress;
import org.digilit.base.ImportWizard;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.Roles;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * The people import wizard: upload a CSV or XLSX file (up to 200 MB, hundreds of thousands of rows), check it (the dry
 * run reports every problem with row and column, downloadable, and what applying would create, update or leave),
 * then apply it. Both steps run in the background with a progress bar; the page stays usable.
 */
@Route("accounts/import")
@RolesAllowed({Roles.ORG_ADMIN, Roles.PLATFORM_ADMIN})
class AccountImportView extends Main implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(AccountImportView.class);
    private static final int POLL_MILLIS = 500;

    private final transient AccountImportService imports;
    private final ImportWizard wizard = new ImportWizard(
            AccountImportService.MAX_FILE_BYTES, "people-import.rejected-file", "people-import-problems.csv");
    private final ProgressBar progressBar = new ProgressBar();
    private final Paragraph progressText = new Paragraph();
    private final H2 matchesTitle = new H2();
    private final Grid<AccountImportReport.Match> matches = new Grid<>();
    private final Button check = new Button();
    private final Anchor queue = new Anchor("accounts/verification");
    private transient @Nullable ImportProgress progress;
    private boolean applying;
    private @Nullable Registration pollListener;

    AccountImportView(AccountImportService imports) {
        this.imports = imports;
        addClassName("page");
        addClassName("account-import");
        // The shared steps; the page runs them in the background, with a progress bar.
        wizard.actions(() -> start(false), () -> start(true));

        matchesTitle.setText(getTranslation("people-import.matches"));
        matchesTitle.setVisible(false);
        matches.addColumn(AccountImportReport.Match::row)
                .setHeader(getTranslation("import.row"))
                .setAutoWidth(true);
        matches.addColumn(this::describe)
                .setHeader(getTranslation("people-import.match"))
                .setFlexGrow(1);
        matches.setVisible(false);
        matches.addClassName("import-matches");

        check.setText(getTranslation("people-import.check"));
        check.setEnabled(false);
        check.addClickListener(click -> start(false));
        queue.setText(getTranslation("people-import.to-queue"));
        queue.setVisible(false);

        progressBar.setVisible(false);
        progressBar.getElement().setAttribute("aria-label", getTranslation("people-import.progress"));
        progressText.setVisible(false);
        add(
                new H1(getTranslation("people-import.title")),
                new Paragraph(getTranslation("people-import.help")),
                new Paragraph(getTranslation("people-import.columns")),
                wizard.upload(),
                progressBar,
                progressText,
                wizard.summary(),
                check,
                wizard.applyButton(),
                queue,
                wizard.download(),
                wizard.problems(),
                matchesTitle,
                matches);
    }

    private synchronized void start(boolean applyFile) {
        var file = wizard.file();
        if (file == null || progress != null) {
            return;
        }
        var name = wizard.fileName();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            wizard.error(getTranslation("import.unreadable"));
            return;
        }
        var running = new ImportProgress(size);
        progress = running;
        applying = applyFile;
        check.setEnabled(false);
        wizard.applyButton().setEnabled(false);
        progressBar.setValue(0);
        progressBar.setVisible(true);
        progressText.setVisible(true);
        progressText.setText(getTranslation(applyFile ? "people-import.applying" : "people-import.checking", 0));
        var ui = UI.getCurrent();
        ui.setPollInterval(POLL_MILLIS);
        var address = Addresses.client();
        Thread.ofVirtual().name("people-import").start(new DelegatingSecurityContextRunnable(() -> {
            AccountImportReport report = null;
            String failure = null;
            try {
                report = applyFile
                        ? imports.apply(file, name, running, address)
                        : imports.dryRun(file, name, running, address);
            } catch (AccountImportRejectedException e) {
                report = e.report();
            } catch (OutOfScopeException e) {
                failure = "denied.title";
            } catch (IOException | RuntimeException e) {
                log.warn("People import failed: {}", e.toString());
                failure = "import.unreadable";
            }
            var result = report;
            var problem = failure;
            ui.access(() -> finished(result, problem, applyFile));
        }));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        pollListener = event.getUI().addPollListener(poll -> {
            var running = progress;
            if (running != null) {
                progressBar.setValue(running.fraction());
                progressText.setText(
                        getTranslation(applying ? "people-import.applying" : "people-import.checking", running.rows()));
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (pollListener != null) {
            pollListener.remove();
            pollListener = null;
        }
    }

    private synchronized void finished(
            @Nullable AccountImportReport report, @Nullable String failure, boolean applied) {
        progress = null;
        UI.getCurrent().setPollInterval(-1);
        progressBar.setVisible(false);
        progressText.setVisible(false);
        check.setEnabled(wizard.file() != null);
        if (report == null) {
            wizard.error(getTranslation(failure == null ? "import.unreadable" : failure));
            return;
        }
        var summary = new ArrayList<String>();
        summary.add(getTranslation(
                report.applied() ? "people-import.done" : "people-import.ready",
                report.rows(),
                report.created(),
                report.updated(),
                report.unchanged()));
        if (report.claimed() + report.moveRequested() > 0) {
            summary.add(getTranslation(
                    report.applied() ? "people-import.elsewhere.done" : "people-import.elsewhere",
                    report.claimed(),
                    report.moveRequested()));
        }
        var notice =
                report.applied() ? getTranslation("people-import.applied", report.created(), report.updated()) : null;
        wizard.show(new ImportWizard.Outcome(
                report.valid(), report.problemCount(), report.problems(), report.applied(), summary, notice));
        if (report.applied()) {
            check.setEnabled(false);
        }
        if (applied) {
            wizard.applyButton().setEnabled(false); // an apply that did not apply is not offered again
        }
        queue.setVisible(report.applied() && report.created() + report.updated() > 0);
        matches.setItems(report.matches());
        matches.setVisible(!report.matches().isEmpty());
        matchesTitle.setVisible(!report.matches().isEmpty());
    }

    /** "Unchanged", or the columns the row changes, in the reader's language. */
    private String describe(AccountImportReport.Match match) {
        if (match.kind() == AccountImportReport.Match.Kind.MOVE_REQUEST) {
            return getTranslation("people-import.match.move-request");
        }
        if (match.kind() == AccountImportReport.Match.Kind.CLAIM) {
            return getTranslation("people-import.match.claim");
        }
        if (match.changedColumns().isEmpty()) {
            return getTranslation("people-import.match.unchanged");
        }
        return getTranslation(
                "people-import.match.changes",
                String.join(
                        ", ",
                        match.changedColumns().stream()
                                .map(column -> getTranslation("people-import.column." + column))
                                .toList()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("people-import.title") + " · DigiLit";
    }
}
