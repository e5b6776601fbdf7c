package org.digilit.course.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.textfield.TextField;
import org.digilit.IntegrationTest;
import org.digilit.course.CourseContentService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithAnonymousUser;

/** The catalogue without a browser: the real courses listed, filtered without diacritics, a course page. */
@IntegrationTest
@ViewPackages(packages = "org.digilit")
@WithAnonymousUser
class CatalogueBrowserlessIT extends SpringBrowserlessTest {

    @Autowired
    CourseContentService content;

    @Autowired
    org.digilit.course.CourseSearchService search;

    @Autowired
    org.digilit.course.CatalogueService catalogue;

    @BeforeEach
    void loadTheRealCourses() {
        org.digilit.course.CourseTestData.indexRealCourses(content, search);
    }

    @Test
    void the_catalogue_finds_the_scams_course_typed_without_diacritics() {
        UI.getCurrent().setLocale(org.digilit.base.Languages.VIETNAMESE);
        UI.getCurrent().navigate(CatalogueView.class);
        test(find(TextField.class).single()).setValue("lua dao");
        var cards = find(com.vaadin.flow.component.html.Div.class)
                .withClassName("course-card")
                .all();
        assertThat(cards).as("cards after the search").isNotEmpty();
        // Folded "lua dao" also matches "lựa" and "đạo" elsewhere: the scams course must come first.
        assertThat(find(Anchor.class).all().stream()
                        .map(Anchor::getHref)
                        .filter(href -> href.startsWith("courses/"))
                        .findFirst())
                .contains("courses/online-safety-scams");
        var links = find(Anchor.class).all().stream()
                .filter(a -> a.getHref().startsWith("courses/"))
                .map(Anchor::getHref)
                .toList();
        assertThat(links).contains("courses/online-safety-scams");
    }

    @Test
    void a_search_that_finds_nothing_offers_what_was_meant_and_courses_to_take() {
        UI.getCurrent().setLocale(org.digilit.base.Languages.VIETNAMESE);
        UI.getCurrent().navigate(CatalogueView.class);
        test(find(TextField.class).single()).setValue("qqxq zzkw");
        assertThat(find(com.vaadin.flow.component.html.Div.class)
                        .withClassName("popular-course")
                        .all())
                .as("the most-taken courses for a citizen")
                .isNotEmpty();
        test(find(TextField.class).single()).setValue("zalooo");
        assertThat(find(com.vaadin.flow.component.html.Div.class)
                        .withClassName("did-you-mean")
                        .all())
                .as("did you mean")
                .isNotEmpty();
    }

    @Test
    void highlighted_words_are_marked_as_text_never_as_markup() {
        var paragraph = CatalogueView.snippet("an \u0001<b>toàn</b>\u0002 trên mạng");
        assertThat(paragraph.getElement().getTextRecursively()).isEqualTo("an <b>toàn</b> trên mạng");
        assertThat(paragraph.getElement().getChildren().filter(e -> "hit".equals(e.getAttribute("class"))))
                .hasSize(1);
    }

    @Test
    void a_course_page_lists_its_lessons_in_order() {
        UI.getCurrent().navigate("courses/smartphone-basics");
        assertThat(find(H1.class).first().getText()).isNotBlank();
        assertThat(find(ListItem.class).all())
                .hasSize(catalogue.lessons("smartphone-basics").size());
    }

    @Test
    void an_unknown_course_is_not_found() {
        UI.getCurrent().navigate("courses/no-such-course");
        assertThat(getCurrentView().getClass().getSimpleName()).isNotEqualTo("CourseView");
    }
}
