package org.digilit.device.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import org.digilit.base.ProgrammeTime;
import org.digilit.device.CollectionPoint;
import org.digilit.device.DeviceItem;
import org.digilit.device.DeviceNavigation;
import org.digilit.device.DeviceService;
import org.digilit.device.DeviceStage;
import org.digilit.device.RequestService;
import org.digilit.device.RequestStatus;
import org.digilit.device.WipeMethod;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OrganisationSummary;
import org.digilit.security.Roles;

/**
 * A collection or storage point's stock on the officer's phone: the reconciliation (a mismatch shown in red, with the
 * missing devices), a device found by code or serial and moved along its life (receive, wipe with the method, repair
 * with the parts, ready, allocate to an approved request, hand over with the recipient's code, defective, recycle),
 * the devices at the point, a stocktake, and flagging a point.
 */
@Route(DeviceNavigation.STOCK)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORG_ADMIN, Roles.DEVICE_OFFICER, Roles.WORKING_GROUP})
@Menu(title = "device.menu.stock", order = 60)
class DeviceStockView extends Main implements HasDynamicTitle {

    private final transient DeviceService devices;
    private final transient RequestService requests;
    private final ComboBox<CollectionPoint> point = new ComboBox<>();
    private final Div reconciliation = new Div();
    private final TextField find = new TextField();
    private final Div panel = new Div();
    private final Div list = new Div();

    private final ProgrammeTime time;

    DeviceStockView(
            DeviceService devices, RequestService requests, OrganisationService organisations, ProgrammeTime time) {
        this.time = time;
        this.devices = devices;
        this.requests = requests;
        addClassNames("page", "narrow", "device-stock");
        point.setLabel(getTranslation("device.stock.point"));
        point.setItems(devices.pointsInScope());
        point.setItemLabelGenerator(p -> p.name(getLocale()) + " · " + p.code());
        point.setWidthFull();
        point.addClassName("stock-point");
        point.addValueChangeListener(change -> refresh());
        reconciliation.addClassName("stock-reconciliation");
        find.setLabel(getTranslation("device.stock.find"));
        find.setHelperText(getTranslation("device.stock.find.help"));
        find.setWidthFull();
        find.addClassName("stock-find");
        var open = new Button(getTranslation("device.stock.open"), click -> open(find.getValue()));
        open.addClassName("stock-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var findRow = new FlexLayout(find, open);
        findRow.addClassName("verify-form");
        panel.addClassName("device-panel");
        list.addClassName("stock-devices");
        add(
                new H1(getTranslation("device.menu.stock")),
                new Paragraph(
                        new Anchor("devices/requests", getTranslation("device.menu.requests")),
                        new Span(" · "),
                        new Anchor("devices/import", getTranslation("device.menu.import")),
                        new Span(" · "),
                        new Anchor("devices/report", getTranslation("device.menu.report")),
                        new Span(" · "),
                        new Anchor("ledger", getTranslation("device.ledger.title"))),
                point,
                reconciliation,
                findRow,
                panel,
                list,
                stocktake(),
                flagPoint(organisations));
        devices.pointsInScope().stream().findFirst().ifPresent(point::setValue);
    }

    private void refresh() {
        reconciliation.removeAll();
        list.removeAll();
        var chosen = point.getValue();
        if (chosen == null) {
            return;
        }
        var stock = devices.reconcile(chosen.organisationId());
        reconciliation.setClassName("stock-mismatch", !stock.balanced());
        reconciliation.add(new Paragraph(getTranslation(
                "device.stock.equation",
                stock.received(),
                stock.handedOver(),
                stock.inStock(),
                stock.defective(),
                stock.recycled())));
        if (!stock.balanced()) {
            var warning = new Paragraph(
                    getTranslation("device.stock.mismatch", stock.mismatch(), String.join(", ", stock.missing())));
            warning.addClassName("stock-mismatch-text");
            reconciliation.add(warning);
        }
        if (stock.lastStocktake() != null) {
            reconciliation.add(new Paragraph(getTranslation(
                    "device.stock.last-stocktake", time.dateTime().format(stock.lastStocktake()))));
        }
        list.add(new H2(getTranslation("device.stock.devices")));
        for (var device : devices.devicesAt(chosen.organisationId(), 0, 100)) {
            var row = new Button(
                    device.publicCode() + " · "
                            + getTranslation("device.kind." + device.kind().name()) + " · "
                            + getTranslation("device.stage." + device.stage().name()),
                    click -> show(device.id(), device.publicCode()));
            row.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            row.addClassName("stock-device");
            list.add(new Div(row));
        }
    }

    private void open(String code) {
        var device = devices.find(code).orElse(null);
        if (device == null) {
            Problems.show(this, getTranslation("device.problem.unknown-device"));
            return;
        }
        show(device.id(), device.publicCode());
    }

    private void show(long id, String code) {
        panel.removeAll();
        var device = devices.find(code).orElse(null);
        if (device == null) {
            return;
        }
        panel.add(new H2(code));
        panel.add(new Paragraph(getTranslation("device.kind." + device.kind().name())
                + (device.model() == null ? "" : " · " + device.model())
                + (device.serial() == null ? "" : " · " + device.serial())));
        var stage =
                new Paragraph(getTranslation("device.stage." + device.stage().name()));
        stage.addClassName("device-stage");
        stage.getElement().setAttribute("data-stage", device.stage().name());
        panel.add(stage);
        if (device.requestNumber() != null) {
            panel.add(new Paragraph(getTranslation("device.ledger.request", device.requestNumber())));
        }
        actions(device);
        var history = new Div();
        for (var event : devices.history(id)) {
            history.add(new Paragraph(time.dateTime().format(event.occurredAt()) + " · "
                    + getTranslation("device.stage." + event.stage().name()) + " · " + event.actor()
                    + (event.details() == null ? "" : " · " + event.details())));
        }
        panel.add(new Details(getTranslation("device.stock.history"), history));
    }

    private void actions(DeviceItem device) {
        var id = device.id();
        Runnable again = () -> {
            show(id, device.publicCode());
            refresh();
        };
        switch (device.stage()) {
            case OFFERED ->
                panel.add(action(
                        "device.action.receive",
                        "action-receive",
                        () -> {
                            // A device dropped at a point is received there; one picked up, at the point chosen above.
                            var chosen = point.getValue();
                            if (device.pointId() != null) {
                                devices.receive(id, device.pointId());
                            } else if (chosen != null) {
                                devices.receive(id, chosen.organisationId());
                            } else {
                                throw new org.digilit.device.DeviceProblem("not-a-point");
                            }
                        },
                        again));
            case RECEIVED -> {
                var method = new Select<WipeMethod>();
                method.setLabel(getTranslation("device.wipe.method"));
                method.setItems(WipeMethod.values());
                method.setItemLabelGenerator(m -> getTranslation("device.wipe." + m.name()));
                method.setValue(WipeMethod.FACTORY_RESET);
                method.addClassName("wipe-method");
                method.setWidthFull();
                var note = new TextField(getTranslation("device.wipe.note"));
                note.setWidthFull();
                panel.add(
                        method,
                        note,
                        action(
                                "device.action.wipe",
                                "action-wipe",
                                () -> devices.wipe(id, method.getValue(), note.getValue()),
                                again));
            }
            case WIPED, DEFECTIVE -> {
                var parts = new TextField(getTranslation("device.repair.parts"));
                parts.setWidthFull();
                parts.addClassName("repair-parts");
                panel.add(
                        parts,
                        action(
                                "device.action.repair",
                                "action-repair",
                                () -> devices.repair(id, parts.getValue()),
                                again));
                if (device.stage() == DeviceStage.WIPED) {
                    panel.add(action("device.action.ready", "action-ready", () -> devices.ready(id), again));
                }
            }
            case REPAIRED -> panel.add(action("device.action.ready", "action-ready", () -> devices.ready(id), again));
            case READY -> {
                var request = new ComboBox<org.digilit.device.DeviceRequest>(getTranslation("device.allocate.request"));
                request.setItems(requests.list(RequestStatus.APPROVED, 0, 200));
                request.setItemLabelGenerator(r -> r.number() + " · " + getTranslation("device.need." + r.need())
                        + " · "
                        + getTranslation("device.priority." + r.priority().name()));
                request.setWidthFull();
                request.addClassName("allocate-request");
                panel.add(
                        request,
                        action(
                                "device.action.allocate",
                                "action-allocate",
                                () -> {
                                    if (request.getValue() == null) {
                                        throw new org.digilit.device.DeviceProblem("no-request");
                                    }
                                    devices.allocate(id, request.getValue().id());
                                },
                                again));
            }
            case ALLOCATED -> {
                var code = new TextField(getTranslation("device.handover.code"));
                code.setHelperText(getTranslation("device.handover.code.help"));
                code.getElement().setAttribute("inputmode", "numeric");
                code.getElement().setAttribute("autocomplete", "one-time-code");
                code.setWidthFull();
                code.addClassName("handover-code");
                var guardian = new Checkbox(getTranslation("device.handover.guardian"));
                guardian.addClassName("handover-guardian");
                panel.add(
                        code,
                        guardian,
                        action(
                                "device.action.handover",
                                "action-handover",
                                () -> devices.handOver(id, code.getValue(), guardian.getValue()),
                                again));
            }
            case HANDED_OVER, RECYCLED -> {}
        }
        if (device.stage().allows(DeviceStage.DEFECTIVE) || device.stage().allows(DeviceStage.RECYCLED)) {
            var note = new TextField(getTranslation("device.note"));
            note.setWidthFull();
            var row = new FlexLayout();
            row.addClassName("device-secondary-actions");
            if (device.stage().allows(DeviceStage.DEFECTIVE)) {
                row.add(action(
                        "device.action.defective",
                        "action-defective",
                        () -> devices.markDefective(id, note.getValue()),
                        again));
            }
            if (device.stage().allows(DeviceStage.RECYCLED)) {
                row.add(action(
                        "device.action.recycle", "action-recycle", () -> devices.recycle(id, note.getValue()), again));
            }
            panel.add(new Details(getTranslation("device.stock.other-actions"), note, row));
        }
    }

    private Button action(String key, String className, Runnable action, Runnable after) {
        var button = new Button(getTranslation(key), click -> {
            if (Problems.run(this, action, "device.done")) {
                after.run();
            }
        });
        button.addClassName(className);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    private Details stocktake() {
        var codes = new TextArea(getTranslation("device.stocktake.codes"));
        codes.setHelperText(getTranslation("device.stocktake.help"));
        codes.setWidthFull();
        codes.addClassName("stocktake-codes");
        var save = new Button(getTranslation("device.stocktake.save"), click -> {
            var chosen = point.getValue();
            if (chosen == null) {
                return;
            }
            if (Problems.run(
                    this,
                    () -> devices.stocktake(
                            chosen.organisationId(),
                            Arrays.asList(codes.getValue().split("[\\s,;]+"))),
                    "device.done")) {
                codes.clear();
                refresh();
            }
        });
        save.addClassName("stocktake-save");
        return new Details(getTranslation("device.stocktake.title"), codes, save);
    }

    private Details flagPoint(OrganisationService organisations) {
        var organisation = new ComboBox<OrganisationSummary>(getTranslation("device.point.organisation"));
        organisation.setItems(query ->
                organisations.search(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        organisation.setItemLabelGenerator(o -> o.name(getLocale()) + " · " + o.code());
        organisation.setWidthFull();
        var collection = new Checkbox(getTranslation("device.point.collection"), true);
        var storage = new Checkbox(getTranslation("device.point.storage"), false);
        var where = new TextField(getTranslation("device.point.address"));
        where.setWidthFull();
        var save = new Button(getTranslation("device.point.save"), click -> {
            if (organisation.getValue() == null) {
                return;
            }
            if (Problems.run(
                    this,
                    () -> devices.flagPoint(
                            organisation.getValue().id(), collection.getValue(), storage.getValue(), where.getValue()),
                    "device.done")) {
                point.setItems(devices.pointsInScope());
            }
        });
        return new Details(getTranslation("device.point.title"), organisation, collection, storage, where, save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("device.menu.stock") + " · DigiLit";
    }
}
