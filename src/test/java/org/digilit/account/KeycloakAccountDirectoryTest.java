package org.digilit.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.digilit.security.KeycloakProperties;
import org.digilit.security.ProvisioningTokens;
import org.junit.jupiter.api.Test;

/** The directory's handling of an absent Keycloak and of Keycloak's error bodies, without a server. */
class KeycloakAccountDirectoryTest {

    @Test
    void an_unreachable_keycloak_is_an_outage_not_a_verdict_on_the_users() throws IOException {
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var properties = new KeycloakProperties(
                "http://127.0.0.1:" + port, null, "digilit", "digilit-web", "digilit-provisioning", "secret", null);
        var directory = new KeycloakAccountDirectory(
                properties, new ProvisioningTokens(properties, java.time.Clock.systemUTC()));
        try {
            var user = new DirectoryUser(1, "a.b", "A", "B", "A B", "P01", "citizen", true, null);
            assertThatThrownBy(() -> directory.create(List.of(user))).isInstanceOf(DirectoryUnavailableException.class);
            assertThatThrownBy(directory::countUsers).isInstanceOf(DirectoryUnavailableException.class);
        } finally {
            directory.close();
        }
    }

    @Test
    void reasons_carry_the_status_and_keycloaks_text_but_no_email_address() {
        assertThat(KeycloakAccountDirectory.reason(
                        500, "{\"error\":\"unknown_error\",\"error_description\":\"For more see the server log.\"}"))
                .isEqualTo("HTTP 500 unknown_error: For more see the server log.");
        assertThat(KeycloakAccountDirectory.reason(409, "{\"errorMessage\":\"User exists with same email a.b@c.vn\"}"))
                .isEqualTo("HTTP 409 User exists with same email <email>");
        assertThat(KeycloakAccountDirectory.reason(502, "")).isEqualTo("HTTP 502");
    }

    @Test
    void a_password_refusal_yields_keycloaks_message_key() {
        assertThat(
                        KeycloakAccountDirectory.messageKey(
                                "{\"error\":\"invalidPasswordMinLengthMessage\",\"error_description\":\"Invalid password: minimum length 10.\"}"))
                .isEqualTo("invalidPasswordMinLengthMessage");
        assertThat(KeycloakAccountDirectory.messageKey("{\"errorMessage\":\"invalidPasswordHistoryMessage\"}"))
                .isEqualTo("invalidPasswordHistoryMessage");
        assertThat(KeycloakAccountDirectory.messageKey("<html>")).isEqualTo("invalidPasswordGenericMessage");
    }

    @Test
    void a_user_is_kept_with_a_lower_case_username_and_a_known_audience() {
        var user = new DirectoryUser(1, "Lan.Nguyen7", "Lan", "Nguyễn", "Nguyễn Thị Lan", "P01", "teacher", true, " ");
        assertThat(user.username()).isEqualTo("lan.nguyen7");
        assertThat(user.email()).isNull();
        assertThat(user.realmRole()).isEqualTo("teacher");
        assertThatThrownBy(() -> new DirectoryUser(1, "x.y", "X", "Y", "X Y", "P01", "pupil", true, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
