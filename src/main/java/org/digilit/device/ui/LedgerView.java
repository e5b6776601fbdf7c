package org.digilit.device.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.LinkedHashMap;
import org.digilit.base.ProgrammeTime;
import org.digilit.device.DeviceLedger;
import org.digilit.device.DeviceStage;
import org.digilit.learning.CertificateService;
import org.digilit.organisation.OrganisationRef;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OrganisationSummary;
import org.jspecify.annotations.Nullable;

/**
 * The public device ledger per province and commune: counts per stage, then the events newest first, fifty a page
 * (each page has its own address: {@code ?province=&commune=&before=}). Every entry carries its signed statement; the
 * keys that verify it are at the certificates' key set.
 */
@Route("ledger")
@AnonymousAllowed
@com.vaadin.flow.router.Menu(title = "device.ledger.title", order = 65)
class LedgerView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    private final transient DeviceLedger ledger;
    private final Select<OrganisationRef> province = new Select<>();
    private final ComboBox<OrganisationSummary> commune = new ComboBox<>();
    private final Div counts = new Div();
    private final Div entries = new Div();
    private final Div more = new Div();
    private @Nullable Long provinceId;
    private @Nullable Long communeId;

    private final ProgrammeTime time;

    LedgerView(DeviceLedger ledger, OrganisationService organisations, ProgrammeTime time) {
        this.time = time;
        this.ledger = ledger;
        addClassNames("page", "narrow", "ledger");
        province.setLabel(getTranslation("device.ledger.province"));
        province.setEmptySelectionAllowed(true);
        province.setEmptySelectionCaption(getTranslation("device.ledger.all"));
        province.setItemLabelGenerator(p -> p == null ? getTranslation("device.ledger.all") : p.name(getLocale()));
        province.setItems(ledger.provinces());
        province.setWidthFull();
        province.addClassName("ledger-province");
        commune.setLabel(getTranslation("device.ledger.commune"));
        commune.setItemLabelGenerator(o -> o.name(getLocale())); // no internal code on a citizen's page (DD014)
        commune.setItems(query ->
                organisations.communes(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        commune.setClearButtonVisible(true);
        commune.setWidthFull();
        commune.addClassName("ledger-commune");
        var show = new Button(
                getTranslation("device.ledger.show"),
                click -> go(
                        province.getValue() == null ? null : province.getValue().id(),
                        commune.getValue() == null ? null : commune.getValue().id(),
                        null));
        show.addClassName("ledger-show");
        counts.addClassName("ledger-counts");
        entries.addClassName("ledger-entries");
        more.addClassName("ledger-more");
        var keys = new Anchor(CertificateService.KEY_SET_PATH, getTranslation("device.ledger.keys"));
        keys.setRouterIgnore(true);
        add(
                new H1(getTranslation("device.ledger.title")),
                new Paragraph(getTranslation("device.ledger.intro")),
                province,
                commune,
                show,
                counts,
                entries,
                more,
                new Paragraph(keys));
    }

    private void go(@Nullable Long provinceId, @Nullable Long communeId, @Nullable Long before) {
        var parameters = new LinkedHashMap<String, String>();
        if (provinceId != null) {
            parameters.put("province", provinceId.toString());
        }
        if (communeId != null) {
            parameters.put("commune", communeId.toString());
        }
        if (before != null) {
            parameters.put("before", before.toString());
        }
        getUI().ifPresent(ui -> ui.navigate("ledger", QueryParameters.simple(parameters)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        provinceId = number(parameters.getSingleParameter("province").orElse(null));
        communeId = number(parameters.getSingleParameter("commune").orElse(null));
        var before = number(parameters.getSingleParameter("before").orElse(null));
        render(before);
    }

    private void render(@Nullable Long before) {
        counts.removeAll();
        entries.removeAll();
        more.removeAll();
        var where = communeId != null ? communeId : provinceId;
        if (where != null) {
            ledger.place(where).ifPresent(o -> counts.add(new Paragraph(o.name(getLocale()))));
        }
        var figures = ledger.counts(provinceId, communeId);
        for (var stage : new DeviceStage[] {
            DeviceStage.OFFERED, DeviceStage.RECEIVED, DeviceStage.READY, DeviceStage.HANDED_OVER, DeviceStage.RECYCLED
        }) {
            var figure = new Div(
                    new Span(String.format(getLocale(), "%,d", figures.of(stage))),
                    new Span(getTranslation("device.stage." + stage.name())));
            figure.addClassNames("ledger-count", "count-" + stage.name().toLowerCase(java.util.Locale.ROOT));
            counts.add(figure);
        }
        var page = ledger.page(provinceId, communeId, before);
        var cards = new LedgerCards(ledger, time, getLocale(), this::getTranslation);
        page.forEach(entry -> entries.add(cards.card(entry, true)));
        if (page.isEmpty()) {
            entries.add(new Paragraph(getTranslation("device.ledger.empty")));
        }
        if (page.size() == DeviceLedger.PAGE_SIZE) {
            var older = new Button(
                    getTranslation("device.ledger.older"),
                    click -> go(provinceId, communeId, page.getLast().id()));
            older.addClassName("ledger-older");
            more.add(older);
        }
    }

    private static @Nullable Long number(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("device.ledger.title") + " · DigiLit";
    }
}
