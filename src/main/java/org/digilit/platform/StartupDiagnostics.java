package org.digilit.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says at start-up, in plain words, which server is missing and what still works without it. */
@Component
class StartupDiagnostics {

    private static final Logger log = LoggerFactory.getLogger(StartupDiagnostics.class);

    private final PlatformStatusService status;

    StartupDiagnostics(PlatformStatusService status) {
        this.status = status;
    }

    @EventListener(ApplicationReadyEvent.class)
    void reportMissingServers() {
        for (var server : status.check()) {
            if (server.up()) {
                log.info("{} is up", server.server());
                continue;
            }
            var consequence = switch (server.server()) {
                case "elasticsearch" -> "course search falls back to PostgreSQL until it is back";
                case "keycloak" -> "nobody can log in and no account can be provisioned until it is back";
                default -> "the platform cannot serve requests until it is back";
            };
            log.warn(
                    "{} is DOWN ({}): {}",
                    server.server(),
                    server.details().getOrDefault("reason", "no reason given"),
                    consequence);
        }
    }
}
