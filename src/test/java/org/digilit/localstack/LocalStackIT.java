package org.digilit.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.sql.DataSource;
import org.digilit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.KeycloakBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The local stack is up and every server answers, through the clients the platform itself uses. */
@IntegrationTest
class LocalStackIT {

    @Autowired
    DataSource dataSource;

    @Autowired
    ElasticsearchClient elasticsearch;

    private final LocalStack stack = LocalStack.shared(LocalStack.Mode.TEST, LocalStack.testAppPort());

    @Test
    void postgresql_answers_and_flyway_has_migrated_the_schema() {
        var jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("show server_version", String.class)).startsWith("17.");
        assertThat(jdbc.queryForObject(
                        "select count(*) from flyway_schema_history where success and version = '1'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void elasticsearch_answers_with_a_usable_cluster() throws Exception {
        var health = elasticsearch.cluster().health();
        assertThat(health.status()).isIn(HealthStatus.Green, HealthStatus.Yellow);
        assertThat(health.numberOfNodes()).isEqualTo(1);
    }

    @Test
    void keycloak_runs_the_imported_realm_on_its_own_postgresql_database() {
        try (var keycloak = DemoUsers.adminClient(stack)) {
            var realm = keycloak.realm(LocalStack.REALM);
            assertThat(realm.roles().list())
                    .extracting(r -> r.getName())
                    .contains("citizen", "teacher", "official", "org-admin", "working-group", "platform-admin");
            var profile = realm.users().userProfile().getConfiguration();
            assertThat(profile.getAttribute("organisationId")).isNotNull();
            // Placeholders Keycloak does not know (the profile's own ${username} labels) are left as they are.
            assertThat(profile.getAttribute("username").getDisplayName()).isEqualTo("${username}");
        }
        var jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select count(*) from pg_database where datname = 'keycloak'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void provisioning_client_is_refused_with_its_old_secret() {
        // Issue #14 (DD008): the client authenticates with a JWT signed by the app's key (see HardeningIT); the
        // secret it had before gets no token.
        try (var provisioning = KeycloakBuilder.builder()
                .serverUrl(stack.keycloakUrl())
                .realm(LocalStack.REALM)
                .grantType("client_credentials")
                .clientId("digilit-provisioning")
                .clientSecret(LocalStack.PROVISIONING_SECRET)
                .build()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> provisioning.realm(LocalStack.REALM).users().count())
                    .hasStackTraceContaining("HTTP 40");
        }
    }

    @Test
    void every_demo_user_holds_exactly_their_role() {
        try (var keycloak = DemoUsers.adminClient(stack)) {
            var users = keycloak.realm(LocalStack.REALM).users();
            for (var demo : DemoUsers.ALL) {
                var user = users.searchByUsername(demo.username(), true).getFirst();
                var roles = users.get(user.getId()).roles().realmLevel().listEffective().stream()
                        .map(r -> r.getName())
                        .filter(name -> !name.startsWith("default-roles")
                                && !name.equals("offline_access")
                                && !name.equals("uma_authorization"))
                        .toList();
                assertThat(roles).as(demo.username()).containsExactly(demo.role());
            }
        }
    }

    @Test
    void servers_listen_on_loopback_only_and_the_browser_facing_keycloak_page_answers() throws Exception {
        assertThat(stack.jdbcUrl()).contains("127.0.0.1");
        assertThat(stack.elasticsearchUrl()).contains("127.0.0.1");
        var http = HttpClient.newHttpClient();
        var login = http.send(
                HttpRequest.newBuilder(
                                URI.create(stack.keycloakUrl() + "/realms/digilit/.well-known/openid-configuration"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("\"issuer\":\"" + stack.keycloakUrl() + "/realms/digilit\"");
    }
}
