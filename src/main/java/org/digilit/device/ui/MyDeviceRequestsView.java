package org.digilit.device.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.Stream;
import org.digilit.device.DeviceLedger;
import org.digilit.device.DeviceProblem;
import org.digilit.device.DeviceRequest;
import org.digilit.device.RequestForm;
import org.digilit.device.RequestPriority;
import org.digilit.device.RequestService;
import org.digilit.device.RequestStatus;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OrganisationSummary;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles;

/**
 * Requesting a device for a learner (a parent, a teacher, an organisation admin), and following one's requests; when a
 * device is allocated, the one-time code to give the officer at the handover.
 */
@Route(MyDeviceRequestsView.ROUTE)
@RolesAllowed({Roles.CITIZEN, Roles.TEACHER, Roles.ORG_ADMIN, Roles.DEVICE_OFFICER, Roles.PLATFORM_ADMIN})
@Menu(title = "device.menu.my-requests", order = 63)
class MyDeviceRequestsView extends Main implements HasDynamicTitle {

    static final String ROUTE = "devices/my-requests";

    private final transient RequestService requests;
    private final transient DeviceLedger ledger;
    private final Div mine = new Div();

    MyDeviceRequestsView(
            RequestService requests, DeviceLedger ledger, OrganisationService organisations, CurrentUser currentUser) {
        this.requests = requests;
        this.ledger = ledger;
        addClassNames("page", "narrow", "my-device-requests");
        var by = new RadioButtonGroup<String>(getTranslation("device.request.learner-by"));
        by.setItems("account", "identity");
        by.setItemLabelGenerator(k -> getTranslation("device.request.by-" + k));
        by.setValue("account");
        var username = new TextField(getTranslation("device.request.username"));
        username.setWidthFull();
        username.addClassName("request-username");
        var identity = new TextField(getTranslation("device.request.identity"));
        identity.getElement().setAttribute("autocomplete", "off");
        identity.getElement().setAttribute("inputmode", "numeric");
        identity.setWidthFull();
        identity.setVisible(false);
        identity.addClassName("request-identity");
        by.addValueChangeListener(change -> {
            username.setVisible("account".equals(change.getValue()));
            identity.setVisible("identity".equals(change.getValue()));
        });
        var own = currentUser
                .get()
                .map(u -> u.organisationCode())
                .flatMap(code -> code == null ? java.util.Optional.empty() : organisations.findByCode(code))
                .stream()
                .toList();
        var place = new ComboBox<OrganisationSummary>(getTranslation("device.request.place"));
        place.setHelperText(getTranslation("device.request.place.help"));
        place.setItems(query -> Stream.concat(
                        query.getOffset() == 0 && query.getFilter().orElse("").isEmpty()
                                ? own.stream()
                                : Stream.empty(),
                        organisations
                                .communes(query.getFilter().orElse(""), query.getOffset(), query.getLimit())
                                .stream())
                .limit(query.getLimit()));
        place.setItemLabelGenerator(o -> o.name(getLocale())); // no internal code on a citizen's page (DD014)
        place.setWidthFull();
        place.addClassName("request-place");
        var need = new Select<String>();
        need.setLabel(getTranslation("device.request.need"));
        need.setItems(List.of("ANY", "LAPTOP", "DESKTOP", "TABLET", "SMARTPHONE"));
        need.setItemLabelGenerator(n -> getTranslation("device.need." + n));
        need.setValue("ANY");
        need.setWidthFull();
        var priority = new Select<RequestPriority>();
        priority.setLabel(getTranslation("device.requests.priority"));
        priority.setItems(RequestPriority.values());
        priority.setItemLabelGenerator(p -> getTranslation("device.priority." + p.name()));
        priority.setValue(RequestPriority.NO_DEVICE_AT_HOME);
        priority.setWidthFull();
        var reason = new TextArea(getTranslation("device.request.reason"));
        reason.setMaxLength(DeviceRequest.REASON_MAX_LENGTH);
        reason.setWidthFull();
        reason.addClassName("request-reason-text");
        var send = new Button(getTranslation("device.request.send"), click -> {
            try {
                var created = requests.request(new RequestForm(
                        "account".equals(by.getValue()) ? username.getValue() : null,
                        "identity".equals(by.getValue()) ? identity.getValue() : null,
                        place.getValue() == null ? null : place.getValue().id(),
                        need.getValue(),
                        reason.getValue(),
                        priority.getValue()));
                identity.clear();
                username.clear();
                reason.clear();
                Problems.done(getTranslation("device.request.sent", created.number()));
                refresh();
            } catch (DeviceProblem e) {
                Problems.show(this, getTranslation("device.problem." + e.code()));
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClassName("request-send");
        mine.addClassName("request-cards");
        add(
                new H1(getTranslation("device.menu.my-requests")),
                new Paragraph(getTranslation("device.request.intro")),
                by,
                username,
                identity,
                place,
                need,
                priority,
                reason,
                send,
                new H2(getTranslation("device.request.mine")),
                mine);
        refresh();
    }

    private void refresh() {
        mine.removeAll();
        for (var request : requests.mine()) {
            var card = RequestCards.card(request);
            var place = RequestCards.place(ledger, request, getLocale());
            card.add(new Paragraph(place + " · " + getTranslation("device.need." + request.need())));
            var state = new Paragraph(
                    getTranslation("device.request-status." + request.status().name()));
            state.addClassName("request-state");
            card.add(state);
            if (request.rejectionReason() != null) {
                card.add(new Paragraph(getTranslation("device.requests.rejected-because", request.rejectionReason())));
            }
            if (request.status() == RequestStatus.APPROVED) {
                var code = new Div();
                code.addClassName("handover-code-shown");
                var show = new Button(getTranslation("device.request.show-code"), click -> {
                    try {
                        code.setText(requests.handoverCode(request.id()));
                    } catch (DeviceProblem e) {
                        code.setText(getTranslation("device.problem." + e.code()));
                    }
                });
                show.addClassName("request-show-code");
                card.add(new Paragraph(getTranslation("device.request.code-help")), show, code);
            }
            mine.add(card);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("device.menu.my-requests") + " · DigiLit";
    }
}
