package org.digilit.device.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.digilit.base.ProgrammeTime;
import org.digilit.device.DeviceLedger;
import org.digilit.device.DeviceRequest;
import org.digilit.device.RequestPriority;
import org.digilit.device.RequestService;
import org.digilit.device.RequestStatus;
import org.digilit.security.Roles;

/**
 * Device requests of the organisations in scope, most urgent first: approve with a priority, or reject with a reason.
 * A learner named by identity number shows only that: the number is never shown.
 */
@Route("devices/requests")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORG_ADMIN, Roles.DEVICE_OFFICER, Roles.WORKING_GROUP})
@Menu(title = "device.menu.requests", order = 61)
class DeviceRequestListView extends Main implements HasDynamicTitle {

    private final transient RequestService requests;
    private final transient DeviceLedger ledger;
    private final Select<RequestStatus> status = new Select<>();
    private final Div cards = new Div();

    private final ProgrammeTime time;

    DeviceRequestListView(RequestService requests, DeviceLedger ledger, ProgrammeTime time) {
        this.time = time;
        this.requests = requests;
        this.ledger = ledger;
        addClassNames("page", "narrow", "device-requests");
        status.setLabel(getTranslation("device.requests.status"));
        status.setItems(RequestStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("device.request-status." + s.name()));
        status.setValue(RequestStatus.PENDING);
        status.addValueChangeListener(change -> refresh());
        status.addClassName("requests-status");
        cards.addClassName("request-cards");
        add(new H1(getTranslation("device.menu.requests")), status, cards);
        refresh();
    }

    private void refresh() {
        cards.removeAll();
        var list = requests.list(status.getValue(), 0, 200);
        if (list.isEmpty()) {
            cards.add(new Paragraph(getTranslation("device.requests.none")));
        }
        for (var request : list) {
            cards.add(card(request));
        }
    }

    private Div card(DeviceRequest request) {
        var card = RequestCards.card(request);
        var place = RequestCards.place(ledger, request, getLocale());
        card.add(new Paragraph(place + " · " + getTranslation("device.need." + request.need()) + " · "
                + getTranslation("device.priority." + request.priority().name())));
        card.add(new Paragraph(
                request.byIdentityNumber()
                        ? getTranslation("device.requests.learner-identity")
                        : getTranslation("device.requests.learner-account", request.learnerUsername())));
        card.add(new Paragraph(request.reason()));
        card.add(new Paragraph(getTranslation(
                "device.requests.by", request.requestedBy(), time.date().format(request.requestedAt()))));
        if (request.rejectionReason() != null) {
            card.add(new Paragraph(getTranslation("device.requests.rejected-because", request.rejectionReason())));
        }
        if (request.status() == RequestStatus.PENDING) {
            var priority = new Select<RequestPriority>();
            priority.setLabel(getTranslation("device.requests.priority"));
            priority.setItems(RequestPriority.values());
            priority.setItemLabelGenerator(p -> getTranslation("device.priority." + p.name()));
            priority.setValue(request.priority());
            var approve = new Button(getTranslation("device.requests.approve"), click -> {
                if (Problems.run(this, () -> requests.approve(request.id(), priority.getValue()), "device.done")) {
                    refresh();
                }
            });
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            approve.addClassName("request-approve");
            var reason = new TextField(getTranslation("device.requests.reason"));
            reason.setMaxLength(DeviceRequest.REASON_MAX_LENGTH);
            reason.setWidthFull();
            reason.addClassName("request-reason");
            var reject = new Button(getTranslation("device.requests.reject"), click -> {
                if (Problems.run(this, () -> requests.reject(request.id(), reason.getValue()), "device.done")) {
                    refresh();
                }
            });
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
            reject.addClassName("request-reject");
            var row = new FlexLayout(priority, approve);
            row.addClassName("request-actions");
            card.add(row, reason, reject);
        }
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("device.menu.requests") + " · DigiLit";
    }
}
