package org.digilit.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.digilit.base.Audience;
import org.digilit.base.Quarter;
import org.jspecify.annotations.Nullable;

/**
 * The words and numbers of a report in the reader's language, shared by the dashboard and its exports so both say the
 * same thing the same way: quarter, audience, status, percentages, and where the figures come from ("Live figures as
 * of 14:05, 23/11/2026" or "Closed quarter, snapshot v2 of 3 Jan 2026, restated: …"). The texts come from the
 * translation files through the caller's {@code translate} (a view's {@code getTranslation}), so this class holds
 * none of its own. Times are shown in the programme's time zone, with their date: an exported file is read later.
 */
public final class ReportLabels {

    /** Shown where a rate has no denominator (nobody expected, no accounts). */
    public static final String NO_VALUE = "–";

    private final BiFunction<String, Object[], String> translate;
    private final Locale locale;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;
    private final BiFunction<String, Locale, java.util.Optional<String>> platformNames;

    /**
     * @param translate the view's {@code getTranslation(key, arguments...)}
     * @param zone the programme's time zone ({@link ReportCalendar#zone()})
     */
    public ReportLabels(BiFunction<String, Object[], String> translate, Locale locale, ZoneId zone) {
        this(translate, locale, zone, (source, l) -> java.util.Optional.empty());
    }

    /**
     * @param platformNames names an {@code EXTERNAL:<code>} completion source in a locale (the completion feature's
     *     platforms, through {@link org.digilit.learning.CompletionSourceNames}); empty: the platform's code is shown
     */
    public ReportLabels(
            BiFunction<String, Object[], String> translate,
            Locale locale,
            ZoneId zone,
            BiFunction<String, Locale, java.util.Optional<String>> platformNames) {
        this.platformNames = platformNames;
        this.translate = translate;
        this.locale = locale;
        this.dateTime = DateTimeFormatter.ofPattern(text("report.format.date-time"), locale)
                .withZone(zone);
        this.date =
                DateTimeFormatter.ofPattern(text("report.format.date"), locale).withZone(zone);
    }

    public Locale locale() {
        return locale;
    }

    public String text(String key, Object... arguments) {
        return translate.apply(key, arguments);
    }

    public String quarter(Quarter quarter) {
        return text("report.quarter.label", quarter.quarter(), String.valueOf(quarter.year()));
    }

    /** "Citizens", …, or "Everyone" for a report over all audiences. */
    public String audience(@Nullable Audience audience) {
        return audience == null ? text("report.audience.all") : text("audience." + audience.code());
    }

    public String status(TargetStatus status) {
        return text("report.status." + status.name());
    }

    /** A completion source for people: DigiLit online, in person, or the other platform's name. */
    public String completionSource(String source) {
        return switch (source) {
            case "ONLINE" -> text("report.source.online");
            case "IN_PERSON" -> text("report.source.in-person");
            default ->
                platformNames
                        .apply(source, locale)
                        .orElseGet(
                                () -> source.startsWith("EXTERNAL:") ? source.substring("EXTERNAL:".length()) : source);
        };
    }

    /** A row's name in the reader's language. */
    public String name(ReportRow row) {
        return row.name(locale);
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /**
     * A rate with one decimal and a percent sign ("12,5 %" in Vietnamese), or {@link #NO_VALUE}; the space before the
     * sign does not break, so a line never starts with "%".
     */
    public String percent(@Nullable BigDecimal value) {
        return value == null ? NO_VALUE : decimal(value) + "\u00A0%";
    }

    /** A chart's scale mark: a percentage with no more decimals than it needs ("25 %", "0,5 %"). */
    public String scale(BigDecimal value) {
        var format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value) + "\u00A0%";
    }

    /** A gap in percentage points ("3,6"), or {@link #NO_VALUE}. */
    public String points(@Nullable BigDecimal value) {
        return value == null ? NO_VALUE : decimal(value);
    }

    private String decimal(BigDecimal value) {
        var format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** The report's title: its scope, quarter and audience. */
    public String title(Report report) {
        return text("report.title.of", name(report.total()), quarter(report.quarter()), audience(report.audience()));
    }

    /** Where the figures come from, in one line. */
    public String source(Report report) {
        if (report.source() == ReportSource.SNAPSHOT && !report.snapshots().isEmpty()) {
            var official = report.snapshots().getFirst();
            var line = text("report.source.snapshot", official.version(), date(official.takenAt()));
            return official.restatement() ? text("report.source.restated", line, official.reason()) : line;
        }
        return report.asOf() == null
                ? text("report.source.live.never")
                : text("report.source.live", dateTime(report.asOf()));
    }

    /** The earlier versions of a closed quarter ("v1 of 2 Jan 2026"), newest first; empty when there are none. */
    public List<String> earlierVersions(Report report) {
        if (report.source() != ReportSource.SNAPSHOT || report.snapshots().size() < 2) {
            return List.of();
        }
        return report.snapshots().stream()
                .skip(1)
                .map(s -> s.restatement()
                        ? text("report.source.version.restated", s.version(), date(s.takenAt()), s.reason())
                        : text("report.source.version", s.version(), date(s.takenAt())))
                .toList();
    }

    /** The source line and, when there are any, the earlier versions: what an export prints under its title. */
    public String sourceWithVersions(Report report) {
        var earlier = earlierVersions(report);
        return earlier.isEmpty()
                ? source(report)
                : source(report) + " · " + text("report.source.earlier", String.join("; ", earlier));
    }

    public String dateTime(Instant instant) {
        return dateTime.format(instant);
    }

    public String date(Instant instant) {
        return date.format(instant);
    }
}
