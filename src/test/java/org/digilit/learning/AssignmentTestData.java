package org.digilit.learning;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import org.digilit.course.CourseContentService;
import org.digilit.course.CourseTestData;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;

/**
 * A small province with codes unique to the test (so tests sharing the stack's database never meet) and two fixture
 * courses of their own:
 *
 * <pre>
 * province ─ D1 (Huyện Một) ─ C1 (Xã Phú Mỹ) ─ S1 (Trường Tiểu học Kim Đồng)
 *          └ D2 (Huyện Hai) ─ C2 (Xã Hòa Bình)
 * </pre>
 */
public final class AssignmentTestData {

    public final String province =
            "G" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    public final String courseA = "assign-a-" + UUID.randomUUID().toString().substring(0, 8);
    public final String courseB = "assign-b-" + UUID.randomUUID().toString().substring(0, 8);

    public String district1() {
        return province + "-D1";
    }

    public String district2() {
        return province + "-D2";
    }

    public String commune1() {
        return province + "-C1";
    }

    public String commune2() {
        return province + "-C2";
    }

    public String school1() {
        return province + "-S1";
    }

    /** Imports the province and loads the two courses (as a platform admin; leaves the test signed out). */
    public AssignmentTestData load(OrganisationImportService imports, CourseContentService content) {
        TestUsers.signIn("test-admin", null, Role.PLATFORM_ADMIN);
        try {
            var csv = """
                    code,parent_code,type,name_vi,name_en
                    %1$s,,PROVINCE,Tỉnh Giao Việc,Assignment Province
                    %1$s-D1,%1$s,DISTRICT,Huyện Một,District One
                    %1$s-D2,%1$s,DISTRICT,Huyện Hai,District Two
                    %1$s-C1,%1$s-D1,COMMUNE,Xã Phú Mỹ,Phu My Commune
                    %1$s-C2,%1$s-D2,COMMUNE,Xã Hòa Bình,Hoa Binh Commune
                    %1$s-S1,%1$s-C1,SCHOOL,Trường Tiểu học Kim Đồng,Kim Dong Primary School
                    """.formatted(province);
            imports.apply(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "assignments.csv", null);
            CourseTestData.loadFixtureCourse(
                    content, Files.createTempDirectory("courses"), courseA, "Khóa học A " + courseA, "Course A");
            CourseTestData.loadFixtureCourse(
                    content, Files.createTempDirectory("courses"), courseB, "Khóa học B " + courseB, "Course B");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TestUsers.signOut();
        }
    }
}
