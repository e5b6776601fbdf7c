package org.digilit.course.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.stream.Collectors;
import org.digilit.course.CatalogueService;

/** A course page: what it teaches, for whom, how long it takes, and its lessons. */
@Route("courses")
@AnonymousAllowed
class CourseView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

    private final transient CatalogueService catalogue;
    private String title = "";

    CourseView(CatalogueService catalogue) {
        this.catalogue = catalogue;
        addClassName("page");
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        var course = catalogue.course(id);
        if (course.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        var card = course.get();
        title = card.title(getLocale());
        removeAll();
        var audiences = card.audiences().stream()
                .sorted()
                .map(a -> getTranslation("audience." + a))
                .collect(Collectors.joining(", "));
        var lessons = new OrderedList();
        // Lessons open in the learning feature's viewer, named by path (this feature does not reach into its views).
        var titles = catalogue.lessons(id);
        titles.forEach(lesson -> lessons.add(
                new ListItem(new Anchor("learn/" + id + "/lesson/" + lesson.id(), lesson.title(getLocale())))));
        var start = new Anchor(
                titles.isEmpty()
                        ? "courses"
                        : "learn/" + id + "/lesson/" + titles.getFirst().id(),
                getTranslation("courses.start"));
        start.addClassName("cta");
        add(
                new H1(title),
                new Paragraph(card.summary(getLocale())),
                new Paragraph(getTranslation(
                        "courses.facts",
                        card.lessons(),
                        card.estimatedMinutes(),
                        getTranslation("courses.level." + card.level()))),
                new Paragraph(getTranslation("courses.for", audiences)),
                start,
                new H2(getTranslation("courses.lessons")),
                lessons);
    }

    @Override
    public String getPageTitle() {
        return title + " · DigiLit";
    }
}
