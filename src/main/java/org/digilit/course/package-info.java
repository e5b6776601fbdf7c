/** Digital-skills courses: the content loaded from course-content/, the catalogue, and (later) search. */
@org.jspecify.annotations.NullMarked
package org.digilit.course;
