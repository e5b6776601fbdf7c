package org.digilit.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;

/** Loads the real course content and rebuilds the search index from it, as a platform admin would. */
public final class CourseTestData {

    private CourseTestData() {}

    public static void indexRealCourses(CourseContentService content, CourseSearchService search) {
        content.loadAll();
        TestUsers.signIn("indexer", null, Role.PLATFORM_ADMIN);
        try {
            search.rebuildIndex();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TestUsers.signOut();
        }
    }

    /**
     * Writes the small fixture course (two lessons, a one-question quiz, pass mark 70) under {@code root} with the
     * given id, optionally with a third lesson (its version 2), and loads it as the content loader would.
     */
    public static void loadFixtureCourse(CourseContentService content, java.nio.file.Path root, String id, boolean v2)
            throws java.io.IOException {
        var folder = CourseFixtures.validCourse(root, id);
        if (v2) {
            var yaml = folder.resolve("course.yaml");
            java.nio.file.Files.writeString(
                    yaml, java.nio.file.Files.readString(yaml).replace("version: 1", "version: 2"));
            CourseFixtures.lesson(folder, "03-apps", "apps", 3, "Ứng dụng", "Apps");
        }
        var report = content.load(root);
        if (!report.problems().isEmpty()) {
            throw new IllegalStateException("fixture course has problems: " + report.problems());
        }
    }

    /** The fixture course under its own titles (tests that show several courses side by side tell them apart). */
    public static void loadFixtureCourse(
            CourseContentService content, java.nio.file.Path root, String id, String titleVi, String titleEn)
            throws java.io.IOException {
        var folder = CourseFixtures.validCourse(root, id);
        var yaml = folder.resolve("course.yaml");
        java.nio.file.Files.writeString(
                yaml,
                java.nio.file.Files.readString(yaml)
                        .replace("vi: Làm quen với điện thoại", "vi: " + titleVi)
                        .replace("en: Getting to know your phone", "en: " + titleEn));
        var report = content.load(root);
        if (!report.problems().isEmpty()) {
            throw new IllegalStateException("fixture course has problems: " + report.problems());
        }
    }
}
