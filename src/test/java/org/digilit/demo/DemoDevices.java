package org.digilit.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.digilit.device.DeviceCondition;
import org.digilit.device.DeviceImportService;
import org.digilit.device.DeviceItem;
import org.digilit.device.DeviceKind;
import org.digilit.device.DeviceService;
import org.digilit.device.DonationForm;
import org.digilit.device.DonationService;
import org.digilit.device.HandoverWay;
import org.digilit.device.RequestForm;
import org.digilit.device.RequestPriority;
import org.digilit.device.RequestService;
import org.digilit.device.WipeMethod;
import org.digilit.organisation.OrganisationService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's devices (issue #18), through the same services people use: two collection points and a storage point in
 * the demo district, donations at every stage, 20 supplied tablets, requests approved, rejected and pending, one
 * handover done with the recipient's code and one allocated device waiting for its handover. The demo device officer
 * ({@code deviceofficer.demo}) works in district P01-D01; the requests are filed by {@code teacher.demo}.
 */
@Component
public class DemoDevices {

    static final String OFFICER = "deviceofficer.demo";

    private final OrganisationService organisations;
    private final DeviceService devices;
    private final RequestService requests;
    private final DonationService donations;
    private final DeviceImportService supply;
    private final JdbcClient jdbc;

    DemoDevices(
            OrganisationService organisations,
            DeviceService devices,
            RequestService requests,
            DonationService donations,
            DeviceImportService supply,
            JdbcClient jdbc) {
        this.organisations = organisations;
        this.devices = devices;
        this.requests = requests;
        this.donations = donations;
        this.supply = supply;
        this.jdbc = jdbc;
    }

    /** Loads the devices' demo; returns how many devices it made. */
    public int load() {
        try {
            TestUsers.signIn("demo-data", null, Role.PLATFORM_ADMIN);
            var c1 = organisations.findByCode("P01-D01-C001").orElse(null);
            var c2 = organisations.findByCode("P01-D01-C002").orElse(null);
            var district = organisations.findByCode(DemoData.DEMO_DISTRICT).orElse(null);
            var school = organisations.findByCode("P01-D01-C001-S01").orElse(null);
            if (c1 == null || c2 == null || district == null || school == null) {
                return 0;
            }
            signInOfficer();
            devices.flagPoint(c1.id(), true, false, "Nhà văn hóa xã, đường Trần Phú");
            devices.flagPoint(c2.id(), true, false, "Bưu điện xã");
            devices.flagPoint(district.id(), true, true, "Trung tâm Văn hóa - Thông tin huyện");

            var offered = new ArrayList<DeviceItem>();
            offered.addAll(donate(1, DeviceKind.LAPTOP, "Dell Latitude E7470", 6, DeviceCondition.WORKS, c1.id(), 4));
            offered.addAll(
                    donate(2, DeviceKind.DESKTOP, "HP ProDesk 400 G3", 7, DeviceCondition.NEEDS_REPAIR, c1.id(), 2));
            offered.addAll(donate(3, DeviceKind.TABLET, "Samsung Galaxy Tab A7", 3, DeviceCondition.WORKS, c2.id(), 2));
            offered.addAll(donate(
                    4, DeviceKind.SMARTPHONE, "Xiaomi Redmi Note 9", 4, DeviceCondition.BROKEN, district.id(), 2));

            // Learners: demo people who learn (the run's first learners), or named accounts when there are none.
            var learners = jdbc.sql("""
                            select distinct p.username from course_progress p
                            where p.organisation_code like 'P01-D01-C001%' order by p.username limit 4""").query(String.class).list();
            var names = new ArrayList<>(learners);
            for (int i = names.size(); i < 4; i++) {
                names.add("hocsinh" + (i + 1) + ".demo");
            }
            TestUsers.signIn("teacher.demo", "P01-D01-C001-S01", Role.TEACHER);
            var handedOver = requests.request(new RequestForm(
                    names.get(0),
                    null,
                    school.id(),
                    "LAPTOP",
                    "Em học trực tuyến bằng điện thoại của mẹ, nhà không có máy tính.",
                    RequestPriority.NO_DEVICE_AT_HOME));
            var waiting = requests.request(new RequestForm(
                    names.get(1),
                    null,
                    school.id(),
                    "ANY",
                    "Gia đình thuộc hộ nghèo của xã.",
                    RequestPriority.POOR_HOUSEHOLD));
            var rejected = requests.request(new RequestForm(
                    names.get(2),
                    null,
                    c1.id(),
                    "TABLET",
                    "Cần máy tính bảng để học tiếng Anh.",
                    RequestPriority.OTHER));
            requests.request(new RequestForm(
                    names.get(3),
                    null,
                    c1.id(),
                    "LAPTOP",
                    "Nhà có một máy tính, ba anh em dùng chung.",
                    RequestPriority.NEAR_POOR_HOUSEHOLD));
            requests.request(new RequestForm(
                    null,
                    "001209012345",
                    school.id(),
                    "SMARTPHONE",
                    "Em ở với bà, không có điện thoại.",
                    RequestPriority.NO_DEVICE_AT_HOME));

            signInOfficer();
            requests.approve(handedOver.id(), null);
            requests.approve(waiting.id(), null);
            requests.reject(rejected.id(), "Gia đình đã được trường cho mượn máy tính bảng.");

            // The laptops: one all the way to a learner, one allocated, one ready, one still waiting to be wiped.
            for (int i = 0; i < 4; i++) {
                devices.receive(offered.get(i).id(), c1.id());
            }
            for (int i = 0; i < 3; i++) {
                devices.wipe(offered.get(i).id(), WipeMethod.DISK_OVERWRITE, "Ghi đè 1 lượt, đã kiểm tra");
                devices.repair(offered.get(i).id(), "Pin mới, RAM 8 GB");
                devices.ready(offered.get(i).id());
            }
            devices.allocate(offered.get(0).id(), handedOver.id());
            devices.allocate(offered.get(1).id(), waiting.id());
            TestUsers.signIn("teacher.demo", "P01-D01-C001-S01", Role.TEACHER);
            var code = requests.handoverCode(handedOver.id());
            signInOfficer();
            devices.handOver(offered.get(0).id(), code, true);
            // The desktops: one defective, one recycled. The tablets wait at commune 2; the phones were offered only.
            devices.receive(offered.get(4).id(), c1.id());
            devices.markDefective(offered.get(4).id(), "Bo mạch chủ hỏng");
            devices.receive(offered.get(5).id(), c1.id());
            devices.recycle(offered.get(5).id(), "Quá cũ, không sửa được");
            devices.receive(offered.get(6).id(), c2.id());

            var csv = new StringBuilder("serial,kind,model,batch,storage_point\n");
            for (int i = 1; i <= 20; i++) {
                csv.append(String.format(
                        Locale.ROOT, "SN-DEMO-%04d,TABLET,Lenovo Tab M8,LO-2026-01,%s%n", i, DemoData.DEMO_DISTRICT));
            }
            supply.apply(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "demo-supply.csv");
            return offered.size() + 20;
        } finally {
            TestUsers.signOut();
        }
    }

    private List<DeviceItem> donate(
            int donor, DeviceKind kind, String model, int age, DeviceCondition condition, long point, int quantity) {
        TestUsers.signOut();
        var result = donations.donate(
                new DonationForm(
                        "09123456" + String.format("%02d", donor),
                        "Nhà hảo tâm " + donor,
                        kind,
                        model,
                        age,
                        condition,
                        true,
                        quantity,
                        HandoverWay.DROP_OFF,
                        point,
                        null,
                        null,
                        null),
                "demo-" + donor,
                Duration.ofMinutes(2),
                "");
        var receipt = donations
                .receipt(result.receiptCode(), Locale.forLanguageTag("vi"))
                .orElseThrow();
        signInOfficer();
        return receipt.devices().stream()
                .map(d -> devices.find(d.publicCode()).orElseThrow())
                .toList();
    }

    private static void signInOfficer() {
        TestUsers.signIn(OFFICER, DemoData.DEMO_DISTRICT, Role.DEVICE_OFFICER);
    }
}
