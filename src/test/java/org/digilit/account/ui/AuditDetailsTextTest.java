package org.digilit.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An account's audit trail shows its details in the reader's words, never {@code result=INVALID} (DD014). */
class AuditDetailsTextTest {

    private static final Properties VIETNAMESE = new Properties();
    private static final Properties ENGLISH = new Properties();

    @BeforeAll
    static void load() throws IOException {
        for (var entry :
                new Object[][] {{VIETNAMESE, "translations_vi.properties"}, {ENGLISH, "translations.properties"}}) {
            try (Reader reader = Files.newBufferedReader(
                    Path.of("src/main/resources/vaadin-i18n", (String) entry[1]), StandardCharsets.UTF_8)) {
                ((Properties) entry[0]).load(reader);
            }
        }
    }

    private static String vi(String details) {
        return AuditDetailsText.of(details, key -> VIETNAMESE.getProperty(key, "!" + key));
    }

    @Test
    void a_failed_activation_reads_as_words_not_codes() {
        assertThat(vi("result=INVALID reason=locked"))
                .isEqualTo("Kết quả: Không thành công · Lý do: Mã đã bị khóa sau 5 lần nhập sai")
                .doesNotContain("=", "INVALID");
    }

    @Test
    void a_move_names_both_organisations_in_words() {
        assertThat(vi("import=42 from=P01-C001 to=P01-C002"))
                .isEqualTo("Lần nhập tệp: 42 · Từ đơn vị: P01-C001 · Sang đơn vị: P01-C002");
    }

    @Test
    void the_changed_columns_are_named_as_in_the_import_page() {
        assertThat(vi("import=7 changed=full_name,phone,organisation(A->B)"))
                .isEqualTo("Lần nhập tệp: 7 · Đã đổi: họ và tên, số điện thoại, đơn vị (A → B)");
    }

    @Test
    void a_free_text_reason_is_kept_whole_and_unknown_keys_are_shown_as_written() {
        assertThat(vi("reason=Không đúng người, đã gọi lại")).isEqualTo("Lý do: Không đúng người, đã gọi lại");
        assertThat(vi("weird=1")).isEqualTo("weird: 1");
        assertThat(vi(null)).isEmpty();
    }

    @Test
    void every_detail_key_and_value_has_words_in_both_languages() {
        for (var properties : new Properties[] {VIETNAMESE, ENGLISH}) {
            for (var key : AuditDetailsText.KEYS) {
                assertThat(properties.getProperty("audit.detail." + key))
                        .as(key)
                        .isNotBlank();
            }
            for (var value : AuditDetailsText.VALUES) {
                assertThat(properties.getProperty("audit.value." + value))
                        .as(value)
                        .isNotBlank();
            }
        }
    }
}
