package org.digilit.learning;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs certificates' credentials as JWS (RFC 7515) in compact form with EdDSA over Ed25519 (RFC 8037), through the JCA
 * {@code Signature} API (Bouncy Castle signs, the JDK verifies), and publishes the public keys as a JWK Set (OKP, crv Ed25519), so that
 * any JOSE library can check a credential offline. The current key signs; previous public keys stay in the key set so
 * that credentials signed before a rotation keep verifying.
 *
 * <p>Without a signing key the app does not start: a completion must never fail for a missing key, and a key made up
 * at start would vanish with the process, leaving credentials nobody can check (DD005).
 */
@Component
class CertificateSigner {

    static final String ALGORITHM = "Ed25519";

    /** An Ed25519 public key is 32 bytes; its X.509 encoding (RFC 8410) ends with them. */
    private static final int KEY_BYTES = 32;

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PrivateKey privateKey;

    /**
     * Signing runs on Bouncy Castle's Ed25519 (not registered as a JVM-wide provider): the JDK's takes about 450 µs a
     * signature here, Bouncy Castle's 30-70 µs, and every completed course signs one inside its transaction. Ed25519
     * signatures are deterministic, so both give the same bytes; verification (and the start-up probe) stays on the
     * JDK, which checks the one against the other.
     */
    private static final java.security.Provider FAST = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    private final PrivateKey signingKey;
    private final String keyId;
    private final String header;
    private final Map<String, PublicKey> publicKeys = new LinkedHashMap<>();

    CertificateSigner(CertificateProperties properties) {
        if (!StringUtils.hasText(properties.signingKey())) {
            throw new IllegalStateException(
                    "digilit.certificates.signing-key is not set: certificates cannot be signed."
                            + " Make one with `openssl genpkey -algorithm ed25519 -outform DER | base64 -w0` and keep it safe"
                            + " (environment: DIGILIT_CERTIFICATES_SIGNINGKEY, with DIGILIT_CERTIFICATES_KEYID).");
        }
        if (!StringUtils.hasText(properties.keyId())) {
            throw new IllegalStateException("digilit.certificates.key-id is empty");
        }
        this.keyId = properties.keyId().strip();
        try {
            var factory = KeyFactory.getInstance(ALGORITHM);
            this.privateKey = factory.generatePrivate(
                    new PKCS8EncodedKeySpec(der(properties.signingKey(), "digilit.certificates.signing-key")));
            publicKeys.put(keyId, publicKeyOf(privateKey));
            this.signingKey = KeyFactory.getInstance(ALGORITHM, FAST)
                    .generatePrivate(new PKCS8EncodedKeySpec(privateKey.getEncoded()));
            properties.previousPublicKeys().forEach((id, key) -> {
                if (id.equals(keyId)) {
                    throw new IllegalStateException(
                            "digilit.certificates.previous-public-keys names the current key id '" + id + "'");
                }
                try {
                    publicKeys.put(
                            id,
                            factory.generatePublic(new X509EncodedKeySpec(
                                    der(key, "digilit.certificates.previous-public-keys." + id))));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(
                            "digilit.certificates.previous-public-keys." + id + " is not an Ed25519 public key", e);
                }
            });
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("digilit.certificates.signing-key is not an Ed25519 private key", e);
        }
        var head = new LinkedHashMap<String, Object>();
        head.put("alg", "EdDSA");
        head.put("kid", keyId);
        this.header = BASE64URL.encodeToString(JSON.writeValueAsBytes(head));
        var probe = sign("digilit".getBytes(StandardCharsets.UTF_8));
        if (!verify(probe)) {
            throw new IllegalStateException(
                    "The public key derived from digilit.certificates.signing-key does not match it");
        }
    }

    String keyId() {
        return keyId;
    }

    /** The payload signed: {@code header.payload.signature}, each part base64url without padding. */
    String sign(byte[] payload) {
        var signingInput = header + "." + BASE64URL.encodeToString(payload);
        try {
            var signature = Signature.getInstance(ALGORITHM, FAST);
            signature.initSign(signingKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign a credential", e);
        }
    }

    /** Whether a compact JWS carries a valid signature by one of the published keys (the one its kid names). */
    boolean verify(String jws) {
        var parts = jws.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        try {
            var head = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            var key = publicKeys.get(head.path("kid").asString(""));
            if (key == null || !"EdDSA".equals(head.path("alg").asString(""))) {
                return false;
            }
            var signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException | tools.jackson.core.JacksonException e) {
            return false;
        }
    }

    /** The JWK Set (RFC 7517) of the current and previous public keys, current first. */
    String keySet() {
        List<Map<String, String>> keys = publicKeys.entrySet().stream()
                .map(entry -> {
                    var jwk = new LinkedHashMap<String, String>();
                    jwk.put("kty", "OKP");
                    jwk.put("crv", ALGORITHM);
                    jwk.put("x", BASE64URL.encodeToString(raw(entry.getValue())));
                    jwk.put("kid", entry.getKey());
                    jwk.put("use", "sig");
                    jwk.put("alg", "EdDSA");
                    return (Map<String, String>) jwk;
                })
                .toList();
        return JSON.writeValueAsString(Map.of("keys", keys));
    }

    /**
     * The public half of an Ed25519 private key. The JDK has no call for it, but its key-pair generator derives the
     * public key from the 32 bytes it draws: hand it the private key's bytes. The constructor checks the result.
     */
    private static PublicKey publicKeyOf(PrivateKey privateKey) throws GeneralSecurityException {
        var seed = ((EdECPrivateKey) privateKey)
                .getBytes()
                .orElseThrow(() -> new GeneralSecurityException("The private key's bytes cannot be read"));
        var generator = KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
        });
        return generator.generateKeyPair().getPublic();
    }

    /** The 32 bytes of an Ed25519 public key (the JWK's {@code x}): its X.509 encoding without the fixed prefix. */
    private static byte[] raw(PublicKey key) {
        var encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - KEY_BYTES, encoded.length);
    }

    /** Base64 DER, with or without PEM armour and line breaks. */
    private static byte[] der(String text, String property) {
        var body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not base64", e);
        }
    }
}
