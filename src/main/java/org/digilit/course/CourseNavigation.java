package org.digilit.course;

/**
 * The addresses of the catalogue's pages, for other features to link to (issue #15 item 6: no feature builds another's
 * route from strings). The pages themselves are server-rendered ({@code course.ui.CatalogueController}).
 */
public final class CourseNavigation {

    /** The catalogue and its search. */
    public static final String CATALOGUE = "/courses";

    private CourseNavigation() {}

    /** A course's page: what it teaches, its lessons, the way in. */
    public static String course(String courseId) {
        return CATALOGUE + "/" + courseId;
    }
}
