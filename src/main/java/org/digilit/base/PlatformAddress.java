package org.digilit.base;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform's public address as people reach it ({@code digilit.app.url}; in Docker Compose the same {@code
 * DIGILIT_APP_URL} that the realm's redirect URIs use). Printed and signed into what outlives a request: the
 * verification address of a certificate, in its QR code and its signed credential. No trailing slash.
 */
@ConfigurationProperties("digilit.app")
public record PlatformAddress(
        @DefaultValue("http://localhost:8080") String url) {

    public PlatformAddress {
        url = url.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new IllegalArgumentException("digilit.app.url must be an http(s) address, not '" + url + "'");
        }
    }

    /** An absolute address on the platform; {@code path} starts with a slash. */
    public String resolve(String path) {
        return url + path;
    }
}
