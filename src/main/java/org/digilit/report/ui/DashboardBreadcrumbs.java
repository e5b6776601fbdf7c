package org.digilit.report.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import org.digilit.organisation.OrganisationService;

/** Up the tree, within the user's scope: the top of their part of it, then each ancestor they may see. */
class DashboardBreadcrumbs extends Composite<Nav> {

    DashboardBreadcrumbs(OrganisationService organisations, DashboardQuery query, long organisationId) {
        var list = new OrderedList();
        var scope = organisations.currentScope();
        var tops = organisations.tops();
        if (tops.size() != 1) {
            list.add(new ListItem(
                    new Anchor(query.withTree().href(DashboardView.ROUTE), getTranslation("report.breadcrumbs.top"))));
        }
        for (var ancestor : organisations.lineage(organisationId)) {
            if (!scope.includes(ancestor.id(), ancestor.path())) {
                continue;
            }
            if (ancestor.id() == organisationId) {
                var current = new Span(ancestor.name(getLocale()));
                current.getElement().setAttribute("aria-current", "page");
                list.add(new ListItem(current));
            } else {
                list.add(new ListItem(new Anchor(
                        query.withOrganisation(ancestor.id()).href(DashboardView.ROUTE), ancestor.name(getLocale()))));
            }
        }
        var nav = getContent();
        nav.add(list);
        nav.addClassName("breadcrumbs");
        nav.getElement().setAttribute("aria-label", getTranslation("report.breadcrumbs"));
    }
}
