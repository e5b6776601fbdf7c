package org.digilit.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.digilit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The lessons' pictures over real HTTP: served to anyone with long caching when the address carries the picture's
 * hash, revalidated by ETag otherwise, and nothing else ever comes out of the endpoint, whatever path it is asked for.
 */
@IntegrationTest
class CourseImageIT {

    private static final String COURSE = "online-safety-scams";
    private static final String PICTURE = "password-strength-vi.png";

    @Value("${local.server.port}")
    int port;

    @Autowired
    CourseImageService images;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String rawPath, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPath));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void a_lesson_picture_is_served_to_anyone_and_kept_for_a_year_under_its_hashed_address() throws Exception {
        var url = images.url(COURSE, "images/" + PICTURE).orElseThrow();
        var bytes = Files.readAllBytes(Path.of("course-content", COURSE, "images", PICTURE));
        assertThat(url).isEqualTo("/course-images/" + COURSE + "/" + PICTURE + "?v=" + CourseImageService.hash(bytes));

        var response = get(url);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(bytes);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("max-age=31536000", "public", "immutable"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        var etag = response.headers().firstValue("ETag").orElseThrow();

        var unversioned = get("/course-images/" + COURSE + "/" + PICTURE);
        assertThat(unversioned.statusCode()).isEqualTo(200);
        assertThat(unversioned.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("no-cache"));
        var revalidated = get("/course-images/" + COURSE + "/" + PICTURE, "If-None-Match", etag);
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
    }

    @Test
    void path_traversal_and_anything_but_a_picture_name_are_refused() throws Exception {
        // Plain names the endpoint itself sees and refuses: not found.
        for (var path : new String[] {
            "/course-images/" + COURSE + "/course.yaml",
            "/course-images/" + COURSE + "/quiz.yaml",
            "/course-images/" + COURSE + "/..png",
            "/course-images/" + COURSE + "/.hidden.png",
            "/course-images/" + COURSE + "/" + PICTURE + ".txt",
            "/course-images/" + COURSE + "/Password-Strength-VI.png",
            "/course-images/no-such-course/" + PICTURE,
            "/course-images/README.md/" + PICTURE,
            "/course-images/" + COURSE + "/images",
        }) {
            var response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body())
                    .as(path)
                    .isNotEqualTo(Files.readAllBytes(Path.of("course-content", COURSE, "images", PICTURE)));
        }
        // Dot segments and encoded separators: refused by Spring Security's firewall before any code of ours runs
        // (400), not found, or, when the client has resolved the dot segments into another page of the app, sent to
        // the login (302): whatever the path, no file comes out.
        for (var path : new String[] {
            "/course-images/" + COURSE + "/../course.yaml",
            "/course-images/../../pom.xml",
            "/course-images/" + COURSE + "/..%2F..%2Fcourse.yaml",
            "/course-images/" + COURSE + "/%2e%2e%2fcourse.yaml",
            "/course-images/" + COURSE + "/%2e%2e/course.yaml",
            "/course-images/" + COURSE + "/..%5C..%5Cpom.xml",
            "/course-images/" + COURSE + "/images%2F" + PICTURE,
            "/course-images/" + COURSE + "/%00" + PICTURE,
            "/course-images/" + COURSE + "/..%252F..%252Fcourse.yaml",
        }) {
            var response = get(path);
            // Refused as malformed, not found, or (outside the public paths) as unauthenticated: 302 to the login page,
            // for any client (only the attendance page's JSON endpoints answer 401).
            assertThat(response.statusCode()).as(path).isIn(302, 400, 404);
            var body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(body).as(path).doesNotContain("passMark", "<artifactId>", "questions:");
        }
    }
}
