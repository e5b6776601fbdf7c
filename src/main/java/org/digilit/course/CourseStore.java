package org.digilit.course;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.digilit.base.TextFolding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL that writes courses, lessons and quiz questions, and the search outbox with what the indexer reads (all owned
 * by course). Transactions and the decision what to write stay in {@link CourseContentService} and
 * {@link SearchIndexer}.
 */
@Repository
class CourseStore {

    private final JdbcClient jdbc;

    CourseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The content hash of the course as last loaded, if it was. */
    Optional<String> contentHash(String courseId) {
        return jdbc.sql("select content_hash from course where id = :id")
                .param("id", courseId)
                .query(String.class)
                .optional();
    }

    boolean isActive(String courseId) {
        return jdbc.sql("select count(*) from course where id = :id and active")
                        .param("id", courseId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Inserts the course or updates it in place, active, with its folded search text. */
    void upsertCourse(CourseDefinition course, Timestamp now) {
        jdbc.sql("""
                        insert into course (id, version, content_hash, level, audiences, tags, estimated_minutes,
                            pass_mark, title_vi, title_en, summary_vi, summary_en, search_text, active, loaded_at)
                        values (:id, :version, :hash, :level, :audiences, :tags, :minutes, :passMark, :titleVi,
                            :titleEn, :summaryVi, :summaryEn, :search, true, :now)
                        on conflict (id) do update set version = excluded.version,
                            content_hash = excluded.content_hash, level = excluded.level,
                            audiences = excluded.audiences, tags = excluded.tags,
                            estimated_minutes = excluded.estimated_minutes, pass_mark = excluded.pass_mark,
                            title_vi = excluded.title_vi, title_en = excluded.title_en,
                            summary_vi = excluded.summary_vi, summary_en = excluded.summary_en,
                            search_text = excluded.search_text, active = true,
                            loaded_at = excluded.loaded_at""")
                .param("id", course.id())
                .param("version", course.version())
                .param("hash", course.contentHash())
                .param("level", course.level())
                .param("audiences", course.audiences().stream().sorted().toArray(String[]::new))
                .param("tags", course.tags().toArray(String[]::new))
                .param("minutes", course.estimatedMinutes())
                .param("passMark", course.passMark())
                .param("titleVi", course.title().vi())
                .param("titleEn", course.title().en())
                .param("summaryVi", course.summary().vi())
                .param("summaryEn", course.summary().en())
                .param(
                        "search",
                        TextFolding.fold(String.join(
                                " ",
                                course.title().vi(),
                                course.title().en(),
                                course.summary().vi(),
                                course.summary().en(),
                                String.join(" ", course.tags()))))
                .param("now", now)
                .update();
    }

    /** Marks every lesson of the course inactive (the ones still in the course are upserted active again). */
    void deactivateLessons(String courseId) {
        jdbc.sql("update lesson set active = false where course_id = :id")
                .param("id", courseId)
                .update();
    }

    void upsertLesson(String courseId, CourseDefinition.Lesson lesson) {
        jdbc.sql("""
                        insert into lesson (course_id, id, position, title_vi, title_en, body_vi, body_en,
                            search_text, active)
                        values (:course, :id, :position, :titleVi, :titleEn, :bodyVi, :bodyEn, :search, true)
                        on conflict (course_id, id) do update set position = excluded.position,
                            title_vi = excluded.title_vi, title_en = excluded.title_en,
                            body_vi = excluded.body_vi, body_en = excluded.body_en,
                            search_text = excluded.search_text, active = true""")
                .param("course", courseId)
                .param("id", lesson.id())
                .param("position", lesson.order())
                .param("titleVi", lesson.title().vi())
                .param("titleEn", lesson.title().en())
                .param("bodyVi", lesson.body().vi())
                .param("bodyEn", lesson.body().en())
                .param(
                        "search",
                        TextFolding.fold(String.join(
                                " ",
                                lesson.title().vi(),
                                lesson.title().en(),
                                lesson.body().vi(),
                                lesson.body().en())))
                .update();
    }

    /** Marks every quiz question of the course inactive (the ones still in the course are upserted active again). */
    void deactivateQuestions(String courseId) {
        jdbc.sql("update quiz_question set active = false where course_id = :id")
                .param("id", courseId)
                .update();
    }

    void upsertQuestion(String courseId, CourseDefinition.Question question, int position, String answersJson) {
        jdbc.sql("""
                        insert into quiz_question (course_id, id, position, multiple, text_vi, text_en, answers, active)
                        values (:course, :id, :position, :multiple, :textVi, :textEn, cast(:answers as jsonb), true)
                        on conflict (course_id, id) do update set position = excluded.position,
                            multiple = excluded.multiple, text_vi = excluded.text_vi, text_en = excluded.text_en,
                            answers = excluded.answers, active = true""")
                .param("course", courseId)
                .param("id", question.id())
                .param("position", position)
                .param("multiple", question.multiple())
                .param("textVi", question.text().vi())
                .param("textEn", question.text().en())
                .param("answers", answersJson)
                .update();
    }

    /** Queues the course for (re-)indexing by {@link SearchIndexer}. */
    void enqueueForIndexing(String courseId, Timestamp now) {
        jdbc.sql("insert into search_outbox (course_id, enqueued_at) values (:id, :now)")
                .param("id", courseId)
                .param("now", now)
                .update();
    }

    // Search outbox and what the indexer reads -----------------------------------------------------------------------

    /** An outbox entry: a course to (re-)index. */
    record OutboxEntry(long id, String courseId) {}

    /** Locks and returns up to {@code batch} outbox entries, oldest first, skipping those another node holds. */
    List<OutboxEntry> claimOutboxEntries(int batch) {
        return jdbc.sql("""
                        select id, course_id from search_outbox order by id
                        for update skip locked limit :batch""")
                .param("batch", batch)
                .query((rs, n) -> new OutboxEntry(rs.getLong("id"), rs.getString("course_id")))
                .list();
    }

    void deleteOutboxEntries(Long[] ids) {
        jdbc.sql("delete from search_outbox where id = any (:ids)")
                .param("ids", ids)
                .update();
    }

    void markOutboxEntriesFailed(Long[] ids, String error) {
        jdbc.sql("update search_outbox set attempts = attempts + 1, last_error = :error where id = any (:ids)")
                .param("error", error)
                .param("ids", ids)
                .update();
    }

    /** Queues every active course for indexing. */
    void enqueueAllActive() {
        jdbc.sql("""
                        insert into search_outbox (course_id, enqueued_at) select id, now() from course where active""").update();
    }

    /** The course's row as the indexer reads it (level, audiences, tags, titles, summaries, active). */
    Map<String, Object> courseRow(String courseId) {
        return jdbc.sql("""
                        select id, level, audiences, tags, title_vi, title_en, summary_vi, summary_en, active
                        from course where id = :id""").param("id", courseId).query().singleRow();
    }

    /** The course's active lessons' rows as the indexer reads them (id, titles, bodies). */
    List<Map<String, Object>> activeLessonRows(String courseId) {
        return jdbc.sql("select id, title_vi, title_en, body_vi, body_en from lesson where course_id = :id and active")
                .param("id", courseId)
                .query()
                .listOfRows();
    }
}
