package org.digilit.report.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.digilit.base.Audience;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OrganisationSummary;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.report.FollowUpPerson;
import org.digilit.report.ReportService;
import org.digilit.security.Roles;
import org.jspecify.annotations.Nullable;

/**
 * An organisation admin's follow-up list: the people of an organisation's subtree who have not yet completed their
 * required courses, by name, a page at a time, with their identity number masked (the service never hands out more
 * than its last four digits). {@code ?org=<id>&audience=citizen}; without an organisation, the admin's own. Working-group
 * staff follow figures, not named people, so this list is for organisation and platform admins only.
 */
@Route(FollowUpView.ROUTE)
@RolesAllowed({Roles.ORG_ADMIN, Roles.PLATFORM_ADMIN})
class FollowUpView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "dashboard/follow-up";

    private final transient ReportService reports;
    private final transient OrganisationService organisations;
    private final Select<Optional<Audience>> audience = new Select<>();
    private final H2 scope = new H2();
    private final Paragraph count = new Paragraph();
    private final Paragraph message = new Paragraph();
    private final Grid<FollowUpPerson> grid = new Grid<>();

    private @Nullable OrganisationSummary organisation;

    FollowUpView(ReportService reports, OrganisationService organisations) {
        this.reports = reports;
        this.organisations = organisations;
        addClassName("page");
        addClassName("follow-up");

        audience.setLabel(getTranslation("report.filter.audience"));
        var audiences = new ArrayList<Optional<Audience>>();
        audiences.add(Optional.empty());
        for (var a : Audience.values()) {
            audiences.add(Optional.of(a));
        }
        audience.setItems(audiences);
        audience.setItemLabelGenerator(
                a -> a.map(x -> getTranslation("audience." + x.code())).orElse(getTranslation("report.audience.all")));
        audience.addValueChangeListener(event -> {
            if (event.isFromClient() && organisation != null) {
                getUI().ifPresent(ui -> ui.navigate(
                        FollowUpView.class,
                        QueryParameters.simple(
                                parameters(organisation.id(), event.getValue().orElse(null)))));
            }
        });

        grid.addColumn(FollowUpPerson::fullName)
                .setHeader(getTranslation("report.follow-up.name"))
                .setKey("name")
                .setFlexGrow(2)
                .setFrozen(true)
                .setWidth("12rem");
        grid.addColumn(FollowUpPerson::maskedIdentityNumber)
                .setHeader(getTranslation("report.follow-up.identity"))
                .setKey("identity")
                .setAutoWidth(true);
        grid.addColumn(p -> p.organisationCode() + " · " + p.organisationNameVi())
                .setHeader(getTranslation("report.column.organisation"))
                .setKey("organisation")
                .setFlexGrow(2)
                .setWidth("14rem");
        grid.addColumn(p -> getTranslation("audience." + p.audience().code()))
                .setHeader(getTranslation("report.filter.audience"))
                .setKey("audience")
                .setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.activated() ? "report.follow-up.yes" : "report.follow-up.no"))
                .setHeader(getTranslation("report.follow-up.activated"))
                .setKey("activated")
                .setAutoWidth(true);
        grid.addColumn(p -> p.required() == 0
                        ? getTranslation("report.follow-up.nothing-required")
                        : getTranslation("report.follow-up.progress", p.completed(), p.required()))
                .setHeader(getTranslation("report.follow-up.completed"))
                .setKey("completed")
                .setAutoWidth(true);
        grid.addClassName("follow-up-grid");
        grid.getElement().setAttribute("aria-label", getTranslation("report.follow-up.title"));
        grid.setPageSize(50);

        message.addClassName("report-message");
        message.getElement().setAttribute("role", "alert");
        message.setVisible(false);
        var back = new Anchor(DashboardView.ROUTE, getTranslation("report.follow-up.back"));
        add(back, new H1(getTranslation("report.follow-up.title")), scope, audience, message, count, grid);
    }

    static String href(long organisationId, @Nullable Audience audience) {
        var query = new StringBuilder(ROUTE);
        parameters(organisationId, audience)
                .forEach((name, value) -> query.append(query.indexOf("?") < 0 ? "?" : "&")
                        .append(name)
                        .append('=')
                        .append(value));
        return query.toString();
    }

    private static java.util.Map<String, String> parameters(long organisationId, @Nullable Audience audience) {
        var result = new LinkedHashMap<String, String>();
        result.put(DashboardQuery.ORGANISATION, String.valueOf(organisationId));
        result.put(DashboardQuery.AUDIENCE, audience == null ? DashboardQuery.EVERYONE : audience.code());
        return result;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        organisation = null;
        try {
            var query = DashboardQuery.parse(
                    event.getLocation().getQueryParameters().getParameters());
            // The list is about people: everyone unless the address names an audience.
            var chosen =
                    event.getLocation().getQueryParameters().getParameters().containsKey(DashboardQuery.AUDIENCE)
                            ? query.audience()
                            : null;
            organisation = query.organisation() != null
                    ? organisations.get(query.organisation())
                    : organisations.tops().stream().findFirst().orElseThrow(OutOfScopeException::new);
            show(organisation, chosen);
        } catch (IllegalArgumentException e) {
            refuse("report.message.bad-link");
        } catch (OutOfScopeException e) {
            refuse("report.message.out-of-scope");
        } catch (NoSuchElementException e) {
            refuse("report.message.not-found");
        }
    }

    private void show(OrganisationSummary organisation, @Nullable Audience chosen) {
        message.setVisible(false);
        scope.setText(organisation.name(getLocale()));
        audience.setValue(Optional.ofNullable(chosen));
        var total = reports.countFollowUp(organisation.id(), chosen);
        count.setText(getTranslation("report.follow-up.count", total));
        grid.setItems(
                query -> reports.followUp(organisation.id(), chosen, query.getOffset(), query.getLimit()).stream(),
                query -> reports.countFollowUp(organisation.id(), chosen));
        scope.setVisible(true);
        audience.setVisible(true);
        count.setVisible(true);
        grid.setVisible(true);
    }

    private void refuse(String key) {
        message.setText(getTranslation(key));
        message.setVisible(true);
        scope.setVisible(false);
        audience.setVisible(false);
        count.setVisible(false);
        grid.setVisible(false);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("report.follow-up.title") + " · DigiLit";
    }
}
