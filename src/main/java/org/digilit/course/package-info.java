/**
 * Digital-skills courses: the content loaded from course-content/, the catalogue, and search (Elasticsearch with a
 * PostgreSQL fallback, synonyms and the other language; DD012). Owns {@code course}, {@code lesson},
 * {@code quiz_question} and {@code search_outbox}; reads learning's published {@code learning_course_popularity}.
 */
@org.jspecify.annotations.NullMarked
package org.digilit.course;
