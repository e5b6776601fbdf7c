package org.digilit.report;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.digilit.base.Audience;
import org.digilit.base.Quarter;
import org.digilit.organisation.Metric;
import org.jspecify.annotations.Nullable;

/**
 * A report for one quarter and audience (all audiences when null): the rows (an organisation's children, or a
 * working group's organisations) and their total. {@code asOf}: when the live figures were computed (null: not yet),
 * or when the snapshot was taken. {@code snapshots}: the closed quarter's versions, newest first (empty when live).
 */
public record Report(
        Quarter quarter,
        @Nullable Audience audience,
        ReportRow total,
        List<ReportRow> rows,
        ReportSource source,
        @Nullable Instant asOf,
        List<SnapshotInfo> snapshots) {

    public Report {
        rows = List.copyOf(rows);
        snapshots = List.copyOf(snapshots);
    }

    /** Every completion source any line of the report has, in a stable order (ONLINE, IN_PERSON, then platforms). */
    public List<String> sources() {
        var all = new java.util.TreeSet<String>(Report::compareSources);
        all.addAll(total.completedBySource().keySet());
        rows.forEach(r -> all.addAll(r.completedBySource().keySet()));
        return List.copyOf(all);
    }

    /** DigiLit's own sources first (online, in person), then the other platforms by code. */
    static int compareSources(String a, String b) {
        return java.util.Comparator.comparingInt(Report::rank)
                .thenComparing(java.util.Comparator.naturalOrder())
                .compare(a, b);
    }

    private static int rank(String source) {
        return switch (source) {
            case "ONLINE" -> 0;
            case "IN_PERSON" -> 1;
            default -> 2;
        };
    }

    /** The rows, furthest behind their completion target first (then lowest completion of headcount). */
    public List<ReportRow> weakestFirst() {
        Comparator<ReportRow> byGap = Comparator.comparing(
                (ReportRow r) ->
                        r.target(Metric.COURSE_COMPLETION).map(TargetCheck::gap).orElse(null),
                Comparator.nullsLast(Comparator.reverseOrder()));
        Comparator<ReportRow> byRate = Comparator.comparing(
                (ReportRow r) -> r.figures().completionOfHeadcount(), Comparator.nullsLast(Comparator.naturalOrder()));
        return rows.stream().sorted(byGap.thenComparing(byRate)).toList();
    }
}
