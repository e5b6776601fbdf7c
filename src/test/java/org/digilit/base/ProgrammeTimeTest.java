package org.digilit.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The programme's time comes from {@code digilit.reporting.zone}: another zone moves what slips and sessions show. */
class ProgrammeTimeTest {

    /** 18:30 UTC on 2 December: already 01:30 on 3 December in Hanoi, still 19:30 on 2 December in Berlin. */
    private static final Instant EVENING_UTC = Instant.parse("2026-12-02T18:30:00Z");

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(Clock.class, () -> Clock.fixed(EVENING_UTC, ZoneOffset.UTC))
            .withUserConfiguration(ProgrammeTime.class);

    @Test
    void without_the_setting_the_programme_runs_in_asia_ho_chi_minh() {
        context.run(app -> {
            var time = app.getBean(ProgrammeTime.class);
            assertThat(time.zone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
            assertThat(time.today()).isEqualTo(LocalDate.of(2026, 12, 3));
            assertThat(time.session(
                            Instant.parse("2026-12-03T01:00:00Z"),
                            Instant.parse("2026-12-03T03:00:00Z"),
                            Locale.ENGLISH))
                    .isEqualTo("Thu 03/12/2026 08:00–10:00");
        });
    }

    @Test
    void another_zone_setting_changes_what_a_session_time_shows() {
        var start = Instant.parse("2026-12-03T01:00:00Z");
        var end = Instant.parse("2026-12-03T03:00:00Z");
        context.withPropertyValues("digilit.reporting.zone=Europe/Berlin").run(app -> {
            var time = app.getBean(ProgrammeTime.class);
            assertThat(time.session(start, end, Locale.ENGLISH)).isEqualTo("Thu 03/12/2026 02:00–04:00");
            assertThat(time.dateTime().format(start)).isEqualTo("03/12/2026 02:00");
            // A session scheduled for 08:00 on a day is 08:00 where the programme runs.
            assertThat(time.at(LocalDate.of(2026, 12, 3), LocalTime.of(8, 0)))
                    .isEqualTo(Instant.parse("2026-12-03T07:00:00Z"));
        });
    }

    @Test
    void another_zone_setting_changes_the_day_a_slip_expires_and_today() {
        var expires = EVENING_UTC;
        context.run(app -> {
            var time = app.getBean(ProgrammeTime.class);
            assertThat(time.day(expires)).isEqualTo(LocalDate.of(2026, 12, 3));
            assertThat(time.date().format(expires)).isEqualTo("03/12/2026");
        });
        context.withPropertyValues("digilit.reporting.zone=Europe/Berlin").run(app -> {
            var time = app.getBean(ProgrammeTime.class);
            assertThat(time.day(expires)).isEqualTo(LocalDate.of(2026, 12, 2));
            assertThat(time.date().format(expires)).isEqualTo("02/12/2026");
            assertThat(time.today()).isEqualTo(LocalDate.of(2026, 12, 2));
            assertThat(time.startOf(LocalDate.of(2026, 12, 2))).isEqualTo(Instant.parse("2026-12-01T23:00:00Z"));
        });
    }
}
