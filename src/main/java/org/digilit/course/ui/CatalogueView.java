package org.digilit.course.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.digilit.course.CourseSearchService;
import org.digilit.course.SearchQuery;
import org.digilit.course.SearchResult;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles.Role;

/**
 * The course catalogue: a search box that suggests titles as one types (diacritics optional), filters by level and
 * audience with counts, and results with the matching words highlighted. When the search index is down, results come
 * from PostgreSQL and a notice says so. A search that finds nothing offers "did you mean" and the courses most taken
 * by readers of the same audience.
 */
@Route("courses")
@AnonymousAllowed
@Menu(title = "nav.courses", order = 15)
class CatalogueView extends Main implements HasDynamicTitle {

    private final transient CourseSearchService search;
    private final TextField box = new TextField();
    private final Div suggestions = new Div();
    private final CheckboxGroup<String> levels = new CheckboxGroup<>();
    private final CheckboxGroup<String> audiences = new CheckboxGroup<>();
    private final Paragraph notice = new Paragraph();
    private final Div results = new Div();
    private String text = "";

    private final transient CurrentUser currentUser;

    CatalogueView(CourseSearchService search, CurrentUser currentUser) {
        this.search = search;
        this.currentUser = currentUser;
        addClassName("page");
        addClassName("catalogue");

        box.setLabel(getTranslation("courses.search"));
        box.setPlaceholder(getTranslation("courses.search.placeholder"));
        box.setPrefixComponent(VaadinIcon.SEARCH.create());
        box.setClearButtonVisible(true);
        box.setValueChangeMode(ValueChangeMode.LAZY);
        box.setWidthFull();
        box.addValueChangeListener(event -> {
            run(event.getValue());
            showSuggestions(event.getValue());
        });
        suggestions.addClassName("suggestions");
        // A labelled group: aria-label on a plain div has no role to name, which axe refuses (aria-prohibited-attr).
        suggestions.getElement().setAttribute("role", "group");
        suggestions.getElement().setAttribute("aria-label", getTranslation("courses.suggestions"));

        levels.setLabel(getTranslation("courses.filter.level"));
        levels.setItems("beginner", "intermediate", "advanced");
        levels.setItemLabelGenerator(level -> getTranslation("courses.level." + level));
        levels.addValueChangeListener(event -> run(text));
        audiences.setLabel(getTranslation("courses.filter.audience"));
        audiences.setItems("citizen", "teacher", "official");
        audiences.setItemLabelGenerator(audience -> getTranslation("audience." + audience));
        audiences.addValueChangeListener(event -> run(text));
        var filters = new FlexLayout(levels, audiences);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-l)");

        notice.addClassName("notice");
        notice.setVisible(false);
        results.addClassName("card-grid");
        results.getElement().setAttribute("aria-live", "polite");
        add(new H1(getTranslation("courses.title")), box, suggestions, filters, notice, results);
        run("");
    }

    private String language() {
        return getLocale().getLanguage().equals("vi") ? "vi" : "en";
    }

    private void run(String typed) {
        text = typed;
        var result = search.search(
                new SearchQuery(
                        typed,
                        language(),
                        Set.copyOf(levels.getValue()),
                        Set.copyOf(audiences.getValue()),
                        Set.of(),
                        20),
                readerAudience());
        notice.setText(getTranslation("courses.fallback"));
        notice.setVisible(result.fallback());
        showCounts(result.facets());
        results.removeAll();
        if (result.hits().isEmpty()) {
            results.add(noneFound(result));
        }
        for (var hit : result.hits()) {
            results.add(card(hit));
        }
    }

    /** The reader's audience, for the courses offered when nothing matched (anyone not signed in reads as a citizen). */
    private String readerAudience() {
        return currentUser
                .get()
                .map(user -> user.has(Role.TEACHER) ? "teacher" : user.has(Role.OFFICIAL) ? "official" : "citizen")
                .orElse("citizen");
    }

    /** No dead end: what the reader may have meant, and the courses most taken by readers like them. */
    private Component noneFound(SearchResult result) {
        var none = new Div();
        none.addClassName("none-found");
        none.add(new Paragraph(getTranslation("courses.none")));
        if (!result.didYouMean().isEmpty()) {
            var meant = new Div();
            meant.addClassName("did-you-mean");
            meant.add(new Span(getTranslation("courses.did-you-mean")));
            for (var text : result.didYouMean().stream().limit(4).toList()) {
                var button = new Button(text, click -> box.setValue(text));
                button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                meant.add(button);
            }
            none.add(meant);
        }
        if (!result.popular().isEmpty()) {
            none.add(new H2(getTranslation("courses.popular")));
            for (var course : result.popular()) {
                var card = new Div(new Anchor("courses/" + course.courseId(), course.title()));
                card.addClassName("card");
                card.addClassName("course-card");
                card.addClassName("popular-course");
                none.add(card);
            }
        }
        return none;
    }

    /** Titles that complete what was typed, as buttons that search for that title. */
    private void showSuggestions(String typed) {
        suggestions.removeAll();
        for (var title : search.suggest(typed, language()).stream().limit(5).toList()) {
            if (title.equalsIgnoreCase(typed)) {
                continue;
            }
            var suggestion = new Button(title, click -> box.setValue(title));
            suggestion.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            suggestions.add(suggestion);
        }
    }

    private void showCounts(Map<String, Map<String, Long>> facets) {
        var levelCounts = facets.getOrDefault("level", Map.of());
        levels.setItemLabelGenerator(level -> getTranslation("courses.level." + level)
                + (levelCounts.containsKey(level) ? " (" + levelCounts.get(level) + ")" : ""));
        var audienceCounts = facets.getOrDefault("audiences", Map.of());
        audiences.setItemLabelGenerator(audience -> getTranslation("audience." + audience)
                + (audienceCounts.containsKey(audience) ? " (" + audienceCounts.get(audience) + ")" : ""));
    }

    private Component card(SearchResult.Hit hit) {
        var link = new Anchor("courses/" + hit.courseId(), hit.title());
        var card = new Div();
        card.addClassName("card");
        card.addClassName("course-card");
        card.add(new H2(link));
        if (hit.lessonId() != null) {
            var inCourse = new Span(getTranslation("courses.lesson-in", hit.courseTitle()));
            inCourse.addClassName("facts");
            card.add(inCourse);
        }
        if (hit.foundInLanguage() != null) {
            var found = new Span(getTranslation("courses.found-in." + hit.foundInLanguage()));
            found.addClassName("facts");
            found.addClassName("found-in-other-language");
            card.add(found);
        }
        card.add(snippet(hit.snippet()));
        return card;
    }

    /** The snippet as text, with the highlighted words in {@code <mark>} elements: never as HTML from the index. */
    static Paragraph snippet(String marked) {
        var paragraph = new Paragraph();
        var parts = marked.split("[" + SearchResult.MARK_START + SearchResult.MARK_END + "]", -1);
        boolean highlighted = false;
        for (var part : List.of(parts)) {
            if (!part.isEmpty()) {
                if (highlighted) {
                    var mark = new Span(part);
                    mark.getElement().setAttribute("class", "hit");
                    paragraph.add(mark);
                } else {
                    paragraph.add(part);
                }
            }
            highlighted = !highlighted;
        }
        return paragraph;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("courses.title") + " · DigiLit";
    }
}
