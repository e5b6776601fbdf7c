package org.digilit.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.digilit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** Actuator health reports PostgreSQL, Elasticsearch and Keycloak, each UP, over real HTTP. */
@IntegrationTest
class HealthIT {

    @Value("${local.server.port}")
    int port;

    @Test
    void health_shows_each_server_up() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        var components = new ObjectMapper().readTree(response.body()).path("components");
        for (var server : new String[] {"db", "elasticsearch", "keycloak"}) {
            assertThat(components.path(server).path("status").asText())
                    .as(server + " in " + response.body())
                    .isEqualTo("UP");
        }
        assertThat(components
                        .path("keycloak")
                        .path("details")
                        .path("provisioning")
                        .asText())
                .isEqualTo("client authenticated");
    }
}
