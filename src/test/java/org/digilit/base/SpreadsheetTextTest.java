package org.digilit.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetTextTest {

    @Test
    void formulas_come_out_inert() {
        assertThat(SpreadsheetText.inert("=HYPERLINK(\"http://x\",\"y\")"))
                .isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(SpreadsheetText.inert("+1")).isEqualTo("'+1");
        assertThat(SpreadsheetText.inert("-2")).isEqualTo("'-2");
        assertThat(SpreadsheetText.inert("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }

    @Test
    void ordinary_text_is_unchanged() {
        assertThat(SpreadsheetText.inert("Xã Tân Phú")).isEqualTo("Xã Tân Phú");
        assertThat(SpreadsheetText.inert("")).isEmpty();
    }
}
