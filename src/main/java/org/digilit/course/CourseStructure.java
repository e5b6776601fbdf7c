package org.digilit.course;

import java.util.List;
import java.util.Set;

/**
 * What learning needs to judge progress in a course: its version, pass mark, the active lessons in order, and the
 * active quiz questions with their correct answers. No text: that stays with the catalogue.
 */
public record CourseStructure(
        String courseId,
        int version,
        String contentHash,
        int passMark,
        List<String> lessonIds,
        List<Question> questions) {

    /** A quiz question: single or multiple choice, its answer ids and the correct ones among them. */
    public record Question(String id, boolean multiple, List<String> answerIds, Set<String> correct) {

        public Question {
            answerIds = List.copyOf(answerIds);
            correct = Set.copyOf(correct);
        }
    }

    public CourseStructure {
        lessonIds = List.copyOf(lessonIds);
        questions = List.copyOf(questions);
    }

    public boolean hasQuiz() {
        return !questions.isEmpty();
    }
}
