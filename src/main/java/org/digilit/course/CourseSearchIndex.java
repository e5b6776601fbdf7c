package org.digilit.course;

import java.io.IOException;
import java.util.List;

/** The search index port: one real implementation (Elasticsearch); tests use it against the real server. */
interface CourseSearchIndex {

    /**
     * A document to index: a course or a lesson, in one language, with folded copies made in Java; the other
     * language's titles ride along, so a hit found in the other language is shown under the reader's titles.
     */
    record Document(
            String id,
            String kind,
            String courseId,
            String lessonId,
            String language,
            String title,
            String courseTitle,
            String body,
            String level,
            List<String> audiences,
            List<String> tags,
            String otherTitle,
            String otherCourseTitle) {

        /** A document whose other language's titles are not known (shown with its own). */
        Document(
                String id,
                String kind,
                String courseId,
                String lessonId,
                String language,
                String title,
                String courseTitle,
                String body,
                String level,
                List<String> audiences,
                List<String> tags) {
            this(
                    id,
                    kind,
                    courseId,
                    lessonId,
                    language,
                    title,
                    courseTitle,
                    body,
                    level,
                    audiences,
                    tags,
                    title,
                    courseTitle);
        }
    }

    /**
     * Makes the index when it is missing or of an older shape; true when it was made (empty), so that every course must
     * be indexed again.
     */
    boolean ensureIndex() throws IOException;

    void recreate() throws IOException;

    /** Replaces everything indexed for the course with these documents. */
    void replaceCourse(String courseId, List<Document> documents) throws IOException;

    void bulk(List<Document> documents) throws IOException;

    SearchResult search(SearchQuery query) throws IOException;

    List<String> suggest(String prefix, String language) throws IOException;
}
