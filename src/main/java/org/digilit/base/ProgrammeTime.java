package org.digilit.base;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The programme's time zone ({@code digilit.reporting.zone}, Asia/Ho_Chi_Minh unless set) and the ways the platform
 * writes a moment for people: days on slips, certificates, requests and lists ({@link #date}), moments of devices,
 * accounts and attempts ({@link #dateTime}), class sessions ({@link #session}). Quarters, "today" and the days of a
 * report all end at midnight in this zone. One bean, so that a programme in another zone changes one setting; code
 * that is not a bean (a PDF writer, a template's helper) is given the bean or its formats.
 */
@Component
public class ProgrammeTime implements Serializable {

    private final ZoneId zone;
    private final transient Clock clock;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter timeDate;
    private final DateTimeFormatter time;
    private final DateTimeFormatter weekdayDateTime;

    public ProgrammeTime(@Value("${digilit.reporting.zone:Asia/Ho_Chi_Minh}") ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
        this.date = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(zone);
        this.dateTime = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(zone);
        this.timeDate = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(zone);
        this.time = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
        this.weekdayDateTime =
                DateTimeFormatter.ofPattern("EEE dd/MM/yyyy HH:mm").withZone(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** Now, by the injected clock. */
    public Instant now() {
        return clock.instant();
    }

    /** Today in the programme's zone, by the injected clock. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The programme's calendar quarter today. */
    public Quarter quarter() {
        return Quarter.of(today());
    }

    /** The day a moment falls on in the programme's zone. */
    public LocalDate day(Instant moment) {
        return LocalDate.ofInstant(moment, zone);
    }

    /** The first moment of a day in the programme's zone. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** A day and a wall-clock time in the programme's zone. */
    public Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    /** dd/MM/yyyy in the programme's zone (a moment, or a day as it is). */
    public DateTimeFormatter date() {
        return date;
    }

    /** dd/MM/yyyy HH:mm in the programme's zone. */
    public DateTimeFormatter dateTime() {
        return dateTime;
    }

    /** HH:mm dd/MM/yyyy in the programme's zone (a quiz attempt's "try again at"). */
    public DateTimeFormatter timeDate() {
        return timeDate;
    }

    /** HH:mm in the programme's zone. */
    public DateTimeFormatter time() {
        return time;
    }

    /** A class session's time as lists and details show it: "Thu 03/12/2026 08:00–10:00", the weekday in the locale. */
    public String session(Instant startsAt, Instant endsAt, Locale locale) {
        return weekdayDateTime.withLocale(locale).format(startsAt) + "–" + time.format(endsAt);
    }

    /** A moment with its weekday in the locale: "Thu 03/12/2026 08:00". */
    public String weekdayDateTime(Instant moment, Locale locale) {
        return weekdayDateTime.withLocale(locale).format(moment);
    }
}
