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
 * The demo's devices (issue #18), through the same services people use: two collection points (one also the storage
 * point) in the demo unit, donations at every stage, 20 supplied tablets, requests approved, rejected and pending, one
 * handover done with the recipient's code and one allocated device waiting for its handover. The demo device officer
 * ({@code deviceofficer.demo}) works in ward P01-C001 (in the Indian demo, block CP-D01-B01); the requests are filed
 * by {@code teacher.demo}.
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
    private DemoRegion region = DemoRegion.VN;

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

    /** Loads the Vietnamese devices' demo; returns how many devices it made. */
    public int load() {
        return load(DemoRegion.VN);
    }

    /** Loads the devices' demo of a region; returns how many devices it made. */
    public int load(DemoRegion region) {
        this.region = region;
        boolean india = region == DemoRegion.IN;
        try {
            TestUsers.signIn("demo-data", null, Role.PLATFORM_ADMIN);
            var c1 = organisations.findByCode(region.firstPoint).orElse(null);
            var c2 = organisations.findByCode(region.secondPoint).orElse(null);
            var school = organisations.findByCode(region.demoSchool).orElse(null);
            if (c1 == null || c2 == null || school == null) {
                return 0;
            }
            signInOfficer();
            devices.flagPoint(
                    c1.id(), true, true, india ? "Panchayat Bhawan, Main Road" : "Trụ sở UBND phường, đường Trần Phú");
            devices.flagPoint(c2.id(), true, false, india ? "Common Service Centre" : "Nhà văn hóa tổ dân phố số 3");

            var offered = new ArrayList<DeviceItem>();
            offered.addAll(donate(1, DeviceKind.LAPTOP, "Dell Latitude E7470", 6, DeviceCondition.WORKS, c1.id(), 4));
            offered.addAll(
                    donate(2, DeviceKind.DESKTOP, "HP ProDesk 400 G3", 7, DeviceCondition.NEEDS_REPAIR, c1.id(), 2));
            offered.addAll(donate(3, DeviceKind.TABLET, "Samsung Galaxy Tab A7", 3, DeviceCondition.WORKS, c2.id(), 2));
            offered.addAll(
                    donate(4, DeviceKind.SMARTPHONE, "Xiaomi Redmi Note 9", 4, DeviceCondition.BROKEN, c1.id(), 2));

            // Learners: demo people who learn (the run's first learners), or named accounts when there are none.
            var learners = jdbc.sql("""
                            select distinct p.username from course_progress p
                            where p.organisation_code like :unit order by p.username limit 4""")
                    .param("unit", region.demoUnit + "%")
                    .query(String.class)
                    .list();
            var names = new ArrayList<>(learners);
            for (int i = names.size(); i < 4; i++) {
                names.add("hocsinh" + (i + 1) + ".demo");
            }
            TestUsers.signIn("teacher.demo", region.demoSchool, Role.TEACHER);
            var handedOver = requests.request(new RequestForm(
                    names.get(0),
                    null,
                    school.id(),
                    "LAPTOP",
                    india
                            ? "Studies online on her mother's phone; no computer at home."
                            : "Em học trực tuyến bằng điện thoại của mẹ, nhà không có máy tính.",
                    RequestPriority.NO_DEVICE_AT_HOME));
            var waiting = requests.request(new RequestForm(
                    names.get(1),
                    null,
                    school.id(),
                    "ANY",
                    india ? "The family holds a BPL ration card." : "Gia đình thuộc hộ nghèo của xã.",
                    RequestPriority.POOR_HOUSEHOLD));
            var rejected = requests.request(new RequestForm(
                    names.get(2),
                    null,
                    c1.id(),
                    "TABLET",
                    india ? "Needs a tablet to learn English." : "Cần máy tính bảng để học tiếng Anh.",
                    RequestPriority.OTHER));
            requests.request(new RequestForm(
                    names.get(3),
                    null,
                    c1.id(),
                    "LAPTOP",
                    india
                            ? "One computer at home, shared by three children."
                            : "Nhà có một máy tính, ba anh em dùng chung.",
                    RequestPriority.NEAR_POOR_HOUSEHOLD));
            requests.request(new RequestForm(
                    null,
                    india ? DemoPeople.outsiders(region, 6).getLast() : "001209012345",
                    school.id(),
                    "SMARTPHONE",
                    india ? "Lives with his grandmother; no phone." : "Em ở với bà, không có điện thoại.",
                    RequestPriority.NO_DEVICE_AT_HOME));

            signInOfficer();
            requests.approve(handedOver.id(), null);
            requests.approve(waiting.id(), null);
            requests.reject(
                    rejected.id(),
                    india
                            ? "The school has already lent the family a tablet."
                            : "Gia đình đã được trường cho mượn máy tính bảng.");

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
            TestUsers.signIn("teacher.demo", region.demoSchool, Role.TEACHER);
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
                        Locale.ROOT, "SN-DEMO-%04d,TABLET,Lenovo Tab M8,LO-2026-01,%s%n", i, region.firstPoint));
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
                        (region == DemoRegion.IN ? "Donor " : "Nhà hảo tâm ") + donor,
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

    private void signInOfficer() {
        TestUsers.signIn(OFFICER, region.demoUnit, Role.DEVICE_OFFICER);
    }
}
