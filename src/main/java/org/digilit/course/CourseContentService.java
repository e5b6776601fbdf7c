package org.digilit.course;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.digilit.base.TextFolding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads course-content/ into PostgreSQL, at start and on demand. Each course is validated whole and written in its own
 * transaction: a broken course is reported ({@code file:line: what is wrong}) and skipped, never half-loaded, and never
 * stops the others. An unchanged course (same content hash) is not written again; a changed one is updated in place,
 * lessons and questions that disappeared are kept inactive (learners' history points at them), and the course is queued
 * for re-indexing.
 */
@Service
public class CourseContentService {

    /** What a load did: courses written, courses unchanged, courses skipped for their problems, and the problems. */
    public record LoadReport(int loaded, int unchanged, List<String> skipped, List<ContentProblem> problems) {}

    private static final Logger log = LoggerFactory.getLogger(CourseContentService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Path contentDirectory;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final CourseImageService images;

    CourseContentService(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            @Value("${digilit.content.directory:course-content}") Path contentDirectory,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events,
            CourseImageService images) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.contentDirectory = contentDirectory;
        this.clock = clock;
        this.events = events;
        this.images = images;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadAtStart() {
        var report = load(contentDirectory);
        log.info(
                "Course content: {} loaded, {} unchanged, {} skipped",
                report.loaded(),
                report.unchanged(),
                report.skipped());
        report.problems().forEach(problem -> log.warn("Course content problem: {}", problem));
    }

    /** Loads every course folder under the configured content directory. */
    public LoadReport loadAll() {
        return load(contentDirectory);
    }

    LoadReport load(Path root) {
        var problems = new ArrayList<ContentProblem>();
        var skipped = new ArrayList<String>();
        int loaded = 0;
        int unchanged = 0;
        if (!Files.isDirectory(root)) {
            problems.add(new ContentProblem(root.toString(), 0, "the course content folder does not exist"));
            return new LoadReport(0, 0, skipped, problems);
        }
        List<Path> folders;
        try (Stream<Path> children = Files.list(root)) {
            folders = children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            problems.add(new ContentProblem(root.toString(), 0, "the course content folder cannot be read"));
            return new LoadReport(0, 0, skipped, problems);
        }
        for (var folder : folders) {
            var result = CourseContentReader.read(root, folder);
            problems.addAll(result.problems());
            var course = result.course();
            if (course == null) {
                skipped.add(folder.getFileName().toString());
                continue;
            }
            images.loadedFrom(course.id(), folder);
            var stored = jdbc.sql("select content_hash from course where id = :id")
                    .param("id", course.id())
                    .query(String.class)
                    .optional();
            if (stored.isPresent() && stored.get().equals(course.contentHash())) {
                unchanged++;
                continue;
            }
            transactions.executeWithoutResult(status -> store(course));
            loaded++;
            events.publishEvent(new CourseContentChanged(course.id()));
        }
        return new LoadReport(loaded, unchanged, skipped, problems);
    }

    private void store(CourseDefinition course) {
        var now = Timestamp.from(clock.instant());
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
        jdbc.sql("update lesson set active = false where course_id = :id")
                .param("id", course.id())
                .update();
        for (var lesson : course.lessons()) {
            jdbc.sql("""
                            insert into lesson (course_id, id, position, title_vi, title_en, body_vi, body_en,
                                search_text, active)
                            values (:course, :id, :position, :titleVi, :titleEn, :bodyVi, :bodyEn, :search, true)
                            on conflict (course_id, id) do update set position = excluded.position,
                                title_vi = excluded.title_vi, title_en = excluded.title_en,
                                body_vi = excluded.body_vi, body_en = excluded.body_en,
                                search_text = excluded.search_text, active = true""")
                    .param("course", course.id())
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
        jdbc.sql("update quiz_question set active = false where course_id = :id")
                .param("id", course.id())
                .update();
        int position = 0;
        for (var question : course.questions()) {
            jdbc.sql("""
                            insert into quiz_question (course_id, id, position, multiple, text_vi, text_en, answers, active)
                            values (:course, :id, :position, :multiple, :textVi, :textEn, cast(:answers as jsonb), true)
                            on conflict (course_id, id) do update set position = excluded.position,
                                multiple = excluded.multiple, text_vi = excluded.text_vi, text_en = excluded.text_en,
                                answers = excluded.answers, active = true""")
                    .param("course", course.id())
                    .param("id", question.id())
                    .param("position", ++position)
                    .param("multiple", question.multiple())
                    .param("textVi", question.text().vi())
                    .param("textEn", question.text().en())
                    .param("answers", answersJson(question))
                    .update();
        }
        jdbc.sql("insert into search_outbox (course_id, enqueued_at) values (:id, :now)")
                .param("id", course.id())
                .param("now", now)
                .update();
    }

    private static String answersJson(CourseDefinition.Question question) {
        try {
            return JSON.writeValueAsString(question.answers().stream()
                    .map(a -> Map.of(
                            "id", a.id(),
                            "correct", a.correct(),
                            "text", Map.of("vi", a.text().vi(), "en", a.text().en()),
                            "explanation",
                                    Map.of(
                                            "vi",
                                            a.explanation().vi(),
                                            "en",
                                            a.explanation().en())))
                    .toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
