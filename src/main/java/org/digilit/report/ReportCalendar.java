package org.digilit.report;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.digilit.base.Quarter;
import org.springframework.stereotype.Component;

/** Quarters in the programme's time zone: 23:59:59 on 30 June in Hanoi is Q2, even though it is Q2 16:59 UTC. */
@Component
public class ReportCalendar {

    private final ZoneId zone;
    private final Clock clock;

    ReportCalendar(ReportingProperties properties, Clock clock) {
        this.zone = properties.zone();
        this.clock = clock;
    }

    public ZoneId zone() {
        return zone;
    }

    public Quarter quarterOf(Instant instant) {
        return Quarter.of(instant.atZone(zone).toLocalDate());
    }

    public Quarter current() {
        return quarterOf(clock.instant());
    }

    /** The first instant after the quarter: its figures count everything strictly before it. */
    public Instant end(Quarter quarter) {
        return quarter.lastDay().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** A quarter as one comparable number (year × 4 + quarter), the way the figures tables are keyed in SQL. */
    static int key(Quarter quarter) {
        return quarter.year() * 4 + quarter.quarter();
    }
}
