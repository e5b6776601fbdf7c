package org.digilit.course;

/**
 * Where a course page's "start" leads: a page of the learning feature, which depends on this one. Learning provides the
 * bean, so the catalogue links to it without naming learning's addresses (a reference the other way would be a cycle).
 */
public interface CourseStart {

    /** The address of the course's first lesson for a learner. */
    String firstLesson(String courseId, String lessonId);
}
