package org.digilit.device.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.digilit.base.ProgrammeTime;
import org.digilit.device.DeviceLedger;

/** One device's public timeline: its ledger entries, oldest first (what a receipt's QR code leads to). */
@Route("ledger/device/:code")
@AnonymousAllowed
class DeviceTimelineView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    private final transient DeviceLedger ledger;
    private final Div timeline = new Div();

    private final ProgrammeTime time;

    DeviceTimelineView(DeviceLedger ledger, ProgrammeTime time) {
        this.time = time;
        this.ledger = ledger;
        addClassNames("page", "narrow", "device-timeline");
        timeline.addClassName("ledger-entries");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var code = event.getRouteParameters().get("code").orElse("");
        removeAll();
        add(new H1(getTranslation("device.timeline.title", code)));
        timeline.removeAll();
        var entries = ledger.timeline(code);
        var cards = new LedgerCards(ledger, time, getLocale(), this::getTranslation);
        entries.forEach(entry -> timeline.add(cards.card(entry, false)));
        if (entries.isEmpty()) {
            timeline.add(new Paragraph(getTranslation("device.timeline.unknown")));
        }
        add(timeline, new Paragraph(new Anchor("ledger", getTranslation("device.ledger.title"))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("device.ledger.title") + " · DigiLit";
    }
}
