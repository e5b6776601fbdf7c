package org.digilit.learning.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.digilit.course.CatalogueService;
import org.digilit.course.CourseImageService;
import org.digilit.learning.CourseProgress;
import org.digilit.learning.LearningService;

/**
 * One lesson: its text rendered on the server (Markdown, sanitised), where it sits in the course, and the way on:
 * "done, next" records the lesson as read and opens the next one (the course page after the last). Opening a lesson
 * enrols the learner in its course. Any signed-in user may learn: staff learn like citizens.
 */
@Route("learn/:courseId/lesson/:lessonId")
@PermitAll
class LessonView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient CatalogueService catalogue;
    private final transient LearningService learning;
    private final transient RenderedLessons renderer;
    private final transient CourseImageService images;
    private String title = "";

    LessonView(
            CatalogueService catalogue, LearningService learning, RenderedLessons renderer, CourseImageService images) {
        this.catalogue = catalogue;
        this.learning = learning;
        this.renderer = renderer;
        this.images = images;
        addClassName("page");
        addClassName("lesson");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var courseId = event.getRouteParameters().get("courseId").orElse("");
        var lessonId = event.getRouteParameters().get("lessonId").orElse("");
        var lesson = catalogue.lesson(courseId, lessonId).orElse(null);
        var course = catalogue.course(courseId).orElse(null);
        if (lesson == null || course == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        var progress = learning.progress(courseId).orElseGet(() -> learning.enrol(courseId));
        removeAll();
        title = lesson.title(getLocale());
        var position = progress.lessonIds().indexOf(lessonId);
        var bar = new ProgressBar(0, 100, progress.percent());
        bar.getElement().setAttribute("aria-label", getTranslation("lesson.progress", progress.percent()));
        var back = new Anchor("courses/" + courseId, course.title(getLocale()));
        back.setRouterIgnore(true);
        back.addClassName("breadcrumb");
        var place = new Paragraph(getTranslation(
                "lesson.place", position + 1, progress.lessonIds().size()));
        place.addClassName("lesson-place");
        add(
                back,
                new H1(title),
                place,
                bar,
                new Html(renderer.html(
                        courseId,
                        lessonId,
                        getLocale(),
                        lesson.body(getLocale()),
                        picture -> images.url(courseId, picture).orElse(null))),
                navigation(courseId, lessonId, progress));
    }

    private Nav navigation(String courseId, String lessonId, CourseProgress progress) {
        var lessons = progress.lessonIds();
        int index = lessons.indexOf(lessonId);
        var nav = new Nav();
        nav.addClassName("lesson-nav");
        nav.getElement().setAttribute("aria-label", getTranslation("lesson.navigation"));
        if (index > 0) {
            var previous = new Anchor(lessonPath(courseId, lessons.get(index - 1)), getTranslation("lesson.previous"));
            previous.addClassName("lesson-previous");
            nav.add(previous);
        }
        boolean last = index == lessons.size() - 1;
        var lastKey = progress.hasQuiz() ? "lesson.done-quiz" : "lesson.done-last";
        var done = new Button(getTranslation(last ? lastKey : "lesson.done-next"), click -> {
            learning.completeLesson(courseId, lessonId);
            getUI().ifPresent(ui -> {
                if (!last) {
                    ui.navigate(lessonPath(courseId, lessons.get(index + 1)));
                } else if (progress.hasQuiz()) {
                    ui.navigate(QuizView.quizPath(courseId));
                } else {
                    // The course page is server-rendered (DD015): the browser loads it.
                    ui.getPage().setLocation("/courses/" + courseId);
                }
            });
        });
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.addClassName("lesson-done");
        // A stable id: the learner load benchmark's client finds the button by it in Vaadin's changes (DD018).
        done.setId("lesson-done");
        nav.add(done);
        return nav;
    }

    static String lessonPath(String courseId, String lessonId) {
        return "learn/" + courseId + "/lesson/" + lessonId;
    }

    @Override
    public String getPageTitle() {
        return title + " · DigiLit";
    }
}
