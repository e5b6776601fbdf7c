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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
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

    private final CourseStore store;
    private final TransactionTemplate transactions;
    private final Path contentDirectory;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final CourseImageService images;

    CourseContentService(
            CourseStore store,
            TransactionTemplate transactions,
            @Value("${digilit.content.directory:course-content}") Path contentDirectory,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events,
            CourseImageService images) {
        this.store = store;
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
            var stored = store.contentHash(course.id());
            if (stored.isPresent() && stored.get().equals(course.contentHash())) {
                unchanged++;
                continue;
            }
            transactions.executeWithoutResult(status -> write(course));
            loaded++;
            events.publishEvent(new CourseContentChanged(course.id()));
        }
        return new LoadReport(loaded, unchanged, skipped, problems);
    }

    private void write(CourseDefinition course) {
        var now = Timestamp.from(clock.instant());
        store.upsertCourse(course, now);
        store.deactivateLessons(course.id());
        for (var lesson : course.lessons()) {
            store.upsertLesson(course.id(), lesson);
        }
        store.deactivateQuestions(course.id());
        int position = 0;
        for (var question : course.questions()) {
            store.upsertQuestion(course.id(), question, ++position, answersJson(question));
        }
        store.enqueueForIndexing(course.id(), now);
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
