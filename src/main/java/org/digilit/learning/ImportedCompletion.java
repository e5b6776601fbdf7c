package org.digilit.learning;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A course completed on another platform, to be recorded as a completion of that DigiLit course (see
 * {@link LearningService#recordImportedCompletions}).
 *
 * @param source {@code EXTERNAL:<platform code>}
 * @param audience the learner's audience ({@code CITIZEN}, {@code TEACHER}, {@code OFFICIAL})
 */
public record ImportedCompletion(
        String username,
        String courseId,
        Instant completedAt,
        String source,
        @Nullable String organisationCode,
        String audience) {

    public static final String EXTERNAL_PREFIX = "EXTERNAL:";

    public ImportedCompletion {
        if (!source.startsWith(EXTERNAL_PREFIX) || source.length() == EXTERNAL_PREFIX.length()) {
            throw new IllegalArgumentException("An imported completion's source is EXTERNAL:<platform code>");
        }
        completedAt = completedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
