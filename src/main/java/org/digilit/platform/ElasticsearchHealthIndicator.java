package org.digilit.platform;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import java.time.Clock;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Elasticsearch is UP when its cluster answers green or yellow (one node: replicas stay unassigned). The answer is kept
 * a few seconds ({@link CachedHealth}).
 */
@Component("elasticsearch")
class ElasticsearchHealthIndicator implements HealthIndicator {

    private final ElasticsearchClient client;
    private final ElasticsearchProperties properties;
    private final CachedHealth cache;

    ElasticsearchHealthIndicator(ElasticsearchClient client, ElasticsearchProperties properties, Clock clock) {
        this.client = client;
        this.properties = properties;
        this.cache = new CachedHealth(clock);
    }

    @Override
    public Health health() {
        return cache.get(this::check);
    }

    private Health check() {
        var builder = Health.unknown().withDetail("uris", properties.uris());
        try {
            var health = client.cluster().health();
            builder.withDetail("cluster", health.clusterName())
                    .withDetail("status", health.status().jsonValue())
                    .withDetail("nodes", health.numberOfNodes());
            if (health.status() == HealthStatus.Red) {
                return builder.down()
                        .withDetail("reason", "cluster status is red")
                        .build();
            }
            return builder.up().build();
        } catch (Exception e) {
            return builder.down()
                    .withDetail("reason", PlatformStatusService.describe(e))
                    .build();
        }
    }
}
