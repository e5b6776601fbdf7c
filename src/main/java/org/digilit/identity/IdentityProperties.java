package org.digilit.identity;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deployment's identity scheme and the keys that protect identity numbers, all from configuration (production:
 * the environment, e.g. {@code DIGILIT_IDENTITY_KEYS_K2}). {@code keys} maps a key id to a base64 AES-256 key; the
 * active one encrypts, every listed one can still decrypt (rotation). The blind-index key (base64, 32 bytes or more)
 * must never change once numbers are stored: uniqueness and lookup depend on it.
 */
@ConfigurationProperties("digilit.identity")
public record IdentityProperties(
        @DefaultValue("VIETNAM_CCCD") IdentityScheme scheme,
        @Nullable String activeKeyId,
        @DefaultValue Map<String, String> keys,
        @Nullable String blindIndexKey) {}
