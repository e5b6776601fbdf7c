package org.digilit.device.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.digilit.IntegrationTest;
import org.digilit.device.DeviceCondition;
import org.digilit.device.DeviceKind;
import org.digilit.device.DeviceService;
import org.digilit.device.DeviceTestData;
import org.digilit.device.DonationForm;
import org.digilit.device.DonationService;
import org.digilit.device.HandoverWay;
import org.digilit.device.RequestForm;
import org.digilit.device.RequestPriority;
import org.digilit.device.RequestService;
import org.digilit.device.RequestStatus;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.organisation.OrganisationService;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The officers' device views without a browser: stock with its reconciliation (and a mismatch after a stocktake),
 * a device received and wiped from the page; a request approved from its card and another refused without a reason;
 * the supply import's check listing a duplicate serial; the report's figures.
 */
@IntegrationTest
@ViewPackages(packages = "org.digilit.device.ui")
class DeviceViewsBrowserlessIT extends SpringBrowserlessTest {

    @Autowired
    OrganisationImportService imports;

    @Autowired
    OrganisationService organisations;

    @Autowired
    DeviceService devices;

    @Autowired
    DonationService donations;

    @Autowired
    RequestService requests;

    DeviceTestData data;

    @BeforeEach
    void province() {
        data = new DeviceTestData().load(imports, organisations);
        data.signInOfficer("C1");
        devices.flagPoint(data.commune1, true, true, "Nhà văn hóa");
        UI.getCurrent().setLocale(Locale.forLanguageTag("vi"));
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private List<String> donate(int quantity) {
        TestUsers.signOut();
        var result = donations.donate(
                new DonationForm(
                        "0987654321",
                        null,
                        DeviceKind.TABLET,
                        "Tab A8",
                        2,
                        DeviceCondition.WORKS,
                        true,
                        quantity,
                        HandoverWay.DROP_OFF,
                        data.commune1,
                        null,
                        null,
                        null),
                "10.8." + data.province.hashCode() % 200 + ".1",
                Duration.ofSeconds(20),
                "");
        var codes = donations.receipt(result.receiptCode(), Locale.ENGLISH).orElseThrow().devices().stream()
                .map(d -> d.publicCode())
                .toList();
        data.signInOfficer("C1");
        return codes;
    }

    /** The text of the view shown (grids' rows are not part of it). */
    private String text() {
        return UI.getCurrent().getCurrentView().getElement().getTextRecursively();
    }

    @Test
    void the_officer_receives_and_wipes_a_device_and_a_stocktake_shows_the_missing_one() {
        var codes = donate(2);
        UI.getCurrent().navigate(DeviceStockView.class);
        for (var code : codes) {
            open(code);
            test(find(Button.class).withClassName("action-receive").single()).click();
        }
        open(codes.get(0));
        test(find(Button.class).withClassName("action-wipe").single()).click();
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class)
                        .withClassName("device-stage")
                        .single()
                        .getText())
                .isEqualTo("Đã xóa dữ liệu");
        assertThat(find(Div.class)
                        .withClassName("stock-reconciliation")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("Đã tiếp nhận 2 = đã trao 0 + đang trong kho 2 + hỏng 0 + đã tái chế 0");
        test(find(TextArea.class).withClassName("stocktake-codes").single()).setValue(codes.get(0));
        test(find(Button.class).withClassName("stocktake-save").single()).click();
        var reconciliation =
                find(Div.class).withClassName("stock-reconciliation").single();
        assertThat(reconciliation.hasClassName("stock-mismatch")).isTrue();
        assertThat(reconciliation.getElement().getTextRecursively())
                .contains("Lệch số: 1")
                .contains(codes.get(1));
    }

    private void open(String code) {
        test(find(TextField.class).withClassName("stock-find").single()).setValue(code);
        test(find(Button.class).withClassName("stock-open").single()).click();
    }

    @Test
    void an_officer_approves_a_request_from_its_card_and_a_rejection_needs_a_reason() {
        data.signInTeacher();
        var first = requests.request(new RequestForm(
                "hs-a-" + data.province,
                null,
                data.school1,
                "LAPTOP",
                "Không có máy",
                RequestPriority.NO_DEVICE_AT_HOME));
        var second = requests.request(new RequestForm(
                null, "001203009876", data.school1, "TABLET", "Hộ nghèo", RequestPriority.POOR_HOUSEHOLD));
        data.signInOfficer("C1");
        UI.getCurrent().navigate(DeviceRequestListView.class);
        assertThat(text())
                .contains(first.number(), second.number(), "Người học được ghi bằng số định danh")
                .doesNotContain("001203009876");
        var card = find(Div.class)
                .withClassName("request-card")
                .withAttribute("data-number", first.number())
                .single();
        test(find(Button.class).withClassName("request-approve").from(card).single())
                .click();
        assertThat(requests.get(first.id()).status()).isEqualTo(RequestStatus.APPROVED);
        var other = find(Div.class)
                .withClassName("request-card")
                .withAttribute("data-number", second.number())
                .single();
        test(find(Button.class).withClassName("request-reject").from(other).single())
                .click();
        assertThat(requests.get(second.id()).status()).isEqualTo(RequestStatus.PENDING);
    }

    @Test
    void the_import_check_lists_a_duplicate_serial_and_apply_stays_off() throws Exception {
        var file = Files.createTempFile("supply", ".csv");
        Files.writeString(file, """
                serial,kind,model,batch,storage_point
                %1$s-X-0001,LAPTOP,ThinkPad E14,L1,%2$s
                %1$s-X-0001,LAPTOP,ThinkPad E14,L1,%2$s
                """.formatted(data.province, data.code("C1")), StandardCharsets.UTF_8);
        UI.getCurrent().navigate(DeviceImportView.class);
        var view = find(DeviceImportView.class).single();
        // The page says how large a file it takes, as the other import pages do, and says the limit it holds.
        assertThat(text()).contains("tối đa " + org.digilit.device.DeviceImportService.MAX_BYTES / 1024 / 1024 + " MB");
        view.useFile(file, "supply.csv");
        view.check();
        assertThat(find(Div.class)
                        .withClassName("import-summary")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("1");
        assertThat(text()).contains("Tệp có 1 lỗi");
        @SuppressWarnings("unchecked")
        var grid = (com.vaadin.flow.component.grid.Grid<org.digilit.base.ImportProblem>)
                find(com.vaadin.flow.component.grid.Grid.class).single();
        assertThat(grid.getListDataView().getItems().map(p -> p.row() + " " + p.code()))
                .containsExactly("3 device-serial-duplicate");
        assertThat(find(Button.class)
                        .withClassName("device-import-apply")
                        .single()
                        .isEnabled())
                .isFalse();
    }

    @Test
    void the_report_shows_the_quarter_and_the_completion_comparison() {
        data.signInTeacher();
        requests.request(
                new RequestForm("hs-b-" + data.province, null, data.school1, "ANY", "Cần máy", RequestPriority.OTHER));
        data.signInOfficer("C1");
        UI.getCurrent().navigate(DeviceReportView.class);
        assertThat(text()).contains("Đề nghị 1 · đã duyệt 0 · đã trao 0 · chờ duyệt 1", "Người nhận thiết bị");
    }
}
