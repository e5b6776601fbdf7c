package org.digilit.learning;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A learner's state in one course: lessons done, the quiz, and when the course was completed (set once). */
public record CourseProgress(
        String courseId,
        List<String> lessonIds,
        Set<String> lessonsDone,
        @Nullable String lastLessonId,
        boolean hasQuiz,
        int quizAttempts,
        @Nullable Integer quizBestScore,
        boolean quizPassed,
        @Nullable Instant completedAt) {

    public CourseProgress {
        lessonIds = List.copyOf(lessonIds);
        lessonsDone = Set.copyOf(lessonsDone);
    }

    public boolean completed() {
        return completedAt != null;
    }

    /** Share of the way done, 0–100: each active lesson one step, the quiz one step. */
    public int percent() {
        int steps = lessonIds.size() + (hasQuiz ? 1 : 0);
        if (steps == 0) {
            return completed() ? 100 : 0;
        }
        int done = (int) lessonIds.stream().filter(lessonsDone::contains).count() + (hasQuiz && quizPassed ? 1 : 0);
        return completed() ? 100 : Math.min(100, done * 100 / steps);
    }

    /** The lesson to open next: the first active one not done, else the last one read. */
    public @Nullable String nextLessonId() {
        return lessonIds.stream()
                .filter(id -> !lessonsDone.contains(id))
                .findFirst()
                .orElse(lastLessonId);
    }
}
