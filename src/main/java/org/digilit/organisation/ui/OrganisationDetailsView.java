package org.digilit.organisation.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.NoSuchElementException;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OrganisationSummary;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.Roles;

/**
 * One organisation: where it sits in the tree, its type, names and expected headcounts. The id in the URL is checked
 * against the user's scope by the service: a forged URL gets a refusal, not the page.
 */
@Route("organisations/details")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORG_ADMIN, Roles.WORKING_GROUP})
class OrganisationDetailsView extends Main implements HasUrlParameter<Long>, HasDynamicTitle {

    private final transient OrganisationService organisations;
    private String title = "";

    OrganisationDetailsView(OrganisationService organisations) {
        this.organisations = organisations;
        addClassName("page");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        try {
            show(organisations.get(id));
        } catch (OutOfScopeException e) {
            event.rerouteToError(AccessDeniedException.class);
        } catch (NoSuchElementException e) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void show(OrganisationSummary organisation) {
        removeAll();
        title = organisation.name(getLocale());
        var lineage = new Div();
        lineage.addClassName("breadcrumbs");
        for (var ancestor : organisations.lineage(organisation.id())) {
            if (ancestor.id() != organisation.id()) {
                lineage.add(
                        new Anchor("organisations/details/" + ancestor.id(), ancestor.name(getLocale())),
                        new Span(" › "));
            }
        }
        var facts = new Div(
                fact("organisations.code", organisation.code()),
                fact(
                        "organisations.type",
                        getTranslation(
                                "organisation.type." + organisation.type().name())),
                fact("organisations.name-vi", organisation.nameVi()),
                fact("organisations.name-en", organisation.nameEn()),
                fact(
                        "organisations.citizens",
                        String.valueOf(organisation.headcounts().citizens())),
                fact(
                        "organisations.teachers",
                        String.valueOf(organisation.headcounts().teachers())),
                fact(
                        "organisations.officials",
                        String.valueOf(organisation.headcounts().officials())),
                fact("organisations.children", String.valueOf(organisation.childCount())));
        facts.addClassName("facts");
        add(lineage, new H1(title), facts);
    }

    private Paragraph fact(String labelKey, String value) {
        var label = new Span(getTranslation(labelKey) + ": ");
        label.addClassName("fact-label");
        return new Paragraph(label, new Span(value));
    }

    @Override
    public String getPageTitle() {
        return title + " · DigiLit";
    }
}
