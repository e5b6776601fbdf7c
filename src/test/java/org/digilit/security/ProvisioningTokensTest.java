package org.digilit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.digilit.localstack.LocalStack;
import org.junit.jupiter.api.Test;

/** The provisioning client's key (issue #14, DD008): PKCS#8 RSA keys are taken, anything else is refused at start. */
class ProvisioningTokensTest {

    private static KeycloakProperties properties(String secret, String key) {
        return new KeycloakProperties(
                "http://127.0.0.1:1", null, "digilit", "digilit-web", "digilit-provisioning", secret, key);
    }

    @Test
    void a_pkcs8_rsa_key_makes_the_client_sign_its_own_assertions() {
        var tokens = new ProvisioningTokens(properties(null, LocalStack.PROVISIONING_KEY), Clock.systemUTC());
        assertThat(tokens.method()).isEqualTo("client-jwt");
    }

    @Test
    void without_a_key_the_secret_is_used_and_without_either_nothing() {
        assertThat(new ProvisioningTokens(properties("s", null), Clock.systemUTC()).method())
                .isEqualTo("client-secret");
        assertThat(new ProvisioningTokens(properties(null, null), Clock.systemUTC()).method())
                .isEqualTo("none");
    }

    @Test
    void a_key_that_is_not_pkcs8_rsa_stops_the_start() {
        assertThatThrownBy(() -> new ProvisioningTokens(properties(null, "bm90IGEga2V5"), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PKCS#8");
    }
}
