package org.digilit.session;

import org.digilit.course.CourseContentService;
import org.digilit.organisation.OrganisationImportService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A test bean that makes each session test its own province and course ({@link SessionTestData}). */
@Component
public class SessionProvinces {

    private final JdbcClient jdbc;
    private final OrganisationImportService imports;
    private final CourseContentService content;

    SessionProvinces(JdbcClient jdbc, OrganisationImportService imports, CourseContentService content) {
        this.jdbc = jdbc;
        this.imports = imports;
        this.content = content;
    }

    /** A new province with its groups and course, imported as a platform admin (leaves the test signed out). */
    public SessionTestData load() {
        return new SessionTestData(jdbc).load(imports, content);
    }
}
