package org.digilit.organisation.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.digilit.organisation.OrganisationNavigation;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles;

/** The home page of this feature's users: greets them by name and says what the page is for. */
@Route(OrganisationNavigation.HOME)
@RolesAllowed({Roles.ORG_ADMIN, Roles.PLATFORM_ADMIN})
@Menu(title = "nav.organisation", order = 20)
class OrganisationHomeView extends Main implements HasDynamicTitle {

    OrganisationHomeView(CurrentUser currentUser) {
        addClassName("page");
        var user = currentUser.require();
        var greeting = new Paragraph(getTranslation("home.greeting", user.displayName()));
        greeting.addClassName("greeting");
        add(
                new H1(getTranslation("organisation.title")),
                greeting,
                new Paragraph(getTranslation("organisation.intro")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("organisation.title") + " · DigiLit";
    }
}
