package org.digilit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's commands point at classes that exist, and the run command knows which main class to start. */
class ReadmeCommandsTest {

    @Test
    void the_run_command_starts_the_test_application() throws IOException {
        var pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom)
                .contains("<spring-boot.run.main-class>org.digilit.TestApplication</spring-boot.run.main-class>");
        assertThat(Files.readString(Path.of("README.md"))).contains("./mvnw spring-boot:test-run\n");
    }

    @Test
    void every_benchmark_command_names_a_main_class_that_exists() throws Exception {
        var readme = Files.readString(Path.of("README.md"));
        var matcher =
                Pattern.compile("-Dspring-boot\\.run\\.main-class=([\\w.]+)").matcher(readme);
        int commands = 0;
        while (matcher.find()) {
            var mainClass = Class.forName(matcher.group(1));
            assertThat(mainClass.getMethod("main", String[].class)).isNotNull();
            commands++;
        }
        assertThat(commands).isGreaterThanOrEqualTo(3);
    }
}
