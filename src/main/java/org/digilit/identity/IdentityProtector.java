package org.digilit.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Protects identity numbers at rest: AES-256-GCM with a fresh 96-bit nonce per value and the key id as associated data
 * (so a value cannot be decrypted under another key id), an HMAC-SHA256 blind index over scheme and number for
 * uniqueness and lookup, and the last four characters for display. Keys come from {@link IdentityProperties}; a
 * deployment without keys starts, and fails here, with a clear message, at the first number it must protect.
 */
@Component
public class IdentityProtector {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> keys = new HashMap<>();
    private final @Nullable String activeKeyId;
    private final @Nullable SecretKey blindIndexKey;
    private final IdentityScheme scheme;

    IdentityProtector(IdentityProperties properties) {
        this.scheme = properties.scheme();
        properties.keys().forEach((id, base64) -> {
            if (!base64.isBlank()) { // a key id declared without a value (application.properties) is no key
                keys.put(id, aesKey(id, base64));
            }
        });
        this.activeKeyId = properties.activeKeyId();
        if (activeKeyId != null && !activeKeyId.isBlank() && !keys.containsKey(activeKeyId)) {
            throw new IllegalStateException("digilit.identity.active-key-id names key '" + activeKeyId
                    + "', which is not among digilit.identity.keys");
        }
        var blind = properties.blindIndexKey();
        this.blindIndexKey = blind == null || blind.isBlank() ? null : hmacKey(blind);
    }

    /** The deployment's scheme, for callers that validate before protecting. */
    public IdentityScheme scheme() {
        return scheme;
    }

    public ProtectedIdentityNumber protect(IdentityNumber number) {
        var keyId = requireActiveKeyId();
        try {
            var nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(keyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            var sealed = cipher.doFinal(number.value().getBytes(StandardCharsets.UTF_8));
            var encrypted = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return new ProtectedIdentityNumber(keyId, encrypted, blindIndex(number), number.lastFour());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt an identity number", e);
        }
    }

    /** The blind index: equal for equal numbers, useless without the key. For uniqueness checks and lookups. */
    public byte[] blindIndex(IdentityNumber number) {
        if (blindIndexKey == null) {
            throw new IllegalStateException(
                    "digilit.identity.blind-index-key is not set: identity numbers cannot be" + " indexed");
        }
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(blindIndexKey);
            return mac.doFinal((number.scheme().name() + ":" + number.value()).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not index an identity number", e);
        }
    }

    /**
     * A keyed hash of a secret that is not an identity number (an activation code), separated from the blind index
     * by its purpose: a database dump alone does not let anyone test guesses offline.
     */
    public byte[] keyedHash(String purpose, String secret) {
        if (blindIndexKey == null) {
            throw new IllegalStateException("digilit.identity.blind-index-key is not set");
        }
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(blindIndexKey);
            return mac.doFinal(("purpose:" + purpose + ":" + secret).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not hash a secret", e);
        }
    }

    /** Decrypts a stored number (for rotation and the rare screen that must show it whole). */
    public IdentityNumber reveal(ProtectedIdentityNumber stored, IdentityScheme storedScheme) {
        var key = keys.get(stored.keyId());
        if (key == null) {
            throw new IllegalStateException(
                    "The key '" + stored.keyId() + "' that protects this number is not" + " configured");
        }
        try {
            var encrypted = stored.encrypted();
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, encrypted, 0, NONCE_BYTES));
            cipher.updateAAD(stored.keyId().getBytes(StandardCharsets.UTF_8));
            var plain = cipher.doFinal(encrypted, NONCE_BYTES, encrypted.length - NONCE_BYTES);
            return new IdentityNumber(storedScheme, new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored identity number could not be decrypted (tampered or wrong key)");
        }
    }

    /** Re-encrypts a stored number under the active key, when it was sealed under an older one. */
    public ProtectedIdentityNumber rotate(ProtectedIdentityNumber stored, IdentityScheme storedScheme) {
        if (stored.keyId().equals(requireActiveKeyId())) {
            return stored;
        }
        return protect(reveal(stored, storedScheme));
    }

    private String requireActiveKeyId() {
        if (activeKeyId == null || activeKeyId.isBlank()) {
            throw new IllegalStateException(
                    "digilit.identity.active-key-id and digilit.identity.keys are not set: identity numbers cannot"
                            + " be stored");
        }
        return activeKeyId;
    }

    private static SecretKey aesKey(String id, String base64) {
        var bytes = Base64.getDecoder().decode(base64);
        if (bytes.length != 32) {
            throw new IllegalStateException("Identity key '" + id + "' must be 32 bytes (AES-256), base64-encoded");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static SecretKey hmacKey(String base64) {
        var bytes = Base64.getDecoder().decode(base64);
        if (bytes.length < 32) {
            throw new IllegalStateException("digilit.identity.blind-index-key must be at least 32 bytes, base64");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
