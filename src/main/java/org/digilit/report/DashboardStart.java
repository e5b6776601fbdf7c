package org.digilit.report;

import java.util.List;
import org.digilit.organisation.WorkingGroupService.WorkingGroup;
import org.jspecify.annotations.Nullable;

/**
 * Where the dashboard opens for the current user: the working groups they may choose between (none for an organisation
 * admin), the group to show ({@code null}: the organisation tree), and whether there is nothing they may see at all
 * (a working-group member in no group). Decided by {@link ReportService#dashboardStart}, not by the page.
 */
public record DashboardStart(
        List<WorkingGroup> groups, @Nullable Long group, boolean nothingToShow) {

    public DashboardStart {
        groups = List.copyOf(groups);
    }
}
