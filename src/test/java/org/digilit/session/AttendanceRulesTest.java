package org.digilit.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.digilit.session.AttendanceRules.Mark;
import org.junit.jupiter.api.Test;

class AttendanceRulesTest {

    private static final Instant T = Instant.parse("2026-12-05T02:00:00Z");

    private static Mark mark(MarkStatus status, String method, int minute) {
        return new Mark(UUID.randomUUID(), status, method, T.plus(Duration.ofMinutes(minute)));
    }

    @Test
    void the_latest_captured_mark_wins_whatever_the_order_it_arrived_in() {
        var late = mark(MarkStatus.LATE, "MANUAL", 20);
        assertThat(AttendanceRules.winner(List.of(late, mark(MarkStatus.PRESENT, "MANUAL", 5))))
                .contains(late);
    }

    @Test
    void a_scan_beats_a_later_manual_absent_but_not_a_later_manual_late() {
        var scan = mark(MarkStatus.PRESENT, "QR", 5);
        assertThat(AttendanceRules.winner(List.of(scan, mark(MarkStatus.ABSENT, "MANUAL", 30))))
                .contains(scan);
        var late = mark(MarkStatus.LATE, "MANUAL", 30);
        assertThat(AttendanceRules.winner(List.of(scan, late))).contains(late);
    }

    @Test
    void an_approved_correction_beats_everything() {
        var correction = mark(MarkStatus.ABSENT, "CORRECTION", 1);
        assertThat(AttendanceRules.winner(
                        List.of(mark(MarkStatus.PRESENT, "QR", 5), correction, mark(MarkStatus.LATE, "MANUAL", 9))))
                .contains(correction);
    }

    @Test
    void no_marks_no_winner() {
        assertThat(AttendanceRules.winner(List.of())).isEmpty();
    }

    @Test
    void the_window_opens_before_the_start_and_closes_after_the_end() {
        var end = T.plus(Duration.ofHours(2));
        var before = Duration.ofMinutes(30);
        var after = Duration.ofHours(2);
        assertThat(AttendanceRules.outOfWindow(T.minus(Duration.ofMinutes(29)), T, end, before, after))
                .isFalse();
        assertThat(AttendanceRules.outOfWindow(T.minus(Duration.ofMinutes(31)), T, end, before, after))
                .isTrue();
        assertThat(AttendanceRules.outOfWindow(end.plus(Duration.ofMinutes(119)), T, end, before, after))
                .isFalse();
        assertThat(AttendanceRules.outOfWindow(end.plus(Duration.ofMinutes(121)), T, end, before, after))
                .isTrue();
    }
}
