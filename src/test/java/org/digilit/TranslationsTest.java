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
}
