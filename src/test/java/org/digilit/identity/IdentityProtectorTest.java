package org.digilit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityProtectorTest {

    private static final String KEY_1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_2 =
            Base64.getEncoder().encodeToString("another-thirty-two-byte-key-here".getBytes());
    private static final String BLIND =
            Base64.getEncoder().encodeToString("blind-index-key-of-32-bytes-long".getBytes());

    private static IdentityProtector protector(String activeKey, Map<String, String> keys) {
        return new IdentityProtector(new IdentityProperties(IdentityScheme.VIETNAM_CCCD, activeKey, keys, BLIND));
    }

    private static IdentityNumber number(String digits) {
        return IdentityNumbers.check(IdentityScheme.VIETNAM_CCCD, digits).number();
    }

    @Test
    void a_protected_number_decrypts_back_and_keeps_only_the_last_four_in_clear() {
        var protector = protector("k1", Map.of("k1", KEY_1));
        var stored = protector.protect(number("001090012345"));
        assertThat(stored.keyId()).isEqualTo("k1");
        assertThat(stored.lastFour()).isEqualTo("2345");
        assertThat(new String(stored.encrypted(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("001090012345");
        assertThat(protector.reveal(stored, IdentityScheme.VIETNAM_CCCD)).isEqualTo(number("001090012345"));
        assertThat(stored.toString()).doesNotContain("001090012345");
    }

    @Test
    void the_same_number_encrypts_differently_but_indexes_the_same() {
        var protector = protector("k1", Map.of("k1", KEY_1));
        var first = protector.protect(number("001090012345"));
        var second = protector.protect(number("001 090 012 345"));
        assertThat(first.encrypted()).isNotEqualTo(second.encrypted());
        assertThat(first.blindIndex()).isEqualTo(second.blindIndex());
        assertThat(protector.protect(number("001090012346")).blindIndex()).isNotEqualTo(first.blindIndex());
    }

    @Test
    void a_tampered_value_or_a_swapped_key_id_does_not_decrypt() {
        var protector = protector("k1", Map.of("k1", KEY_1, "k2", KEY_2));
        var stored = protector.protect(number("001090012345"));
        var bytes = stored.encrypted();
        bytes[bytes.length - 1] ^= 1;
        var tampered = new ProtectedIdentityNumber("k1", bytes, stored.blindIndex(), stored.lastFour());
        assertThatThrownBy(() -> protector.reveal(tampered, IdentityScheme.VIETNAM_CCCD))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("001090012345");
        var relabelled = new ProtectedIdentityNumber("k2", stored.encrypted(), stored.blindIndex(), "2345");
        assertThatThrownBy(() -> protector.reveal(relabelled, IdentityScheme.VIETNAM_CCCD))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rotation_reencrypts_under_the_new_key_and_keeps_the_blind_index() {
        var old = protector("k1", Map.of("k1", KEY_1));
        var stored = old.protect(number("079301234567"));
        var rotated = protector("k2", Map.of("k1", KEY_1, "k2", KEY_2));
        var renewed = rotated.rotate(stored, IdentityScheme.VIETNAM_CCCD);
        assertThat(renewed.keyId()).isEqualTo("k2");
        assertThat(renewed.blindIndex()).isEqualTo(stored.blindIndex());
        assertThat(rotated.reveal(renewed, IdentityScheme.VIETNAM_CCCD)).isEqualTo(number("079301234567"));
    }

    @Test
    void a_deployment_without_keys_says_what_is_missing_when_it_must_protect_a_number() {
        var unconfigured =
                new IdentityProtector(new IdentityProperties(IdentityScheme.VIETNAM_CCCD, null, Map.of(), null));
        assertThatThrownBy(() -> unconfigured.protect(number("001090012345")))
                .hasMessageContaining("digilit.identity.active-key-id");
        assertThatThrownBy(() -> protector("k9", Map.of("k1", KEY_1))).hasMessageContaining("k9");
        assertThatThrownBy(() ->
                        protector("k1", Map.of("k1", Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("32 bytes");
    }
}
