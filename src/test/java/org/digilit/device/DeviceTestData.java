package org.digilit.device;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.organisation.OrganisationService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;

/**
 * A small province with codes unique to the test (tests share the stack's database):
 *
 * <pre>
 * province ─ D1 ─ C1 (Xã Phú Mỹ) ─ S1 (Trường Tiểu học Kim Đồng)
 *          └ D2 ─ C2 (Xã Hòa Bình)
 * </pre>
 *
 * C1 is a collection and storage point.
 */
public final class DeviceTestData {

    public final String province =
            "V" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    public long provinceId;
    public long commune1;
    public long commune2;
    public long school1;

    public String code(String suffix) {
        return province + "-" + suffix;
    }

    public DeviceTestData load(OrganisationImportService imports, OrganisationService organisations) {
        TestUsers.signIn("device-test-admin", null, Role.PLATFORM_ADMIN);
        try {
            var csv = """
                    code,parent_code,type,name_vi,name_en
                    %1$s,,PROVINCE,Tỉnh Thiết Bị,Device Province
                    %1$s-D1,%1$s,DISTRICT,Huyện Một,District One
                    %1$s-D2,%1$s,DISTRICT,Huyện Hai,District Two
                    %1$s-C1,%1$s-D1,COMMUNE,Xã Phú Mỹ,Phu My Commune
                    %1$s-C2,%1$s-D2,COMMUNE,Xã Hòa Bình,Hoa Binh Commune
                    %1$s-S1,%1$s-C1,SCHOOL,Trường Tiểu học Kim Đồng,Kim Dong Primary School
                    """.formatted(province);
            imports.apply(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "devices.csv", null);
            provinceId = organisations.findByCode(province).orElseThrow().id();
            commune1 = organisations.findByCode(code("C1")).orElseThrow().id();
            commune2 = organisations.findByCode(code("C2")).orElseThrow().id();
            school1 = organisations.findByCode(code("S1")).orElseThrow().id();
            return this;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            TestUsers.signOut();
        }
    }

    /** The device officer of commune 1 (or another organisation of the province). */
    public void signInOfficer(String suffix) {
        TestUsers.signIn("officer-" + province + "-" + suffix, code(suffix), Role.DEVICE_OFFICER);
    }

    public void signInTeacher() {
        TestUsers.signIn("teacher-" + province, code("S1"), Role.TEACHER);
    }

    public String teacher() {
        return "teacher-" + province;
    }
}
