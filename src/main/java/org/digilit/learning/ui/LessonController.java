package org.digilit.learning.ui;

import java.util.Locale;
import java.util.NoSuchElementException;
import org.digilit.course.CatalogueService;
import org.digilit.course.CourseImageService;
import org.digilit.course.CourseNavigation;
import org.digilit.learning.LearningNavigation;
import org.digilit.learning.LearningService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * One lesson (issue #21, DD015: plain HTML, no script): its text rendered on the server (Markdown, sanitised, shared
 * by every reader: {@link RenderedLessons}), where it sits in the course, and the way on. "Done, next" is a form that
 * posts to the lesson's {@code /done} address (with the page's CSRF token); the server records the lesson as read and
 * redirects to the next lesson, the quiz after the last one, or the course page when there is no quiz. A reload of
 * the next page never posts again. Opening a lesson enrols the learner in its course. Any signed-in user may learn:
 * staff learn like citizens.
 */
@Controller
class LessonController {

    private final CatalogueService catalogue;
    private final LearningService learning;
    private final RenderedLessons renderer;
    private final CourseImageService images;

    LessonController(
            CatalogueService catalogue, LearningService learning, RenderedLessons renderer, CourseImageService images) {
        this.catalogue = catalogue;
        this.learning = learning;
        this.renderer = renderer;
        this.images = images;
    }

    @GetMapping("/learn/{courseId}/lesson/{lessonId}")
    String lesson(@PathVariable String courseId, @PathVariable String lessonId, Model model, Locale locale) {
        var lesson = catalogue.lesson(courseId, lessonId).orElseThrow(LessonController::notFound);
        var course = catalogue.course(courseId).orElseThrow(LessonController::notFound);
        var progress = learning.progress(courseId).orElseGet(() -> learning.enrol(courseId));
        var lessons = progress.lessonIds();
        int index = lessons.indexOf(lessonId);
        boolean last = index == lessons.size() - 1;
        model.addAttribute("courseTitle", course.title(locale));
        model.addAttribute("coursePath", CourseNavigation.course(courseId));
        model.addAttribute("title", lesson.title(locale));
        model.addAttribute("position", index + 1);
        model.addAttribute("count", lessons.size());
        model.addAttribute("percent", progress.percent());
        model.addAttribute(
                "body",
                renderer.html(
                        courseId,
                        lessonId,
                        locale,
                        lesson.body(locale),
                        picture -> images.url(courseId, picture).orElse(null)));
        model.addAttribute("previous", index > 0 ? LearningNavigation.lesson(courseId, lessons.get(index - 1)) : null);
        model.addAttribute("done", LearningNavigation.lesson(courseId, lessonId) + "/done");
        model.addAttribute(
                "doneKey", !last ? "lesson.done-next" : progress.hasQuiz() ? "lesson.done-quiz" : "lesson.done-last");
        model.addAttribute("back", LearningNavigation.lesson(courseId, lessonId));
        return "lesson";
    }

    /** "Done, next": the lesson is read; on to the next one, the quiz, or the course page (a redirect: the browser GETs it). */
    @PostMapping("/learn/{courseId}/lesson/{lessonId}/done")
    String done(@PathVariable String courseId, @PathVariable String lessonId) {
        if (catalogue.course(courseId).isEmpty()) {
            throw notFound();
        }
        var progress = completed(courseId, lessonId);
        var lessons = progress.lessonIds();
        int index = lessons.indexOf(lessonId);
        String next;
        if (index >= 0 && index < lessons.size() - 1) {
            next = LearningNavigation.lesson(courseId, lessons.get(index + 1));
        } else if (progress.hasQuiz()) {
            next = LearningNavigation.quiz(courseId);
        } else {
            next = CourseNavigation.course(courseId);
        }
        return "redirect:" + next;
    }

    private org.digilit.learning.CourseProgress completed(String courseId, String lessonId) {
        try {
            return learning.completeLesson(courseId, lessonId);
        } catch (NoSuchElementException e) {
            throw notFound();
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
