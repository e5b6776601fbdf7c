package org.digilit.device.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
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
import org.digilit.device.DeviceImportRejectedException;
import org.digilit.device.DeviceImportReport;
import org.digilit.device.DeviceImportService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.Roles;
import org.jspecify.annotations.Nullable;

/**
 * The supply import: upload a CSV or XLSX file (serial, kind, model, batch, storage_point), read the check (every
 * problem with its row and column, downloadable), apply only a clean file.
 */
@Route("devices/import")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORG_ADMIN, Roles.DEVICE_OFFICER})
@Menu(title = "device.menu.import", order = 62)
class DeviceImportView extends Main implements HasDynamicTitle {

    private final transient DeviceImportService imports;
    private final Div summary = new Div();
    private final ImportProblemsGrid problems = new ImportProblemsGrid();
    private final Anchor download = new Anchor();
    private final Button apply = new Button();
    private @Nullable Path uploaded;
    private String uploadedName = "";

    DeviceImportView(DeviceImportService imports) {
        this.imports = imports;
        addClassNames("page", "device-import");
        var upload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
            var copy = Files.createTempFile("digilit-devices-", ".upload");
            Files.copy(file.toPath(), copy, StandardCopyOption.REPLACE_EXISTING);
            synchronized (this) {
                uploaded = copy;
                uploadedName = metadata.fileName();
            }
        }));
        upload.setI18n(UploadTexts.of(this::getTranslation));
        upload.setAcceptedFileExtensions(".csv", ".xlsx");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) DeviceImportService.MAX_BYTES);
        upload.addAllFinishedListener(finished -> check());
        download.setText(getTranslation("import.download-report"));
        download.setVisible(false);
        apply.setText(getTranslation("import.apply"));
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.setDisableOnClick(true);
        apply.addClickListener(click -> applyFile());
        apply.addClassName("device-import-apply");
        summary.addClassName("import-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        add(
                new H1(getTranslation("device.menu.import")),
                new Paragraph(getTranslation("device.import.help")),
                upload,
                summary,
                apply,
                download,
                problems);
    }

    synchronized void check() {
        if (uploaded == null) {
            return;
        }
        try (InputStream in = Files.newInputStream(uploaded)) {
            show(imports.check(in, uploadedName));
        } catch (OutOfScopeException e) {
            Problems.show(this, getTranslation("device.problem.out-of-scope"));
        } catch (IOException e) {
            Problems.show(this, getTranslation("import.unreadable"));
        }
    }

    synchronized void applyFile() {
        if (uploaded == null) {
            return;
        }
        try (InputStream in = Files.newInputStream(uploaded)) {
            show(imports.apply(in, uploadedName));
        } catch (DeviceImportRejectedException e) {
            show(e.report());
        } catch (OutOfScopeException e) {
            Problems.show(this, getTranslation("device.problem.out-of-scope"));
        } catch (IOException e) {
            Problems.show(this, getTranslation("import.unreadable"));
        }
    }

    /** For tests and the upload: a file given by path. */
    synchronized void useFile(Path file, String name) {
        uploaded = file;
        uploadedName = name;
    }

    private void show(DeviceImportReport report) {
        summary.removeAll();
        var valid = report.problems().isEmpty();
        summary.add(new Paragraph(
                valid
                        ? getTranslation(
                                report.applied() ? "device.import.done" : "device.import.ready",
                                report.rows(),
                                report.created(),
                                report.unchanged())
                        : getTranslation("import.invalid", report.problems().size())));
        problems.show(report.problems());
        problems.setVisible(!valid);
        apply.setEnabled(valid && !report.applied());
        download.setVisible(!valid);
        if (!valid) {
            var csv = ImportProblemReport.csv(report.problems(), this::getTranslation)
                    .getBytes(StandardCharsets.UTF_8);
            download.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(csv),
                    "device-import-problems.csv",
                    "text/csv;charset=UTF-8",
                    csv.length)));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("device.menu.import") + " · DigiLit";
    }
}
