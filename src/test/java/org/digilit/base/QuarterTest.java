package org.digilit.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class QuarterTest {

    @Test
    void quarters_are_calendar_quarters_with_their_edges() {
        assertThat(Quarter.of(LocalDate.of(2026, 6, 30))).isEqualTo(new Quarter(2026, 2));
        assertThat(Quarter.of(LocalDate.of(2026, 7, 1))).isEqualTo(new Quarter(2026, 3));
        assertThat(Quarter.of(LocalDate.of(2026, 1, 1))).isEqualTo(new Quarter(2026, 1));
        assertThat(new Quarter(2026, 4).lastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(new Quarter(2026, 1).previous()).isEqualTo(new Quarter(2025, 4));
    }

    @Test
    void there_is_no_fifth_quarter() {
        assertThatThrownBy(() -> new Quarter(2026, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Quarter(2026, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
