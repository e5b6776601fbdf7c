package org.digilit.learning.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.digilit.course.CatalogueService;
import org.digilit.learning.CourseProgress;
import org.digilit.learning.LearningService;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles;

/** The learner's home: their courses with progress and the way back into each, or the way to the catalogue. */
@Route("learn")
@RolesAllowed({Roles.CITIZEN, Roles.TEACHER, Roles.OFFICIAL})
@Menu(title = "nav.learn", order = 10)
class LearnerHomeView extends Main implements HasDynamicTitle {

    LearnerHomeView(CurrentUser currentUser, LearningService learning, CatalogueService catalogue) {
        addClassName("page");
        addClassName("learner-home");
        var user = currentUser.require();
        var greeting = new Paragraph(getTranslation("home.greeting", user.displayName()));
        greeting.addClassName("greeting");
        add(new H1(getTranslation("learn.title")), greeting);
        var courses = learning.myCourses();
        var mine = new Section();
        mine.addClassName("my-courses");
        mine.add(new H2(getTranslation("learn.my-courses")));
        if (courses.isEmpty()) {
            mine.add(new Paragraph(getTranslation("learn.intro")));
        }
        for (var progress : courses) {
            catalogue.course(progress.courseId()).ifPresent(card -> mine.add(card(card.title(getLocale()), progress)));
        }
        var browse = new Anchor("courses", getTranslation("learn.browse"));
        browse.addClassName("cta");
        add(mine, browse);
        add(MyCertificates.create());
    }

    private Div card(String title, CourseProgress progress) {
        var bar = new ProgressBar(0, 100, progress.percent());
        bar.getElement().setAttribute("aria-label", getTranslation("lesson.progress", progress.percent()));
        var status = new Paragraph(
                progress.completed()
                        ? getTranslation("learn.completed")
                        : getTranslation("learn.percent", progress.percent()));
        var next = progress.nextLessonId();
        var link = progress.completed() || next == null
                ? new Anchor("courses/" + progress.courseId(), getTranslation("learn.open"))
                : new Anchor(LessonView.lessonPath(progress.courseId(), next), getTranslation("learn.continue"));
        var card = new Div(new H2(title), bar, status, link);
        card.addClassName("card");
        card.addClassName("course-progress");
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("learn.title") + " · DigiLit";
    }
}
