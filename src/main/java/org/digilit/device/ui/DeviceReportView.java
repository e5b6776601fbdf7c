package org.digilit.device.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import org.digilit.base.ProgrammeTime;
import org.digilit.base.Quarter;
import org.digilit.device.DeviceReportRow;
import org.digilit.device.DeviceReportService;
import org.digilit.security.Roles;

/**
 * Device figures in scope: requested, approved, handed over and pending per organisation for a quarter; and the
 * completion rate of device recipients against the other learners.
 */
@Route("devices/report")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORG_ADMIN, Roles.DEVICE_OFFICER, Roles.WORKING_GROUP})
@Menu(title = "device.menu.report", order = 64)
class DeviceReportView extends Main implements HasDynamicTitle {

    private final transient DeviceReportService reports;
    private final Select<Quarter> quarter = new Select<>();
    private final Grid<DeviceReportRow> grid = new Grid<>();
    private final Div totals = new Div();

    private final ProgrammeTime time;

    DeviceReportView(DeviceReportService reports, ProgrammeTime time) {
        this.time = time;
        this.reports = reports;
        addClassNames("page", "device-report");
        var current = time.quarter();
        var quarters = new ArrayList<Quarter>();
        for (var q = current; quarters.size() < 8; q = q.previous()) {
            quarters.add(q);
        }
        quarter.setLabel(getTranslation("device.report.quarter"));
        quarter.setItems(quarters);
        quarter.setItemLabelGenerator(Quarter::toString);
        quarter.setValue(current);
        quarter.addValueChangeListener(change -> refresh());
        grid.addColumn(r -> r.name(getLocale()))
                .setHeader(getTranslation("device.report.organisation"))
                .setFlexGrow(2);
        grid.addColumn(DeviceReportRow::requested).setHeader(getTranslation("device.report.requested"));
        grid.addColumn(DeviceReportRow::approved).setHeader(getTranslation("device.report.approved"));
        grid.addColumn(DeviceReportRow::handedOver).setHeader(getTranslation("device.report.handed-over"));
        grid.addColumn(DeviceReportRow::pending).setHeader(getTranslation("device.report.pending"));
        grid.setAllRowsVisible(true);
        grid.addClassName("device-report-grid");
        totals.addClassName("device-report-totals");
        var completion = reports.completion();
        var comparison = new Div(
                new H2(getTranslation("device.report.completion")),
                new Paragraph(getTranslation(
                        "device.report.recipients",
                        completion.recipientsCompleted(),
                        completion.recipients(),
                        String.format(getLocale(), "%.1f", completion.recipientRate()))),
                new Paragraph(getTranslation(
                        "device.report.others",
                        completion.othersCompleted(),
                        completion.others(),
                        String.format(getLocale(), "%.1f", completion.otherRate()))));
        comparison.addClassName("device-completion");
        add(new H1(getTranslation("device.menu.report")), quarter, totals, grid, comparison);
        refresh();
    }

    private void refresh() {
        var rows = reports.quarter(quarter.getValue());
        grid.setItems(rows);
        totals.removeAll();
        totals.add(new Paragraph(getTranslation(
                "device.report.totals",
                rows.stream().mapToLong(DeviceReportRow::requested).sum(),
                rows.stream().mapToLong(DeviceReportRow::approved).sum(),
                rows.stream().mapToLong(DeviceReportRow::handedOver).sum(),
                rows.stream().mapToLong(DeviceReportRow::pending).sum())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("device.menu.report") + " · DigiLit";
    }
}
