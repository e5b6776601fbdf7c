package org.digilit.organisation.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.AbstractBackEndHierarchicalDataProvider;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Stream;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OrganisationSummary;
import org.digilit.security.Roles;

/**
 * The organisation tree within the user's scope: expands lazily (a province of thousands of units loads one level at
 * a time), and a search box that finds units by code or name, with or without diacritics.
 */
@Route("organisations")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORG_ADMIN, Roles.WORKING_GROUP})
@Menu(title = "nav.organisations", order = 25)
class OrganisationTreeView extends Main implements HasDynamicTitle {

    static final int SEARCH_PAGE = 200;

    private final transient OrganisationService organisations;
    private final TreeGrid<OrganisationSummary> tree = new TreeGrid<>();
    private final Grid<OrganisationSummary> results = new Grid<>();

    OrganisationTreeView(OrganisationService organisations) {
        this.organisations = organisations;
        addClassName("page");
        addClassName("organisation-tree");

        var search = new TextField();
        search.setLabel(getTranslation("organisations.search"));
        search.setPlaceholder(getTranslation("organisations.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidthFull();
        search.addValueChangeListener(event -> showSearch(event.getValue()));

        tree.addHierarchyColumn(o -> o.name(getLocale()))
                .setHeader(getTranslation("organisations.name"))
                .setSortable(false)
                .setFlexGrow(3);
        configureColumns(tree);
        tree.setDataProvider(new LazyTree());
        tree.addItemClickListener(click -> open(click.getItem()));

        results.addColumn(o -> o.name(getLocale()))
                .setHeader(getTranslation("organisations.name"))
                .setFlexGrow(3);
        configureColumns(results);
        results.setVisible(false);
        results.addItemClickListener(click -> open(click.getItem()));

        var importLink = new Anchor("organisations/import", getTranslation("organisations.import"));
        importLink.addClassName("action-link");
        var header = new HorizontalLayout(new H1(getTranslation("organisations.title")), importLink);
        header.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        header.setWrap(true);
        add(header, search, tree, results);
    }

    private void configureColumns(Grid<OrganisationSummary> grid) {
        grid.addColumn(OrganisationSummary::code).setHeader(getTranslation("organisations.code"));
        grid.addColumn(o -> getTranslation("organisation.type." + o.type().name()))
                .setHeader(getTranslation("organisations.type"));
        grid.addColumn(o -> o.headcounts().citizens()).setHeader(getTranslation("organisations.citizens"));
        grid.addColumn(o -> o.headcounts().teachers()).setHeader(getTranslation("organisations.teachers"));
        grid.addColumn(o -> o.headcounts().officials()).setHeader(getTranslation("organisations.officials"));
        grid.setAllRowsVisible(false);
        grid.setHeight("70vh");
        grid.setWidthFull();
    }

    private void showSearch(String text) {
        var searching = !text.isBlank();
        tree.setVisible(!searching);
        results.setVisible(searching);
        if (searching) {
            results.setItems(organisations.search(text, 0, SEARCH_PAGE));
        }
    }

    private void open(OrganisationSummary organisation) {
        getUI().ifPresent(ui -> ui.navigate(OrganisationDetailsView.class, organisation.id()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("organisations.title") + " · DigiLit";
    }

    /** Loads a level of the tree when it is expanded, a page at a time. */
    private final class LazyTree extends AbstractBackEndHierarchicalDataProvider<OrganisationSummary, Void> {

        @Override
        protected Stream<OrganisationSummary> fetchChildrenFromBackEnd(
                HierarchicalQuery<OrganisationSummary, Void> query) {
            var parent = query.getParent();
            if (parent == null) {
                return organisations.tops().stream().skip(query.getOffset()).limit(query.getLimit());
            }
            return organisations.children(parent.id(), query.getOffset(), query.getLimit()).stream();
        }

        @Override
        public int getChildCount(HierarchicalQuery<OrganisationSummary, Void> query) {
            var parent = query.getParent();
            return parent == null ? organisations.tops().size() : organisations.countChildren(parent.id());
        }

        @Override
        public boolean hasChildren(OrganisationSummary item) {
            return item.childCount() > 0;
        }

        @Override
        public Object getId(OrganisationSummary item) {
            return item.id();
        }
    }
}
