package org.digilit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Keycloak realm file: roles, clients and policies as the platform needs them, and nothing looser. */
class RealmFileTest {

    private static final ObjectMapper json = new ObjectMapper();
    private static JsonNode realm;

    @BeforeAll
    static void readRealm() throws IOException {
        realm = json.readTree(Path.of("keycloak-realm/digilit-realm.json").toFile());
    }

    @Test
    void realm_defines_exactly_the_platforms_roles() {
        assertThat(texts(realm.path("roles").path("realm"), "name"))
                .containsExactlyInAnyOrder(
                        "citizen",
                        "teacher",
                        "official",
                        "org-admin",
                        "facilitator",
                        "device-officer",
                        "working-group",
                        "platform-admin",
                        "completion-feed");
    }

    @Test
    void web_client_is_public_with_pkce_and_exact_redirects() {
        var web = client("digilit-web");
        assertThat(web.path("publicClient").asBoolean()).isTrue();
        assertThat(web.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(web.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(web.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(web.path("attributes").path("pkce.code.challenge.method").asText())
                .isEqualTo("S256");
        assertThat(texts(web.path("redirectUris"))).containsExactly("${DIGILIT_APP_URL}/login/oauth2/code/keycloak");
        assertThat(web.path("attributes").path("post.logout.redirect.uris").asText())
                .isEqualTo("${DIGILIT_APP_URL}/");
    }

    @Test
    void no_client_allows_wildcard_redirects_or_origins() {
        for (var client : realm.path("clients")) {
            var uris = new ArrayList<String>();
            uris.addAll(texts(client.path("redirectUris")));
            uris.addAll(texts(client.path("webOrigins")));
            uris.add(client.path("attributes").path("post.logout.redirect.uris").asText(""));
            assertThat(uris)
                    .as("redirects and origins of %s", client.path("clientId").asText())
                    .noneMatch(uri -> uri.contains("*") || uri.equals("+"));
        }
    }

    @Test
    void web_client_puts_realm_roles_and_display_name_into_tokens() {
        var mappers = client("digilit-web").path("protocolMappers");
        var roles = find(mappers, "protocolMapper", "oidc-usermodel-realm-role-mapper");
        assertThat(roles.path("config").path("claim.name").asText()).isEqualTo("roles");
        assertThat(roles.path("config").path("id.token.claim").asText()).isEqualTo("true");
        var displayName = find(mappers, "name", "display name");
        assertThat(displayName.path("config").path("claim.name").asText()).isEqualTo("display_name");
    }

    @Test
    void provisioning_client_is_confidential_without_browser_flows_and_holds_only_user_and_import_roles() {
        var provisioning = client("digilit-provisioning");
        assertThat(provisioning.path("publicClient").asBoolean()).isFalse();
        assertThat(provisioning.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(provisioning.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(provisioning.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        // Issue #14 (DD008): a JWT signed with a key only the app holds; Keycloak keeps the public half, no secret.
        assertThat(provisioning.path("clientAuthenticatorType").asText()).isEqualTo("client-jwt");
        assertThat(provisioning.has("secret")).isFalse();
        assertThat(provisioning
                        .path("attributes")
                        .path("jwt.credential.public.key")
                        .asText())
                .isEqualTo("${DIGILIT_PROVISIONING_PUBLIC_KEY}");
        var serviceAccount = find(realm.path("users"), "serviceAccountClientId", "digilit-provisioning");
        // manage-realm is needed by Keycloak's partial import, the fast path for bulk provisioning (DESIGN.md);
        // view-clients lets reconciliation list who holds realm-management's roles (issue #14, DD008).
        assertThat(texts(serviceAccount.path("clientRoles").path("realm-management")))
                .containsExactlyInAnyOrder("view-users", "query-users", "manage-users", "manage-realm", "view-clients");
    }

    @Test
    void feed_client_is_confidential_with_the_client_credentials_grant_only_and_the_feed_role() {
        var feed = client("digilit-feed-national");
        assertThat(feed.path("publicClient").asBoolean()).isFalse();
        assertThat(feed.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(feed.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(feed.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(feed.has("secret"))
                .as("Keycloak makes the secret; no file holds it")
                .isFalse();
        var serviceAccount = find(realm.path("users"), "serviceAccountClientId", "digilit-feed-national");
        assertThat(texts(serviceAccount.path("realmRoles"))).containsExactly("completion-feed");
    }

    @Test
    void client_names_and_descriptions_fit_keycloaks_columns() {
        // Keycloak stores them as varchar(255): a longer one stops the realm import, and Keycloak with it.
        for (var client : realm.path("clients")) {
            assertThat(client.path("description").asText("").length()).isLessThanOrEqualTo(255);
            assertThat(client.path("name").asText("").length()).isLessThanOrEqualTo(255);
        }
    }

    @Test
    void brute_force_detection_is_on_and_passwords_favour_length_over_complexity() {
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("failureFactor").asInt()).isBetween(3, 20);
        var policy = realm.path("passwordPolicy").asText();
        assertThat(policy).contains("length(10)").contains("notUsername");
        assertThat(policy).doesNotContain("upperCase", "specialChars", "digits");
    }

    @Test
    void hardening_of_issue_14_is_in_the_realm_file() {
        // Login and admin events are kept, with an expiry.
        assertThat(realm.path("eventsEnabled").asBoolean()).isTrue();
        assertThat(realm.path("eventsExpiration").asLong()).isPositive();
        assertThat(realm.path("adminEventsEnabled").asBoolean()).isTrue();
        assertThat(realm.path("attributes").path("adminEventsExpiration").asLong())
                .isPositive();
        // Common passwords are refused through the blocklist shipped next to the realm.
        assertThat(realm.path("passwordPolicy").asText()).contains("passwordBlacklist(digilit-password-blocklist.txt)");
        assertThat(Path.of("keycloak-realm/digilit-password-blocklist.txt"))
                .content()
                .contains("matkhau1234", "1234567890", "anhyeuem123", "jaishreeram123", "meradesh12345");
        // No password grant on the realm's admin-cli; the web client takes back-channel logouts.
        assertThat(client("admin-cli").path("directAccessGrantsEnabled").asBoolean(true))
                .isFalse();
        var web = client("digilit-web");
        assertThat(web.path("attributes").path("backchannel.logout.url").asText())
                .isEqualTo("${DIGILIT_APP_INTERNAL_URL}/logout/connect/back-channel/keycloak");
    }

    @Test
    void login_pages_speak_vietnamese_first_and_english() {
        assertThat(realm.path("internationalizationEnabled").asBoolean()).isTrue();
        assertThat(texts(realm.path("supportedLocales"))).containsExactlyInAnyOrder("vi", "en");
        assertThat(realm.path("defaultLocale").asText()).isEqualTo("vi");
    }

    @Test
    void login_pages_use_the_digilit_theme_with_the_slip_s_words_and_the_app_s_recovery() throws IOException {
        assertThat(realm.path("loginTheme").asText()).isEqualTo("digilit");
        var theme = Path.of("keycloak-realm/themes/digilit/login");
        var properties = new java.util.Properties();
        try (var reader = java.nio.file.Files.newBufferedReader(theme.resolve("theme.properties"))) {
            properties.load(reader);
        }
        assertThat(properties.getProperty("parent")).isEqualTo("keycloak.v2");
        assertThat(properties.getProperty("digilitAppUrl")).startsWith("${env.DIGILIT_APP_URL");
        for (var language : new String[] {"vi", "en"}) {
            var messages = new java.util.Properties();
            try (var reader = java.nio.file.Files.newBufferedReader(
                    theme.resolve("messages/messages_" + language + ".properties"),
                    java.nio.charset.StandardCharsets.UTF_8)) {
                messages.load(reader);
            }
            assertThat(messages.getProperty("username"))
                    .isEqualTo(language.equals("vi") ? "Tên đăng nhập" : "Username");
            assertThat(messages.stringPropertyNames())
                    .contains("doForgotPassword", "digilitActivate", "accountDisabledMessage", "loginTimeout");
        }
        assertThat(java.nio.file.Files.readString(theme.resolve("login.ftl")))
                .contains("${properties.digilitAppUrl}/forgot-password");
    }

    @Test
    void user_profile_declares_the_organisation_attribute_editable_by_admins_only() throws IOException {
        var provider = realm.path("components")
                .path("org.keycloak.userprofile.UserProfileProvider")
                .get(0);
        var config = json.readTree(
                provider.path("config").path("kc.user.profile.config").get(0).asText());
        var organisation = find(config.path("attributes"), "name", "organisationId");
        assertThat(texts(organisation.path("permissions").path("edit"))).containsExactly("admin");
        assertThat(texts(config.path("attributes"), "name")).contains("displayName", "audience");
    }

    @Test
    void user_profile_keeps_the_platforms_account_id_for_admins_only_and_digits_only() throws IOException {
        var provider = realm.path("components")
                .path("org.keycloak.userprofile.UserProfileProvider")
                .get(0);
        var config = json.readTree(
                provider.path("config").path("kc.user.profile.config").get(0).asText());
        var accountId = find(config.path("attributes"), "name", "accountId");
        assertThat(texts(accountId.path("permissions").path("view"))).containsExactly("admin");
        assertThat(texts(accountId.path("permissions").path("edit"))).containsExactly("admin");
        assertThat(accountId.path("validations").path("length").path("max").asInt())
                .isEqualTo(20);
        assertThat(accountId.path("validations").path("pattern").path("pattern").asText())
                .isEqualTo("^[0-9]+$");
        assertThat(accountId.path("group").asText()).isEqualTo("digilit");
    }

    @Test
    void people_log_in_with_the_username_the_platform_gave_them_and_may_share_an_email() {
        // DD004: families share an address; an email login would be ambiguous then.
        assertThat(realm.path("loginWithEmailAllowed").asBoolean()).isFalse();
        assertThat(realm.path("duplicateEmailsAllowed").asBoolean()).isTrue();
    }

    private static JsonNode client(String clientId) {
        return find(realm.path("clients"), "clientId", clientId);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(node -> value.equals(node.path(field).asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No element with " + field + " = " + value));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(node -> node.path(field).asText())
                .toList();
    }
}
