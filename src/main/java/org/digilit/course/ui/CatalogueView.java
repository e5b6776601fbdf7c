package org.digilit.course.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.digilit.course.CatalogueService;
import org.digilit.course.CatalogueService.CourseCard;

/** The course catalogue: every course as a card, filtered as one types (with or without diacritics). */
@Route("courses")
@AnonymousAllowed
@Menu(title = "nav.courses", order = 15)
class CatalogueView extends Main implements HasDynamicTitle {

    private final transient CatalogueService catalogue;
    private final Div cards = new Div();

    CatalogueView(CatalogueService catalogue) {
        this.catalogue = catalogue;
        addClassName("page");
        var search = new TextField(getTranslation("courses.search"));
        search.setPlaceholder(getTranslation("courses.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidthFull();
        search.addValueChangeListener(event -> show(event.getValue()));
        cards.addClassName("card-grid");
        cards.getElement().setAttribute("aria-live", "polite");
        add(new H1(getTranslation("courses.title")), search, cards);
        show("");
    }

    private void show(String text) {
        cards.removeAll();
        var found = catalogue.catalogue(text);
        if (found.isEmpty()) {
            cards.add(new Paragraph(getTranslation("courses.none")));
        }
        found.forEach(course -> cards.add(card(course)));
    }

    private Component card(CourseCard course) {
        var title = new Anchor("courses/" + course.id(), course.title(getLocale()));
        var facts = new Span(getTranslation(
                "courses.facts",
                course.lessons(),
                course.estimatedMinutes(),
                getTranslation("courses.level." + course.level())));
        facts.addClassName("facts");
        var card = new Div(new H2(title), new Paragraph(course.summary(getLocale())), facts);
        card.addClassName("card");
        card.addClassName("course-card");
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("courses.title") + " · DigiLit";
    }
}
