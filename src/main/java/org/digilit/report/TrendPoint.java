package org.digilit.report;

import org.digilit.base.Quarter;

/** One quarter of a trend: the cumulative figures at its end, from its snapshot when the quarter is closed. */
public record TrendPoint(Quarter quarter, Figures figures, ReportSource source) {}
