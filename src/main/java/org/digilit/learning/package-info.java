/** Learning: enrolment, lessons, quizzes, progress, completion and certificates. */
@org.jspecify.annotations.NullMarked
package org.digilit.learning;
