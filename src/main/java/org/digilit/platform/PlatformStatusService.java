package org.digilit.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.stereotype.Service;

/** The state of the servers the platform depends on: PostgreSQL ("db"), Elasticsearch and Keycloak. */
@Service
public class PlatformStatusService {

    /** One server's state: its name, whether it is up, and the details health reported (a reason when down). */
    public record ServerStatus(String server, boolean up, Map<String, Object> details) {}

    private static final List<String> SERVERS = List.of("db", "elasticsearch", "keycloak");

    private final HealthContributorRegistry registry;

    PlatformStatusService(HealthContributorRegistry registry) {
        this.registry = registry;
    }

    public List<ServerStatus> check() {
        var statuses = new ArrayList<ServerStatus>();
        for (var server : SERVERS) {
            if (!(registry.getContributor(server) instanceof HealthIndicator indicator)) {
                statuses.add(new ServerStatus(server, false, Map.of("reason", "no health check configured")));
                continue;
            }
            var health = indicator.health(true);
            var details = health == null ? Map.<String, Object>of() : health.getDetails();
            statuses.add(new ServerStatus(server, health != null && Status.UP.equals(health.getStatus()), details));
        }
        return statuses;
    }

    /** A one-line reason for a failure, without a stack trace. */
    static String describe(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        var message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
