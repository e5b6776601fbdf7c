package org.digilit.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.digilit.IntegrationTest;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Devices on the real PostgreSQL: a donation's whole life to a confirmed handover with its signed ledger, a handover
 * refused without the recipient's code, stock that does not reconcile when a device is missing, scope on approval,
 * and the supply import's dry run, duplicates and idempotent re-run.
 */
@IntegrationTest
class DeviceIT {

    @Autowired
    OrganisationImportService imports;

    @Autowired
    org.digilit.base.ProgrammeTime time;

    @Autowired
    OrganisationService organisations;

    @Autowired
    DonationService donations;

    @Autowired
    DeviceService devices;

    @Autowired
    RequestService requests;

    @Autowired
    DeviceLedger ledger;

    @Autowired
    DeviceImportService supply;

    @Autowired
    DeviceReportService reports;

    @Autowired
    JdbcClient jdbc;

    DeviceTestData data;

    /** Each test gets its own client address, so the donation rate limit never bites across tests. */
    final String client = "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);

    @BeforeEach
    void province() {
        data = new DeviceTestData().load(imports, organisations);
        data.signInOfficer("C1");
        devices.flagPoint(data.commune1, true, true, "Nhà văn hóa xã Phú Mỹ");
        TestUsers.signOut();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private DonationForm dropOff(int quantity) {
        return new DonationForm(
                "0912 345 678",
                "Công ty ABC",
                DeviceKind.LAPTOP,
                "ThinkPad T480",
                5,
                DeviceCondition.WORKS,
                true,
                quantity,
                HandoverWay.DROP_OFF,
                data.commune1,
                null,
                null,
                null);
    }

    private List<DeviceItem> donate(int quantity) {
        var result = donations.donate(dropOff(quantity), client, Duration.ofSeconds(30), "");
        assertThat(result.status()).isEqualTo(DonationResult.Status.RECEIVED);
        var receipt = donations
                .receipt(result.receiptCode(), java.util.Locale.ENGLISH)
                .orElseThrow();
        assertThat(receipt.devices()).hasSize(quantity);
        data.signInOfficer("C1");
        var found = receipt.devices().stream()
                .map(d -> devices.find(d.publicCode()).orElseThrow())
                .toList();
        TestUsers.signOut();
        return found;
    }

    private DeviceRequest approvedRequest() {
        data.signInTeacher();
        var request = requests.request(new RequestForm(
                "learner-" + data.province + "-" + System.nanoTime(),
                null,
                data.school1,
                "LAPTOP",
                "Em học trực tuyến bằng điện thoại của mẹ",
                RequestPriority.NO_DEVICE_AT_HOME));
        data.signInOfficer("C1");
        requests.approve(request.id(), null);
        TestUsers.signOut();
        return request;
    }

    private void readyAtPoint(DeviceItem device) {
        devices.receive(device.id(), data.commune1);
        devices.wipe(device.id(), WipeMethod.FACTORY_RESET, "Đặt lại máy");
        devices.repair(device.id(), "RAM 8 GB, SSD 256 GB");
        devices.ready(device.id());
    }

    @Test
    void a_donated_laptop_reaches_a_learner_with_their_code_and_every_step_is_signed_on_the_ledger() {
        var device = donate(1).getFirst();
        var request = approvedRequest();
        data.signInOfficer("C1");
        readyAtPoint(device);
        devices.allocate(device.id(), request.id());
        data.signInTeacher();
        var code = requests.handoverCode(request.id());
        assertThat(code).matches("[0-9]{6}");
        data.signInOfficer("C1");
        devices.handOver(device.id(), code, true);

        assertThat(devices.find(device.publicCode()).orElseThrow().stage()).isEqualTo(DeviceStage.HANDED_OVER);
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.FULFILLED);
        assertThat(devices.history(device.id()))
                .extracting(DeviceHistoryEvent::stage)
                .containsExactly(
                        DeviceStage.OFFERED,
                        DeviceStage.RECEIVED,
                        DeviceStage.WIPED,
                        DeviceStage.REPAIRED,
                        DeviceStage.READY,
                        DeviceStage.ALLOCATED,
                        DeviceStage.HANDED_OVER);
        assertThat(jdbc.sql("select wiped_by || ' ' || method from device_wipe where device_id = :id")
                        .param("id", device.id())
                        .query(String.class)
                        .single())
                .isEqualTo("officer-" + data.province + "-C1 FACTORY_RESET");

        var timeline = ledger.timeline(device.publicCode());
        assertThat(timeline).extracting(LedgerEntry::stage).endsWith(DeviceStage.HANDED_OVER);
        assertThat(timeline)
                .allSatisfy(e -> assertThat(ledger.verify(e.statement())).isTrue());
        var handover = timeline.getLast();
        assertThat(handover.requestNumber()).isEqualTo(request.number());
        assertThat(handover.communeId()).isEqualTo(data.commune1);
        assertThat(handover.provinceId()).isEqualTo(data.provinceId);
        var payload = DeviceLedger.payloadOf(handover.statement());
        assertThat(payload)
                .contains(request.number(), data.code("C1"), "HANDED_OVER")
                .doesNotContain("learner-", "0912", data.teacher());
        assertThat(ledger.verify(
                        handover.statement().substring(0, handover.statement().length() - 4) + "AAAA"))
                .isFalse();
        assertThat(ledger.page(null, data.commune1, null))
                .extracting(LedgerEntry::deviceCode)
                .contains(device.publicCode());
        assertThat(ledger.counts(data.provinceId, null).of(DeviceStage.HANDED_OVER))
                .isEqualTo(1);
    }

    @Test
    void a_handover_without_the_recipients_code_is_refused_and_changes_nothing() {
        var device = donate(1).getFirst();
        var request = approvedRequest();
        data.signInOfficer("C1");
        readyAtPoint(device);
        devices.allocate(device.id(), request.id());
        assertThatThrownBy(() -> devices.handOver(device.id(), "", false))
                .isInstanceOfSatisfying(
                        DeviceProblem.class, p -> assertThat(p.code()).isEqualTo("no-handover-code"));
        data.signInTeacher();
        var code = requests.handoverCode(request.id());
        data.signInOfficer("C1");
        var wrong = code.equals("000000") ? "111111" : "000000";
        assertThatThrownBy(() -> devices.handOver(device.id(), wrong, false))
                .isInstanceOfSatisfying(
                        DeviceProblem.class, p -> assertThat(p.code()).isEqualTo("handover-code-wrong"));
        assertThat(devices.find(device.publicCode()).orElseThrow().stage()).isEqualTo(DeviceStage.ALLOCATED);
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(ledger.timeline(device.publicCode()))
                .extracting(LedgerEntry::stage)
                .doesNotContain(DeviceStage.HANDED_OVER);
    }

    @Test
    void stock_does_not_reconcile_when_a_device_is_missing_and_says_which() {
        var given = donate(4);
        data.signInOfficer("C1");
        for (var device : given) {
            devices.receive(device.id(), data.commune1);
        }
        devices.wipe(given.get(1).id(), WipeMethod.DISK_OVERWRITE, null);
        devices.markDefective(given.get(2).id(), "Màn hình vỡ");
        var before = devices.reconcile(data.commune1);
        assertThat(before.received()).isEqualTo(4);
        assertThat(before.inStock()).isEqualTo(3);
        assertThat(before.defective()).isEqualTo(1);
        assertThat(before.balanced()).isTrue();

        // The shelf holds devices 0 and 1; device 3 is nowhere to be found.
        devices.stocktake(
                data.commune1, List.of(given.get(0).publicCode(), given.get(1).publicCode()));
        var after = devices.reconcile(data.commune1);
        assertThat(after.received()).isEqualTo(4);
        assertThat(after.inStock()).isEqualTo(2);
        assertThat(after.mismatch()).isEqualTo(1);
        assertThat(after.balanced()).isFalse();
        assertThat(after.missing()).containsExactly(given.get(3).publicCode());
    }

    @Test
    void an_officer_of_another_commune_cannot_approve_and_the_request_stays_pending() {
        data.signInTeacher();
        var request = requests.request(new RequestForm(
                null, "001203004567", data.school1, "TABLET", "Không có máy ở nhà", RequestPriority.POOR_HOUSEHOLD));
        assertThat(request.byIdentityNumber()).isTrue();
        assertThat(request.learnerUsername()).isNull();
        data.signInOfficer("C2");
        assertThatThrownBy(() -> requests.approve(request.id(), null)).isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> requests.reject(request.id(), "Không thuộc xã"))
                .isInstanceOf(OutOfScopeException.class);
        assertThat(requests.list(null, 0, 100)).extracting(DeviceRequest::id).doesNotContain(request.id());
        data.signInOfficer("C1");
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.PENDING);
        assertThatThrownBy(() -> requests.reject(request.id(), " "))
                .isInstanceOfSatisfying(
                        DeviceProblem.class, p -> assertThat(p.code()).isEqualTo("request.rejection-reason"));
        requests.reject(request.id(), "Gia đình đã được hỗ trợ máy tính bảng");
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.REJECTED);
        // The identity number is nowhere in clear: not in the request, not in the audit trail.
        assertThat(jdbc.sql("select count(*) from audit_event where details like '%001203004567%'")
                        .query(Integer.class)
                        .single())
                .isZero();
        // A second open request for the same learner is refused.
        data.signInTeacher();
        var again = requests.request(new RequestForm(
                null, "001203004567", data.school1, "TABLET", "Lần hai", RequestPriority.POOR_HOUSEHOLD));
        assertThatThrownBy(() -> requests.request(new RequestForm(
                        null, "001203004567", data.school1, "TABLET", "Lần ba", RequestPriority.POOR_HOUSEHOLD)))
                .isInstanceOfSatisfying(
                        DeviceProblem.class, p -> assertThat(p.code()).isEqualTo("request.duplicate"));
        assertThat(again.number()).isNotEqualTo(request.number());
    }

    @Test
    void a_supply_file_with_a_duplicate_serial_is_refused_and_a_clean_one_applies_once() {
        var p = data.code("C1");
        var duplicate = """
                serial,kind,model,batch,storage_point
                %1$s-SN-0001,TABLET,Galaxy Tab A8,LOT-1,%2$s
                %1$s-SN-0002,tablet,Galaxy Tab A8,LOT-1,%2$s
                %1$s-SN-0001,TABLET,Galaxy Tab A8,LOT-1,%2$s
                """.formatted(data.province, p);
        data.signInOfficer("C1");
        var checked = supply.check(csv(duplicate), "supply.csv");
        assertThat(checked.problems())
                .extracting(pr -> pr.row() + " " + pr.code())
                .containsExactly("4 device-serial-duplicate");
        assertThatThrownBy(() -> supply.apply(csv(duplicate), "supply.csv"))
                .isInstanceOf(DeviceImportRejectedException.class);
        assertThat(count()).isZero();

        var clean = duplicate.lines().limit(3).reduce((a, b) -> a + "\n" + b).orElseThrow();
        var dry = supply.check(csv(clean), "supply.csv");
        assertThat(dry.problems()).isEmpty();
        assertThat(dry.created()).isEqualTo(2);
        assertThat(count()).isZero();
        var applied = supply.apply(csv(clean), "supply.csv");
        assertThat(applied.created()).isEqualTo(2);
        assertThat(count()).isEqualTo(2);
        var again = supply.apply(csv(clean), "supply.csv");
        assertThat(again.created()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(count()).isEqualTo(2);
        assertThat(devices.reconcile(data.commune1).received()).isEqualTo(2);

        // The same serial with other details is taken, not silently changed.
        var taken = clean.replace("LOT-1", "LOT-2");
        assertThat(supply.check(csv(taken), "supply.csv").problems())
                .extracting(org.digilit.base.ImportProblem::code)
                .containsOnly("device-serial-taken");

        // A storage point outside the officer's scope is unknown to them.
        data.signInOfficer("C2");
        assertThat(supply.check(csv(clean), "supply.csv").problems())
                .extracting(org.digilit.base.ImportProblem::code)
                .containsOnly("device-storage-point");
    }

    @Test
    void the_report_counts_requests_per_organisation_and_quarter() {
        approvedRequest();
        data.signInOfficer("C1");
        var quarter = time.quarter();
        var rows = reports.quarter(quarter);
        var school = rows.stream()
                .filter(r -> r.organisationId() == data.school1)
                .findFirst()
                .orElseThrow();
        assertThat(school.requested()).isEqualTo(1);
        assertThat(school.approved()).isEqualTo(1);
        assertThat(school.pending()).isZero();
        data.signInOfficer("C2");
        assertThat(reports.quarter(quarter))
                .extracting(DeviceReportRow::organisationId)
                .doesNotContain(data.school1);
    }

    private long count() {
        return jdbc.sql("select count(*) from device where serial like :p")
                .param("p", data.province + "-SN-%")
                .query(Long.class)
                .single();
    }

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
