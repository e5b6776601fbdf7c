package org.digilit.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFoldingTest {

    @Test
    void vietnamese_is_folded_the_way_people_type_without_diacritics() {
        assertThat(TextFolding.fold("Xã Tân Phú")).isEqualTo("xa tan phu");
        assertThat(TextFolding.fold("Chuyển đổi SỐ")).isEqualTo("chuyen doi so");
        assertThat(TextFolding.fold("  Lừa   đảo ")).isEqualTo("lua dao");
        assertThat(TextFolding.fold("Đồng Hới")).isEqualTo("dong hoi");
    }

    @Test
    void devanagari_keeps_its_vowel_signs() {
        assertThat(TextFolding.fold("डिजिटल शक्ति")).isEqualTo("डिजिटल शक्ति");
    }
}
