package org.digilit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.digilit.IntegrationTest;
import org.digilit.localstack.DemoUsers;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.organisation.OrganisationService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An organisation admin in real Chromium: sees only their district in the tree, uploads a file with a mistake, reads
 * the problem with its row, uploads the corrected file and applies it.
 */
@IntegrationTest
class OrganisationE2EIT extends BrowserTest {

    @Autowired
    OrganisationImportService imports;

    @Autowired
    OrganisationService organisations;

    /** The demo organisation admin administers ward P01-C001 (see DemoUsers): make sure the province has it. */
    @BeforeEach
    void province() throws Exception {
        TestUsers.signIn("test-setup", null, Role.PLATFORM_ADMIN);
        var file = """
                code,parent_code,type,name_vi,name_en,expected_citizens
                P01,,PROVINCE,Tỉnh Đồng An,Dong An Province,0
                P01-C001,P01,COMMUNE,Phường Đồng An,Dong An Ward,6000
                P01-C002,P01,COMMUNE,Xã Tây Sơn,Tay Son Commune,3000
                """;
        imports.apply(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "setup.csv", null);
        TestUsers.signOut();
    }

    @Test
    void an_organisation_admin_imports_teams_into_their_ward_after_fixing_a_mistake() {
        var page = browser.newPage(1280, 900, "vi-VN");
        page.navigate(app("/organisations"));
        BrowserSession.logIn(page, DemoUsers.withRole("org-admin").username(), DemoUsers.PASSWORD);
        page.waitForURL(Pattern.compile(".*/organisations(\\?.*)?$"));
        assertThat(page.locator("vaadin-grid-cell-content")
                        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Phường Đồng An")))
                .hasCount(1);
        assertThat(page.getByText("Xã Tây Sơn")).hasCount(0);
        BrowserSession.screenshot(page, "organisations-org-admin-1280");

        page.navigate(app("/organisations/import"));
        var broken = """
                code,parent_code,type,name_vi,name_en,expected_citizens
                P01-C001-G901,P01-C001,COMMUNITY_GROUP,Tổ công nghệ số thử một,Test Team One,1200
                P01-C001-G902,P01-C001,COMMUNITY_GROUP,Tổ công nghệ số thử hai,Test Team Two,-5
                """;
        upload(page, broken);
        assertThat(page.locator(".import-summary")).containsText("1 lỗi");
        assertThat(page.locator("vaadin-grid-cell-content")
                        .filter(new com.microsoft.playwright.Locator.FilterOptions()
                                .setHasText("Số này không được âm.")))
                .hasCount(1);
        assertThat(page.locator("vaadin-button:has-text('Áp dụng tệp')")).isDisabled();
        BrowserSession.screenshot(page, "organisation-import-problems-1280");

        page.navigate(app("/organisations/import"));
        upload(page, broken.replace(",-5", ",800"));
        assertThat(page.locator(".import-summary")).containsText("thêm mới 2");
        page.locator("vaadin-button:has-text('Áp dụng tệp')").click();
        assertThat(page.locator(".import-summary")).containsText("Đã áp dụng");
        TestUsers.signIn("test-check", null, Role.PLATFORM_ADMIN);
        org.assertj.core.api.Assertions.assertThat(organisations.findByCode("P01-C001-G902"))
                .hasValueSatisfying(c -> org.assertj.core.api.Assertions.assertThat(
                                c.headcounts().citizens())
                        .isEqualTo(800));
        TestUsers.signOut();
        page.context().close();
    }

    private static void upload(Page page, String csv) {
        page.locator("vaadin-upload input[type=file]")
                .setInputFiles(new FilePayload("communes.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
    }
}
