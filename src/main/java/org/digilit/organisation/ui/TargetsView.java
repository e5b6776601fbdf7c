package org.digilit.organisation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.digilit.base.Audience;
import org.digilit.base.ProgrammeTime;
import org.digilit.base.Quarter;
import org.digilit.organisation.Metric;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.TargetService;
import org.digilit.security.Roles;

/**
 * Quarterly targets per organisation: pick a quarter and an organisation, see the target in force for each metric and
 * audience (its own, or inherited from which ancestor, and who set it), and set its own. A target set above is a floor:
 * the service refuses a lower one and the view says which floor (DD007).
 */
@Route("targets")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORG_ADMIN})
@Menu(title = "nav.targets", order = 27)
class TargetsView extends Main implements HasDynamicTitle {

    /** One line of the targets table: a metric and audience, and the target in force. */
    record TargetLine(Metric metric, Audience audience, String inForce, String source, String setBy) {}

    private final transient TargetService targets;
    private final ProgrammeTime time;
    private final transient OrganisationService organisations;
    private final Select<Quarter> quarter = new Select<>();
    private final OrganisationPicker organisation;
    private final Grid<TargetLine> lines = new Grid<>();

    TargetsView(TargetService targets, OrganisationService organisations, ProgrammeTime time) {
        this.time = time;
        this.targets = targets;
        this.organisations = organisations;
        addClassName("page");

        var current = time.quarter();
        var quarters = new ArrayList<Quarter>();
        for (var q = new Quarter(current.year() + 1, 4);
                q.compareTo(new Quarter(current.year() - 1, 1)) >= 0;
                q = q.previous()) {
            quarters.add(q);
        }
        quarter.setLabel(getTranslation("targets.quarter"));
        quarter.setItems(quarters);
        quarter.setItemLabelGenerator(
                q -> getTranslation("targets.quarter.label", q.quarter(), String.valueOf(q.year())));
        quarter.setValue(current);
        quarter.addValueChangeListener(event -> refresh());

        organisation = new OrganisationPicker(organisations, getTranslation("targets.organisation"));
        organisation.setWidth("22rem");
        organisation.addValueChangeListener(event -> refresh());

        var metric = new Select<Metric>();
        metric.setLabel(getTranslation("targets.metric"));
        metric.setItems(Metric.values());
        metric.setItemLabelGenerator(m -> getTranslation("metric." + m.name()));
        metric.setValue(Metric.ACCOUNT_COVERAGE);
        var audience = new Select<Audience>();
        audience.setLabel(getTranslation("targets.audience"));
        audience.setItems(Audience.values());
        audience.setItemLabelGenerator(a -> getTranslation("audience." + a.code()));
        audience.setValue(Audience.CITIZEN);
        var percentage = new BigDecimalField(getTranslation("targets.percentage"));
        percentage.setSuffixComponent(new Paragraph("%"));
        var save = new Button(getTranslation("targets.save"), click -> {
            if (organisation.getValue() == null || percentage.getValue() == null) {
                error(getTranslation("targets.incomplete"));
                return;
            }
            try {
                targets.setOrganisationTarget(
                        organisation.getValue().id(),
                        quarter.getValue(),
                        metric.getValue(),
                        audience.getValue(),
                        percentage.getValue());
                percentage.clear();
                refresh();
            } catch (TargetService.BelowFloorException e) {
                error(getTranslation(
                        "targets.below-floor",
                        e.floor().stripTrailingZeros().toPlainString(),
                        organisationName(e.setOnOrganisationId())));
            } catch (IllegalArgumentException e) {
                error(getTranslation("targets.invalid"));
            } catch (org.digilit.organisation.OutOfScopeException e) {
                error(getTranslation("denied.title"));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        lines.addColumn(l -> getTranslation("metric." + l.metric().name())).setHeader(getTranslation("targets.metric"));
        lines.addColumn(l -> getTranslation("audience." + l.audience().code()))
                .setHeader(getTranslation("targets.audience"));
        lines.addColumn(TargetLine::inForce).setHeader(getTranslation("targets.in-force"));
        lines.addColumn(TargetLine::source).setHeader(getTranslation("targets.source"));
        lines.addColumn(TargetLine::setBy).setHeader(getTranslation("targets.set-by"));
        lines.setAllRowsVisible(true);

        var choose = row(quarter, organisation);
        var form = row(metric, audience, percentage, save);
        add(new H1(getTranslation("targets.title")), choose, lines, form);
    }

    private static FlexLayout row(com.vaadin.flow.component.Component... components) {
        var row = new FlexLayout(components);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexLayout.Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        return row;
    }

    private void refresh() {
        var chosen = organisation.getValue();
        if (chosen == null || quarter.getValue() == null) {
            lines.setItems(List.of());
            return;
        }
        var items = new ArrayList<TargetLine>();
        for (var metric : Metric.values()) {
            for (var audience : Audience.values()) {
                var target = targets.effectiveTarget(chosen.id(), quarter.getValue(), metric, audience);
                items.add(new TargetLine(
                        metric,
                        audience,
                        target.map(t -> t.percentage().stripTrailingZeros().toPlainString() + " %")
                                .orElse(getTranslation("targets.none")),
                        target.map(t -> t.inherited()
                                        ? getTranslation("targets.inherited", organisationName(t.setOnOrganisationId()))
                                        : getTranslation("targets.own"))
                                .orElse(""),
                        target.map(t -> getTranslation(
                                        "targets.set-by.value",
                                        t.setBy(),
                                        time.date().format(t.setAt())))
                                .orElse("")));
            }
        }
        lines.setItems(items);
    }

    /** An ancestor's name, even outside the user's scope: where a target above them was set is not personal data. */
    private String organisationName(long id) {
        return organisations.reference(id).map(o -> o.name(getLocale())).orElse("");
    }

    private void error(String message) {
        Notification.show(message).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("targets.title") + " · DigiLit";
    }
}
