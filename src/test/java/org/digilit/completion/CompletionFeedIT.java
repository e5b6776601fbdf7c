package org.digilit.completion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.digilit.IntegrationTest;
import org.digilit.course.CourseContentService;
import org.digilit.course.CourseTestData;
import org.digilit.identity.IdentityProtector;
import org.digilit.localstack.DemoUsers;
import org.digilit.localstack.LocalStack;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.report.ReportTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The keyed feed with real Keycloak tokens (client-credentials grant): the realm's feed client pushes completions, a
 * replayed call changes nothing, and a client without the feed role, or a call without a token, is refused.
 */
@IntegrationTest
class CompletionFeedIT {

    static final String FEED_CLIENT = "digilit-feed-national";
    static final Instant OCTOBER_2019 =
            OffsetDateTime.parse("2019-10-02T09:00:00+07:00").toInstant();

    private final LocalStack stack = LocalStack.shared(LocalStack.Mode.TEST, LocalStack.testAppPort());
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    ExternalPlatformService registry;

    @Autowired
    OrganisationImportService organisations;

    @Autowired
    CourseContentService content;

    @Autowired
    IdentityProtector protector;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.digilit.account.RateLimiter rateLimiter;

    CompletionTestData data;

    @BeforeEach
    void platform() throws Exception {
        var report = new ReportTestData(jdbc).importProvince(organisations);
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        CourseTestData.loadFixtureCourse(content, Files.createTempDirectory("courses"), "fd-" + suffix, false);
        CourseTestData.loadFixtureCourse(content, Files.createTempDirectory("courses"), "fo-" + suffix, false);
        // One platform holds the realm's feed client at a time: this test's.
        jdbc.sql("update external_platform set feed_client_id = null where feed_client_id = :c")
                .param("c", FEED_CLIENT)
                .update();
        data = new CompletionTestData(report, jdbc, protector, "fd-" + suffix, "fo-" + suffix)
                .register(registry, FEED_CLIENT);
    }

    @Test
    void a_platform_pushes_completions_and_a_replayed_call_changes_nothing() throws Exception {
        var known = CompletionTestData.identityNumber();
        var learner = data.account("C1", known, OCTOBER_2019);
        var unknown = CompletionTestData.identityNumber();
        var body = call(record("r-" + known, known, "2019-11-05"), record("r-" + unknown, unknown, "2019-11-06"));
        var token = token(FEED_CLIENT, secret(FEED_CLIENT));

        var first = post(token, body);

        assertThat(first.statusCode()).isEqualTo(200);
        var answer = json.readTree(first.body());
        assertThat(List.of(
                        answer.path("matched").asInt(),
                        answer.path("held").asInt(),
                        answer.path("unchanged").asInt()))
                .containsExactly(1, 1, 0);
        assertThat(data.completion(learner, data.course)).isEqualTo("2019-11-04T17:00:00Z " + data.source());
        var before = stored();

        var replay = post(token, body);

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(json.readTree(replay.body()).path("unchanged").asInt()).isEqualTo(2);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void the_calls_limit_is_shared_by_every_app_instance_through_the_database() throws Exception {
        var known = CompletionTestData.identityNumber();
        var token = token(FEED_CLIENT, secret(FEED_CLIENT));
        var bucket = "completion-feed:" + FEED_CLIENT;
        try {
            // Another instance of the app took this minute's 60 calls: they are counted in PostgreSQL.
            for (int i = 0; i < 60; i++) {
                rateLimiter.tryAcquire(bucket, 60, java.time.Duration.ofMinutes(1));
            }
            var refused = post(token, call(record("r-" + known, known, "2019-11-05")));
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(stored()).isEmpty();
        } finally {
            jdbc.sql("delete from rate_limit_hit where bucket = :b")
                    .param("b", bucket)
                    .update();
        }
        assertThat(post(token, call(record("r-" + known, known, "2019-11-05"))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_call_with_a_bad_record_applies_nothing_and_says_which() throws Exception {
        var known = CompletionTestData.identityNumber();
        data.account("C1", known, OCTOBER_2019);
        var token = token(FEED_CLIENT, secret(FEED_CLIENT));

        var answer = post(token, call(record("r-" + known, known, "2019-11-05"), record("r-bad", "123", "2019-11-05")));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(json.readTree(answer.body())
                        .path("problems")
                        .get(0)
                        .path("record")
                        .asInt())
                .isEqualTo(2);
        assertThat(answer.body()).doesNotContain(known);
        assertThat(data.stored()).isZero();
    }

    @Test
    void a_client_without_the_feed_role_and_a_call_without_a_token_are_refused() throws Exception {
        var clientId = "feed-without-role-" + UUID.randomUUID().toString().substring(0, 8);
        try (var admin = DemoUsers.adminClient(stack)) {
            var client = new ClientRepresentation();
            client.setClientId(clientId);
            client.setPublicClient(false);
            client.setServiceAccountsEnabled(true);
            client.setStandardFlowEnabled(false);
            client.setDirectAccessGrantsEnabled(false);
            admin.realm(LocalStack.REALM).clients().create(client).close();
        }
        var body = call(record("r-x", CompletionTestData.identityNumber(), "2019-11-05"));

        var withoutRole = post(token(clientId, secret(clientId)), body);
        var withoutToken = http.send(
                HttpRequest.newBuilder(feed())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(withoutRole.statusCode()).isEqualTo(403);
        assertThat(withoutToken.statusCode()).isEqualTo(401);
        assertThat(data.stored()).isZero();
    }

    private List<Map<String, Object>> stored() {
        return jdbc.sql("select id, completed_on, account_id, record_id, matched_at from external_completion"
                        + " where platform_id = :p order by id")
                .param("p", data.platform.id())
                .query()
                .listOfRows();
    }

    private Map<String, Object> record(String id, String identityNumber, String date) {
        return Map.of(
                "recordId", id,
                "identityNumber", identityNumber,
                "fullName", CompletionTestData.name(identityNumber),
                "completionDate", date,
                "programmeCode", "BASIC");
    }

    @SafeVarargs
    private String call(Map<String, Object>... records) throws Exception {
        return json.writeValueAsString(Map.of("completions", List.of(records)));
    }

    private URI feed() {
        return URI.create("http://localhost:" + LocalStack.testAppPort() + CompletionFeedController.PATH);
    }

    private HttpResponse<String> post(String token, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(feed())
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The client's secret, as an admin reads it in the console (the realm file carries none). */
    private String secret(String clientId) {
        try (var admin = DemoUsers.adminClient(stack)) {
            var clients = admin.realm(LocalStack.REALM).clients();
            var id = clients.findByClientId(clientId).getFirst().getId();
            return clients.get(id).getSecret().getValue();
        }
    }

    /** An access token by the client-credentials grant, from the realm's token endpoint. */
    private String token(String clientId, String secret) throws Exception {
        var form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        var response = http.send(
                HttpRequest.newBuilder(URI.create(
                                stack.keycloakUrl() + "/realms/" + LocalStack.REALM + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode token = json.readTree(response.body());
        return token.path("access_token").asText();
    }
}
