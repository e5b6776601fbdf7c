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

    @BeforeEach
    void loadTheRealCourses() {
        content.loadAll();
    }

    @Test
    void the_catalogue_finds_the_scams_course_typed_without_diacritics() {
        UI.getCurrent().navigate(CatalogueView.class);
        test(find(TextField.class).single()).setValue("lua dao");
        var links = find(Anchor.class).all().stream()
                .filter(a -> a.getHref().startsWith("courses/"))
                .map(Anchor::getHref)
                .toList();
        assertThat(links).contains("courses/online-safety-scams");
    }

    @Test
    void a_course_page_lists_its_lessons_in_order() {
        UI.getCurrent().navigate("courses/smartphone-basics");
        assertThat(find(H1.class).first().getText()).isNotBlank();
        assertThat(find(ListItem.class).all()).hasSizeBetween(3, 6);
    }

    @Test
    void an_unknown_course_is_not_found() {
        UI.getCurrent().navigate("courses/no-such-course");
        assertThat(getCurrentView().getClass().getSimpleName()).isNotEqualTo("CourseView");
    }
}
