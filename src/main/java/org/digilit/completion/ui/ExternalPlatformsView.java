package org.digilit.completion.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.digilit.completion.ExternalPlatform;
import org.digilit.completion.ExternalPlatformService;
import org.digilit.completion.ExternalPlatformService.PlatformForm;
import org.digilit.completion.ExternalPlatformService.ProgrammeForm;
import org.digilit.completion.ExternalProgramme;
import org.digilit.course.CatalogueService;
import org.digilit.course.CatalogueService.CourseCard;
import org.digilit.organisation.OutOfScopeException;
import org.digilit.security.Roles;
import org.jspecify.annotations.Nullable;

/**
 * The registry of other platforms (platform admins): each platform with its code, names and feed client, and its
 * programmes, each mapped to one DigiLit course or kept as an external programme counting for chosen courses.
 */
@Route(ExternalPlatformsView.ROUTE)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Menu(title = "nav.platforms", order = 43)
class ExternalPlatformsView extends Main implements HasDynamicTitle {

    static final String ROUTE = "completions/platforms";

    private final transient ExternalPlatformService registry;
    private final transient Map<String, CourseCard> courses;
    private final Grid<ExternalPlatform> platforms = new Grid<>();
    private final Grid<ExternalProgramme> programmes = new Grid<>();
    private final Section programmeSection = new Section();
    private final H2 programmeTitle = new H2();
    private final TextField code = new TextField();
    private final TextField nameVi = new TextField();
    private final TextField nameEn = new TextField();
    private final TextField feedClient = new TextField();
    private final TextField programmeCode = new TextField();
    private final TextField programmeVi = new TextField();
    private final TextField programmeEn = new TextField();
    private final Select<ExternalProgramme.Kind> kind = new Select<>();
    private final MultiSelectComboBox<CourseCard> counted = new MultiSelectComboBox<>();
    private @Nullable ExternalPlatform selected;

    ExternalPlatformsView(ExternalPlatformService registry, CatalogueService catalogue) {
        this.registry = registry;
        addClassName("page");
        addClassName("external-platforms");
        courses = catalogue.catalogue("").stream().collect(Collectors.toMap(CourseCard::id, Function.identity()));

        platforms.addClassName("platform-grid");
        platforms
                .addColumn(ExternalPlatform::code)
                .setHeader(getTranslation("completion.platform.code"))
                .setAutoWidth(true);
        platforms
                .addColumn(p -> p.name(getLocale()))
                .setHeader(getTranslation("completion.platform.name"))
                .setFlexGrow(2);
        platforms
                .addColumn(p -> p.feedClientId() == null ? "–" : p.feedClientId())
                .setHeader(getTranslation("completion.platform.feed-client"))
                .setAutoWidth(true);
        platforms.setAllRowsVisible(true);
        platforms.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));

        code.setLabel(getTranslation("completion.platform.code"));
        code.setHelperText(getTranslation("completion.platform.code.help"));
        code.setMaxLength(32);
        nameVi.setLabel(getTranslation("completion.platform.name-vi"));
        nameEn.setLabel(getTranslation("completion.platform.name-en"));
        feedClient.setLabel(getTranslation("completion.platform.feed-client"));
        feedClient.setHelperText(getTranslation("completion.platform.feed-client.help"));
        var savePlatform = new Button(getTranslation("completion.platform.save"), click -> savePlatform());
        savePlatform.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        savePlatform.addClassName("save-platform");
        var platformForm = new FormLayout(code, nameVi, nameEn, feedClient);

        programmes.addClassName("programme-grid");
        programmes
                .addColumn(ExternalProgramme::code)
                .setHeader(getTranslation("completion.programme.code"))
                .setAutoWidth(true);
        programmes
                .addColumn(p -> p.name(getLocale()))
                .setHeader(getTranslation("completion.programme.name"))
                .setFlexGrow(2);
        programmes
                .addColumn(this::mapping)
                .setHeader(getTranslation("completion.programme.mapping"))
                .setFlexGrow(2);
        programmes.setAllRowsVisible(true);
        programmeCode.setLabel(getTranslation("completion.programme.code"));
        programmeVi.setLabel(getTranslation("completion.platform.name-vi"));
        programmeEn.setLabel(getTranslation("completion.platform.name-en"));
        kind.setLabel(getTranslation("completion.programme.kind"));
        kind.setItems(ExternalProgramme.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("completion.programme.kind." + k.name()));
        kind.setValue(ExternalProgramme.Kind.COURSE);
        counted.setLabel(getTranslation("completion.programme.courses"));
        counted.setItems(courses.values().stream()
                .sorted(java.util.Comparator.comparing((CourseCard c) -> c.title(getLocale())))
                .toList());
        counted.setItemLabelGenerator(c -> c.title(getLocale()));
        var saveProgramme = new Button(getTranslation("completion.programme.save"), click -> saveProgramme());
        saveProgramme.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveProgramme.addClassName("save-programme");
        programmeSection.add(
                programmeTitle,
                programmes,
                new FormLayout(programmeCode, programmeVi, programmeEn, kind, counted),
                saveProgramme);
        programmeSection.addClassName("programme-section");
        programmeSection.setVisible(false);

        add(
                new H1(getTranslation("completion.platforms.title")),
                new Paragraph(getTranslation("completion.platforms.help")),
                platforms,
                new Section(new H2(getTranslation("completion.platform.add")), platformForm, savePlatform),
                programmeSection);
        refresh();
    }

    private void refresh() {
        platforms.setItems(registry.platforms());
    }

    private void select(@Nullable ExternalPlatform platform) {
        selected = platform;
        programmeSection.setVisible(platform != null);
        if (platform != null) {
            programmeTitle.setText(getTranslation("completion.programmes.of", platform.name(getLocale())));
            programmes.setItems(registry.programmes(platform.id()));
        }
    }

    private String mapping(ExternalProgramme programme) {
        var titles = programme.courseIds().stream()
                .map(id -> courses.containsKey(id) ? courses.get(id).title(getLocale()) : id)
                .collect(Collectors.joining(", "));
        return programme.kind() == ExternalProgramme.Kind.COURSE
                ? getTranslation("completion.programme.is-course", titles)
                : titles.isEmpty()
                        ? getTranslation("completion.programme.counts-nowhere")
                        : getTranslation("completion.programme.counts-for", titles);
    }

    void savePlatform() {
        try {
            var saved = registry.save(new PlatformForm(
                    null, code.getValue(), nameVi.getValue(), nameEn.getValue(), feedClient.getValue()));
            code.clear();
            nameVi.clear();
            nameEn.clear();
            feedClient.clear();
            refresh();
            platforms.select(saved);
            done();
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
        } catch (OutOfScopeException e) {
            error("denied.title");
        }
    }

    void saveProgramme() {
        if (selected == null) {
            return;
        }
        try {
            registry.save(new ProgrammeForm(
                    selected.id(),
                    programmeCode.getValue(),
                    programmeVi.getValue(),
                    programmeEn.getValue(),
                    kind.getValue(),
                    counted.getSelectedItems().stream().map(CourseCard::id).toList()));
            programmeCode.clear();
            programmeVi.clear();
            programmeEn.clear();
            counted.clear();
            programmes.setItems(registry.programmes(selected.id()));
            done();
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
        } catch (OutOfScopeException e) {
            error("denied.title");
        }
    }

    private void done() {
        Notification.show(getTranslation("completion.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void error(@Nullable String key) {
        Notification.show(getTranslation(key == null ? "completion.invalid-name" : key))
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** For tests: the courses the programme form offers. */
    List<CourseCard> courseChoices() {
        return List.copyOf(courses.values());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("completion.platforms.title") + " · DigiLit";
    }
}
