package org.digilit.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.digilit.IntegrationTest;
import org.digilit.account.AccountDirectory;
import org.digilit.account.Registration;
import org.digilit.account.RegistrationService;
import org.digilit.audit.AuditService;
import org.digilit.localstack.DemoUsers;
import org.digilit.localstack.LocalStack;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #14 against the real servers: each finding's fix, checked where it lives (Keycloak's realm and admin API, the
 * app's HTTP answers, PostgreSQL). Each test fails without its fix.
 */
@IntegrationTest
class HardeningIT {

    private static final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Value("${local.server.port}")
    int port;

    @Autowired
    ProvisioningTokens tokens;

    @Autowired
    KeycloakProperties keycloak;

    @Autowired
    AccountDirectory directory;

    @Autowired
    RegistrationService registrations;

    @Autowired
    AuditService audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    private static LocalStack stack() {
        return LocalStack.shared(LocalStack.Mode.TEST, LocalStack.testAppPort());
    }

    // §1 ---------------------------------------------------------------------------------------------------------

    @Test
    void the_provisioning_client_signs_its_own_jwt_and_the_old_shared_secret_no_longer_works() throws Exception {
        assertThat(tokens.method()).isEqualTo("client-jwt");
        assertThat(tokens.accessToken()).isNotBlank();
        var withSecret = tokenRequest(Map.of(
                "grant_type", "client_credentials",
                "client_id", "digilit-provisioning",
                "client_secret", LocalStack.PROVISIONING_SECRET));
        assertThat(withSecret.statusCode()).as(withSecret.body()).isIn(400, 401);
        assertThat(withSecret.body()).doesNotContain("access_token");
        // The directory (admin client) works with the signed assertion.
        assertThat(directory.countUsers()).isPositive();
    }

    @Test
    void the_realm_keeps_login_and_admin_events_with_an_expiry() {
        try (var admin = DemoUsers.adminClient(stack())) {
            var realm = admin.realm(LocalStack.REALM).toRepresentation();
            assertThat(realm.isEventsEnabled()).isTrue();
            assertThat(realm.getEventsExpiration()).isPositive();
            assertThat(realm.isAdminEventsEnabled()).isTrue();
            assertThat(realm.getAttributes()).containsKey("adminEventsExpiration");
        }
    }

    // §3 ---------------------------------------------------------------------------------------------------------

    @Test
    void anonymous_health_gives_the_status_only_and_no_details() throws Exception {
        var response = get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        var body = json.readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.has("components")).as(response.body()).isFalse();
        assertThat(response.body()).doesNotContain("realm", "uris", "localhost", "127.0.0.1", "http");

        var details = get("/actuator/health/details");
        assertThat(details.statusCode()).as("anonymous details").isNotEqualTo(200);
        assertThat(details.body()).doesNotContain("keycloak", "elasticsearch");
    }

    @Test
    void keycloak_and_elasticsearch_health_are_kept_for_a_few_seconds() {
        for (var name : List.of("keycloak", "elasticsearch")) {
            var indicator = context.getBean(name, HealthIndicator.class);
            var first = indicator.health();
            assertThat(indicator.health()).as(name).isSameAs(first);
        }
    }

    // §4 ---------------------------------------------------------------------------------------------------------

    @Test
    void common_passwords_are_refused_by_keycloaks_blocklist() {
        String id;
        try (var admin = DemoUsers.adminClient(stack())) {
            var user = new UserRepresentation();
            user.setUsername("blocklist-" + System.nanoTime());
            user.setEnabled(true);
            try (var response = admin.realm(LocalStack.REALM).users().create(user)) {
                id = CreatedResponseUtil.getCreatedId(response);
            }
        }
        for (var common : List.of("matkhau1234", "1234567890", "Anhyeuem123", "jaishreeram123", "meradesh12345")) {
            var outcome = directory.setPassword(id, common);
            assertThat(outcome.accepted()).as(common).isFalse();
            assertThat(outcome.problem()).as(common).isEqualTo("invalidPasswordBlacklistedMessage");
        }
        assertThat(directory.setPassword(id, "cây tre xanh bên sông").accepted())
                .isTrue();
    }

    @Test
    void admin_cli_of_the_platforms_realm_takes_no_password_grant() throws Exception {
        var response = tokenRequest(Map.of(
                "grant_type",
                "password",
                "client_id",
                "admin-cli",
                "username",
                DemoUsers.withRole("platform-admin").username(),
                "password",
                DemoUsers.PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isIn(400, 401);
        assertThat(response.body()).doesNotContain("access_token");
    }

    // §6 ---------------------------------------------------------------------------------------------------------

    @Test
    void a_flood_of_bot_registrations_is_one_counted_row_not_one_row_each() {
        int before = auditRows("account.registration-refused-bot");
        var form = new Registration("001200000001", "Bot", null, null, null, null);
        var address = "203.0.113." + (1 + (int) (System.nanoTime() % 200));
        for (int i = 0; i < 40; i++) {
            registrations.register(form, address, Duration.ofSeconds(10), "filled by a bot");
        }
        assertThat(auditRows("account.registration-refused-bot")).isEqualTo(before);
        var windows = audit.anonymousWindows("account.registration-refused-bot", 10).stream()
                .filter(w -> w.bucket().equals("203.0.113.0/24"))
                .toList();
        assertThat(windows).hasSize(1);
        assertThat(windows.getFirst().attempts()).isGreaterThanOrEqualTo(40);
    }

    // §7 ---------------------------------------------------------------------------------------------------------

    @Test
    void pages_carry_a_content_security_policy_and_the_session_cookie_is_http_only_and_same_site() throws Exception {
        var response = get("/");
        var csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp)
                .contains("default-src 'self'")
                .contains("frame-ancestors 'none'")
                .contains("object-src 'none'")
                .contains("connect-src 'self'")
                .contains("form-action 'self' " + SecurityConfiguration.origin(keycloak.serverUrl()));
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        // Plain HTTP here (digilit.security.https=false): no HSTS, no Secure flag.
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        var protectedPage = get("/organisation");
        var cookies = protectedPage.headers().allValues("Set-Cookie");
        assertThat(cookies)
                .filteredOn(c -> c.startsWith("JSESSIONID="))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c).contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void a_client_not_logged_in_is_sent_to_the_login_and_only_the_attendance_api_answers_401() throws Exception {
        // No Accept header: neither a browser nor an XHR. The login stays the default entry point.
        var page = get("/organisation");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(SecurityConfiguration.LOGIN_URL));
        var api = get("/attendance/api/sessions");
        assertThat(api.statusCode()).isEqualTo(401);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private int auditRows(String action) {
        return jdbc.sql("select count(*) from audit_event where action = :action")
                .param("action", action)
                .query(Integer.class)
                .single();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> tokenRequest(Map<String, String> form) throws Exception {
        var body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return http.send(
                HttpRequest.newBuilder(URI.create(keycloak.backChannelRealmUrl() + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
