package org.digilit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Guards {@code docker-compose.yml} against drifting away from the rest of the repository: the realm files Keycloak
 * imports, the property names the app binds and the server versions of the local test stack.
 */
class DockerComposeTest {

    private static final Path COMPOSE_FILE = Path.of("docker-compose.yml");
    private static final Path REALM_FOLDER = Path.of("keycloak-realm");
    private static final Path APPLICATION_PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final Path POM = Path.of("pom.xml");

    private static final String REALM_MOUNT_SOURCE = "./keycloak-realm";
    private static final String REALM_MOUNT_TARGET = "/opt/keycloak/data/import";
    private static final String KEYCLOAK_ENV_PREFIX = "DIGILIT_KEYCLOAK_";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)");

    @Test
    void compose_defines_the_four_services_of_the_stack() throws IOException {
        assertThat(services().keySet())
                .as("services in %s", COMPOSE_FILE)
                .contains("postgres", "keycloak", "elasticsearch", "app");
    }

    @Test
    void compose_mounts_the_realm_folder_that_exists_in_the_repository() throws IOException {
        assertThat(volumeTargetsBySource(service("keycloak")))
                .as("keycloak volumes must mount %s at %s", REALM_MOUNT_SOURCE, REALM_MOUNT_TARGET)
                .containsEntry(REALM_MOUNT_SOURCE, REALM_MOUNT_TARGET);
        assertThat(REALM_FOLDER)
                .as("the realm folder mounted into Keycloak must exist in the repository")
                .isDirectory();
        assertThat(realmFiles())
                .as("%s must contain at least one realm *.json file for Keycloak to import", REALM_FOLDER)
                .isNotEmpty();
    }

    @Test
    void keycloak_admin_console_is_on_no_public_port_and_its_database_password_is_its_own() throws IOException {
        // Issue #14 (DD008): only the loopback of the host; browsers reach the login pages through keycloak-proxy.
        var keycloakPorts = (List<?>) service("keycloak").get("ports");
        assertThat(keycloakPorts)
                .allSatisfy(port -> assertThat(String.valueOf(port)).startsWith("127.0.0.1:"));
        assertThat(environment(service("keycloak")).get("KC_DB_PASSWORD"))
                .contains("KEYCLOAK_DB_PASSWORD")
                .doesNotContain("DIGILIT_DB_PASSWORD");
        assertThat(volumeTargetsBySource(service("keycloak")))
                .containsEntry(
                        "./keycloak-realm/digilit-password-blocklist.txt",
                        "/opt/keycloak/data/password-blacklists/digilit-password-blocklist.txt");
    }

    @Test
    void keycloak_imports_the_realm_at_startup_and_uses_a_local_cache() throws IOException {
        assertThat(command(service("keycloak"))).as("keycloak command").contains("--import-realm", "--cache=local");
    }

    @Test
    void every_placeholder_in_the_realm_files_is_provided_in_the_keycloak_environment() throws IOException {
        Set<String> placeholders = new TreeSet<>();
        for (Path realmFile : realmFiles()) {
            Matcher matcher = PLACEHOLDER.matcher(Files.readString(realmFile, StandardCharsets.UTF_8));
            while (matcher.find()) {
                placeholders.add(matcher.group(1));
            }
        }

        assertThat(environment(service("keycloak")).keySet())
                .as("environment of the keycloak service must provide every placeholder of %s", REALM_FOLDER)
                .containsAll(placeholders);
    }

    @Test
    void every_app_environment_variable_binds_to_a_property_of_the_application() throws IOException {
        Properties properties = applicationProperties();

        List<String> unbound = new ArrayList<>();
        for (String variable : environment(service("app")).keySet()) {
            String property = springPropertyName(variable);
            if (!isDeclared(property, properties)) {
                unbound.add(variable + " -> " + property);
            }
        }

        assertThat(unbound)
                .as("app environment variables whose Spring property is missing from %s", APPLICATION_PROPERTIES)
                .isEmpty();
    }

    @Test
    void app_publishes_port_8080_which_the_application_reads_from_the_port_variable() throws IOException {
        Map<String, Object> app = service("app");

        assertThat(publishedContainerPorts(app))
                .as("container ports published by the app service")
                .contains("8080");
        assertThat(environment(app)).as("app environment").containsEntry("PORT", "8080");
        assertThat(applicationProperties().getProperty("server.port"))
                .as("server.port in %s", APPLICATION_PROPERTIES)
                .isEqualTo("${PORT:8080}");
    }

    @Test
    void realm_name_is_the_same_in_the_app_environment_the_realm_file_and_the_application_properties()
            throws IOException {
        String appRealm = environment(service("app")).get("DIGILIT_KEYCLOAK_REALM");
        assertThat(appRealm).as("DIGILIT_KEYCLOAK_REALM of the app service").isEqualTo("digilit");

        ObjectMapper objectMapper = new ObjectMapper();
        Set<String> importedRealms = new TreeSet<>();
        for (Path realmFile : realmFiles()) {
            JsonNode realm = objectMapper.readTree(realmFile.toFile()).path("realm");
            if (realm.isTextual()) {
                importedRealms.add(realm.asText());
            }
        }

        assertThat(importedRealms)
                .as("realm names of the files in %s", REALM_FOLDER)
                .contains(appRealm);
        assertThat(applicationProperties().getProperty("digilit.keycloak.realm"))
                .as("digilit.keycloak.realm in %s", APPLICATION_PROPERTIES)
                .isEqualTo(appRealm);
    }

    @Test
    void keycloak_and_elasticsearch_images_match_the_versions_of_the_local_test_stack() throws IOException {
        String pom = Files.readString(POM, StandardCharsets.UTF_8);

        assertThat(imageTag(service("keycloak")))
                .as("Keycloak image tag must equal stack.keycloak.version in %s", POM)
                .isEqualTo(mavenProperty(pom, "stack.keycloak.version"));
        assertThat(imageTag(service("elasticsearch")))
                .as("Elasticsearch image tag must equal stack.elasticsearch.version in %s", POM)
                .isEqualTo(mavenProperty(pom, "stack.elasticsearch.version"));
    }

    /** Converts an environment variable to the property it binds to, as Spring Boot's relaxed binding does. */
    private static String springPropertyName(String variable) {
        if (variable.equals("PORT")) {
            return variable;
        }
        if (variable.startsWith(KEYCLOAK_ENV_PREFIX)) {
            String rest = variable.substring(KEYCLOAK_ENV_PREFIX.length());
            return "digilit.keycloak." + rest.toLowerCase(Locale.ROOT).replace('_', '-');
        }
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static boolean isDeclared(String property, Properties properties) {
        if (property.equals("PORT")) {
            return properties.stringPropertyNames().stream()
                    .map(properties::getProperty)
                    .anyMatch(value -> value.contains("${PORT:"));
        }
        // Spring's relaxed binding: the environment's form of a property has no dashes (ACTIVEKEYID = active-key-id).
        return properties.containsKey(property)
                || properties.stringPropertyNames().stream()
                        .anyMatch(key -> key.replace("-", "").equals(property));
    }

    private static Properties applicationProperties() throws IOException {
        assertThat(APPLICATION_PROPERTIES).as("application properties").isRegularFile();
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(APPLICATION_PROPERTIES, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static List<Path> realmFiles() throws IOException {
        assertThat(REALM_FOLDER).as("realm folder").isDirectory();
        try (Stream<Path> files = Files.list(REALM_FOLDER)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    private static String mavenProperty(String pom, String name) {
        String quoted = Pattern.quote(name);
        Matcher matcher = Pattern.compile("<" + quoted + ">\\s*([^<\\s]+)\\s*</" + quoted + ">")
                .matcher(pom);
        assertThat(matcher.find()).as("property <%s> in %s", name, POM).isTrue();
        return matcher.group(1);
    }

    private static Map<String, Object> services() throws IOException {
        assertThat(COMPOSE_FILE).as("compose file").isRegularFile();
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(COMPOSE_FILE, StandardCharsets.UTF_8)) {
            compose = new Yaml().load(reader);
        }
        assertThat(compose).as("content of %s", COMPOSE_FILE).isNotNull().containsKey("services");
        return asMap(compose.get("services"), "services");
    }

    private static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> services = services();
        assertThat(services).as("services in %s", COMPOSE_FILE).containsKey(name);
        return asMap(services.get(name), "service " + name);
    }

    /** Reads {@code environment} in either of its forms: a map, or a list of {@code NAME=value} entries. */
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = service.get("environment");
        if (declared instanceof Map<?, ?> map) {
            map.forEach(
                    (key, value) -> environment.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        } else if (declared instanceof List<?> list) {
            for (Object entry : list) {
                String text = String.valueOf(entry);
                int equals = text.indexOf('=');
                if (equals < 0) {
                    environment.put(text, "");
                } else {
                    environment.put(text.substring(0, equals), text.substring(equals + 1));
                }
            }
        }
        return environment;
    }

    /** Reads {@code command} in either of its forms: a list, or a single string split on whitespace. */
    private static List<String> command(Map<String, Object> service) {
        Object declared = service.get("command");
        if (declared instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (declared instanceof String text) {
            return List.of(text.trim().split("\\s+"));
        }
        return List.of();
    }

    /** Maps each volume source to its target, in the short ({@code source:target[:mode]}) or long syntax. */
    private static Map<String, String> volumeTargetsBySource(Map<String, Object> service) {
        Map<String, String> targets = new LinkedHashMap<>();
        if (service.get("volumes") instanceof List<?> volumes) {
            for (Object volume : volumes) {
                if (volume instanceof Map<?, ?> longSyntax) {
                    targets.put(String.valueOf(longSyntax.get("source")), String.valueOf(longSyntax.get("target")));
                } else {
                    String[] parts = String.valueOf(volume).split(":");
                    if (parts.length >= 2) {
                        targets.put(parts[0], parts[1]);
                    }
                }
            }
        }
        return targets;
    }

    /** Container ports of {@code ports}, in the short ({@code [ip:]host:container[/protocol]}) or long syntax. */
    private static List<String> publishedContainerPorts(Map<String, Object> service) {
        List<String> containerPorts = new ArrayList<>();
        if (service.get("ports") instanceof List<?> ports) {
            for (Object port : ports) {
                String containerPort;
                if (port instanceof Map<?, ?> longSyntax) {
                    containerPort = String.valueOf(longSyntax.get("target"));
                } else {
                    String text = String.valueOf(port);
                    containerPort = text.substring(text.lastIndexOf(':') + 1);
                }
                int slash = containerPort.indexOf('/');
                containerPorts.add(slash < 0 ? containerPort : containerPort.substring(0, slash));
            }
        }
        return containerPorts;
    }

    private static String imageTag(Map<String, Object> service) {
        String image = String.valueOf(service.get("image"));
        int colon = image.lastIndexOf(':');
        assertThat(colon > image.lastIndexOf('/'))
                .as("image %s must carry an explicit tag", image)
                .isTrue();
        return image.substring(colon + 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String what) {
        assertThat(value).as("%s in %s must be a mapping", what, COMPOSE_FILE).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
