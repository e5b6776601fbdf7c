package org.digilit.course;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the lessons' pictures at {@code /course-images/<course>/<file>} (public, like the catalogue). Anything but a
 * plain picture name of an active course is 404, whatever it tries ({@code ..}, slashes, other files). An address with
 * the picture's current hash ({@code ?v=}) may be cached for a year; without it, browsers revalidate with the ETag.
 */
@RestController
class CourseImageController {

    private static final CacheControl IMMUTABLE =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    private static final CacheControl REVALIDATE = CacheControl.noCache().cachePublic();

    private final CourseImageService images;

    CourseImageController(CourseImageService images) {
        this.images = images;
    }

    @GetMapping("/" + CourseImageService.PATH_PREFIX + "{courseId}/{name}")
    ResponseEntity<byte[]> image(
            @PathVariable String courseId,
            @PathVariable String name,
            @RequestParam(name = "v", required = false) @Nullable String version,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
        var image = images.image(courseId, name).orElse(null);
        if (image == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .cacheControl(CacheControl.noStore())
                    .build();
        }
        var etag = "\"" + image.hash() + "\"";
        var cache = image.hash().equals(version) ? IMMUTABLE : REVALIDATE;
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .cacheControl(cache)
                    .build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .eTag(etag)
                .cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(image.bytes());
    }
}
