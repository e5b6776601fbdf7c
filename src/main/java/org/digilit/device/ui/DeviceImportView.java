package org.digilit.device.ui;

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
import org.digilit.base.ImportWizard;
import org.digilit.device.DeviceImportRejectedException;
import org.digilit.device.DeviceImportReport;
import org.digilit.device.DeviceImportService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.Roles;

/**
 * The supply import: upload a CSV or XLSX file (serial, kind, model, batch, storage_point), read the check (every
 * problem with its row and column, downloadable), apply only a clean file. The steps are the shared
 * {@link ImportWizard}'s.
 */
@Route("devices/import")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORG_ADMIN, Roles.DEVICE_OFFICER})
@Menu(title = "device.menu.import", order = 62)
class DeviceImportView extends Main implements HasDynamicTitle {

    private final transient DeviceImportService imports;
    private final ImportWizard wizard =
            new ImportWizard(DeviceImportService.MAX_BYTES, null, "device-import-problems.csv");

    DeviceImportView(DeviceImportService imports) {
        this.imports = imports;
        addClassNames("page", "device-import");
        wizard.refuses(OutOfScopeException.class, "device.problem.out-of-scope")
                .errorsShownBy(message -> Problems.show(this, message))
                .steps(this::checked, this::applied);
        wizard.applyButton().addClassName("device-import-apply");
        add(new H1(getTranslation("device.menu.import")), new Paragraph(getTranslation("device.import.help")));
        add(wizard.parts());
    }

    /** For tests and the upload: a file given by path. */
    void useFile(Path file, String name) {
        wizard.received(name, file);
    }

    void check() {
        wizard.dryRun();
    }

    private ImportWizard.Outcome checked(InputStream in, String fileName) throws IOException {
        return outcome(imports.check(in, fileName));
    }

    private ImportWizard.Outcome applied(InputStream in, String fileName) throws IOException {
        try {
            return outcome(imports.apply(in, fileName));
        } catch (DeviceImportRejectedException e) {
            return outcome(e.report());
        }
    }

    private ImportWizard.Outcome outcome(DeviceImportReport report) {
        return ImportWizard.Outcome.of(
                report.problems(),
                report.applied(),
                getTranslation(
                        report.applied() ? "device.import.done" : "device.import.ready",
                        report.rows(),
                        report.created(),
                        report.unchanged()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("device.menu.import") + " · DigiLit";
    }
}
