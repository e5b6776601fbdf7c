package org.digilit.learning.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles;

/** The home page of this feature's users: greets them by name and says what the page is for. */
@Route("learn")
@RolesAllowed({Roles.CITIZEN, Roles.TEACHER, Roles.OFFICIAL})
@Menu(title = "nav.learn", order = 10)
class LearnerHomeView extends Main implements HasDynamicTitle {

    LearnerHomeView(CurrentUser currentUser) {
        addClassName("page");
        var user = currentUser.require();
        var greeting = new Paragraph(getTranslation("home.greeting", user.displayName()));
        greeting.addClassName("greeting");
        add(new H1(getTranslation("learn.title")), greeting, new Paragraph(getTranslation("learn.intro")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("learn.title") + " · DigiLit";
    }
}
