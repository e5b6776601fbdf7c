package org.digilit.learning.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.digilit.course.CatalogueService;
import org.digilit.course.CatalogueService.QuizAnswer;
import org.digilit.course.CatalogueService.QuizQuestion;
import org.digilit.learning.Certificate;
import org.digilit.learning.CertificateService;
import org.digilit.learning.LearningService;
import org.digilit.learning.QuizResult;

/**
 * A course's quiz: single-choice questions as radio buttons, multiple-choice as check boxes, answers shuffled for each
 * attempt. After sending, each question says whether it was right and shows the explanations; the score, the pass
 * mark's verdict and the attempts left (or when the next is possible) follow.
 */
@Route("learn/:courseId/quiz")
@PermitAll
class QuizView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final transient CatalogueService catalogue;
    private final transient LearningService learning;
    private final transient CertificateService certificates;
    private final Map<String, Component> fields = new LinkedHashMap<>();
    private final Map<String, Div> feedback = new HashMap<>();
    private String courseId = "";
    private String title = "";

    QuizView(CatalogueService catalogue, LearningService learning, CertificateService certificates) {
        this.catalogue = catalogue;
        this.learning = learning;
        this.certificates = certificates;
        addClassName("page");
        addClassName("quiz");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        courseId = event.getRouteParameters().get("courseId").orElse("");
        var course = catalogue.course(courseId).orElse(null);
        var questions = catalogue.quiz(courseId);
        if (course == null || questions.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        title = getTranslation("quiz.title", course.title(getLocale()));
        removeAll();
        fields.clear();
        feedback.clear();
        var back = new Anchor("courses/" + courseId, course.title(getLocale()));
        // The course page is server-rendered (DD015): the browser loads it, not Vaadin's router.
        back.setRouterIgnore(true);
        add(back, new H1(title));
        int number = 1;
        for (var question : questions) {
            add(question(number++, question));
        }
        var result = new Div();
        result.addClassName("quiz-result");
        result.getElement().setAttribute("role", "status");
        result.getElement().setAttribute("aria-live", "polite");
        var send = new Button(getTranslation("quiz.submit"), click -> submit(result));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClassName("quiz-submit");
        send.setId("quiz-submit");
        add(send, result);
    }

    private Div question(int number, QuizQuestion question) {
        var answers = new ArrayList<>(question.answers());
        Collections.shuffle(answers);
        var label = number + ". " + question.text(getLocale());
        Component field;
        if (question.multiple()) {
            var group = new CheckboxGroup<QuizAnswer>(label);
            group.setItems(answers);
            group.setItemLabelGenerator(a -> a.text(getLocale()));
            group.setHelperText(getTranslation("quiz.multiple"));
            field = group;
        } else {
            var group = new RadioButtonGroup<QuizAnswer>(label);
            group.setItems(answers);
            group.setItemLabelGenerator(a -> a.text(getLocale()));
            field = group;
        }
        fields.put(question.id(), field);
        var explanation = new Div();
        explanation.addClassName("quiz-feedback");
        feedback.put(question.id(), explanation);
        var box = new Div(field, explanation);
        box.addClassName("quiz-question");
        return box;
    }

    private void submit(Div result) {
        var chosen = new HashMap<String, Set<String>>();
        fields.forEach((id, field) -> {
            var ids = new HashSet<String>();
            if (field instanceof CheckboxGroup<?> group) {
                group.getValue().forEach(a -> ids.add(((QuizAnswer) a).id()));
            } else if (field instanceof RadioButtonGroup<?> group && group.getValue() != null) {
                ids.add(((QuizAnswer) group.getValue()).id());
            }
            chosen.put(id, ids);
        });
        QuizResult outcome = learning.submitQuiz(courseId, chosen);
        result.removeAll();
        if (!outcome.accepted()) {
            result.add(new Paragraph(getTranslation("quiz.cooling-down", TIME.format(outcome.retryAt()))));
            return;
        }
        fields.forEach((id, field) -> {
            var box = feedback.get(id);
            box.removeAll();
            boolean right = outcome.correctByQuestion().getOrDefault(id, false);
            var verdict = new Paragraph(getTranslation(right ? "quiz.right" : "quiz.wrong"));
            verdict.addClassName(right ? "right" : "wrong");
            box.add(verdict);
            answersOf(field)
                    .forEach(answer ->
                            box.add(new Paragraph(answer.text(getLocale()) + ": " + answer.explanation(getLocale()))));
        });
        result.add(new Paragraph(getTranslation(
                outcome.passed() ? "quiz.passed" : "quiz.failed", outcome.score(), outcome.attemptsLeft())));
        if (outcome.progress().completed()) {
            result.add(new Paragraph(getTranslation("quiz.course-completed")));
            certificates.mineFor(courseId).filter(c -> !c.revoked()).ifPresent(c -> showCertificate(result, c));
        }
    }

    /** The way to the certificate the completion issued: its PDF at once, and the learner's list of them. */
    private void showCertificate(Div result, Certificate certificate) {
        var mine = new Anchor("learn", getTranslation("certificates.see-all"));
        mine.addClassName("certificate-home");
        var links = new Div(CertificateDownloads.pdf(certificates, certificate, this, getLocale()), mine);
        links.addClassName("certificate-links");
        var box = new Div(new Paragraph(getTranslation("certificates.ready")), links);
        box.addClassName("certificate-ready");
        result.add(box);
    }

    private static java.util.List<QuizAnswer> answersOf(Component field) {
        var answers = new ArrayList<QuizAnswer>();
        if (field instanceof CheckboxGroup<?> group) {
            group.getListDataView().getItems().forEach(a -> answers.add((QuizAnswer) a));
        } else if (field instanceof RadioButtonGroup<?> group) {
            group.getListDataView().getItems().forEach(a -> answers.add((QuizAnswer) a));
        }
        return answers;
    }

    static String quizPath(String courseId) {
        return "learn/" + courseId + "/quiz";
    }

    @Override
    public String getPageTitle() {
        return title + " · DigiLit";
    }
}
