package org.digilit.learning.ui;

import org.digilit.course.CourseNavigation;
import org.digilit.learning.CourseProgress;
import org.digilit.learning.LearningNavigation;

/** The addresses of the learner's pages (all server-rendered, DD015), and where "continue" leads. */
final class LearnerPaths {

    private LearnerPaths() {}

    static String lessonPath(String courseId, String lessonId) {
        return LearningNavigation.lesson(courseId, lessonId);
    }

    static String quizPath(String courseId) {
        return LearningNavigation.quiz(courseId);
    }

    /** The course page of the catalogue. */
    static String coursePath(String courseId) {
        return CourseNavigation.course(courseId);
    }

    /** Where "continue" leads: the next lesson, the quiz once every lesson is read, the course page when done. */
    static String continuePath(CourseProgress progress) {
        if (progress.completed()) {
            return coursePath(progress.courseId());
        }
        if (quizIsNext(progress)) {
            return quizPath(progress.courseId());
        }
        var lesson = progress.nextLessonId();
        return lesson == null ? coursePath(progress.courseId()) : lessonPath(progress.courseId(), lesson);
    }

    static boolean quizIsNext(CourseProgress progress) {
        return progress.hasQuiz()
                && !progress.quizPassed()
                && !progress.lessonIds().isEmpty()
                && progress.lessonsDone().containsAll(progress.lessonIds());
    }
}
