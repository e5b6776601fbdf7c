package org.digilit.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.digilit.IntegrationTest;
import org.digilit.account.AccountFixtures;
import org.digilit.account.AccountImportService;
import org.digilit.account.AccountService;
import org.digilit.account.AccountViewTestData;
import org.digilit.account.ActivationService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * The server-rendered activation page (issue #21, DD015) asked over HTTP as a phone's browser asks it: the slip's link
 * leaves its code out of the address, the form needs the page's CSRF token, the passwords are checked before the
 * service is asked, every wrong number or code reads the same, and a provisioned person activates and learns their
 * username. The walk in Chromium is {@code ActivationE2EIT}.
 */
@IntegrationTest
class ActivationPageIT {

    private static final String PASSWORD = "Hoc-so-2026-an-toan";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Value("${local.server.port}")
    int port;

    @Autowired
    MessageSource messages;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountFixtures fixtures;

    @Autowired
    AccountImportService imports;

    @Autowired
    AccountService accounts;

    @Autowired
    ActivationService activation;

    private final HttpClient phone = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void the_slips_link_fills_in_the_code_and_takes_it_out_of_the_address() throws Exception {
        var link = get("/activate?code=KQWRT-PLMN7");
        assertThat(link.statusCode()).isEqualTo(302);
        assertThat(link.headers().firstValue("Location").orElseThrow())
                .endsWith("/activate")
                .doesNotContain("KQWRT");

        var page = get("/activate");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html lang=\"en\"", text("activation.title"), "value=\"KQWRT-PLMN7\"")
                .contains("autocomplete=\"new-password\"", "href=\"/forgot-password\"")
                .doesNotContain("<script", "/VAADIN/");
        assertThat(CSRF.matcher(page.body()).find())
                .as("the form carries the CSRF token")
                .isTrue();

        // The code was for that one page: opened again, the field is empty.
        assertThat(get("/activate").body()).doesNotContain("KQWRT-PLMN7");
    }

    @Test
    void a_post_without_the_pages_token_is_refused_and_asks_nothing() throws Exception {
        int attempts = activationAttempts();
        var forged = post(
                "/activate",
                Map.of(
                        "identity",
                        AccountViewTestData.identityNumber(LocalDate.of(1970, 1, 2), true),
                        "code",
                        "KQWRT-PLMN7",
                        "password",
                        PASSWORD,
                        "repeat",
                        PASSWORD),
                null);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(activationAttempts()).isEqualTo(attempts);
    }

    @Test
    void the_passwords_are_checked_before_the_service_is_asked_and_a_wrong_code_reads_as_every_failure()
            throws Exception {
        int attempts = activationAttempts();
        var number = AccountViewTestData.identityNumber(LocalDate.of(1977, 7, 7), false);
        var fields = new LinkedHashMap<String, String>();
        fields.put("identity", number);
        fields.put("code", "KQWRT-PLMN7");
        fields.put("password", PASSWORD);
        fields.put("repeat", PASSWORD + "-khac");

        var different = post("/activate", fields, token());
        assertThat(different.statusCode()).isEqualTo(200);
        assertThat(different.body())
                .contains(text("activation.repeat.different"), "aria-invalid=\"true\"")
                .contains("value=\"KQWRT-PLMN7\"")
                .as("passwords are never put back into the page")
                .doesNotContain(PASSWORD);
        assertThat(activationAttempts()).as("the service was not asked").isEqualTo(attempts);

        fields.put("repeat", PASSWORD);
        var wrong = post("/activate", fields, token());
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains(text("activation.result.INVALID")).doesNotContain(PASSWORD);
        assertThat(activationAttempts()).isEqualTo(attempts + 1);
    }

    @Test
    void a_provisioned_person_activates_from_the_slips_link_and_learns_their_username() throws Exception {
        var data = fixtures.viewProvince();
        var person = AccountViewTestData.people(1, data.commune1()).getFirst();
        TestUsers.signIn("orgadmin-" + data.province(), data.district1(), Role.ORG_ADMIN);
        var id = AccountViewTestData.importPeople(imports, accounts, List.of(person))
                .getFirst();
        accounts.verify(List.of(id), null);
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (accounts.get(id).keycloakId() == null) {
            assertThat(System.nanoTime()).as("provisioned in time").isLessThan(deadline);
            Thread.sleep(200);
        }
        var slip = activation.issueSlips(List.of(id), Locale.ENGLISH, null).getFirst();
        var username = accounts.get(id).username();
        TestUsers.signOut();

        get("/activate?code=" + URLEncoder.encode(slip.code(), StandardCharsets.UTF_8));
        var page = get("/activate");
        var token = CSRF.matcher(page.body());
        assertThat(token.find()).isTrue();
        var number = person.identityNumber();
        var fields = new LinkedHashMap<String, String>();
        fields.put("identity", number.substring(0, 6) + " " + number.substring(6));
        fields.put("code", slip.code());
        fields.put("password", PASSWORD);
        fields.put("repeat", PASSWORD);
        var done = post("/activate", fields, token.group(1));

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body())
                .contains("class=\"activation-done\"", text("activation.done", username))
                .contains("href=\"/oauth2/authorization/keycloak\"")
                .doesNotContain(number, PASSWORD);
        TestUsers.signIn("orgadmin-" + data.province(), data.district1(), Role.ORG_ADMIN);
        assertThat(accounts.get(id).activatedAt()).isNotNull();
    }

    private String token() throws Exception {
        var matcher = CSRF.matcher(get("/activate").body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private String text(String key, Object... arguments) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, arguments, Locale.ENGLISH));
    }

    private int activationAttempts() {
        return jdbc.sql("select count(*) from audit_event where action like 'account.activat%'")
                .query(Integer.class)
                .single();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return phone.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", "text/html")
                        .header("Accept-Language", "en-GB,en;q=0.9")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> fields, String token) throws Exception {
        var form = new LinkedHashMap<>(fields);
        if (token != null) {
            form.put("_csrf", token);
        }
        var body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return phone.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .header("Accept-Language", "en-GB,en;q=0.9")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
