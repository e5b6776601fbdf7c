package org.digilit.learning.ui;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import org.digilit.base.ProgrammeTime;
import org.digilit.course.CatalogueService;
import org.digilit.course.CatalogueService.QuizQuestion;
import org.digilit.course.CourseNavigation;
import org.digilit.learning.CertificateService;
import org.digilit.learning.LearningNavigation;
import org.digilit.learning.LearningService;
import org.digilit.learning.QuizResult;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A course's quiz (issue #21, DD015: plain HTML, no script): single-choice questions as radio buttons, multiple-choice
 * as check boxes in a fieldset each, answers shuffled for each showing. The form posts back to the quiz's address;
 * the outcome is shown once after a redirect (post, redirect, get: a reload never sends the attempt again): each
 * question right or not with every answer's explanation, the score, the pass mark's verdict and the attempts left (or
 * when the next is possible), and the certificate when the attempt completed the course.
 */
@Controller
class QuizController {

    /** The form's field of a question: {@code q.<question id>}, its values the chosen answers' ids. */
    static final String FIELD = "q.";

    /** No quiz has this many questions; a forged form with more fields is refused, not read. */
    static final int MAX_FIELDS = 200;

    private final CatalogueService catalogue;
    private final LearningService learning;
    private final CertificateService certificates;
    private final MessageSource messages;

    private final ProgrammeTime time;

    QuizController(
            CatalogueService catalogue,
            LearningService learning,
            CertificateService certificates,
            MessageSource messages,
            ProgrammeTime time) {
        this.time = time;
        this.catalogue = catalogue;
        this.learning = learning;
        this.certificates = certificates;
        this.messages = messages;
    }

    /** A question as the form shows it, its answers in this showing's order. */
    record Question(String field, int number, String text, boolean multiple, List<Answer> answers) {}

    record Answer(String id, String text) {}

    /** The outcome of an attempt as the page shows it once (kept in the session for the redirect). */
    record Outcome(
            List<Feedback> questions,
            String summary,
            boolean accepted,
            boolean passed,
            boolean completed,
            @Nullable String certificatePdf,
            boolean tryAgain)
            implements Serializable {}

    record Feedback(String text, boolean right, List<String> explanations) implements Serializable {}

    @GetMapping("/learn/{courseId}/quiz")
    String quiz(@PathVariable String courseId, Model model, Locale locale) {
        var course = catalogue.course(courseId).orElseThrow(QuizController::notFound);
        var questions = catalogue.quiz(courseId);
        if (questions.isEmpty()) {
            throw notFound();
        }
        var title = messages.getMessage("quiz.title", new Object[] {course.title(locale)}, locale);
        model.addAttribute("title", title);
        model.addAttribute("courseTitle", course.title(locale));
        model.addAttribute("coursePath", CourseNavigation.course(courseId));
        model.addAttribute("action", LearningNavigation.quiz(courseId));
        model.addAttribute("back", LearningNavigation.quiz(courseId));
        // The outcome of the attempt just sent, handed over by the redirect (a flash attribute: shown once).
        if (model.getAttribute("outcome") instanceof Outcome) {
            return "quiz-outcome";
        }
        int number = 1;
        var shown = new ArrayList<Question>();
        for (var question : questions) {
            var answers = new ArrayList<Answer>();
            question.answers().forEach(a -> answers.add(new Answer(a.id(), a.text(locale))));
            Collections.shuffle(answers);
            shown.add(
                    new Question(FIELD + question.id(), number++, question.text(locale), question.multiple(), answers));
        }
        model.addAttribute("questions", shown);
        return "quiz";
    }

    @PostMapping("/learn/{courseId}/quiz")
    String submit(
            @PathVariable String courseId,
            @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect,
            Locale locale) {
        var questions = catalogue.quiz(courseId);
        if (questions.isEmpty()) {
            throw notFound();
        }
        if (form.size() > MAX_FIELDS) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        var chosen = new HashMap<String, Set<String>>();
        form.forEach((name, values) -> {
            if (name.startsWith(FIELD)) {
                chosen.put(name.substring(FIELD.length()), new LinkedHashSet<>(values));
            }
        });
        QuizResult result;
        try {
            result = learning.submitQuiz(courseId, chosen);
        } catch (NoSuchElementException e) {
            throw notFound();
        }
        redirect.addFlashAttribute("outcome", outcome(courseId, questions, result, locale));
        return "redirect:" + LearningNavigation.quiz(courseId);
    }

    private Outcome outcome(String courseId, List<QuizQuestion> questions, QuizResult result, Locale locale) {
        if (!result.accepted()) {
            var text = messages.getMessage(
                    "quiz.cooling-down", new Object[] {time.timeDate().format(result.retryAt())}, locale);
            return new Outcome(List.of(), text, false, false, false, null, false);
        }
        var feedback = new ArrayList<Feedback>();
        int number = 1;
        for (var question : questions) {
            var explanations = question.answers().stream()
                    .map(a -> a.text(locale) + ": " + a.explanation(locale))
                    .toList();
            feedback.add(new Feedback(
                    number++ + ". " + question.text(locale),
                    result.correctByQuestion().getOrDefault(question.id(), false),
                    explanations));
        }
        var summary = messages.getMessage(
                result.passed() ? "quiz.passed" : "quiz.failed",
                new Object[] {result.score(), result.attemptsLeft()},
                locale);
        boolean completed = result.progress().completed();
        var pdf = completed
                ? certificates
                        .mineFor(courseId)
                        .filter(c -> !c.revoked())
                        .map(c -> CertificateDownloads.pdfPath(c.code()))
                        .orElse(null)
                : null;
        return new Outcome(
                feedback,
                summary,
                true,
                result.passed(),
                completed,
                pdf,
                !result.passed() && result.attemptsLeft() > 0);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
