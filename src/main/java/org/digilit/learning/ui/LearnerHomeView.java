package org.digilit.learning.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.digilit.course.CatalogueService;
import org.digilit.course.CatalogueService.CourseCard;
import org.digilit.learning.AssignedCourse;
import org.digilit.learning.CompletionsElsewhere;
import org.digilit.learning.CourseProgress;
import org.digilit.learning.LearnerHome;
import org.digilit.learning.LearningService;
import org.digilit.organisation.Quarter;
import org.digilit.security.CurrentUser;
import org.digilit.security.Roles;

/**
 * The learner's home, one section after the other: the single next step, the courses assigned to them (with the
 * quarter they are due, overdue ones marked), their other courses, each with progress and the way back in.
 */
@Route("learn")
@RolesAllowed({Roles.CITIZEN, Roles.TEACHER, Roles.OFFICIAL})
@Menu(title = "nav.learn", order = 10)
class LearnerHomeView extends Main implements HasDynamicTitle {

    private final transient Map<String, CourseCard> courses;
    private final transient CatalogueService catalogue;

    LearnerHomeView(
            CurrentUser currentUser,
            LearningService learning,
            CatalogueService catalogue,
            org.springframework.beans.factory.ObjectProvider<CompletionsElsewhere> elsewhere) {
        this.catalogue = catalogue;
        addClassName("page");
        addClassName("learner-home");
        var user = currentUser.require();
        var home = learning.home();
        courses = catalogue.catalogue("").stream().collect(Collectors.toMap(CourseCard::id, Function.identity()));
        var greeting = new Paragraph(getTranslation("home.greeting", user.displayName()));
        greeting.addClassName("greeting");
        add(new H1(getTranslation("learn.title")), greeting);
        add(nextStep(home));
        add(assigned(home));
        add(others(home));
        add(elsewhere(elsewhere.stream().flatMap(e -> e.mine().stream()).toList()));
        add(MyCertificates.create());
        // The learner card for in-person classes (session.ui.LearnerCardView, issue #16), named by path: learning does
        // not depend on the session feature.
        var card = new Anchor("learn/card", getTranslation("cards.link"));
        card.addClassName("learner-card-link");
        add(card);
    }

    /** What they completed on other platforms (issue #17), with the platform's name and what it counts as here. */
    private Section elsewhere(java.util.List<CompletionsElsewhere.Line> lines) {
        var section = section("completed-elsewhere", "learn.elsewhere.title");
        section.setVisible(!lines.isEmpty());
        var dates = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
        for (var line : lines) {
            var card = new Div(
                    new H3(line.programmeName(getLocale())),
                    new Paragraph(getTranslation(
                            "learn.elsewhere.source",
                            line.platformName(getLocale()),
                            dates.format(line.completedOn()))));
            if (!line.countsForCourseIds().isEmpty()) {
                card.add(new Paragraph(getTranslation(
                        "learn.elsewhere.counts-as",
                        line.countsForCourseIds().stream().map(this::title).collect(Collectors.joining(", ")))));
            }
            if (line.certificateNumber() != null) {
                card.add(new Paragraph(getTranslation("learn.elsewhere.certificate", line.certificateNumber())));
            }
            card.addClassName("card");
            card.addClassName("completion-elsewhere");
            section.add(card);
        }
        return section;
    }

    /** One clear way on: the next lesson of the first unfinished required course, else of their own, else browse. */
    private Section nextStep(LearnerHome home) {
        var section = section("next-step", "learn.next.title");
        var next = home.next();
        if (next == null) {
            boolean nothingYet = home.assigned().isEmpty() && home.others().isEmpty();
            section.add(new Paragraph(getTranslation(nothingYet ? "learn.intro" : "learn.next.all-done")));
            section.add(cta("courses", getTranslation("learn.browse")));
            return section;
        }
        boolean required =
                home.assigned().stream().anyMatch(c -> c.assignment().courseId().equals(next.courseId()));
        section.add(new Paragraph(
                getTranslation(required ? "learn.next.assigned" : "learn.next.own", title(next.courseId()))));
        var lesson = quizIsNext(next) ? null : next.nextLessonId();
        var label = lesson == null
                ? getTranslation("learn.next.quiz")
                : getTranslation("learn.next.lesson", lessonTitle(next.courseId(), lesson));
        section.add(cta(continuePath(next), label));
        return section;
    }

    private Section assigned(LearnerHome home) {
        var section = section("assigned-courses", "learn.assigned");
        section.setVisible(!home.assigned().isEmpty());
        for (var course : home.assigned()) {
            section.add(assignedCard(course));
        }
        return section;
    }

    private Section others(LearnerHome home) {
        var section = section("my-courses", "learn.my-courses");
        section.setVisible(!home.others().isEmpty());
        for (var progress : home.others()) {
            if (courses.containsKey(progress.courseId())) {
                section.add(card(progress));
            }
        }
        return section;
    }

    private Div assignedCard(AssignedCourse course) {
        var card = card(course.progress());
        var assignment = course.assignment();
        var due = new Paragraph(getTranslation(
                course.overdue() ? "learn.overdue" : "learn.due",
                quarter(assignment.due()),
                assignment.assignedBy(getLocale())));
        due.addClassName("due");
        if (course.overdue()) {
            card.addClassName("overdue");
        }
        card.addComponentAtIndex(1, due);
        return card;
    }

    private Div card(CourseProgress progress) {
        var bar = new ProgressBar(0, 100, progress.percent());
        bar.getElement().setAttribute("aria-label", getTranslation("lesson.progress", progress.percent()));
        boolean started = !progress.lessonsDone().isEmpty() || progress.quizAttempts() > 0;
        var status = new Paragraph(
                progress.completed()
                        ? getTranslation("learn.completed")
                        : started
                                ? getTranslation("learn.percent", progress.percent())
                                : getTranslation("learn.not-started"));
        var link = new Anchor(
                continuePath(progress),
                getTranslation(progress.completed() ? "learn.open" : started ? "learn.continue" : "learn.start"));
        link.setRouterIgnore(isCoursePage(link.getHref()));
        link.addClassName("course-link");
        var card = new Div(new H3(title(progress.courseId())), bar, status, link);
        card.addClassName("card");
        card.addClassName("course-progress");
        return card;
    }

    /** Where "continue" leads: the next lesson, the quiz once every lesson is read, the course page when done. */
    static String continuePath(CourseProgress progress) {
        if (progress.completed()) {
            return "courses/" + progress.courseId();
        }
        if (quizIsNext(progress)) {
            return QuizView.quizPath(progress.courseId());
        }
        var lesson = progress.nextLessonId();
        return lesson == null ? "courses/" + progress.courseId() : LessonView.lessonPath(progress.courseId(), lesson);
    }

    private static boolean quizIsNext(CourseProgress progress) {
        return progress.hasQuiz()
                && !progress.quizPassed()
                && !progress.lessonIds().isEmpty()
                && progress.lessonsDone().containsAll(progress.lessonIds());
    }

    private String quarter(Quarter quarter) {
        return getTranslation("learn.quarter", quarter.quarter(), String.valueOf(quarter.year()));
    }

    private String title(String courseId) {
        var card = courses.get(courseId);
        return card == null ? courseId : card.title(getLocale());
    }

    private String lessonTitle(String courseId, String lessonId) {
        return catalogue.lessons(courseId).stream()
                .filter(l -> l.id().equals(lessonId))
                .map(l -> l.title(getLocale()))
                .findFirst()
                .orElse(lessonId);
    }

    private Section section(String className, String titleKey) {
        var section = new Section(new H2(getTranslation(titleKey)));
        section.addClassName(className);
        return section;
    }

    private static Anchor cta(String href, String text) {
        var anchor = new Anchor(href, text);
        anchor.addClassName("cta");
        anchor.setRouterIgnore(isCoursePage(href));
        return anchor;
    }

    /**
     * The catalogue and the course pages are server-rendered (DD015), not views: the browser loads them, Vaadin's
     * router must not try.
     */
    static boolean isCoursePage(String href) {
        return href.equals("courses") || href.startsWith("courses/");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("learn.title") + " · DigiLit";
    }
}
