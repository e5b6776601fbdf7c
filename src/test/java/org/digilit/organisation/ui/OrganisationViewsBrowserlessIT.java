package org.digilit.organisation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.digilit.IntegrationTest;
import org.digilit.organisation.OrganisationImportService;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.OrganisationSummary;
import org.digilit.organisation.WorkingGroupService;
import org.digilit.security.Roles.Role;
import org.digilit.security.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The organisation views without a browser: the tree, search, details, and a forged details URL refused. */
@IntegrationTest
@ViewPackages(packages = "org.digilit")
class OrganisationViewsBrowserlessIT extends SpringBrowserlessTest {

    @Autowired
    OrganisationImportService imports;

    @Autowired
    OrganisationService organisations;

    private final String p = "V" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    private void givenTwoDistricts() throws Exception {
        TestUsers.signIn("admin", null, Role.PLATFORM_ADMIN);
        var file = """
                code,parent_code,type,name_vi,name_en
                %1$s,,PROVINCE,Tỉnh Giao Diện,Interface Province
                %1$s-D1,%1$s,DISTRICT,Huyện Bắc Sơn,Bac Son District
                %1$s-D2,%1$s,DISTRICT,Huyện Nam Sơn,Nam Son District
                %1$s-C1,%1$s-D1,COMMUNE,Xã Phước Long %1$s,Phuoc Long Commune %1$s
                """.formatted(p);
        imports.apply(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "ui.csv", null);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void a_platform_admin_sees_the_tree_and_finds_a_commune_typed_without_diacritics() throws Exception {
        givenTwoDistricts();
        UI.getCurrent().navigate(OrganisationTreeView.class);
        @SuppressWarnings("unchecked")
        TreeGrid<OrganisationSummary> tree = find(TreeGrid.class).single();
        var tops = tree.getDataProvider()
                .fetchChildren(new HierarchicalQuery<>(null, null))
                .map(OrganisationSummary::code)
                .toList();
        assertThat(tops).contains(p);
        test(find(TextField.class).single()).setValue("phuoc long " + p.toLowerCase());
        var results = find(Grid.class)
                .withCondition(grid -> !(grid instanceof TreeGrid) && grid.isVisible())
                .single();
        assertThat(test(results).size()).isEqualTo(1);
    }

    @Test
    void an_organisation_admin_opening_a_forged_details_url_is_refused() throws Exception {
        givenTwoDistricts();
        var otherDistrict = organisations.findByCode(p + "-D2").orElseThrow();
        var ownCommune = organisations.findByCode(p + "-C1").orElseThrow();
        TestUsers.signIn("orgadmin-" + p, p + "-D1", Role.ORG_ADMIN);

        UI.getCurrent().navigate(OrganisationDetailsView.class, ownCommune.id());
        assertThat(find(H1.class).first().getText())
                .isEqualTo(ownCommune.name(UI.getCurrent().getLocale()));

        UI.getCurrent().navigate(OrganisationDetailsView.class, otherDistrict.id());
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("AccessDeniedView");
    }

    @Test
    void a_platform_admin_sets_a_target_and_sees_where_the_children_inherit_it_from() throws Exception {
        givenTwoDistricts();
        UI.getCurrent().navigate(TargetsView.class);
        var province = organisations.findByCode(p).orElseThrow();
        @SuppressWarnings("unchecked")
        ComboBox<OrganisationSummary> organisation = find(ComboBox.class).single();
        organisation.setValue(province);
        test(find(BigDecimalField.class).single()).setValue(new java.math.BigDecimal("90"));
        test(find(Button.class)
                        .withText(UI.getCurrent().getTranslation("targets.save"))
                        .single())
                .click();

        organisation.setValue(organisations.findByCode(p + "-C1").orElseThrow());
        @SuppressWarnings("unchecked")
        Grid<TargetsView.TargetLine> lines = find(Grid.class).single();
        var coverage = test(lines).getRow(0);
        assertThat(coverage.inForce()).isEqualTo("90 %");
        assertThat(coverage.source()).contains(province.name(UI.getCurrent().getLocale()));
    }

    @Test
    void an_organisation_admin_cannot_open_the_working_groups_editor() throws Exception {
        givenTwoDistricts();
        TestUsers.signIn("orgadmin-" + p, p + "-D1", Role.ORG_ADMIN);
        UI.getCurrent().navigate(WorkingGroupsView.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("AccessDeniedView");
    }

    @Test
    void a_platform_admin_creates_a_working_group_in_the_editor() throws Exception {
        givenTwoDistricts();
        UI.getCurrent().navigate(WorkingGroupsView.class);
        var fields = find(TextField.class).all();
        test(fields.get(0)).setValue(p + "-G");
        test(fields.get(1)).setValue("Tổ công tác kiểm thử");
        test(fields.get(2)).setValue("Test working group");
        test(find(Button.class)
                        .withText(UI.getCurrent().getTranslation("groups.create"))
                        .single())
                .click();
        @SuppressWarnings("unchecked")
        Grid<WorkingGroupService.WorkingGroup> groups = find(Grid.class).first();
        assertThat(test(groups).size()).isGreaterThanOrEqualTo(1);
        assertThat(java.util.stream.IntStream.range(0, test(groups).size())
                        .mapToObj(i -> test(groups).getRow(i).code()))
                .contains(p + "-G");
    }
}
