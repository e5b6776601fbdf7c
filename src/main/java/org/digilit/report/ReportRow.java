package org.digilit.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.digilit.base.Bilingual;
import org.digilit.organisation.Metric;
import org.digilit.organisation.OrganisationType;
import org.jspecify.annotations.Nullable;

/**
 * One organisation's line in a report: its figures (its whole subtree unless {@code subtree} is false) and targets. A
 * working group's total line has no organisation: id 0, the group's code and names, no type. {@code completedBySource}:
 * the people who completed, by the source of their completion ({@code ONLINE}, {@code IN_PERSON},
 * {@code EXTERNAL:<platform code>}); each person is in one source, so the values add up to {@code figures().completed()}.
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
        List<TargetCheck> targets,
        Map<String, Long> completedBySource) {

    public ReportRow {
        targets = List.copyOf(targets);
        completedBySource = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(completedBySource));
    }

    /** A line without the split by source (all its completions unattributed). */
    public ReportRow(
            long organisationId,
            String code,
            String nameVi,
            String nameEn,
            @Nullable OrganisationType type,
            boolean subtree,
            boolean hasChildren,
            Figures figures,
            List<TargetCheck> targets) {
        this(organisationId, code, nameVi, nameEn, type, subtree, hasChildren, figures, targets, Map.of());
    }

    /** The people who completed through {@code source} (0 when none). */
    public long completedBy(String source) {
        return completedBySource.getOrDefault(source, 0L);
    }

    public String name(Locale locale) {
        return Bilingual.pick(locale, nameVi, nameEn);
    }

    public Optional<TargetCheck> target(Metric metric) {
        return targets.stream().filter(t -> t.metric() == metric).findFirst();
    }
}
