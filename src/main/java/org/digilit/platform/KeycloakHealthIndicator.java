package org.digilit.platform;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.digilit.security.KeycloakProperties;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Keycloak is UP when the realm answers and, where a provisioning secret is configured, the provisioning client can
 * obtain a token (so a wrong secret shows here, not at the first import).
 */
@Component("keycloak")
class KeycloakHealthIndicator extends AbstractHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final KeycloakProperties keycloak;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    KeycloakHealthIndicator(KeycloakProperties keycloak) {
        super("Keycloak is not reachable");
        this.keycloak = keycloak;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.withDetail("realm", keycloak.issuer());
        try {
            var realm = http.send(
                    HttpRequest.newBuilder(URI.create(keycloak.backChannelRealmUrl()))
                            .timeout(TIMEOUT)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (realm.statusCode() != 200) {
                builder.down().withDetail("reason", "realm answered HTTP " + realm.statusCode());
                return;
            }
            var secret = keycloak.provisioningClientSecret();
            if (!StringUtils.hasText(secret)) {
                builder.up().withDetail("provisioning", "no client secret configured");
                return;
            }
            var form = "grant_type=client_credentials&client_id="
                    + URLEncoder.encode(keycloak.provisioningClientId(), StandardCharsets.UTF_8) + "&client_secret="
                    + URLEncoder.encode(secret, StandardCharsets.UTF_8);
            var token = http.send(
                    HttpRequest.newBuilder(
                                    URI.create(keycloak.backChannelRealmUrl() + "/protocol/openid-connect/token"))
                            .timeout(TIMEOUT)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (token.statusCode() == 200) {
                builder.up().withDetail("provisioning", "client authenticated");
            } else {
                builder.down()
                        .withDetail(
                                "reason",
                                "provisioning client '" + keycloak.provisioningClientId()
                                        + "' was refused a token (HTTP " + token.statusCode() + "): check its secret");
            }
        } catch (Exception e) {
            builder.down().withDetail("reason", PlatformStatusService.describe(e));
        }
    }
}
