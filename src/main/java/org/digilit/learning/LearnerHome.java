package org.digilit.learning;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the learner's home shows, in order: the courses assigned to them (overdue and earliest due first, completed
 * ones last), their other courses (most recently active first), and the one course to go on with.
 *
 * @param next the first unfinished assigned course, else the most recently active unfinished course of their own;
 *     none when everything is done (then the catalogue is the way on)
 */
public record LearnerHome(
        List<AssignedCourse> assigned,
        List<CourseProgress> others,
        @Nullable CourseProgress next) {

    public LearnerHome {
        assigned = List.copyOf(assigned);
        others = List.copyOf(others);
    }

    public Optional<CourseProgress> nextCourse() {
        return Optional.ofNullable(next);
    }

    /** Picks the next course by the rule above. */
    static @Nullable CourseProgress next(List<AssignedCourse> assigned, List<CourseProgress> others) {
        return assigned.stream()
                .map(AssignedCourse::progress)
                .filter(p -> !p.completed())
                .findFirst()
                .or(() -> others.stream().filter(p -> !p.completed()).findFirst())
                .orElse(null);
    }
}
