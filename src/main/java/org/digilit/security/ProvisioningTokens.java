package org.digilit.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Access tokens of the realm's provisioning client ({@code digilit-provisioning}), shared by everything that calls
 * Keycloak's admin API (the account directory, the session re-check, health). The client proves who it is with a JWT
 * it signs with a private key only the app holds (Keycloak's {@code client-jwt}, RFC 7523): no shared secret travels and
 * Keycloak stores only the public key, so neither a copy of the realm nor a captured request hands over the client
 * (DD008). A deployment that still has a client secret configured (and no key) sends the secret, as before.
 *
 * <p>A token is reused until 30 s before it expires; a 401 from the admin API {@link #invalidate() invalidates} it.
 */
@Component
public class ProvisioningTokens {

    /** The key id the realm file gives the public key ({@code jwt.credential.kid}). */
    public static final String KEY_ID = "digilit-provisioning";

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ASSERTION_LIFETIME = Duration.ofSeconds(60);
    private static final Duration EARLY_RENEWAL = Duration.ofSeconds(30);
    private static final ObjectMapper json = new ObjectMapper();

    private final KeycloakProperties keycloak;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final @Nullable RSAPrivateKey key;
    private @Nullable String token;
    private Instant renewAt = Instant.MIN;

    public ProvisioningTokens(KeycloakProperties keycloak, Clock clock) {
        this.keycloak = keycloak;
        this.clock = clock;
        this.key = StringUtils.hasText(keycloak.provisioningClientKey())
                ? privateKey(keycloak.provisioningClientKey())
                : null;
    }

    /** How the client authenticates: {@code client-jwt}, {@code client-secret}, or {@code none} (not configured). */
    public String method() {
        if (key != null) {
            return "client-jwt";
        }
        return StringUtils.hasText(keycloak.provisioningClientSecret()) ? "client-secret" : "none";
    }

    /**
     * A valid access token of the provisioning client.
     *
     * @throws TokenRefusedException when Keycloak refuses the client (wrong key, client disabled)
     * @throws UncheckedIOException when Keycloak cannot be reached
     * @throws IllegalStateException when neither a key nor a secret is configured
     */
    public synchronized String accessToken() {
        var now = clock.instant();
        if (token != null && now.isBefore(renewAt)) {
            return token;
        }
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", keycloak.provisioningClientId());
        if (key != null) {
            form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
            form.put("client_assertion", assertion(now));
        } else if (StringUtils.hasText(keycloak.provisioningClientSecret())) {
            form.put("client_secret", keycloak.provisioningClientSecret());
        } else {
            throw new IllegalStateException("Neither a key (digilit.keycloak.provisioning-client-key) nor a secret"
                    + " is configured for the provisioning client");
        }
        var response = KeycloakHttp.send(
                http,
                HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                        .build());
        if (response.statusCode() != 200) {
            throw new TokenRefusedException(response.statusCode());
        }
        try {
            var body = json.readTree(response.body());
            token = body.path("access_token").asText();
            long expiresIn = body.path("expires_in").asLong(60);
            renewAt = now.plusSeconds(expiresIn).minus(EARLY_RENEWAL);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets the current token (Keycloak answered 401 to it: revoked, or the realm's keys rotated). */
    public synchronized void invalidate() {
        token = null;
        renewAt = Instant.MIN;
    }

    /** Keycloak refused to issue a token to the provisioning client. */
    public static final class TokenRefusedException extends RuntimeException {
        private final int status;

        TokenRefusedException(int status) {
            super("Keycloak refused the provisioning client a token (HTTP " + status + ")");
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private String tokenEndpoint() {
        return keycloak.backChannelRealmUrl() + "/protocol/openid-connect/token";
    }

    /** The signed client assertion: issuer and subject the client, audience the realm (its issuer URL), one minute. */
    private String assertion(Instant now) {
        var claims = new JWTClaimsSet.Builder()
                .issuer(keycloak.provisioningClientId())
                .subject(keycloak.provisioningClientId())
                .audience(keycloak.issuer())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                .build();
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign the provisioning client's assertion", e);
        }
        return jwt.serialize();
    }

    private static RSAPrivateKey privateKey(String base64) {
        try {
            var spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64));
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(spec);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException(
                    "digilit.keycloak.provisioning-client-key is not an RSA private key (PKCS#8, base64)", e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
