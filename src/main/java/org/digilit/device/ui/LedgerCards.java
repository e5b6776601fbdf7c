package org.digilit.device.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.digilit.base.ProgrammeTime;
import org.digilit.device.DeviceLedger;
import org.digilit.device.LedgerEntry;

/**
 * Ledger entries as cards for a phone: date, stage, device kind, commune, the pseudonymous request number, and the
 * signed statement (folded away) that anyone can check offline. Nothing about a person.
 */
final class LedgerCards {

    private final ProgrammeTime time;

    private final DeviceLedger ledger;
    private final Locale locale;
    private final BiFunction<String, Object[], String> translate;
    private final Map<Long, String> places = new HashMap<>();

    LedgerCards(
            DeviceLedger ledger, ProgrammeTime time, Locale locale, BiFunction<String, Object[], String> translate) {
        this.time = time;
        this.ledger = ledger;
        this.locale = locale;
        this.translate = translate;
    }

    Component card(LedgerEntry entry, boolean withDevice) {
        var card = new Div();
        card.addClassNames("ledger-entry", "stage-" + entry.stage().name().toLowerCase(Locale.ROOT));
        card.getElement().setAttribute("data-entry", String.valueOf(entry.id()));
        var head = new Div(
                span("ledger-stage", t("device.stage." + entry.stage().name())),
                span("ledger-date", time.dateTime().format(entry.occurredAt())));
        head.addClassName("ledger-head");
        card.add(head);
        var facts = new Div();
        facts.addClassName("ledger-facts");
        facts.add(span("ledger-kind", t("device.kind." + entry.kind().name())));
        var place = entry.communeId() != null ? entry.communeId() : entry.provinceId();
        if (place != null) {
            facts.add(span(
                    "ledger-place",
                    places.computeIfAbsent(
                            place,
                            id -> ledger.place(id).map(o -> o.name(locale)).orElse(""))));
        }
        if (entry.requestNumber() != null) {
            facts.add(span("ledger-request", t("device.ledger.request", entry.requestNumber())));
        }
        if (withDevice) {
            var device = new com.vaadin.flow.component.html.Anchor(
                    DeviceLedger.timelinePath(entry.deviceCode()).substring(1), entry.deviceCode());
            device.addClassName("ledger-device");
            facts.add(device);
        }
        card.add(facts);
        var statement = new Pre(entry.statement());
        statement.addClassName("ledger-statement");
        var details = new Details(t("device.ledger.signature"), statement);
        details.addClassName("ledger-signature");
        card.add(details);
        return card;
    }

    private String t(String key, Object... arguments) {
        return translate.apply(key, arguments);
    }

    private static Span span(String className, String text) {
        var span = new Span(text);
        span.addClassName(className);
        return span;
    }
}
