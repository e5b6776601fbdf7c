package org.digilit.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class CertificateCodeTest {

    @Test
    void random_codes_are_grouped_and_use_no_look_alike_characters() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 2_000; i++) {
            var code = CertificateCode.random().value();
            assertThat(code).matches("DL-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
            assertThat(code.substring(3)).doesNotContain("0", "O", "1", "I", "L");
            seen.add(code);
        }
        assertThat(seen).hasSize(2_000);
    }

    @Test
    void a_typed_code_is_read_however_it_is_written() {
        assertThat(CertificateCode.parse(" dl-7kqm xh3p 2wrt ").map(CertificateCode::value))
                .contains("DL-7KQM-XH3P-2WRT");
        assertThat(CertificateCode.parse("7KQMXH3P2WRT").map(CertificateCode::value))
                .contains("DL-7KQM-XH3P-2WRT");
        assertThat(CertificateCode.parse("DL-7KQM-XH3P-2WR0"))
                .as("0 is never in a code")
                .isEmpty();
        assertThat(CertificateCode.parse("DL-7KQM-XH3P")).isEmpty();
        assertThat(CertificateCode.parse("../../etc/passwd")).isEmpty();
    }
}
