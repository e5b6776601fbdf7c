package org.digilit.course;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.digilit.base.TextFolding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The course catalogue as learners see it, read from PostgreSQL. Its text filter folds diacritics, so "lua dao" finds
 * "lừa đảo"; it is also the fallback when the search index is down.
 */
@Service
public class CatalogueService {

    /** A course as the catalogue shows it. */
    public record CourseCard(
            String id,
            String titleVi,
            String titleEn,
            String summaryVi,
            String summaryEn,
            String level,
            Set<String> audiences,
            List<String> tags,
            int estimatedMinutes,
            int lessons) {

        public String title(Locale locale) {
            return locale.getLanguage().equals("vi") ? titleVi : titleEn;
        }

        public String summary(Locale locale) {
            return locale.getLanguage().equals("vi") ? summaryVi : summaryEn;
        }
    }

    /** A lesson's place in a course, without its text. */
    public record LessonTitle(String id, int position, String titleVi, String titleEn) {

        public String title(Locale locale) {
            return locale.getLanguage().equals("vi") ? titleVi : titleEn;
        }
    }

    private final JdbcClient jdbc;

    CatalogueService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The active courses whose title, summary or tags contain every word typed (diacritics optional). */
    @Transactional(readOnly = true)
    public List<CourseCard> catalogue(String text) {
        var words = Arrays.stream(TextFolding.fold(text).split(" "))
                .filter(w -> !w.isBlank())
                .toList();
        return all().stream()
                .filter(card -> {
                    var folded = TextFolding.fold(String.join(
                            " ",
                            card.titleVi(),
                            card.titleEn(),
                            card.summaryVi(),
                            card.summaryEn(),
                            String.join(" ", card.tags())));
                    return words.stream().allMatch(folded::contains);
                })
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<CourseCard> course(String id) {
        return cards("c.id = :id", id).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<LessonTitle> lessons(String courseId) {
        return jdbc.sql("""
                        select id, position, title_vi, title_en from lesson
                        where course_id = :course and active order by position""").param("course", courseId).query(LessonTitle.class).list();
    }

    /** A lesson's text, for the lesson viewer. */
    public record LessonContent(
            String courseId, String id, int position, String titleVi, String titleEn, String bodyVi, String bodyEn) {

        public String title(Locale locale) {
            return locale.getLanguage().equals("vi") ? titleVi : titleEn;
        }

        public String body(Locale locale) {
            return locale.getLanguage().equals("vi") ? bodyVi : bodyEn;
        }
    }

    /** An active lesson of an active course. */
    @Transactional(readOnly = true)
    public Optional<LessonContent> lesson(String courseId, String lessonId) {
        return jdbc.sql("""
                        select l.course_id, l.id, l.position, l.title_vi, l.title_en, l.body_vi, l.body_en from lesson l
                        join course c on c.id = l.course_id
                        where l.course_id = :course and l.id = :lesson and l.active and c.active""")
                .param("course", courseId)
                .param("lesson", lessonId)
                .query(LessonContent.class)
                .optional();
    }

    /** A quiz question as the learner sees it (which answers are right is the learning service's to judge). */
    public record QuizQuestion(String id, boolean multiple, String textVi, String textEn, List<QuizAnswer> answers) {

        public String text(Locale locale) {
            return locale.getLanguage().equals("vi") ? textVi : textEn;
        }
    }

    /** An answer, with the explanation shown after the attempt. */
    public record QuizAnswer(String id, String textVi, String textEn, String explanationVi, String explanationEn) {

        public String text(Locale locale) {
            return locale.getLanguage().equals("vi") ? textVi : textEn;
        }

        public String explanation(Locale locale) {
            return locale.getLanguage().equals("vi") ? explanationVi : explanationEn;
        }
    }

    /** The active questions of a course's quiz, in order. */
    @Transactional(readOnly = true)
    public List<QuizQuestion> quiz(String courseId) {
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
        return List.copyOf(questions.values());
    }

    /** A course's structure for judging progress: active lessons in order and the quiz's answer key. */
    @Transactional(readOnly = true)
    public Optional<CourseStructure> structure(String courseId) {
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

    private List<CourseCard> all() {
        return cards("true", "");
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
}
