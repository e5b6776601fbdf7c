/** The learner's views: home, courses, lessons. */
@org.jspecify.annotations.NullMarked
package org.digilit.learning.ui;
