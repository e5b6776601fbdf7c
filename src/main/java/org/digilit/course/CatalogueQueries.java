package org.digilit.course;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.digilit.course.CatalogueService.CourseCard;
import org.digilit.course.CatalogueService.LessonContent;
import org.digilit.course.CatalogueService.LessonTitle;
import org.digilit.course.CatalogueService.QuizAnswer;
import org.digilit.course.CatalogueService.QuizQuestion;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL that reads the catalogue (courses, lessons, quiz questions, all owned by course) as learners see it, and a
 * course's structure for judging progress.
 */
@Repository
class CatalogueQueries {

    private final JdbcClient jdbc;

    CatalogueQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The active lessons of a course, in order, without their text. */
    List<LessonTitle> lessons(String courseId) {
        return jdbc.sql("""
                        select id, position, title_vi, title_en from lesson
                        where course_id = :course and active order by position""").param("course", courseId).query(LessonTitle.class).list();
    }

    /** An active lesson of an active course. */
    Optional<LessonContent> lesson(String courseId, String lessonId) {
        return jdbc.sql("""
                        select l.course_id, l.id, l.position, l.title_vi, l.title_en, l.body_vi, l.body_en from lesson l
                        join course c on c.id = l.course_id
                        where l.course_id = :course and l.id = :lesson and l.active and c.active""")
                .param("course", courseId)
                .param("lesson", lessonId)
                .query(LessonContent.class)
                .optional();
    }

    /** The active questions of a course's quiz, in order, with their answers. */
    List<QuizQuestion> quiz(String courseId) {
        var rows = jdbc.sql("""
                        select q.id, q.multiple, q.text_vi, q.text_en, a.value ->> 'id', a.value -> 'text' ->> 'vi',
                            a.value -> 'text' ->> 'en', a.value -> 'explanation' ->> 'vi', a.value -> 'explanation' ->> 'en'
                        from quiz_question q, jsonb_array_elements(q.answers) with ordinality as a(value, n)
                        where q.course_id = :id and q.active order by q.position, a.n""")
                .param("id", courseId)
                .query((rs, n) -> new Object[] {
                    rs.getString(1),
                    rs.getBoolean(2),
                    rs.getString(3),
                    rs.getString(4),
                    new QuizAnswer(rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9))
                })
                .list();
        var questions = new java.util.LinkedHashMap<String, QuizQuestion>();
        for (var row : rows) {
            var question = questions.computeIfAbsent(
                    (String) row[0],
                    id -> new QuizQuestion(
                            id, (Boolean) row[1], (String) row[2], (String) row[3], new java.util.ArrayList<>()));
            question.answers().add((QuizAnswer) row[4]);
        }
        // Shared by every reader once cached (CatalogueService): nothing in it may change.
        return questions.values().stream()
                .map(q -> new QuizQuestion(q.id(), q.multiple(), q.textVi(), q.textEn(), List.copyOf(q.answers())))
                .toList();
    }

    /** Active lessons in order and the quiz's answer key; empty for an unknown or inactive course. */
    Optional<CourseStructure> structure(String courseId) {
        record Head(int version, String hash, int passMark) {}
        var head = jdbc.sql("select version, content_hash, pass_mark from course where id = :id and active")
                .param("id", courseId)
                .query((rs, n) -> new Head(rs.getInt(1), rs.getString(2), rs.getInt(3)))
                .optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        var lessons = jdbc.sql("select id from lesson where course_id = :id and active order by position")
                .param("id", courseId)
                .query(String.class)
                .list();
        var questions = jdbc.sql("""
                        select q.id, q.multiple, a.value ->> 'id' as answer, coalesce((a.value ->> 'correct')::boolean, false)
                        from quiz_question q, jsonb_array_elements(q.answers) with ordinality as a(value, n)
                        where q.course_id = :id and q.active order by q.position, a.n""")
                .param("id", courseId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getBoolean(4)})
                .list();
        var byId = new java.util.LinkedHashMap<String, Object[]>();
        for (var row : questions) {
            var entry = byId.computeIfAbsent((String) row[0], id ->
                    new Object[] {row[1], new java.util.ArrayList<String>(), new java.util.HashSet<String>()});
            @SuppressWarnings("unchecked")
            var answers = (List<String>) entry[1];
            answers.add((String) row[2]);
            if ((Boolean) row[3]) {
                @SuppressWarnings("unchecked")
                var correct = (Set<String>) entry[2];
                correct.add((String) row[2]);
            }
        }
        var list = new java.util.ArrayList<CourseStructure.Question>();
        byId.forEach((id, entry) -> {
            @SuppressWarnings("unchecked")
            var answers = (List<String>) entry[1];
            @SuppressWarnings("unchecked")
            var correct = (Set<String>) entry[2];
            list.add(new CourseStructure.Question(id, (Boolean) entry[0], answers, correct));
        });
        var h = head.get();
        return Optional.of(new CourseStructure(courseId, h.version(), h.hash(), h.passMark(), lessons, list));
    }

    /** Every active course, by Vietnamese title. */
    List<CourseCard> activeCards() {
        return cards("true", "");
    }

    /** One active course. */
    Optional<CourseCard> activeCard(String id) {
        return cards("c.id = :id", id).stream().findFirst();
    }

    /** The active courses meeting a condition on course {@code c} (with {@code :id} bound to {@code id}). */
    private List<CourseCard> cards(String condition, String id) {
        return jdbc.sql("""
                        select c.id, c.title_vi, c.title_en, c.summary_vi, c.summary_en, c.level, c.audiences, c.tags,
                            c.estimated_minutes,
                            (select count(*) from lesson l where l.course_id = c.id and l.active) as lessons
                        from course c where c.active and\s""" + condition + " order by c.title_vi")
                .param("id", id)
                .query((rs, n) -> new CourseCard(
                        rs.getString("id"),
                        rs.getString("title_vi"),
                        rs.getString("title_en"),
                        rs.getString("summary_vi"),
                        rs.getString("summary_en"),
                        rs.getString("level"),
                        Set.of((String[]) rs.getArray("audiences").getArray()),
                        List.of((String[]) rs.getArray("tags").getArray()),
                        rs.getInt("estimated_minutes"),
                        rs.getInt("lessons")))
                .list();
    }

    /**
     * The active courses for an audience, most taken first (from learning's published view
     * {@code learning_course_popularity}), titled in the language given.
     */
    List<SearchResult.PopularCourse> popularCourses(String audience, int limit, String language) {
        return jdbc.sql("""
                        select c.id, c.title_vi, c.title_en, coalesce(p.learners, 0) as learners
                        from course c
                        left join learning_course_popularity p on p.course_id = c.id and p.audience = :audience
                        where c.active and :audience = any (c.audiences)
                        order by learners desc, c.title_vi
                        limit :limit""")
                .param("audience", audience)
                .param("limit", limit)
                .query((rs, n) -> new SearchResult.PopularCourse(
                        rs.getString("id"),
                        rs.getString(language.equals("vi") ? "title_vi" : "title_en"),
                        rs.getLong("learners")))
                .list();
    }

    /** A course (summary as body, no lesson id) or lesson found by {@link #searchText}, in both languages. */
    record FoundText(
            String courseId,
            @Nullable String lessonId,
            String titleVi,
            String titleEn,
            String bodyVi,
            String bodyEn,
            String courseVi,
            String courseEn) {}

    /**
     * Active courses, then active lessons, whose folded search text contains every LIKE pattern of at least one of
     * the readings, within the levels and audiences (none given: any), at most {@code size}.
     */
    List<FoundText> searchText(List<String[]> readingPatterns, String[] levels, String[] audiences, int size) {
        var params = new LinkedHashMap<String, Object>();
        var course = new ArrayList<String>();
        var lesson = new ArrayList<String>();
        for (int i = 0; i < readingPatterns.size(); i++) {
            params.put("w" + i, readingPatterns.get(i));
            course.add("c.search_text like all (:w" + i + ")");
            lesson.add("l.search_text like all (:w" + i + ")");
        }
        var sql = jdbc.sql("""
                        select c.id as course_id, null as lesson_id, c.title_vi, c.title_en, c.summary_vi as body_vi,
                            c.summary_en as body_en, c.title_vi as course_vi, c.title_en as course_en, 0 as rank
                        from course c
                        where c.active and (%s)
                            and (cardinality(cast(:levels as text[])) = 0 or c.level = any (cast(:levels as text[])))
                            and (cardinality(cast(:audiences as text[])) = 0
                                or c.audiences && cast(:audiences as text[]))
                        union all
                        select l.course_id, l.id, l.title_vi, l.title_en, l.body_vi, l.body_en, c.title_vi, c.title_en, 1
                        from lesson l join course c on c.id = l.course_id
                        where l.active and c.active and (%s)
                            and (cardinality(cast(:levels as text[])) = 0 or c.level = any (cast(:levels as text[])))
                            and (cardinality(cast(:audiences as text[])) = 0
                                or c.audiences && cast(:audiences as text[]))
                        order by rank, course_id limit :size""".formatted(String.join(" or ", course), String.join(" or ", lesson)));
        for (var param : params.entrySet()) {
            sql = sql.param(param.getKey(), param.getValue());
        }
        return sql.param("levels", levels)
                .param("audiences", audiences)
                .param("size", size)
                .query((rs, n) -> new FoundText(
                        rs.getString("course_id"),
                        rs.getString("lesson_id"),
                        rs.getString("title_vi"),
                        rs.getString("title_en"),
                        rs.getString("body_vi"),
                        rs.getString("body_en"),
                        rs.getString("course_vi"),
                        rs.getString("course_en")))
                .list();
    }
}
