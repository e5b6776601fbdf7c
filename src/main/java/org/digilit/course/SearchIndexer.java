package org.digilit.course;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the search index in step with PostgreSQL through the outbox: the content loader queues changed courses in the
 * same transaction as the change; this worker takes a batch ({@code FOR UPDATE SKIP LOCKED}, so several app instances
 * share the work), replaces each course's documents, and deletes the entries. When Elasticsearch is down the entries
 * stay, with the attempt counted, and the next round tries again. Nothing is lost, nothing is indexed twice.
 */
@Component
class SearchIndexer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    private static final int BATCH = 20;
    private static final Pattern MARKDOWN = Pattern.compile("[#*_`>]+");

    private final CourseSearchIndex index;
    private final CourseStore store;
    private final TransactionTemplate transactions;

    SearchIndexer(CourseSearchIndex index, CourseStore store, TransactionTemplate transactions) {
        this.index = index;
        this.store = store;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void prepareIndex() {
        try {
            if (index.ensureIndex()) {
                queueAll();
            }
        } catch (Exception e) {
            log.warn(
                    "Search index not prepared ({}); the outbox keeps the work until Elasticsearch is back",
                    e.getClass().getSimpleName());
        }
    }

    /** Drains the outbox: returns how many courses were indexed. */
    @Scheduled(fixedDelayString = "${digilit.search.indexer-delay:5s}", initialDelayString = "5s")
    int drain() {
        int indexed = 0;
        while (true) {
            Integer done = transactions.execute(status -> {
                var entries = store.claimOutboxEntries(BATCH);
                if (entries.isEmpty()) {
                    return 0;
                }
                try {
                    if (index.ensureIndex()) {
                        queueAll();
                    }
                    for (var courseId : entries.stream()
                            .map(CourseStore.OutboxEntry::courseId)
                            .distinct()
                            .toList()) {
                        index.replaceCourse(courseId, documents(courseId));
                    }
                    store.deleteOutboxEntries(
                            entries.stream().map(CourseStore.OutboxEntry::id).toArray(Long[]::new));
                    return entries.size();
                } catch (Exception e) {
                    log.warn("Indexing {} course(s) failed, will retry: {}", entries.size(), e.toString());
                    store.markOutboxEntriesFailed(
                            entries.stream().map(CourseStore.OutboxEntry::id).toArray(Long[]::new),
                            e.getClass().getSimpleName() + ": " + e.getMessage());
                    return -1;
                }
            });
            if (done == null || done <= 0) {
                return indexed;
            }
            indexed += done;
        }
    }

    /** Rebuilds the index from PostgreSQL: recreate it and queue every course. */
    void rebuild() throws java.io.IOException {
        index.recreate();
        transactions.executeWithoutResult(status -> queueAll());
        drain();
    }

    /** Queues every active course: the index was made again (or made new) and holds nothing. */
    private void queueAll() {
        store.enqueueAllActive();
    }

    /** Every document of a course: the course and each active lesson, in both languages. */
    List<CourseSearchIndex.Document> documents(String courseId) {
        var documents = new ArrayList<CourseSearchIndex.Document>();
        var course = store.courseRow(courseId);
        if (!(Boolean) course.get("active")) {
            return documents;
        }
        var level = (String) course.get("level");
        var audiences = array(course.get("audiences"));
        var tags = array(course.get("tags"));
        for (var language : List.of("vi", "en")) {
            var title = (String) course.get("title_" + language);
            var otherTitle = (String) course.get("title_" + other(language));
            documents.add(new CourseSearchIndex.Document(
                    courseId + ":" + language,
                    "course",
                    courseId,
                    "",
                    language,
                    title,
                    title,
                    (String) course.get("summary_" + language),
                    level,
                    audiences,
                    tags,
                    otherTitle,
                    otherTitle));
        }
        store.activeLessonRows(courseId).forEach(lesson -> {
            for (var language : List.of("vi", "en")) {
                documents.add(new CourseSearchIndex.Document(
                        courseId + ":" + lesson.get("id") + ":" + language,
                        "lesson",
                        courseId,
                        (String) lesson.get("id"),
                        language,
                        (String) lesson.get("title_" + language),
                        (String) course.get("title_" + language),
                        MARKDOWN.matcher((String) lesson.get("body_" + language))
                                .replaceAll(""),
                        level,
                        audiences,
                        tags,
                        (String) lesson.get("title_" + other(language)),
                        (String) course.get("title_" + other(language))));
            }
        });
        return documents;
    }

    private static String other(String language) {
        return language.equals("vi") ? "en" : "vi";
    }

    private static List<String> array(Object value) {
        try {
            return List.of((String[]) ((java.sql.Array) value).getArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
