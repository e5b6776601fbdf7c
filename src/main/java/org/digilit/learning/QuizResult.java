package org.digilit.learning;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a quiz attempt: the score (percent of questions answered exactly right), whether it passed, which
 * questions were right, and how many attempts are left before the cool-down. A refused attempt (cooling down) has no
 * score and says when the next attempt is possible.
 */
public record QuizResult(
        boolean accepted,
        int score,
        boolean passed,
        Map<String, Boolean> correctByQuestion,
        int attemptsLeft,
        @Nullable Instant retryAt,
        CourseProgress progress) {

    public QuizResult {
        correctByQuestion = Map.copyOf(correctByQuestion);
    }
}
