package org.digilit.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void vietnamese_is_the_default_when_the_browser_asks_for_nothing_we_speak() {
        assertThat(Languages.bestOf(List.of(Locale.FRENCH, Locale.GERMAN))).isEqualTo(Languages.VIETNAMESE);
        assertThat(Languages.bestOf(List.of())).isEqualTo(Languages.VIETNAMESE);
    }

    @Test
    void the_first_supported_browser_language_wins() {
        assertThat(Languages.bestOf(List.of(Locale.FRENCH, Locale.UK, Locale.forLanguageTag("vi-VN"))))
                .isEqualTo(Languages.ENGLISH);
    }

    @Test
    void tags_with_regions_and_underscores_are_understood_and_unknown_ones_refused() {
        assertThat(Languages.supported("vi_VN")).contains(Languages.VIETNAMESE);
        assertThat(Languages.supported("en-GB")).contains(Languages.ENGLISH);
        assertThat(Languages.supported("hi")).isEmpty();
        assertThat(Languages.supported("<script>")).isEmpty();
        assertThat(Languages.supported(null)).isEmpty();
    }
}
