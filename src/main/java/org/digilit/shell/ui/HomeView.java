package org.digilit.shell.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.digilit.security.CurrentUser;

/**
 * Sends each signed-in user to the home of their most responsible role. A user whose account carries none of the
 * platform's roles stays here and is told whom to ask.
 */
@Route("home")
@PermitAll
class HomeView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient CurrentUser currentUser;

    HomeView(CurrentUser currentUser) {
        this.currentUser = currentUser;
        addClassName("page");
        add(new H1(getTranslation("home.no-role.title")), new Paragraph(getTranslation("home.no-role.text")));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var home = currentUser.get().flatMap(HomeRoutes::homeOf);
        if (home.isPresent() && home.get().equals(HomeRoutes.LEARNER_HOME)) {
            // The learner's home is server-rendered (DD015), not a view: the browser loads it.
            event.getUI().getPage().setLocation("/" + HomeRoutes.LEARNER_HOME);
            return;
        }
        home.ifPresent(event::forwardTo);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.no-role.title") + " · DigiLit";
    }
}
