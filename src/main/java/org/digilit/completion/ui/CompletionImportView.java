package org.digilit.completion.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.digilit.base.ImportProblemReport;
import org.digilit.base.ImportProblemsGrid;
import org.digilit.base.UploadTexts;
import org.digilit.completion.CompletionImportRejectedException;
import org.digilit.completion.CompletionImportReport;
import org.digilit.completion.CompletionImportService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.Roles;
import org.jspecify.annotations.Nullable;

/**
 * Completions from other platforms: upload a CSV or XLSX file, read the dry run (what would be matched, held or left
 * unchanged, and every problem with its row and column, downloadable), and apply it only when it has none.
 */
@Route(CompletionImportView.ROUTE)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORG_ADMIN})
@Menu(title = "nav.completions", order = 29)
class CompletionImportView extends Main implements HasDynamicTitle {

    static final String ROUTE = "completions/import";

    private final transient CompletionImportService imports;
    private final Div summary = new Div();
    private final ImportProblemsGrid problems = new ImportProblemsGrid();
    private final Anchor download = new Anchor();
    private final Button apply = new Button();
    private @Nullable Path uploaded;
    private String uploadedName = "";

    CompletionImportView(CompletionImportService imports) {
        this.imports = imports;
        addClassName("page");
        addClassName("completion-import");

        var upload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
            var copy = Files.createTempFile("digilit-completions-", ".upload");
            Files.copy(file.toPath(), copy, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(file.toPath());
            received(copy, metadata.fileName());
        }));
        upload.setI18n(UploadTexts.of(this::getTranslation));
        upload.setAcceptedFileExtensions(".csv", ".xlsx");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, CompletionImportService.MAX_FILE_BYTES));
        upload.addFileRejectedListener(rejected -> showError(getTranslation("import.rejected-file")));
        upload.addAllFinishedListener(finished -> dryRun());

        download.setText(getTranslation("import.download-report"));
        download.setVisible(false);

        apply.setText(getTranslation("import.apply"));
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.setDisableOnClick(true);
        apply.addClickListener(click -> applyFile());

        summary.addClassName("import-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        var links = new Div(
                new Anchor(HoldingListView.ROUTE, getTranslation("completion.holding.title")),
                new Anchor(ExternalPlatformsView.ROUTE, getTranslation("completion.platforms.title")));
        links.addClassName("completion-links");
        add(
                new H1(getTranslation("completion.import.title")),
                new Paragraph(getTranslation("completion.import.help")),
                links,
                upload,
                summary,
                apply,
                download,
                problems);
    }

    /** A file arrived (the upload's handler; tests call it directly). */
    synchronized void received(Path file, String fileName) {
        uploaded = file;
        uploadedName = fileName;
    }

    synchronized void dryRun() {
        if (uploaded == null) {
            return;
        }
        try (InputStream in = Files.newInputStream(uploaded)) {
            show(imports.dryRun(in, uploadedName), false);
        } catch (IOException e) {
            showError(getTranslation("import.unreadable"));
        } catch (OutOfScopeException e) {
            showError(getTranslation("denied.title"));
        }
    }

    private synchronized void applyFile() {
        if (uploaded == null) {
            return;
        }
        try (InputStream in = Files.newInputStream(uploaded)) {
            var report = imports.apply(in, uploadedName, clientAddress());
            show(report, true);
            var done = Notification.show(
                    getTranslation("completion.import.applied", report.matched(), report.held(), report.unchanged()));
            done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (CompletionImportRejectedException e) {
            show(e.report(), false);
        } catch (OutOfScopeException e) {
            showError(getTranslation("denied.title"));
        } catch (IOException e) {
            showError(getTranslation("import.unreadable"));
        }
    }

    private void show(CompletionImportReport report, boolean applied) {
        summary.removeAll();
        if (report.valid()) {
            summary.add(new Paragraph(getTranslation(
                    applied ? "completion.import.done" : "completion.import.ready",
                    report.rows(),
                    report.matched(),
                    report.held(),
                    report.unchanged())));
        } else {
            summary.add(new Paragraph(
                    getTranslation("import.invalid", report.problems().size())));
        }
        problems.show(report.problems());
        problems.setVisible(!report.valid());
        apply.setEnabled(report.valid() && !applied);
        download.setVisible(!report.valid());
        if (!report.valid()) {
            var csv = ImportProblemReport.csv(report.problems(), this::getTranslation)
                    .getBytes(StandardCharsets.UTF_8);
            download.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(csv), "completion-problems.csv", "text/csv;charset=UTF-8", csv.length)));
        }
    }

    private void showError(String message) {
        var error = Notification.show(message);
        error.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static @Nullable String clientAddress() {
        var request = VaadinRequest.getCurrent();
        return request == null ? null : request.getRemoteAddr();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("completion.import.title") + " · DigiLit";
    }
}
