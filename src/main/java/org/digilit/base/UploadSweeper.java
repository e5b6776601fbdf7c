package org.digilit.base;

import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes uploads that a crash or an abandoned session left in {@link LimitedUploadHandler#FOLDER} (issue #14): views
 * delete theirs as soon as the import has read them; this catches the rest after an hour.
 */
@Component
class UploadSweeper {

    static final Duration MAX_AGE = Duration.ofHours(1);

    @Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT1M")
    void sweep() {
        LimitedUploadHandler.sweep(MAX_AGE);
    }
}
