package org.digilit.course;

/** A course's content was stored anew (a new version, or any change): whoever caches its structure reads it again. */
public record CourseContentChanged(String courseId) {}
