package org.digilit.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The signing key: required, checked at start, and rotated without breaking credentials signed before. */
class CertificateSignerTest {

    private static KeyPair keyPair() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private static String base64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }

    private static CertificateSigner signer(KeyPair key, String id, Map<String, String> previous) {
        return new CertificateSigner(
                new CertificateProperties(base64(key.getPrivate().getEncoded()), id, previous));
    }

    @Test
    void without_a_signing_key_the_app_does_not_start_and_says_how_to_make_one() {
        assertThatThrownBy(() -> new CertificateSigner(new CertificateProperties(" ", "k1", Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("digilit.certificates.signing-key")
                .hasMessageContaining("openssl genpkey -algorithm ed25519");
        assertThatThrownBy(() -> new CertificateSigner(new CertificateProperties("bm90IGEga2V5", "k1", Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not an Ed25519 private key");
    }

    @Test
    void the_key_set_publishes_the_public_key_of_the_signing_key() throws Exception {
        var key = keyPair();
        var pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        var signer = new CertificateSigner(new CertificateProperties(pem, "2026-a", Map.of()));
        var keys = JsonMapper.builder().build().readTree(signer.keySet()).path("keys");
        assertThat(keys).hasSize(1);
        var jwk = keys.get(0);
        assertThat(jwk.path("kty").asString()).isEqualTo("OKP");
        assertThat(jwk.path("crv").asString()).isEqualTo("Ed25519");
        assertThat(jwk.path("kid").asString()).isEqualTo("2026-a");
        var encoded = key.getPublic().getEncoded();
        assertThat(Base64.getUrlDecoder().decode(jwk.path("x").asString()))
                .isEqualTo(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
        assertThat(jwk.has("d")).as("never the private part").isFalse();
    }

    @Test
    void credentials_signed_before_a_rotation_keep_verifying_while_the_old_public_key_is_published() throws Exception {
        var old = keyPair();
        var signedBefore = signer(old, "k1", Map.of()).sign("{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        var rotated =
                signer(keyPair(), "k2", Map.of("k1", base64(old.getPublic().getEncoded())));
        assertThat(rotated.verify(signedBefore)).isTrue();
        assertThat(rotated.keySet()).contains("\"kid\":\"k2\"", "\"kid\":\"k1\"");
        assertThat(rotated.keySet().indexOf("k2"))
                .as("the current key first")
                .isLessThan(rotated.keySet().indexOf("k1"));

        var forgotten = signer(keyPair(), "k2", Map.of());
        assertThat(forgotten.verify(signedBefore))
                .as("old key no longer published")
                .isFalse();
        assertThatThrownBy(() -> signer(
                        keyPair(), "k1", Map.of("k1", base64(old.getPublic().getEncoded()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("current key id");
    }
}
