package org.digilit.organisation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.digilit.base.Bilingual;
import org.digilit.organisation.OrganisationService;
import org.digilit.organisation.WorkingGroupService;
import org.digilit.organisation.WorkingGroupService.Followed;
import org.digilit.organisation.WorkingGroupService.WorkingGroup;
import org.digilit.security.Roles;
import org.jspecify.annotations.Nullable;

/** The steering committee's working groups: create one, add members, choose the organisations it follows. */
@Route("working-groups")
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Menu(title = "nav.working-groups", order = 26)
class WorkingGroupsView extends Main implements HasDynamicTitle {

    private final transient WorkingGroupService groups;
    private final transient OrganisationService organisations;
    private final Grid<WorkingGroup> groupGrid = new Grid<>();
    private final Grid<String> memberGrid = new Grid<>();
    private final Grid<Followed> followedGrid = new Grid<>();
    private final VerticalLayout details = new VerticalLayout();
    private @Nullable WorkingGroup selected;

    WorkingGroupsView(WorkingGroupService groups, OrganisationService organisations) {
        this.groups = groups;
        this.organisations = organisations;
        addClassName("page");

        var code = new TextField(getTranslation("groups.code"));
        var nameVi = new TextField(getTranslation("groups.name-vi"));
        var nameEn = new TextField(getTranslation("groups.name-en"));
        var create = new Button(getTranslation("groups.create"), click -> {
            try {
                groups.create(
                        code.getValue().trim(),
                        nameVi.getValue().trim(),
                        nameEn.getValue().trim());
                code.clear();
                nameVi.clear();
                nameEn.clear();
                refreshGroups();
            } catch (IllegalArgumentException e) {
                error(getTranslation("groups.invalid"));
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FlexLayout(code, nameVi, nameEn, create);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(FlexLayout.Alignment.BASELINE);
        form.getStyle().set("gap", "var(--lumo-space-m)");

        groupGrid
                .addColumn(WorkingGroup::code)
                .setHeader(getTranslation("groups.code"))
                .setAutoWidth(true);
        groupGrid
                .addColumn(g -> Bilingual.pick(getLocale(), g.nameVi(), g.nameEn()))
                .setHeader(getTranslation("groups.name"));
        groupGrid.setAllRowsVisible(true);
        groupGrid.asSingleSelect().addValueChangeListener(event -> select(event.getValue()));

        var username = new TextField(getTranslation("groups.member"));
        var addMember = new Button(getTranslation("groups.add-member"), click -> {
            if (selected != null && !username.getValue().isBlank()) {
                groups.addMember(selected.id(), username.getValue().trim());
                username.clear();
                refreshDetails();
            }
        });
        memberGrid.addColumn(m -> m).setHeader(getTranslation("groups.member"));
        memberGrid.setAllRowsVisible(true);

        var organisation = new OrganisationPicker(organisations, getTranslation("groups.organisation"));
        var subtree = new Checkbox(getTranslation("groups.subtree"), true);
        var follow = new Button(getTranslation("groups.follow"), click -> {
            if (selected != null && organisation.getValue() != null) {
                groups.follow(selected.id(), organisation.getValue().id(), subtree.getValue());
                organisation.clear();
                refreshDetails();
            }
        });
        followedGrid
                .addColumn(Followed::code)
                .setHeader(getTranslation("organisations.code"))
                .setAutoWidth(true);
        followedGrid
                .addColumn(f -> Bilingual.pick(getLocale(), f.nameVi(), f.nameEn()))
                .setHeader(getTranslation("organisations.name"));
        followedGrid
                .addColumn(f -> getTranslation(f.includeSubtree() ? "groups.with-subtree" : "groups.alone"))
                .setHeader(getTranslation("groups.subtree"));
        followedGrid.setAllRowsVisible(true);

        var memberForm = new FlexLayout(username, addMember);
        memberForm.setAlignItems(FlexLayout.Alignment.BASELINE);
        memberForm.getStyle().set("gap", "var(--lumo-space-m)");
        var followForm = new FlexLayout(organisation, subtree, follow);
        followForm.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        followForm.setAlignItems(FlexLayout.Alignment.BASELINE);
        followForm.getStyle().set("gap", "var(--lumo-space-m)");
        details.setPadding(false);
        details.add(
                new H2(getTranslation("groups.members")),
                memberForm,
                memberGrid,
                new H2(getTranslation("groups.followed")),
                followForm,
                followedGrid);
        details.setVisible(false);

        add(new H1(getTranslation("groups.title")), form, groupGrid, details);
        refreshGroups();
    }

    private void select(@Nullable WorkingGroup group) {
        selected = group;
        details.setVisible(group != null);
        refreshDetails();
    }

    private void refreshGroups() {
        groupGrid.setItems(groups.mine());
    }

    private void refreshDetails() {
        if (selected != null) {
            memberGrid.setItems(groups.members(selected.id()));
            followedGrid.setItems(groups.followed(selected.id()));
        }
    }

    private void error(String message) {
        Notification.show(message).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("groups.title") + " · DigiLit";
    }
}
