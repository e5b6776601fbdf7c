package org.digilit.platform.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.digilit.platform.PlatformStatusService;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles;

/** The platform administrator's home: who is signed in and whether each server the platform needs is up. */
@Route("admin")
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Menu(title = "nav.admin", order = 40)
class PlatformStatusView extends VerticalLayout implements HasDynamicTitle {

    PlatformStatusView(CurrentUser currentUser, PlatformStatusService status) {
        addClassName("page");
        var name = currentUser.require().displayName();
        var greeting = new Paragraph(getTranslation("home.greeting", name));
        greeting.addClassName("greeting");
        add(new H1(getTranslation("admin.title")), greeting);
        var servers = new Section();
        servers.addClassName("card-grid");
        servers.add(new H2(getTranslation("admin.servers")));
        for (var server : status.check()) {
            var card = new VerticalLayout();
            card.addClassName("card");
            card.setPadding(true);
            var state = new Span(getTranslation(server.up() ? "admin.server.up" : "admin.server.down"));
            state.getElement().getThemeList().add(server.up() ? "badge success" : "badge error");
            card.add(new Span(getTranslation("admin.server." + server.server())), state);
            var reason = server.details().get("reason");
            if (reason != null) {
                card.add(new Paragraph(String.valueOf(reason)));
            }
            servers.add(card);
        }
        add(servers);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.title") + " · DigiLit";
    }
}
