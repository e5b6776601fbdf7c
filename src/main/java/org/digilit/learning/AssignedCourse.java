package org.digilit.learning;

/**
 * An assigned course on the learner's home: the assignment, the learner's progress in it (none yet if not started)
 * and whether it is overdue: due in a quarter already over and not completed.
 */
public record AssignedCourse(LearnerAssignment assignment, CourseProgress progress, boolean overdue) {}
