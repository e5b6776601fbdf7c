package org.digilit.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Where Keycloak is. {@code serverUrl} is the address browsers use (and so the token issuer); {@code internalUrl} is the
 * back-channel address the app uses for tokens and the admin API when it differs (inside a container network); it
 * defaults to {@code serverUrl}. The provisioning client proves who it is with a JWT signed by {@code
 * provisioningClientKey} (PKCS#8, base64; Keycloak's {@code client-jwt}, DD008); {@code provisioningClientSecret} is the
 * older shared-secret way, used only when no key is configured.
 */
@ConfigurationProperties("digilit.keycloak")
public record KeycloakProperties(
        String serverUrl,
        @Nullable String internalUrl,
        String realm,
        String webClientId,
        String provisioningClientId,
        @Nullable String provisioningClientSecret,
        @Nullable String provisioningClientKey) {

    public KeycloakProperties {
        serverUrl = stripTrailingSlash(serverUrl);
        internalUrl = StringUtils.hasText(internalUrl) ? stripTrailingSlash(internalUrl) : null;
    }

    /** The realm's issuer as browsers and tokens see it. */
    public String issuer() {
        return serverUrl + "/realms/" + realm;
    }

    /** The realm's base address for back-channel calls from the app. */
    public String backChannelRealmUrl() {
        return (internalUrl != null ? internalUrl : serverUrl) + "/realms/" + realm;
    }

    /** The server's base address for back-channel calls (admin API). */
    public String backChannelServerUrl() {
        return internalUrl != null ? internalUrl : serverUrl;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
