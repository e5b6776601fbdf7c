package org.digilit.learning.ui;

import org.digilit.learning.CourseProgress;

/** The addresses of the learner's pages (all server-rendered, DD015), and where "continue" leads. */
final class LearnerPaths {

    private LearnerPaths() {}

    static String lessonPath(String courseId, String lessonId) {
        return "/learn/" + courseId + "/lesson/" + lessonId;
    }

    static String quizPath(String courseId) {
        return "/learn/" + courseId + "/quiz";
    }

    /** The course page of the catalogue (course.ui.CatalogueController), named by path. */
    static String coursePath(String courseId) {
        return "/courses/" + courseId;
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
