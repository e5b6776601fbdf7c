package org.digilit.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class BilingualTest {

    @Test
    void vietnamese_readers_get_the_vietnamese_whatever_the_english() {
        assertThat(Bilingual.pick(Languages.VIETNAMESE, "Xã Đông Hòa", "Dong Hoa Commune"))
                .isEqualTo("Xã Đông Hòa");
        assertThat(Bilingual.pick(Locale.forLanguageTag("vi-VN"), "Xã Đông Hòa", "Dong Hoa Commune"))
                .isEqualTo("Xã Đông Hòa");
    }

    @Test
    void other_readers_get_the_english_or_the_vietnamese_when_no_english_was_given() {
        assertThat(Bilingual.pick(Locale.ENGLISH, "Xã Đông Hòa", "Dong Hoa Commune"))
                .isEqualTo("Dong Hoa Commune");
        assertThat(Bilingual.pick(Locale.forLanguageTag("hi-IN"), "Xã Đông Hòa", "Dong Hoa Commune"))
                .isEqualTo("Dong Hoa Commune");
        assertThat(Bilingual.pick(Locale.ENGLISH, "Xã Đông Hòa", " ")).isEqualTo("Xã Đông Hòa");
        assertThat(Bilingual.pick(Locale.ENGLISH, "Xã Đông Hòa", null)).isEqualTo("Xã Đông Hòa");
    }

    @Test
    void the_audience_codes_are_those_of_keycloak_the_course_files_and_the_imports() {
        assertThat(Audience.CODES).containsExactly("citizen", "teacher", "official");
        assertThat(Audience.isCode("teacher")).isTrue();
        assertThat(Audience.isCode("Teacher")).isFalse();
        assertThat(Audience.isCode(null)).isFalse();
    }
}
