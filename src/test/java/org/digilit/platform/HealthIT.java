package org.digilit.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.digilit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Health reports PostgreSQL, Elasticsearch and Keycloak, each UP: anonymous HTTP callers get the status only (issue
 * #14), the platform status (what the platform admin sees) gets each server with its details.
 */
@IntegrationTest
class HealthIT {

    @Value("${local.server.port}")
    int port;

    @Autowired
    PlatformStatusService status;

    @Test
    void health_shows_each_server_up() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(response.body()).path("status").asText())
                .isEqualTo("UP");
        var servers = status.check();
        assertThat(servers)
                .extracting(PlatformStatusService.ServerStatus::server)
                .containsExactly("db", "elasticsearch", "keycloak");
        assertThat(servers)
                .allSatisfy(
                        server -> assertThat(server.up()).as(server.toString()).isTrue());
        assertThat(servers.getLast().details().get("provisioning")).isEqualTo("client authenticated");
        assertThat(servers.getLast().details().get("authentication")).isEqualTo("client-jwt");
    }
}
