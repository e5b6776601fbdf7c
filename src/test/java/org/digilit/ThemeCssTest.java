package org.digilit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The theme's stylesheets are well formed. One missing closing brace (a merge of two features' rules) once made the
 * browser swallow every rule after it: the devices' layout and the phone fixes of #21 never reached a page, and only the
 * accessibility walk noticed.
 */
class ThemeCssTest {

    @Test
    void every_rule_of_every_stylesheet_is_closed() throws IOException {
        try (var files = Files.list(Path.of("frontend/styles"))) {
            var sheets = files.filter(f -> f.toString().endsWith(".css")).toList();
            assertThat(sheets).isNotEmpty();
            for (var sheet : sheets) {
                var css = Files.readString(sheet).replaceAll("(?s)/\\*.*?\\*/", "");
                int depth = 0;
                int line = 1;
                for (char c : css.toCharArray()) {
                    if (c == '\n') {
                        line++;
                    } else if (c == '{') {
                        depth++;
                        // Only @media, @supports and the like nest; a rule inside a rule is a missing "}".
                        assertThat(depth)
                                .as(sheet + " line " + line + ": a rule opened inside a rule")
                                .isLessThanOrEqualTo(2);
                    } else if (c == '}') {
                        depth--;
                        assertThat(depth)
                                .as(sheet + " line " + line + ": a '}' closes nothing")
                                .isGreaterThanOrEqualTo(0);
                    }
                }
                assertThat(depth).as(sheet + ": rules left open at the end").isZero();
            }
        }
    }
}
