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
}
