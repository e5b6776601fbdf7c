/**
 * Digital-skills courses: the content loaded from course-content/, the catalogue, and search (Elasticsearch with a
 * PostgreSQL fallback, synonyms and the other language; DD012). Owns {@code course}, {@code lesson},
 * {@code quiz_question} and {@code search_outbox}; reads learning's published {@code learning_course_popularity}. The
 * SQL lives in package-private classes: {@code CourseStore} (loading content, the search outbox and what the indexer
 * reads) and {@code CatalogueQueries} (catalogue, course structure and the PostgreSQL search fallback).
 */
@org.jspecify.annotations.NullMarked
package org.digilit.course;
