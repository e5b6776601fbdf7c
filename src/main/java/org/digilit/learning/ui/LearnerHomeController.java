package org.digilit.learning.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.digilit.base.ProgrammeTime;
import org.digilit.course.CatalogueService;
import org.digilit.course.CatalogueService.CourseCard;
import org.digilit.course.CourseNavigation;
import org.digilit.learning.AssignedCourse;
import org.digilit.learning.Certificate;
import org.digilit.learning.CertificateService;
import org.digilit.learning.CompletionsElsewhere;
import org.digilit.learning.CourseProgress;
import org.digilit.learning.LearnerHome;
import org.digilit.learning.LearnerHomeLink;
import org.digilit.learning.LearningNavigation;
import org.digilit.learning.LearningService;
import org.digilit.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The learner's home (issue #21, DD015: plain HTML, no script, the page a citizen opens most), one section after the
 * other: the single next step, the courses assigned to them (with the quarter they are due, overdue ones marked), their
 * other courses, each with progress and the way back in, what they completed on other platforms, their certificates,
 * and the learner card for in-person classes. Only learners' roles reach it (the security configuration).
 */
@Controller
class LearnerHomeController {

    static final String PATH = LearningNavigation.HOME;

    private final CurrentUser currentUser;
    private final LearningService learning;
    private final CatalogueService catalogue;
    private final CertificateService certificates;
    private final ObjectProvider<CompletionsElsewhere> elsewhere;
    private final MessageSource messages;
    private final List<LearnerHomeLink> otherLinks;

    private final ProgrammeTime time;

    LearnerHomeController(
            CurrentUser currentUser,
            LearningService learning,
            CatalogueService catalogue,
            CertificateService certificates,
            ObjectProvider<CompletionsElsewhere> elsewhere,
            MessageSource messages,
            List<LearnerHomeLink> otherLinks,
            ProgrammeTime time) {
        this.time = time;
        this.currentUser = currentUser;
        this.learning = learning;
        this.catalogue = catalogue;
        this.certificates = certificates;
        this.elsewhere = elsewhere;
        this.messages = messages;
        this.otherLinks = otherLinks.stream()
                .sorted(java.util.Comparator.comparingInt(LearnerHomeLink::order))
                .toList();
    }

    /** The next step: a sentence and the one link to follow. */
    record NextStep(String text, String href, String label) {}

    /** A course on the home page with its progress, the due line of an assigned one, and the way in. */
    record CourseLine(
            String title,
            int percent,
            String status,
            String href,
            String label,
            @Nullable String due,
            boolean overdue) {}

    /** A link to one of the learner's other pages. */
    record Link(String href, String label) {}

    /** A completion from another platform. */
    record ElsewhereLine(
            String programme,
            String source,
            @Nullable String countsAs,
            @Nullable String certificate) {}

    /** A certificate of the learner's with its links (none when revoked: the revocation line instead). */
    record CertificateLine(
            String course,
            String completedOn,
            String code,
            @Nullable String revoked,
            String pdf,
            String credential,
            String verify) {}

    @GetMapping(PATH)
    String home(Model model, Locale locale) {
        var user = currentUser.require();
        var home = learning.home();
        var texts = new Texts(catalogue, messages, locale);
        model.addAttribute("greeting", texts.get("home.greeting", user.displayName()));
        model.addAttribute("next", nextStep(home, texts));
        model.addAttribute(
                "assigned",
                home.assigned().stream().map(c -> assigned(c, texts)).toList());
        model.addAttribute(
                "others",
                home.others().stream()
                        .filter(p -> texts.courses.containsKey(p.courseId()))
                        .map(p -> line(p, texts, null, false))
                        .toList());
        model.addAttribute(
                "elsewhere",
                elsewhere.stream()
                        .flatMap(e -> e.mine().stream())
                        .map(l -> elsewhere(l, texts))
                        .toList());
        model.addAttribute(
                "certificates",
                certificates.mine().stream()
                        .map(c -> certificate(c, locale, texts))
                        .toList());
        model.addAttribute("links", links(user, texts, otherLinks));
        model.addAttribute("back", PATH);
        return "learner-home";
    }

    /**
     * The learner's other pages: the catalogue, then what other features put here ({@link LearnerHomeLink}: the
     * profile, the learner card for in-person classes, a device request for the roles that may ask), in their order.
     */
    private static List<Link> links(
            org.digilit.security.AuthenticatedUser user, Texts texts, List<LearnerHomeLink> others) {
        var links = new java.util.ArrayList<Link>();
        links.add(new Link(CourseNavigation.CATALOGUE, texts.get("nav.courses")));
        for (var other : others) {
            if (other.shownTo(user)) {
                links.add(new Link(other.path(), texts.get(other.titleKey())));
            }
        }
        return links;
    }

    private static NextStep nextStep(LearnerHome home, Texts texts) {
        var next = home.next();
        if (next == null) {
            boolean nothingYet = home.assigned().isEmpty() && home.others().isEmpty();
            return new NextStep(
                    texts.get(nothingYet ? "learn.intro" : "learn.next.all-done"),
                    CourseNavigation.CATALOGUE,
                    texts.get("learn.browse"));
        }
        boolean required =
                home.assigned().stream().anyMatch(c -> c.assignment().courseId().equals(next.courseId()));
        var text = texts.get(required ? "learn.next.assigned" : "learn.next.own", texts.title(next.courseId()));
        var lesson = LearnerPaths.quizIsNext(next) ? null : next.nextLessonId();
        var label = lesson == null
                ? texts.get("learn.next.quiz")
                : texts.get("learn.next.lesson", texts.lessonTitle(next.courseId(), lesson));
        return new NextStep(text, LearnerPaths.continuePath(next), label);
    }

    private static CourseLine assigned(AssignedCourse course, Texts texts) {
        var assignment = course.assignment();
        var quarter = texts.get(
                "learn.quarter",
                assignment.due().quarter(),
                String.valueOf(assignment.due().year()));
        var due = texts.get(
                course.overdue() ? "learn.overdue" : "learn.due", quarter, assignment.assignedBy(texts.locale));
        return line(course.progress(), texts, due, course.overdue());
    }

    private static CourseLine line(CourseProgress progress, Texts texts, @Nullable String due, boolean overdue) {
        boolean started = !progress.lessonsDone().isEmpty() || progress.quizAttempts() > 0;
        var status = progress.completed()
                ? texts.get("learn.completed")
                : started ? texts.get("learn.percent", progress.percent()) : texts.get("learn.not-started");
        var label = texts.get(progress.completed() ? "learn.open" : started ? "learn.continue" : "learn.start");
        return new CourseLine(
                texts.title(progress.courseId()),
                progress.percent(),
                status,
                LearnerPaths.continuePath(progress),
                label,
                due,
                overdue);
    }

    private ElsewhereLine elsewhere(CompletionsElsewhere.Line line, Texts texts) {
        var counts = line.countsForCourseIds().isEmpty()
                ? null
                : texts.get(
                        "learn.elsewhere.counts-as",
                        line.countsForCourseIds().stream().map(texts::title).collect(Collectors.joining(", ")));
        return new ElsewhereLine(
                line.programmeName(texts.locale),
                texts.get(
                        "learn.elsewhere.source",
                        line.platformName(texts.locale),
                        time.date().format(line.completedOn())),
                counts,
                line.certificateNumber() == null
                        ? null
                        : texts.get("learn.elsewhere.certificate", line.certificateNumber()));
    }

    private CertificateLine certificate(Certificate certificate, Locale locale, Texts texts) {
        var code = certificate.code();
        return new CertificateLine(
                certificate.courseTitle(locale),
                texts.get("certificates.completed-on", time.date().format(certificate.completedAt())),
                code,
                certificate.revoked()
                        ? texts.get(
                                "certificates.revoked",
                                time.date().format(certificate.revokedAt()),
                                certificate.revocationReason())
                        : null,
                CertificateDownloads.pdfPath(code),
                CertificateDownloads.credentialPath(code),
                "/" + CertificateDownloads.verifyPath(code));
    }

    /** The page's words in its language, and the course titles it names. */
    private static final class Texts {

        private final CatalogueService catalogue;
        private final MessageSource messages;
        private final Locale locale;
        private final Map<String, CourseCard> courses;

        Texts(CatalogueService catalogue, MessageSource messages, Locale locale) {
            this.catalogue = catalogue;
            this.messages = messages;
            this.locale = locale;
            this.courses =
                    catalogue.catalogue("").stream().collect(Collectors.toMap(CourseCard::id, Function.identity()));
        }

        String get(String key, Object... arguments) {
            return messages.getMessage(key, arguments, locale);
        }

        String title(String courseId) {
            var card = courses.get(courseId);
            return card == null ? courseId : card.title(locale);
        }

        String lessonTitle(String courseId, String lessonId) {
            List<CatalogueService.LessonTitle> lessons = catalogue.lessons(courseId);
            return lessons.stream()
                    .filter(l -> l.id().equals(lessonId))
                    .map(l -> l.title(locale))
                    .findFirst()
                    .orElse(lessonId);
        }
    }
}
