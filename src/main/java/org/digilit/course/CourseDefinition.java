package org.digilit.course;

import java.util.List;
import java.util.Set;

/** A course as its folder in course-content/ defines it, fully validated. */
record CourseDefinition(
        String id,
        int version,
        String level,
        Set<String> audiences,
        List<String> tags,
        int estimatedMinutes,
        int passMark,
        Text title,
        Text summary,
        List<Lesson> lessons,
        List<Question> questions,
        String contentHash) {

    /** Text in the two languages every piece of content must have. */
    record Text(String vi, String en) {}

    record Lesson(String id, int order, Text title, Text body) {}

    record Answer(String id, boolean correct, Text text, Text explanation) {}

    record Question(String id, boolean multiple, Text text, List<Answer> answers) {}
}
