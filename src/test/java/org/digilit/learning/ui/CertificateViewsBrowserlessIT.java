package org.digilit.learning.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.digilit.IntegrationTest;
import org.digilit.course.CourseContentService;
import org.digilit.course.CourseTestData;
import org.digilit.learning.CertificateService;
import org.digilit.learning.CertificateVerification.Status;
import org.digilit.learning.LearningService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The certificate pages without a browser: the public check of a valid, revoked and unknown code (plain HTML from
 * CertificateCheckController, DD015, asked over HTTP) and the admin's revocation with a confirmation. The learner's
 * pages with their certificates and downloads are {@code LearnerPagesIT}.
 */
@IntegrationTest
@ViewPackages(packages = "org.digilit")
class CertificateViewsBrowserlessIT extends SpringBrowserlessTest {

    @Autowired
    CourseContentService content;

    @Autowired
    LearningService learning;

    @Autowired
    CertificateService certificates;

    @Value("${local.server.port}")
    int port;

    String course;
    String learner;
    final String holder = "Phạm Thị Hồng Nhung";

    @BeforeEach
    void course() throws Exception {
        course = "certview-" + UUID.randomUUID().toString().substring(0, 8);
        learner = "viewer-" + course;
        CourseTestData.loadFixtureCourse(content, Files.createTempDirectory("courses"), course, false);
        signInLearner();
        UI.getCurrent().setLocale(Locale.forLanguageTag("vi"));
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private void signInLearner() {
        TestUsers.signInNamed(learner, holder, "P01-C001", Role.CITIZEN);
    }

    private String completed() {
        learning.completeLesson(course, "turn-on");
        learning.completeLesson(course, "screen");
        learning.submitQuiz(course, Map.of("q1", Set.of("a")));
        return certificates.mineFor(course).orElseThrow().code();
    }

    private Div summary() {
        return find(Div.class).withClassName("certificate-summary").single();
    }

    @Test
    void the_public_page_says_valid_with_what_the_certificate_shows_and_nothing_more() throws Exception {
        var code = completed();
        TestUsers.signOut();

        var page = get("/" + CertificateDownloads.verifyPath(code));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("certificate-summary valid", "Chứng nhận hợp lệ", holder, "Làm quen với điện thoại", code)
                .contains("href=\"/credentials/" + code + ".jws\"")
                .doesNotContain(learner)
                // Plain HTML: no Vaadin client (DD015).
                .doesNotContain("/VAADIN/");
    }

    @Test
    void a_code_typed_into_the_field_is_checked_and_an_unknown_one_is_said_to_be_unknown() throws Exception {
        var code = completed();
        TestUsers.signOut();
        var form = get("/verify");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"code\"").doesNotContain("certificate-summary");

        var typed = get("/verify?code=" + code.toLowerCase(Locale.ROOT).replace("-", "+"));
        assertThat(typed.statusCode()).isEqualTo(302);
        assertThat(typed.headers().firstValue("Location").orElseThrow()).endsWith("/verify/" + code);

        var unknown = get("/verify/DL-2222-3333-4444");
        assertThat(unknown.body())
                .contains("certificate-summary unknown", "Không tìm thấy chứng nhận", "DL-2222-3333-4444")
                .doesNotContain(holder);
        var garbage = get("/verify?code=%3Cb%3Enot+a+code");
        assertThat(garbage.body())
                .contains("certificate-summary unknown", "&lt;b&gt;not a code")
                .doesNotContain("<b>not");
    }

    @Test
    void a_revoked_certificate_shows_as_revoked_with_date_and_reason() throws Exception {
        var code = completed();
        TestUsers.signIn("view-admin", null, Role.PLATFORM_ADMIN);
        certificates.revoke(code, "Cấp nhầm", null);
        TestUsers.signOut();

        var page = get("/" + CertificateDownloads.verifyPath(code));

        assertThat(page.body())
                .contains("certificate-summary revoked", "Chứng nhận đã bị thu hồi")
                .containsPattern("Chứng nhận này đã bị thu hồi ngày \\d{2}/\\d{2}/\\d{4}\\. Lý do: Cấp nhầm")
                .doesNotContain("certificate-credential");
    }

    /** The public page as a Vietnamese phone gets it from the running app (no redirects followed). */
    private HttpResponse<String> get(String path) throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Accept-Language", "vi-VN,vi;q=0.9")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void the_platform_admin_looks_up_a_code_and_revokes_it_after_confirming_with_a_reason() {
        var code = completed();
        TestUsers.signIn("view-admin", null, Role.PLATFORM_ADMIN);
        UI.getCurrent().navigate(CertificateAdminView.class);

        test(find(TextField.class).single()).setValue(code);
        test(find(Button.class).withClassName("certificate-lookup").single()).click();
        assertThat(summary().hasClassName("valid")).isTrue();

        test(find(Button.class).withClassName("certificate-revoke").single()).click();
        assertThat(find(TextArea.class).single().isInvalid())
                .as("a reason is required")
                .isTrue();
        assertThat(find(ConfirmDialog.class).all()).isEmpty();

        test(find(TextArea.class).single()).setValue("Bài kiểm tra do người khác làm hộ");
        test(find(Button.class).withClassName("certificate-revoke").single()).click();
        var dialog = find(ConfirmDialog.class).single();
        assertThat(test(dialog).getHeader()).isEqualTo("Thu hồi chứng nhận " + code + "?");
        test(dialog).confirm();

        assertThat(summary().hasClassName("revoked")).isTrue();
        assertThat(certificates.verify(code).status()).isEqualTo(Status.REVOKED);
        assertThat(find(Button.class).withClassName("certificate-revoke").all())
                .as("nothing left to revoke")
                .isEmpty();
    }
}
