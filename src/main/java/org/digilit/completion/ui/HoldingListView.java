package org.digilit.completion.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import org.digilit.completion.CompletionImportService;
import org.digilit.completion.HeldCompletion;
import org.digilit.security.Roles;

/**
 * The holding list: completions whose person has no account yet, with the reason; each is matched by itself when the
 * account arrives. Names and masked identity numbers only.
 */
@Route(HoldingListView.ROUTE)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORG_ADMIN})
class HoldingListView extends Main implements HasDynamicTitle {

    static final String ROUTE = "completions/holding";

    HoldingListView(CompletionImportService imports) {
        addClassName("page");
        addClassName("completion-holding");
        var dates = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        int count = imports.countHeld();
        var grid = new Grid<HeldCompletion>();
        grid.addClassName("holding-grid");
        grid.addColumn(HeldCompletion::fullName)
                .setHeader(getTranslation("completion.holding.name"))
                .setFlexGrow(2);
        grid.addColumn(HeldCompletion::maskedIdentityNumber)
                .setHeader(getTranslation("completion.holding.identity"))
                .setAutoWidth(true);
        grid.addColumn(h -> h.platformName(getLocale()) + " · " + h.programmeCode())
                .setHeader(getTranslation("completion.holding.programme"))
                .setFlexGrow(2);
        grid.addColumn(h -> dates.format(h.completedOn()))
                .setHeader(getTranslation("completion.holding.date"))
                .setAutoWidth(true);
        grid.addColumn(h -> getTranslation("completion.holding.reason." + h.reason()))
                .setHeader(getTranslation("completion.holding.reason"))
                .setFlexGrow(2);
        grid.setItems(query -> imports.held(query.getOffset(), query.getLimit()).stream());
        grid.setVisible(count > 0);
        add(
                new H1(getTranslation("completion.holding.title")),
                new Paragraph(getTranslation("completion.holding.help", count)),
                grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("completion.holding.title") + " · DigiLit";
    }
}
