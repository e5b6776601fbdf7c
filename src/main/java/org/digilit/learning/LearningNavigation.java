package org.digilit.learning;

/**
 * The addresses of the learner's pages (server-rendered, DD015), for other features to link to (issue #15 item 6: no
 * feature builds another's route from strings).
 */
public final class LearningNavigation {

    /** The learner's home. */
    public static final String HOME = "/learn";

    /** The learner's certificates (their PDFs are under it). */
    public static final String CERTIFICATES = HOME + "/certificates";

    private LearningNavigation() {}

    /** A lesson of a course. */
    public static String lesson(String courseId, String lessonId) {
        return HOME + "/" + courseId + "/lesson/" + lessonId;
    }

    /** A course's quiz. */
    public static String quiz(String courseId) {
        return HOME + "/" + courseId + "/quiz";
    }
}
