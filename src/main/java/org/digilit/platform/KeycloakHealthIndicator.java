package org.digilit.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.digilit.security.KeycloakProperties;
import org.digilit.security.ProvisioningTokens;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Keycloak is UP when the realm answers and the provisioning client holds a token (so a wrong key shows here, not at
 * the first import). The token is the one the account directory shares ({@link ProvisioningTokens}: Keycloak issues a
 * new one only when it nears its end), and the answer is kept a few seconds ({@link CachedHealth}).
 */
@Component("keycloak")
class KeycloakHealthIndicator implements HealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final KeycloakProperties keycloak;
    private final ProvisioningTokens tokens;
    private final CachedHealth cache;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    KeycloakHealthIndicator(KeycloakProperties keycloak, ProvisioningTokens tokens, Clock clock) {
        this.keycloak = keycloak;
        this.tokens = tokens;
        this.cache = new CachedHealth(clock);
    }

    @Override
    public Health health() {
        return cache.get(this::check);
    }

    private Health check() {
        var builder = Health.unknown().withDetail("realm", keycloak.issuer());
        try {
            var realm = http.send(
                    HttpRequest.newBuilder(URI.create(keycloak.backChannelRealmUrl()))
                            .timeout(TIMEOUT)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (realm.statusCode() != 200) {
                return builder.down()
                        .withDetail("reason", "realm answered HTTP " + realm.statusCode())
                        .build();
            }
            if ("none".equals(tokens.method())) {
                return builder.up()
                        .withDetail("provisioning", "no client key configured")
                        .build();
            }
            try {
                tokens.accessToken();
                return builder.up()
                        .withDetail("provisioning", "client authenticated")
                        .withDetail("authentication", tokens.method())
                        .build();
            } catch (ProvisioningTokens.TokenRefusedException e) {
                return builder.down()
                        .withDetail(
                                "reason",
                                "provisioning client '" + keycloak.provisioningClientId()
                                        + "' was refused a token (HTTP " + e.status() + "): check its key")
                        .build();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return builder.down().withDetail("reason", "interrupted").build();
        } catch (Exception e) {
            return builder.down()
                    .withDetail("reason", PlatformStatusService.describe(e))
                    .build();
        }
    }
}
