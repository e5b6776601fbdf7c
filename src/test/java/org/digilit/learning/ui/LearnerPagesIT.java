package org.digilit.learning.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Files;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.digilit.IntegrationTest;
import org.digilit.course.CourseContentService;
import org.digilit.course.CourseTestData;
import org.digilit.learning.CertificateService;
import org.digilit.learning.LearningNavigation;
import org.digilit.learning.LearningService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The learner's server-rendered pages (issue #21, DD015) through the real security filters, controllers and templates,
 * against the real PostgreSQL: read a lesson and go on with the "done" form, the last lesson leads to the quiz whose
 * pass completes the course and hands out the certificate, the home page lists it with its downloads; forged,
 * replayed and foreign requests change nothing. The walk in Chromium is {@code LessonE2EIT}.
 */
@IntegrationTest
class LearnerPagesIT {

    @Autowired
    WebApplicationContext context;

    @Autowired
    CourseContentService content;

    @Autowired
    LearningService learning;

    @Autowired
    CertificateService certificates;

    MockMvc mvc;
    String course;
    String learner;
    OAuth2AuthenticationToken citizen;
    final MockHttpSession session = new MockHttpSession();
    final String holder = "Phạm Thị Hồng Nhung";

    @BeforeEach
    void course() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        course = "pages-" + UUID.randomUUID().toString().substring(0, 8);
        learner = "reader-" + course;
        CourseTestData.loadFixtureCourse(content, Files.createTempDirectory("courses"), course, false);
        // No organisation: no required course of the demo data's reaches this learner.
        citizen = TestUsers.authentication(learner, holder, null, Role.CITIZEN);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return send(request, citizen);
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, OAuth2AuthenticationToken user)
            throws Exception {
        RequestBuilder built = request.session(session)
                .header("Accept-Language", "vi-VN,vi;q=0.9")
                .with(authentication(user));
        return mvc.perform(built).andReturn().getResponse();
    }

    private Document page(String path) throws Exception {
        var response = send(get(path));
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private String done(String lesson) throws Exception {
        var response =
                send(post(LearningNavigation.lesson(course, lesson) + "/done").with(csrf()));
        assertThat(response.getStatus()).isEqualTo(302);
        return response.getRedirectedUrl();
    }

    private void asLearner(Runnable check) {
        TestUsers.signInNamed(learner, holder, null, Role.CITIZEN);
        try {
            check.run();
        } finally {
            TestUsers.signOut();
        }
    }

    @Test
    void a_learner_reads_a_lesson_goes_on_with_the_done_form_and_finds_the_course_at_home() throws Exception {
        var first = page(LearningNavigation.lesson(course, "turn-on"));
        assertThat(first.select("h1").text()).isEqualTo("Bật điện thoại");
        assertThat(first.select(".lesson-body").text()).contains("Nội dung bài học.");
        assertThat(first.select(".lesson-previous")).isEmpty();
        assertThat(first.select("script")).as("plain HTML (DD015)").isEmpty();
        var form = first.selectFirst("form.lesson-done-form");
        assertThat(form.attr("action")).isEqualTo(LearningNavigation.lesson(course, "turn-on") + "/done");
        assertThat(form.select("input[name=_csrf]")).hasSize(1);
        assertThat(form.select("button.lesson-done").text()).isEqualTo("Xong, bài tiếp theo →");

        assertThat(done("turn-on")).isEqualTo(LearningNavigation.lesson(course, "screen"));

        var second = page(LearningNavigation.lesson(course, "screen"));
        assertThat(second.select("h1").text()).isEqualTo("Màn hình cảm ứng");
        assertThat(second.select(".lesson-previous").attr("href"))
                .isEqualTo(LearningNavigation.lesson(course, "turn-on"));
        assertThat(second.select("button.lesson-done").text()).isEqualTo("Xong, làm bài kiểm tra →");
        asLearner(() -> assertThat(learning.progress(course).orElseThrow().lessonsDone())
                .containsExactly("turn-on"));

        var home = page("/learn");
        assertThat(home.select(".greeting").text()).isEqualTo("Xin chào, " + holder);
        assertThat(home.select(".my-courses h3").eachText()).contains("Làm quen với điện thoại");
        assertThat(home.select(".my-courses a.course-link").eachAttr("href"))
                .contains(LearningNavigation.lesson(course, "screen"));
        assertThat(home.select(".next-step a.cta").attr("href")).isEqualTo(LearningNavigation.lesson(course, "screen"));
        assertThat(home.select("script")).isEmpty();
    }

    @Test
    void the_last_lesson_leads_to_the_quiz_whose_pass_completes_the_course_and_hands_out_the_certificate()
            throws Exception {
        done("turn-on");
        assertThat(done("screen")).isEqualTo(LearningNavigation.quiz(course));

        var quiz = page(LearningNavigation.quiz(course));
        assertThat(quiz.select("fieldset.quiz-question legend").text()).startsWith("1. ");
        assertThat(quiz.select("input[type=radio][name=q.q1]")).hasSizeGreaterThan(1);

        var outcome = attempt("b");
        assertThat(outcome.select(".quiz-feedback .wrong").text()).isEqualTo("Chưa đúng.");
        assertThat(outcome.select("a.quiz-again").attr("href")).isEqualTo(LearningNavigation.quiz(course));
        asLearner(() ->
                assertThat(learning.progress(course).orElseThrow().completed()).isFalse());
        // Shown once: the next visit is a fresh form, and a reload never sends the attempt again.
        assertThat(page(LearningNavigation.quiz(course)).select("form.quiz-form"))
                .hasSize(1);

        var passed = attempt("a");
        assertThat(passed.select(".quiz-result").text()).contains("Chúc mừng: bạn đã hoàn thành khóa học.");
        var code = certificateCode();
        assertThat(passed.select(".certificate-ready a.certificate-pdf").attr("href"))
                .isEqualTo(CertificateDownloads.pdfPath(code));

        var home = page("/learn");
        assertThat(home.select("#certificates h3").eachText()).contains("Làm quen với điện thoại");
        assertThat(home.select("#certificates .code").eachText()).contains(code);
        assertThat(home.select("#certificates a.certificate-verify").attr("href"))
                .isEqualTo("/verify/" + code);
        var pdf = send(get(CertificateDownloads.pdfPath(code)));
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getHeader("Cache-Control")).contains("no-store");
        try (var document = Loader.loadPDF(pdf.getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains(holder, code, "Làm quen với điện thoại", "GIẤY CHỨNG NHẬN HOÀN THÀNH KHÓA HỌC");
        }
        var credential = send(get(CertificateDownloads.credentialPath(code))).getContentAsString();
        assertThat(certificates.signatureValid(credential)).isTrue();

        // Another learner asking for this certificate's files finds nothing.
        var other = TestUsers.authentication("other-" + course, "Người khác", "P01-C001", Role.CITIZEN);
        assertThat(send(get(CertificateDownloads.pdfPath(code)), other).getStatus())
                .isEqualTo(404);
        assertThat(send(get(CertificateDownloads.credentialPath(code)), other).getStatus())
                .isEqualTo(404);
    }

    /** Sends the quiz with one answer to its one question, and follows the redirect to the outcome. */
    private Document attempt(String answer) throws Exception {
        var sent = mvc.perform(post(LearningNavigation.quiz(course))
                        .param("q.q1", answer)
                        .with(csrf())
                        .session(session)
                        .header("Accept-Language", "vi-VN,vi;q=0.9")
                        .with(authentication(citizen)))
                .andReturn();
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo(LearningNavigation.quiz(course));
        // The redirect followed in the same session, as a browser does: the outcome comes from the session, once.
        assertThat(sent.getFlashMap().containsKey("outcome")).isTrue();
        var shown = send(get(LearningNavigation.quiz(course)));
        assertThat(shown.getStatus()).isEqualTo(200);
        return Jsoup.parse(shown.getContentAsString());
    }

    private String certificateCode() {
        TestUsers.signInNamed(learner, holder, null, Role.CITIZEN);
        try {
            return certificates.mineFor(course).orElseThrow().code();
        } finally {
            TestUsers.signOut();
        }
    }

    @Test
    void a_learner_without_certificates_or_courses_is_pointed_at_the_catalogue() throws Exception {
        var home = page("/learn");
        assertThat(home.select("#certificates")).as("no certificate section").isEmpty();
        assertThat(home.select("section")).hasSize(1);
        assertThat(home.select(".next-step a.cta").attr("href")).isEqualTo("/courses");
        assertThat(home.select(".learner-links a").eachAttr("href"))
                .containsExactly("/courses", "/profile", "/learn/card", "/devices/my-requests");
    }

    @Test
    void forged_replayed_or_unknown_requests_change_nothing() throws Exception {
        // No CSRF token: refused, nothing recorded.
        assertThat(send(post(LearningNavigation.lesson(course, "turn-on") + "/done"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(post(LearningNavigation.quiz(course)).param("q.q1", "a"))
                        .getStatus())
                .isEqualTo(403);
        // A lesson or course that does not exist: not found, nothing recorded.
        assertThat(send(post(LearningNavigation.lesson(course, "no-such-lesson") + "/done")
                                .with(csrf()))
                        .getStatus())
                .isEqualTo(404);
        assertThat(send(get(LearningNavigation.lesson(course, "no-such-lesson")))
                        .getStatus())
                .isEqualTo(404);
        assertThat(send(get(LearningNavigation.quiz("no-such-course"))).getStatus())
                .isEqualTo(404);
        assertThat(send(post(LearningNavigation.quiz("no-such-course"))
                                .param("q.q1", "a")
                                .with(csrf()))
                        .getStatus())
                .isEqualTo(404);
        asLearner(() -> assertThat(learning.progress(course)).isEmpty());

        // "Done" twice (a replayed post): the lesson is read once.
        done("turn-on");
        done("turn-on");
        asLearner(() -> assertThat(learning.progress(course).orElseThrow().lessonsDone())
                .containsExactly("turn-on"));
    }

    @Test
    void the_learner_home_is_for_learners_and_every_learner_page_asks_anonymous_visitors_to_log_in() throws Exception {
        var admin = TestUsers.authentication("admin-" + course, "Quản trị", "P01-C001", Role.ORG_ADMIN);
        assertThat(send(get("/learn"), admin).getStatus()).isEqualTo(403);
        // Staff learn too: a lesson opens for them.
        assertThat(send(get(LearningNavigation.lesson(course, "turn-on")), admin)
                        .getStatus())
                .isEqualTo(200);
        for (var path : new String[] {
            "/learn",
            LearningNavigation.lesson(course, "turn-on"),
            LearningNavigation.quiz(course),
            "/learn/certificates/X.pdf"
        }) {
            var anonymous = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(anonymous.getStatus()).as(path).isEqualTo(302);
            assertThat(anonymous.getRedirectedUrl()).as(path).contains("/oauth2/authorization/keycloak");
        }
    }
}
