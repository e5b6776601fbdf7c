package org.digilit.device.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import java.util.Locale;
import org.digilit.device.DeviceLedger;
import org.digilit.device.DeviceRequest;

/** The head of a device request's card, as the officer's list and the requester's own list show it. */
final class RequestCards {

    private RequestCards() {}

    /** A card headed by the request's number (also its {@code data-number}, which the walks find it by). */
    static Div card(DeviceRequest request) {
        var card = new Div();
        card.addClassName("request-card");
        card.getElement().setAttribute("data-number", request.number());
        card.add(new H2(request.number()));
        return card;
    }

    /** Where the device is needed, in the reader's language; empty when the organisation is not known. */
    static String place(DeviceLedger ledger, DeviceRequest request, Locale locale) {
        return ledger.place(request.organisationId()).map(o -> o.name(locale)).orElse("");
    }
}
