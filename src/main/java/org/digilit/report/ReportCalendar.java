package org.digilit.report;

import java.time.Instant;
import java.time.ZoneId;
import org.digilit.base.ProgrammeTime;
import org.digilit.base.Quarter;
import org.springframework.stereotype.Component;

/**
 * Quarters in the programme's time zone ({@link ProgrammeTime}): 23:59:59 on 30 June in Hanoi is Q2, even though it
 * is Q2 16:59 UTC.
 */
@Component
public class ReportCalendar {

    private final ProgrammeTime time;

    ReportCalendar(ProgrammeTime time) {
        this.time = time;
    }

    public ZoneId zone() {
        return time.zone();
    }

    public Quarter quarterOf(Instant instant) {
        return Quarter.of(time.day(instant));
    }

    public Quarter current() {
        return time.quarter();
    }

    /** The first instant after the quarter: its figures count everything strictly before it. */
    public Instant end(Quarter quarter) {
        return time.startOf(quarter.lastDay().plusDays(1));
    }

    /** A quarter as one comparable number (year × 4 + quarter), the way the figures tables are keyed in SQL. */
    static int key(Quarter quarter) {
        return quarter.year() * 4 + quarter.quarter();
    }
}
