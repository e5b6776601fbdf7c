package org.digilit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every user-facing text exists in Vietnamese and in English. */
class TranslationsTest {

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (Reader reader =
                Files.newBufferedReader(Path.of("src/main/resources/vaadin-i18n", name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void vietnamese_and_english_have_the_same_keys() throws IOException {
        var english = load("translations.properties").stringPropertyNames();
        var vietnamese = load("translations_vi.properties").stringPropertyNames();
        assertThat(vietnamese).containsExactlyInAnyOrderElementsOf(english);
    }

    @Test
    void no_text_is_left_empty() throws IOException {
        for (var file : new String[] {"translations.properties", "translations_vi.properties"}) {
            var properties = load(file);
            assertThat(properties.stringPropertyNames())
                    .as(file)
                    .allMatch(key -> !properties.getProperty(key).isBlank());
        }
    }

    // Plain words, one vocabulary (issue #21, DD014)

    @Test
    void no_text_names_keycloak() throws IOException {
        for (var file : new String[] {"translations.properties", "translations_vi.properties"}) {
            var properties = load(file);
            assertThat(properties.stringPropertyNames())
                    .as(file)
                    .allMatch(key -> !properties
                            .getProperty(key)
                            .toLowerCase(java.util.Locale.ROOT)
                            .contains("keycloak"));
        }
    }

    @Test
    void vietnamese_uses_one_word_for_each_idea() throws IOException {
        var vietnamese = load("translations_vi.properties");
        for (var key : vietnamese.stringPropertyNames()) {
            var text = vietnamese.getProperty(key);
            assertThat(text)
                    .as(key)
                    .doesNotContainPattern("(?i)số định danh(?! cá nhân)")
                    .doesNotContainPattern("(?i)họ tên")
                    .doesNotContainPattern("(?i)thư điện tử")
                    .doesNotContainPattern("(?i)quản trị (nền tảng|đơn vị)")
                    .doesNotContain("căn cước công dân", "Số liệu trực tiếp", "bao phủ", "phân quyền");
        }
        assertThat(vietnamese.getProperty("audience.citizen")).isEqualTo("Người dân");
        assertThat(vietnamese.getProperty("audience.official")).isEqualTo("Cán bộ, công chức, viên chức");
        assertThat(vietnamese.getProperty("accounts.deactivate")).isEqualTo("Khóa tài khoản");
        assertThat(vietnamese.getProperty("accounts.email")).isEqualTo("Email");
        assertThat(vietnamese.getProperty("landing.footer")).contains("Bình dân học vụ số", "Ban Chỉ đạo");
    }

    @Test
    void organisation_types_are_the_two_levels_of_local_government_since_july_2025() throws IOException {
        var vietnamese = load("translations_vi.properties");
        assertThat(vietnamese.getProperty("organisation.type.PROVINCE")).isEqualTo("Tỉnh, thành phố");
        assertThat(vietnamese.getProperty("organisation.type.COMMUNE")).isEqualTo("Xã, phường, đặc khu");
        assertThat(vietnamese.getProperty("organisation.type.DISTRICT")).contains("cấp cũ", "1/7/2025");
    }

    @Test
    void every_unknown_value_problem_names_the_accepted_values() throws IOException {
        for (var file : new String[] {"translations.properties", "translations_vi.properties"}) {
            var properties = load(file);
            assertThat(properties.getProperty("import.problem.unknown-audience"))
                    .as(file)
                    .contains("citizen", "teacher", "official", "Người dân", "Cán bộ, công chức, viên chức");
            assertThat(properties.getProperty("import.problem.invalid-gender"))
                    .as(file)
                    .contains("male", "Nữ");
            for (var type : org.digilit.organisation.OrganisationType.values()) {
                assertThat(properties.getProperty("import.problem.unknown-type"))
                        .as(file)
                        .contains(type.name());
            }
            assertThat(properties.getProperty("import.problem.device-kind"))
                    .as(file)
                    .contains("LAPTOP", "DESKTOP", "TABLET", "SMARTPHONE");
            assertThat(properties.getProperty("import.problem.not-utf8"))
                    .as(file)
                    .contains("Save As", "CSV UTF-8 (Comma delimited)");
        }
    }
}
