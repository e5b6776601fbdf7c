package org.digilit.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.digilit.organisation.Metric;
import org.digilit.organisation.OrganisationType;
import org.jspecify.annotations.Nullable;

/**
 * One organisation's line in a report: its figures (its whole subtree unless {@code subtree} is false) and targets. A
 * working group's total line has no organisation: id 0, the group's code and names, no type.
 */
public record ReportRow(
        long organisationId,
        String code,
        String nameVi,
        String nameEn,
        @Nullable OrganisationType type,
        boolean subtree,
        boolean hasChildren,
        Figures figures,
        List<TargetCheck> targets) {

    public ReportRow {
        targets = List.copyOf(targets);
    }

    public String name(Locale locale) {
        return locale.getLanguage().equals("vi") || nameEn.isBlank() ? nameVi : nameEn;
    }

    public Optional<TargetCheck> target(Metric metric) {
        return targets.stream().filter(t -> t.metric() == metric).findFirst();
    }
}
