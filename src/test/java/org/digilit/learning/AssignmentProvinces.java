package org.digilit.learning;

import org.digilit.course.CourseContentService;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.organisation.OrganisationService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.springframework.stereotype.Component;

/** A test bean that makes each assignment test its own province and two courses ({@link AssignmentTestData}). */
@Component
public class AssignmentProvinces {

    private final OrganisationImportService imports;
    private final OrganisationService organisations;
    private final CourseContentService content;

    AssignmentProvinces(
            OrganisationImportService imports, OrganisationService organisations, CourseContentService content) {
        this.imports = imports;
        this.organisations = organisations;
        this.content = content;
    }

    /** A new province and its two courses, loaded as a platform admin (leaves the test signed out). */
    public AssignmentTestData load() {
        return new AssignmentTestData().load(imports, content);
    }

    /** An organisation's id by its code (looked up as a platform admin; leaves the test signed out). */
    public long id(String code) {
        TestUsers.signIn("test-admin", null, Role.PLATFORM_ADMIN);
        try {
            return organisations.findByCode(code).orElseThrow().id();
        } finally {
            TestUsers.signOut();
        }
    }
}
