package org.digilit.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How accounts reach Keycloak: {@code concurrency} workers, each sending batches of {@code batchSize} users (4 × 25
 * measured fastest here: Keycloak's partial import costs more than linearly with the batch), polling every
 * {@code idleDelay} when there is nothing to do, and backing off exponentially up to {@code maxBackoff} after failures.
 */
@ConfigurationProperties("digilit.provisioning")
public record ProvisioningProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("4") int concurrency,
        @DefaultValue("25") int batchSize,
        @DefaultValue("500ms") Duration idleDelay,
        @DefaultValue("5m") Duration maxBackoff) {

    public ProvisioningProperties {
        if (concurrency < 1 || batchSize < 1) {
            throw new IllegalArgumentException("digilit.provisioning.concurrency and batch-size must be at least 1");
        }
    }
}
