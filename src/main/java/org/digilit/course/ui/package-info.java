/** The course catalogue and course pages, mobile first. */
@org.jspecify.annotations.NullMarked
package org.digilit.course.ui;
