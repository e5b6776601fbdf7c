package org.digilit.shell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.digilit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The server-rendered landing page and its language links, and the caching of Vaadin's hashed bundle files (issue
 * #21, DD015), asked over HTTP from the running app as a browser would.
 */
@IntegrationTest
class PublicPagesIT {

    private static final Pattern STYLE_SHEET = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\">");
    private static final Pattern BUNDLE_FILE = Pattern.compile("/VAADIN/build/[A-Za-z0-9_.-]+\\.js");

    @Value("${local.server.port}")
    int port;

    @Test
    void the_landing_page_is_plain_html_in_the_visitors_language_with_the_security_headers() throws Exception {
        var vietnamese = get("/", "vi-VN,vi;q=0.9", null);
        assertThat(vietnamese.statusCode()).isEqualTo(200);
        assertThat(vietnamese.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/html");
        assertThat(vietnamese.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(vietnamese.body())
                .contains("<html lang=\"vi\"", "Kỹ năng số cho mọi người", "class=\"cta\"")
                .contains("href=\"/oauth2/authorization/keycloak\"", "href=\"/activate\"", "href=\"/courses\"")
                .doesNotContain("/VAADIN/", "<script");

        var english = get("/", "en-GB,en;q=0.9", null);
        assertThat(english.body()).contains("<html lang=\"en\"").doesNotContain("Kỹ năng số cho mọi người");

        // The visitor's choice (the cookie) wins over the browser's languages.
        var chosen = get("/", "vi-VN,vi;q=0.9", "digilit-lang=en");
        assertThat(chosen.body()).contains("<html lang=\"en\"");
    }

    @Test
    void requests_of_vaadins_client_at_the_same_address_still_reach_vaadin() throws Exception {
        // Vaadin's client asks "/?v-r=init…" for a view and posts "/?v-r=uidl…": never the landing page.
        var init = get("/?v-r=init&location=courses&query=", "vi", null);
        assertThat(init.statusCode()).isLessThan(500);
        assertThat(init.body()).doesNotContain("class=\"cta\"", "<html");
        var uidl = post("/?v-r=uidl&v-uiId=0");
        assertThat(uidl.statusCode()).isNotIn(404, 405);
    }

    @Test
    void a_language_link_remembers_the_choice_and_goes_back_only_to_a_page_of_this_site() throws Exception {
        var switched = get("/language?lang=en&back=/verify", "vi", null);
        assertThat(switched.statusCode()).isEqualTo(302);
        assertThat(switched.headers().firstValue("Location").orElseThrow()).endsWith("/verify");
        assertThat(switched.headers().allValues("Set-Cookie"))
                .anyMatch(cookie -> cookie.startsWith("digilit-lang=en") && cookie.contains("HttpOnly"));

        for (var elsewhere : new String[] {"//evil.example/", "https://evil.example/", "/\\evil.example"}) {
            var refused = get(
                    "/language?lang=vi&back="
                            + java.net.URLEncoder.encode(elsewhere, java.nio.charset.StandardCharsets.UTF_8),
                    "vi",
                    null);
            assertThat(refused.headers().firstValue("Location").orElseThrow())
                    .as(elsewhere)
                    .matches("(http://localhost:\\d+)?/");
        }
    }

    @Test
    void a_hashed_bundle_file_is_cached_for_a_year_and_a_missing_one_not_at_all() throws Exception {
        // A Vaadin page (the password help; the catalogue is plain HTML now) names its bundle files, each with a hash
        // of
        // its content in its name.
        var page = get("/forgot-password", "vi", null);
        var matcher = BUNDLE_FILE.matcher(page.body());
        assertThat(matcher.find()).as("a bundle file in " + page.body()).isTrue();

        var file = get(matcher.group(), "vi", null);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().allValues("Cache-Control")).containsExactly("public, max-age=31536000, immutable");
        assertThat(file.headers().firstValue("Expires")).isEmpty();

        var missing = get("/VAADIN/build/no-such-file-0123abcd.js", "vi", null);
        // Not found, for anyone (the error dispatch is open: a missing file is not a login redirect), and above all
        // never cached for a year.
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().allValues("Cache-Control")).noneMatch(value -> value.contains("immutable"));
    }

    @Test
    void the_public_pages_link_their_style_sheets_by_content_hash_and_only_the_hashed_names_are_cached_for_a_year()
            throws Exception {
        var page = get("/courses", "vi", null);
        var links = STYLE_SHEET.matcher(page.body());
        var hashed = new java.util.ArrayList<String>();
        while (links.find()) {
            hashed.add(links.group(1));
        }
        assertThat(hashed).hasSize(2).allMatch(href -> href.matches("/styles/(public|digilit)-[0-9a-f]{32}\\.css"));

        for (var href : hashed) {
            var sheet = get(href, "vi", null);
            assertThat(sheet.statusCode()).as(href).isEqualTo(200);
            assertThat(sheet.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
            assertThat(sheet.headers().allValues("Cache-Control"))
                    .containsExactly("public, max-age=31536000, immutable");
            // The same content as under its plain name, which Vaadin's own link still uses: kept an hour, as when
            // Vaadin
            // served it.
            var plain = get(href.replaceAll("-[0-9a-f]{32}", ""), "vi", null);
            assertThat(plain.body()).isEqualTo(sheet.body());
            assertThat(plain.statusCode()).isEqualTo(200);
            assertThat(plain.headers().allValues("Cache-Control")).containsExactly("max-age=3600");
        }

        // A hash that is not the file's (an old release's, or forged): not found, and never cached.
        var stale = get("/styles/public-0123456789abcdef0123456789abcdef.css", "vi", null);
        assertThat(stale.statusCode()).isEqualTo(404);
        assertThat(stale.headers().allValues("Cache-Control")).noneMatch(value -> value.contains("immutable"));
    }

    private HttpResponse<String> post(String path) throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private HttpResponse<String> get(String path, String languages, String cookie) throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept-Language", languages);
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
