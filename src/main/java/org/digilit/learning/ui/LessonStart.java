package org.digilit.learning.ui;

import org.digilit.course.CourseStart;
import org.digilit.learning.LearningNavigation;
import org.springframework.stereotype.Component;

/** A course page's "start" opens the course's first lesson here. */
@Component
class LessonStart implements CourseStart {

    @Override
    public String firstLesson(String courseId, String lessonId) {
        return LearningNavigation.lesson(courseId, lessonId);
    }
}
