package org.digilit.course;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The pictures of the lessons: files in a course's {@code images/} folder, referenced from the Markdown as
 * {@code ![what it shows](images/name.png)}. Only plain names ({@code [a-z0-9_-]} and dots, never two in a row) of PNG,
 * JPEG, WebP and SVG files are served, from the folder the course was loaded from, and only for active courses: nothing
 * a request names can leave that folder. An SVG is a document that could carry script, so only plain drawings pass
 * ({@link SvgPicture}: shapes and text, no script, links or entities), and every picture is served with a sandboxing
 * Content-Security-Policy.
 *
 * <p>The address of a picture carries a hash of its bytes ({@code course-images/<course>/<name>?v=<hash>}), so browsers
 * may keep it for a year: a changed picture gets a new address.
 */
@Service
public class CourseImageService {

    /** The largest picture a lesson may carry; phones on slow networks download every one. */
    static final long MAX_IMAGE_BYTES = 200 * 1024;

    /** Where pictures are served (relative to the app's root, as Vaadin pages resolve links). */
    static final String PATH_PREFIX = "course-images/";

    static final Pattern FILE_NAME = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*\\.(png|jpg|jpeg|webp|svg)");

    /** How a lesson names a picture of its course: {@code images/name.png} (or {@code ../images/…}, from lessons/). */
    static final Pattern REFERENCE = Pattern.compile("(?:\\./|\\.\\./)?images/([^/]+)");

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "png",
            "image/png",
            "jpg",
            "image/jpeg",
            "jpeg",
            "image/jpeg",
            "webp",
            "image/webp",
            "svg",
            "image/svg+xml");

    /** A picture ready to send: its bytes, content type and the hash its address carries. */
    public record CourseImage(byte[] bytes, String contentType, String hash) {}

    private record Fingerprint(long size, long modified, String hash) {}

    private final CourseStore store;
    private final Path contentDirectory;
    private final Map<String, Path> folders = new ConcurrentHashMap<>();
    private final Map<Path, Fingerprint> hashes = new ConcurrentHashMap<>();

    CourseImageService(CourseStore store, @Value("${digilit.content.directory:course-content}") Path contentDirectory) {
        this.store = store;
        this.contentDirectory = contentDirectory;
    }

    /** The loader tells where a course was read from (the configured folder unless loaded from elsewhere). */
    void loadedFrom(String courseId, Path folder) {
        folders.put(courseId, folder.toAbsolutePath().normalize());
    }

    /**
     * The address to serve a lesson's picture from, for a reference written in the lesson ({@code images/phone.png});
     * empty when the reference is not a picture of the course's images folder or the file is missing.
     */
    public Optional<String> url(String courseId, String reference) {
        var matcher = REFERENCE.matcher(reference);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        var name = matcher.group(1);
        return file(courseId, name)
                .flatMap(this::hash)
                .map(hash -> "/" + PATH_PREFIX + courseId + "/" + name + "?v=" + hash);
    }

    /** A picture of an active course by its file name; empty for anything else. */
    public Optional<CourseImage> image(String courseId, String name) {
        var file = file(courseId, name);
        if (file.isEmpty() || !active(courseId)) {
            return Optional.empty();
        }
        try {
            var bytes = Files.readAllBytes(file.get());
            var type = contentType(name);
            if (type == null || !looksLike(type, bytes)) {
                return Optional.empty();
            }
            return Optional.of(new CourseImage(bytes, type, hash(bytes)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The file a name stands for, if the name is a plain picture name and the file is really inside the folder. */
    private Optional<Path> file(String courseId, String name) {
        if (!CourseContentReader.ID.matcher(courseId).matches()
                || !FILE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        var folder = folders.getOrDefault(
                courseId, contentDirectory.toAbsolutePath().normalize().resolve(courseId));
        var images = folder.resolve("images");
        var file = images.resolve(name).normalize();
        try {
            if (!file.getParent().equals(images)
                    || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || Files.size(file) > MAX_IMAGE_BYTES) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(file);
    }

    /** The hash of a file's bytes, read again only when its size or time changes. */
    private Optional<String> hash(Path file) {
        try {
            long size = Files.size(file);
            long modified = Files.getLastModifiedTime(file).toMillis();
            var known = hashes.get(file);
            if (known != null && known.size() == size && known.modified() == modified) {
                return Optional.of(known.hash());
            }
            var hash = hash(Files.readAllBytes(file));
            hashes.put(file, new Fingerprint(size, modified, hash));
            return Optional.of(hash);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private boolean active(String courseId) {
        return store.isActive(courseId);
    }

    static @Nullable String contentType(String name) {
        return CONTENT_TYPES.get(name.substring(name.lastIndexOf('.') + 1));
    }

    /** Whether the bytes start the way the type's files do (a renamed HTML file is not a picture). */
    static boolean looksLike(String contentType, byte[] bytes) {
        return switch (contentType) {
            case "image/png" ->
                bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
            case "image/jpeg" -> bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8;
            case "image/webp" ->
                bytes.length > 12
                        && new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("RIFF")
                        && new String(bytes, 8, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("WEBP");
            case "image/svg+xml" -> SvgPicture.isPlainDrawing(bytes);
            default -> false;
        };
    }

    /** The first 16 hex digits of the SHA-256 of the bytes: enough to tell versions of one picture apart. */
    static String hash(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
