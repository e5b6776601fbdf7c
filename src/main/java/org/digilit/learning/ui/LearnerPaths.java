package org.digilit.learning.ui;

import org.digilit.course.CourseNavigation;
import org.digilit.learning.CourseProgress;
import org.digilit.learning.LearningNavigation;

/** Where "continue" leads on the learner's pages (their addresses: {@link LearningNavigation}, {@link CourseNavigation}). */
final class LearnerPaths {

    private LearnerPaths() {}

    /** Where "continue" leads: the next lesson, the quiz once every lesson is read, the course page when done. */
    static String continuePath(CourseProgress progress) {
        if (progress.completed()) {
            return CourseNavigation.course(progress.courseId());
        }
        if (quizIsNext(progress)) {
            return LearningNavigation.quiz(progress.courseId());
        }
        var lesson = progress.nextLessonId();
        return lesson == null
                ? CourseNavigation.course(progress.courseId())
                : LearningNavigation.lesson(progress.courseId(), lesson);
    }

    static boolean quizIsNext(CourseProgress progress) {
        return progress.hasQuiz()
                && !progress.quizPassed()
                && !progress.lessonIds().isEmpty()
                && progress.lessonsDone().containsAll(progress.lessonIds());
    }
}
