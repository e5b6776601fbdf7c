package org.digilit.organisation.ui;

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
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.digilit.base.ImportProblemReport;
import org.digilit.base.ImportProblemsGrid;
import org.digilit.base.LimitedUploadHandler;
import org.digilit.base.UploadTexts;
import org.digilit.organisation.ImportRejectedException;
import org.digilit.organisation.ImportReport;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.Roles;
import org.jspecify.annotations.Nullable;

/**
 * The import wizard: upload a CSV or XLSX file, read the dry run's report (every problem with its row and column,
 * downloadable), and apply the file only when it has none.
 */
@Route("organisations/import")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORG_ADMIN})
class OrganisationImportView extends Main implements HasDynamicTitle {

    private final transient OrganisationImportService imports;
    private final Div summary = new Div();
    private final ImportProblemsGrid problems = new ImportProblemsGrid();
    private final Anchor download = new Anchor();
    private final Button apply = new Button();
    private @Nullable Path uploaded;
    private String uploadedName = "";

    OrganisationImportView(OrganisationImportService imports) {
        this.imports = imports;
        addClassName("page");

        // The size limit holds on the server while the bytes arrive (issue #14); the file is deleted once applied,
        // replaced, or when the view closes.
        var upload = new Upload(new LimitedUploadHandler(
                OrganisationImportService.MAX_FILE_BYTES,
                (name, file) -> {
                    synchronized (this) {
                        deleteUpload();
                        uploaded = file;
                        uploadedName = name;
                    }
                },
                () -> showError(getTranslation("import.rejected-file"))));
        upload.setI18n(UploadTexts.of(this::getTranslation));
        upload.setAcceptedFileExtensions(".csv", ".xlsx");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) OrganisationImportService.MAX_FILE_BYTES);
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
        add(
                new H1(getTranslation("import.title")),
                new Paragraph(getTranslation("import.help")),
                upload,
                summary,
                apply,
                download,
                problems);
    }

    private synchronized void dryRun() {
        if (uploaded == null) {
            return;
        }
        try (var in = Files.newInputStream(uploaded)) {
            var report = imports.dryRun(in, uploadedName);
            show(report, false);
            if (!report.valid()) {
                deleteUpload(); // it cannot be applied: nothing will read it again
            }
        } catch (IOException e) {
            showError(getTranslation("import.unreadable"));
            deleteUpload();
        }
    }

    /** Deletes the uploaded file (issue #14: an upload lives only until the import has read it). */
    private synchronized void deleteUpload() {
        if (uploaded != null) {
            LimitedUploadHandler.delete(uploaded);
            uploaded = null;
        }
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        deleteUpload();
    }

    private synchronized void applyFile() {
        if (uploaded == null) {
            return;
        }
        try (var in = Files.newInputStream(uploaded)) {
            var report = imports.apply(in, uploadedName, clientAddress());
            show(report, true);
            var done = Notification.show(getTranslation(
                    "import.applied", report.created(), report.updated(), report.moved(), report.unchanged()));
            done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            deleteUpload();
        } catch (ImportRejectedException e) {
            show(e.report(), false);
        } catch (OutOfScopeException e) {
            showError(getTranslation("denied.title"));
        } catch (IOException e) {
            showError(getTranslation("import.unreadable"));
        }
    }

    private void show(ImportReport report, boolean applied) {
        summary.removeAll();
        if (report.valid()) {
            summary.add(new Paragraph(getTranslation(
                    applied ? "import.done" : "import.ready",
                    report.rows(),
                    report.created(),
                    report.updated(),
                    report.moved(),
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
                    new ByteArrayInputStream(csv), "import-problems.csv", "text/csv;charset=UTF-8", csv.length)));
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
        return getTranslation("import.title") + " · DigiLit";
    }
}
