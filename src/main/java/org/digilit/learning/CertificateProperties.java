package org.digilit.learning;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key that signs certificates' credentials (Ed25519), from configuration (production: the environment, {@code
 * DIGILIT_CERTIFICATES_SIGNINGKEY} and {@code DIGILIT_CERTIFICATES_KEYID}).
 *
 * @param signingKey the private key, PKCS#8 DER in base64 ({@code openssl genpkey -algorithm ed25519 -outform DER |
 *     base64 -w0}); PEM armour is accepted too. Required: the app refuses to start without it (see DD005)
 * @param keyId the key's id, written into every credential's header ({@code kid}) and into the published key set
 * @param previousPublicKeys earlier keys' public halves by key id (X.509 SubjectPublicKeyInfo DER in base64: {@code
 *     openssl pkey -in old.der -inform DER -pubout -outform DER | base64 -w0}), still published after a rotation so
 *     that credentials signed with them keep verifying
 */
@ConfigurationProperties("digilit.certificates")
public record CertificateProperties(
        @Nullable String signingKey,
        @DefaultValue("k1") String keyId,
        @DefaultValue Map<String, String> previousPublicKeys) {}
