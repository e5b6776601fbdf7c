package org.digilit.device.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.digilit.base.PlatformAddress;
import org.digilit.base.ProgrammeTime;
import org.digilit.device.DeviceLedger;
import org.digilit.device.DonationService;

/** A donor's receipt (its QR code opens this page): when and how they gave, and each device's timeline so far. */
@Route("donate/receipt/:code")
@AnonymousAllowed
class DonationReceiptView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    private final transient DonationService donations;
    private final transient DeviceLedger ledger;
    private final transient PlatformAddress address;

    private final ProgrammeTime time;

    DonationReceiptView(DonationService donations, DeviceLedger ledger, PlatformAddress address, ProgrammeTime time) {
        this.time = time;
        this.donations = donations;
        this.ledger = ledger;
        this.address = address;
        addClassNames("page", "narrow", "donation-receipt-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1(getTranslation("device.receipt.title")));
        var code = event.getRouteParameters().get("code").orElse("");
        var receipt = donations.receipt(code, getLocale()).orElse(null);
        if (receipt == null) {
            add(new Paragraph(getTranslation("device.receipt.unknown")));
            return;
        }
        var when = time.dateTime().format(receipt.offeredAt());
        add(
                new Paragraph(getTranslation("device.donate.receipt", receipt.code())),
                new Paragraph(getTranslation(
                        "device.receipt.when",
                        when,
                        getTranslation("device.way." + receipt.way().name()),
                        receipt.placeName())),
                Qr.of(
                        address.resolve(DonationService.receiptPath(receipt.code())),
                        getTranslation("device.donate.qr")));
        var cards = new LedgerCards(ledger, time, getLocale(), this::getTranslation);
        for (var device : receipt.devices()) {
            var section = new Div();
            section.addClassName("receipt-device");
            section.add(new H2(getTranslation("device.kind." + device.kind().name()) + " · " + device.publicCode()));
            ledger.timeline(device.publicCode()).forEach(entry -> section.add(cards.card(entry, false)));
            add(section);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("device.receipt.title") + " · DigiLit";
    }
}
