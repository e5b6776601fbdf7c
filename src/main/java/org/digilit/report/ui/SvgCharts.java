package org.digilit.report.ui;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.digilit.report.TargetStatus;
import org.jspecify.annotations.Nullable;

/**
 * Charts drawn on the server as SVG text: no chart library, no script, nothing for the browser to download but the
 * markup. Horizontal positions are percentages of the chart's width and sizes are pixels, so a chart fills a phone or
 * a desktop without shrinking its text. Each chart is an image to assistive technology ({@code role="img"}, its title
 * and description); the view puts a table of the same figures beside it. Every text is escaped. Why charts are made
 * this way: docs/decisions/DD006-20261123-report-charts-and-exports.md.
 */
final class SvgCharts {

    /** Where the bars start and how much of the width they may take; the rest holds the value text. */
    private static final double LANE = 80.0;

    private static final int BAR_ROW = 46;
    private static final int BAR_TOP = 26;

    private static final int PLOT_TOP = 22;
    private static final int PLOT_HEIGHT = 170;
    private static final double FIRST_X = 9.0;
    private static final double LAST_X = 95.0;

    static final String MET = "#1e7b34";
    static final String AT_RISK = "#b25e00";
    static final String BEHIND = "#b3261e";
    static final String NO_TARGET = "#0b5cab";
    static final String COMPLETION = "#0b5cab";
    static final String COVERAGE = "#c4451c";

    private SvgCharts() {}

    /**
     * One organisation's bar: its name, completion rate (empty when it has no headcount), target and status (empty
     * when none is set), the short text shown at the bar's end and the longer one shown on hover.
     */
    record Bar(
            String label,
            @Nullable BigDecimal value,
            @Nullable BigDecimal target,
            @Nullable TargetStatus status,
            String valueText,
            String detail) {}

    /** A line of a trend chart: its name, CSS class, colour, dash pattern (empty: solid) and a value per quarter. */
    record Series(String name, String cssClass, String colour, String dash, List<@Nullable BigDecimal> values) {}

    /** A quarter on a trend chart's horizontal axis: two short lines of label, and whether it is closed. */
    record Tick(String line1, String line2, boolean closed) {}

    static String colour(@Nullable TargetStatus status) {
        if (status == null) {
            return NO_TARGET;
        }
        return switch (status) {
            case MET -> MET;
            case AT_RISK -> AT_RISK;
            case BEHIND -> BEHIND;
        };
    }

    /** Horizontal bars, one per row in the given order, with the target as a dark marker across its bar. */
    static String bars(
            String id, String title, String description, List<Bar> bars, Function<BigDecimal, String> percent) {
        var maximum = maximum(bars.stream()
                .flatMap(b -> java.util.stream.Stream.of(b.value(), b.target()))
                .toList());
        int height = BAR_TOP + bars.size() * BAR_ROW + 4;
        var svg = open(id, title, description, "chart bar-chart", height);
        // The scale: five ticks with faint vertical lines through every bar.
        for (int i = 0; i <= 4; i++) {
            var x = LANE * i / 4;
            var value = maximum.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(4));
            var anchor = i == 0 ? "start" : "middle";
            svg.append(
                    "<text class=\"tick\" x=\"%s\" y=\"14\" font-size=\"12\" fill=\"#555\" text-anchor=\"%s\">%s</text>"
                            .formatted(pct(x), anchor, escape(percent.apply(value))));
            svg.append(
                    "<line class=\"grid\" x1=\"%1$s\" x2=\"%1$s\" y1=\"%2$d\" y2=\"%3$d\" stroke=\"#d0d5da\" stroke-width=\"1\"/>"
                            .formatted(pct(x), BAR_TOP - 6, height - 2));
        }
        int y = BAR_TOP;
        for (var bar : bars) {
            svg.append("<g class=\"bar-row\"><title>")
                    .append(escape(bar.label() + ": " + bar.detail()))
                    .append("</title>");
            svg.append("<text class=\"bar-label\" x=\"0\" y=\"%d\" font-size=\"13\" fill=\"#1a1a1a\">%s</text>"
                    .formatted(y + 13, escape(bar.label())));
            var width = bar.value() == null ? 0 : share(bar.value(), maximum) * LANE;
            svg.append("<rect class=\"bar\" x=\"0\" y=\"%d\" width=\"%s\" height=\"16\" rx=\"2\" fill=\"%s\"/>"
                    .formatted(y + 20, pct(Math.max(width, bar.value() == null ? 0 : 0.4)), colour(bar.status())));
            if (bar.target() != null) {
                var x = pct(share(bar.target(), maximum) * LANE);
                svg.append(
                        "<line class=\"target\" x1=\"%1$s\" x2=\"%1$s\" y1=\"%2$d\" y2=\"%3$d\" stroke=\"#111\" stroke-width=\"3\"/>"
                                .formatted(x, y + 16, y + 40));
            }
            svg.append("<text class=\"bar-value\" x=\"%s\" y=\"%d\" font-size=\"13\" fill=\"#1a1a1a\">%s</text>"
                    .formatted(pct(LANE + 1.5), y + 33, escape(bar.valueText())));
            svg.append("</g>");
            y += BAR_ROW;
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Lines over quarters, oldest first: a point per quarter with a value (a gap where there is none), filled where
     * the quarter is closed and hollow where its figures are live, closed quarters shaded behind.
     */
    static String lines(
            String id,
            String title,
            String description,
            List<Tick> ticks,
            List<Series> series,
            Function<BigDecimal, String> percent) {
        var maximum = maximum(series.stream().flatMap(s -> s.values().stream()).toList());
        int height = PLOT_TOP + PLOT_HEIGHT + 40;
        var svg = open(id, title, description, "chart trend-chart", height);
        int n = ticks.size();
        double step = n > 1 ? (LAST_X - FIRST_X) / (n - 1) : 0;
        for (int i = 0; i < n; i++) {
            if (ticks.get(i).closed()) {
                svg.append(
                        "<rect class=\"closed-quarter\" x=\"%s\" y=\"%d\" width=\"%s\" height=\"%d\" fill=\"#eef1f4\"/>"
                                .formatted(pct(x(i, step) - step / 2), PLOT_TOP, pct(n > 1 ? step : 100), PLOT_HEIGHT));
            }
        }
        for (int i = 0; i <= 4; i++) {
            int y = PLOT_TOP + PLOT_HEIGHT - PLOT_HEIGHT * i / 4;
            var value = maximum.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(4));
            svg.append(
                    "<line class=\"grid\" x1=\"0\" x2=\"100%%\" y1=\"%1$d\" y2=\"%1$d\" stroke=\"#d0d5da\" stroke-width=\"1\"/>"
                            .formatted(y));
            svg.append("<text class=\"tick\" x=\"0\" y=\"%d\" font-size=\"11\" fill=\"#555\">%s</text>"
                    .formatted(y - 3, escape(percent.apply(value))));
        }
        for (int i = 0; i < n; i++) {
            var tick = ticks.get(i);
            svg.append(
                            "<text class=\"quarter\" x=\"%s\" y=\"%d\" font-size=\"12\" fill=\"#1a1a1a\" text-anchor=\"middle\">"
                                    .formatted(pct(x(i, step)), PLOT_TOP + PLOT_HEIGHT + 17))
                    .append(escape(tick.line1()))
                    .append("<tspan x=\"%s\" dy=\"15\">".formatted(pct(x(i, step))))
                    .append(escape(tick.line2()))
                    .append("</tspan></text>");
        }
        for (var s : series) {
            svg.append("<g class=\"series %s\">".formatted(escape(s.cssClass())));
            var dash = s.dash().isEmpty() ? "" : " stroke-dasharray=\"" + escape(s.dash()) + "\"";
            for (int i = 1; i < Math.min(n, s.values().size()); i++) {
                var from = s.values().get(i - 1);
                var to = s.values().get(i);
                if (from != null && to != null) {
                    svg.append(
                            "<line class=\"segment\" x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"3\"%s/>"
                                    .formatted(
                                            pct(x(i - 1, step)),
                                            y(from, maximum),
                                            pct(x(i, step)),
                                            y(to, maximum),
                                            s.colour(),
                                            dash));
                }
            }
            for (int i = 0; i < Math.min(n, s.values().size()); i++) {
                var value = s.values().get(i);
                if (value == null) {
                    continue;
                }
                boolean closed = ticks.get(i).closed();
                svg.append(
                        "<circle class=\"point%s\" cx=\"%s\" cy=\"%s\" r=\"5\" fill=\"%s\" stroke=\"%s\" stroke-width=\"2\"><title>%s</title></circle>"
                                .formatted(
                                        closed ? " closed" : " live",
                                        pct(x(i, step)),
                                        y(value, maximum),
                                        closed ? s.colour() : "#fff",
                                        s.colour(),
                                        escape(s.name() + ", " + ticks.get(i).line1() + " "
                                                + ticks.get(i).line2() + ": " + percent.apply(value))));
            }
            svg.append("</g>");
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, String description, String cssClass, int height) {
        var svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"%s\" role=\"img\" width=\"100%%\" height=\"%d\""
                        .formatted(cssClass, height))
                .append(" aria-labelledby=\"%1$s-title %1$s-desc\">".formatted(escape(id)))
                .append("<title id=\"%s-title\">%s</title>".formatted(escape(id), escape(title)))
                .append("<desc id=\"%s-desc\">%s</desc>".formatted(escape(id), escape(description)));
        return svg;
    }

    private static double x(int index, double step) {
        return FIRST_X + index * step;
    }

    private static String y(BigDecimal value, BigDecimal maximum) {
        return String.format(Locale.ROOT, "%.1f", PLOT_TOP + PLOT_HEIGHT - share(value, maximum) * PLOT_HEIGHT);
    }

    /**
     * The scale's maxima, in percent: each divides into four round marks (2: 0.5, 1, 1.5; 12: 3, 6, 9; 60: 15, 30,
     * 45), and the next is at most twice as large, so the longest bar fills at least half the width.
     */
    static final int[] NICE_MAXIMA = {2, 4, 8, 12, 20, 40, 60, 80, 100};

    /** A round maximum at or above every value, from {@link #NICE_MAXIMA}. */
    static BigDecimal maximum(List<@Nullable BigDecimal> values) {
        var largest = values.stream().filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::max);
        for (int maximum : NICE_MAXIMA) {
            if (largest.compareTo(BigDecimal.valueOf(maximum)) <= 0) {
                return BigDecimal.valueOf(maximum);
            }
        }
        return BigDecimal.valueOf(100);
    }

    private static double share(BigDecimal value, BigDecimal maximum) {
        return Math.min(1.0, Math.max(0.0, value.doubleValue() / maximum.doubleValue()));
    }

    private static String pct(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }

    /** Text and attribute values made safe in XML: the five characters with a meaning there become entities. */
    static String escape(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
