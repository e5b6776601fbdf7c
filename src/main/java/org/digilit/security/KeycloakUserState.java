package org.digilit.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What Keycloak says about a signed-in user right now: whether the user exists and is enabled, and its effective realm
 * roles. Read with the provisioning client's token (view-users) and kept for a short while per user, so that re-checking
 * on every navigation of a view costs one admin-API call per user and period at most (issue #14, DD008).
 */
@Component
public class KeycloakUserState {

    /** A user as Keycloak has it now; {@code exists} false when Keycloak has no such user any more. */
    public record State(boolean exists, boolean enabled, Set<String> realmRoles) {}

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final ObjectMapper json = new ObjectMapper();

    private record Entry(State state, Instant expires) {}

    private final KeycloakProperties keycloak;
    private final ProvisioningTokens tokens;
    private final Clock clock;
    private final Duration timeToLive;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    KeycloakUserState(
            KeycloakProperties keycloak,
            ProvisioningTokens tokens,
            Clock clock,
            @Value("${digilit.security.recheck-interval:10s}") Duration timeToLive) {
        this.keycloak = keycloak;
        this.tokens = tokens;
        this.clock = clock;
        this.timeToLive = timeToLive;
    }

    /**
     * The user's state, from the cache when it is fresh.
     *
     * @return empty when Keycloak cannot be asked (down, or the client is refused): callers then keep what they know
     */
    public Optional<State> get(String userId) {
        var now = clock.instant();
        var cached = cache.get(userId);
        if (cached != null && now.isBefore(cached.expires())) {
            return Optional.of(cached.state());
        }
        try {
            var state = fetch(userId);
            cache.put(userId, new Entry(state, now.plus(timeToLive)));
            if (cache.size() > 100_000) {
                cache.values().removeIf(e -> !now.isBefore(e.expires()));
            }
            return Optional.of(state);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Forgets a user's state (after a back-channel logout, say). */
    public void forget(String userId) {
        cache.remove(userId);
    }

    State fetch(String userId) {
        var base = keycloak.backChannelServerUrl() + "/admin/realms/" + keycloak.realm() + "/users/"
                + URLEncoder.encode(userId, StandardCharsets.UTF_8);
        var user = send(base);
        if (user.statusCode() == 404) {
            return new State(false, false, Set.of());
        }
        var roles = send(base + "/role-mappings/realm/composite");
        if (user.statusCode() != 200 || roles.statusCode() != 200) {
            if (user.statusCode() == 401 || roles.statusCode() == 401) {
                tokens.invalidate();
            }
            throw new IllegalStateException("Keycloak answered HTTP " + user.statusCode() + "/" + roles.statusCode());
        }
        try {
            var enabled = json.readTree(user.body()).path("enabled").asBoolean(false);
            var names = new HashSet<String>();
            for (var role : json.readTree(roles.body())) {
                names.add(role.path("name").asText());
            }
            return new State(true, enabled, Set.copyOf(names));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(String url) {
        return KeycloakHttp.send(
                http,
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(TIMEOUT)
                        .header("Authorization", "Bearer " + tokens.accessToken())
                        .GET()
                        .build());
    }
}
