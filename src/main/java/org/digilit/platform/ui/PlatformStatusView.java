package org.digilit.platform.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import org.digilit.course.CourseContentService;
import org.digilit.course.CourseSearchService;
import org.digilit.platform.PlatformNavigation;
import org.digilit.platform.PlatformStatusService;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles;

/** The platform administrator's home: who is signed in and whether each server the platform needs is up. */
@Route(PlatformNavigation.STATUS)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Menu(title = "nav.admin", order = 40)
class PlatformStatusView extends VerticalLayout implements HasDynamicTitle {

    PlatformStatusView(
            CurrentUser currentUser,
            PlatformStatusService status,
            CourseContentService content,
            CourseSearchService search) {
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
        add(contentActions(content, search));
    }

    /** Reload course content from course-content/, and rebuild the search index from PostgreSQL. */
    private Section contentActions(CourseContentService content, CourseSearchService search) {
        var report = new Div();
        report.addClassName("content-report");
        var reload = new Button(getTranslation("admin.content.reload"), click -> {
            var result = content.loadAll();
            report.removeAll();
            report.add(new Paragraph(getTranslation(
                    "admin.content.loaded",
                    result.loaded(),
                    result.unchanged(),
                    result.skipped().size())));
            result.problems().forEach(problem -> report.add(new Paragraph(problem.toString())));
        });
        var rebuild = new Button(getTranslation("admin.search.rebuild"), click -> {
            try {
                search.rebuildIndex();
                Notification.show(getTranslation("admin.search.rebuilt"))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (IOException | RuntimeException e) {
                Notification.show(getTranslation("admin.search.failed"))
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        var section = new Section(new H2(getTranslation("admin.content")), reload, rebuild, report);
        section.addClassName("content-actions");
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.title") + " · DigiLit";
    }
}
