package org.digilit.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts attempts per bucket (a client address, or an identity number's blind index) in PostgreSQL, so limits hold
 * across app instances and restarts. Each attempt commits on its own: a failed attempt still counts. Public so that
 * other public pages (the device donation page, issue #18) limit the same way; each names its own bucket prefix.
 */
@Component
public class RateLimiter {

    private final JdbcClient jdbc;
    private final Clock clock;

    RateLimiter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an attempt and says whether it is within {@code max} attempts per {@code window}. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean tryAcquire(String bucket, int max, Duration window) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:bucket))")
                .param("bucket", bucket)
                .query()
                .singleValue();
        var now = clock.instant();
        int recent = jdbc.sql("select count(*) from rate_limit_hit where bucket = :bucket and hit_at > :since")
                .param("bucket", bucket)
                .param("since", Timestamp.from(now.minus(window)))
                .query(Integer.class)
                .single();
        if (recent >= max) {
            return false;
        }
        jdbc.sql("insert into rate_limit_hit (bucket, hit_at) values (:bucket, :now)")
                .param("bucket", bucket)
                .param("now", Timestamp.from(now))
                .update();
        return true;
    }

    /** Forgets attempts older than a day (every limit's window is shorter). */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    public void forgetOldAttempts() {
        jdbc.sql("delete from rate_limit_hit where hit_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(Duration.ofDays(1))))
                .update();
    }
}
