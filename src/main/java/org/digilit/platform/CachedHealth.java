package org.digilit.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;

/**
 * The last answer of a health check, kept for a few seconds: a flood of calls to {@code /actuator/health} (anonymous
 * callers may make them) reaches Keycloak and Elasticsearch at most once per period (issue #14, DD008).
 */
final class CachedHealth {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(5);

    private final Clock clock;
    private @Nullable Health last;
    private Instant expires = Instant.MIN;

    CachedHealth(Clock clock) {
        this.clock = clock;
    }

    synchronized Health get(Supplier<Health> check) {
        var now = clock.instant();
        if (last == null || !now.isBefore(expires)) {
            last = check.get();
            expires = clock.instant().plus(TIME_TO_LIVE);
        }
        return last;
    }
}
