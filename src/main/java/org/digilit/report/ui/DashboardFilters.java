package org.digilit.report.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.digilit.base.Audience;
import org.digilit.base.Bilingual;
import org.digilit.base.Quarter;
import org.digilit.organisation.WorkingGroupService.WorkingGroup;
import org.digilit.report.ReportLabels;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's filters: the organisation tree or one of the user's working groups, the quarter and the audience. A
 * choice does not change the page by itself: it goes to the address with that filter changed ({@link DashboardQuery}),
 * so every report can be bookmarked and shared, and the page is drawn from the address.
 */
class DashboardFilters extends Composite<FlexLayout> {

    /** The choice between the organisation tree and one of the user's working groups. */
    record ViewChoice(@Nullable WorkingGroup group) {}

    private final Select<ViewChoice> view = new Select<>();
    private final Select<Quarter> quarter = new Select<>();
    private final Select<Optional<Audience>> audience = new Select<>();

    /**
     * @param current the address shown now
     * @param go goes to another address
     */
    DashboardFilters(ReportLabels labels, Supplier<DashboardQuery> current, Consumer<DashboardQuery> go) {
        view.setLabel(getTranslation("report.filter.view"));
        view.setItemLabelGenerator(choice -> choice.group() == null
                ? getTranslation("report.filter.view.tree")
                : choice.group().code() + " · " + groupName(choice.group()));
        view.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                var group = event.getValue().group();
                go.accept(
                        group == null ? current.get().withTree() : current.get().withGroup(group.id()));
            }
        });
        quarter.setLabel(getTranslation("report.filter.quarter"));
        quarter.setItemLabelGenerator(labels::quarter);
        quarter.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                go.accept(current.get().withQuarter(event.getValue()));
            }
        });
        audience.setLabel(getTranslation("report.filter.audience"));
        var audiences = new ArrayList<Optional<Audience>>();
        for (var a : Audience.values()) {
            audiences.add(Optional.of(a));
        }
        audiences.add(Optional.empty());
        audience.setItems(audiences);
        audience.setItemLabelGenerator(a -> labels.audience(a.orElse(null)));
        audience.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                go.accept(current.get().withAudience(event.getValue().orElse(null)));
            }
        });
        var filters = getContent();
        filters.add(view, quarter, audience);
        filters.addClassName("report-filters");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    }

    /** The quarters one may choose, and the audience of the address. */
    void show(List<Quarter> quarters, @Nullable Audience shownAudience) {
        quarter.setItems(quarters);
        audience.setValue(Optional.ofNullable(shownAudience));
    }

    /** The tree and the user's groups (hidden when they have none), with the one shown chosen. */
    void showGroups(List<WorkingGroup> groups, @Nullable Long groupId) {
        var choices = new ArrayList<ViewChoice>();
        choices.add(new ViewChoice(null));
        groups.forEach(g -> choices.add(new ViewChoice(g)));
        view.setItems(choices);
        view.setVisible(!groups.isEmpty());
        view.setValue(choices.stream()
                .filter(c -> c.group() == null
                        ? groupId == null
                        : groupId != null && c.group().id() == groupId)
                .findFirst()
                .orElse(choices.getFirst()));
    }

    /** The quarter shown, or none (an address with a quarter one may not choose). */
    void showQuarter(@Nullable Quarter shown) {
        if (shown == null) {
            quarter.clear();
        } else {
            quarter.setValue(shown);
        }
    }

    private String groupName(WorkingGroup group) {
        return Bilingual.pick(getLocale(), group.nameVi(), group.nameEn());
    }
}
