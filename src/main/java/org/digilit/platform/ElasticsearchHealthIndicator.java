package org.digilit.platform;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Elasticsearch is UP when its cluster answers green or yellow (one node: replicas stay unassigned). */
@Component("elasticsearch")
class ElasticsearchHealthIndicator extends AbstractHealthIndicator {

    private final ElasticsearchClient client;
    private final ElasticsearchProperties properties;

    ElasticsearchHealthIndicator(ElasticsearchClient client, ElasticsearchProperties properties) {
        super("Elasticsearch is not reachable");
        this.client = client;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.withDetail("uris", properties.uris());
        try {
            var health = client.cluster().health();
            builder.withDetail("cluster", health.clusterName())
                    .withDetail("status", health.status().jsonValue())
                    .withDetail("nodes", health.numberOfNodes());
            if (health.status() == HealthStatus.Red) {
                builder.down().withDetail("reason", "cluster status is red");
            } else {
                builder.up();
            }
        } catch (Exception e) {
            builder.down().withDetail("reason", PlatformStatusService.describe(e));
        }
    }
}
