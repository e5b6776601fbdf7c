package org.digilit.base;

import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives an uploaded file on the server with its size limit enforced while the bytes arrive (issue #14, DD008): the
 * browser's limit is only advice, a forged request can send anything. A request that announces more than the limit is
 * refused before a byte is read; one that sends more than it announced is cut off at the limit (the app stops reading,
 * Tomcat closes the connection past {@code server.tomcat.max-swallow-size}) and its temporary file is deleted at once.
 * A file within the limit lands in a private folder ({@link #FOLDER}, owner-only) and is handed to the view, which
 * deletes it as soon as the import has read it; files left by a crash are swept at start ({@link #sweep}).
 */
public final class LimitedUploadHandler implements UploadHandler {

    /** Where uploads wait to be read: under the JVM's temporary folder, readable by the app's user only. */
    public static final Path FOLDER = Path.of(System.getProperty("java.io.tmpdir"), "digilit-uploads");

    /** What the view does with a file within the limit (in the UI's lock); it owns the file from then on. */
    @FunctionalInterface
    public interface Receiver extends Serializable {
        void received(String fileName, Path file);
    }

    private static final Logger log = LoggerFactory.getLogger(LimitedUploadHandler.class);
    private static final int BUFFER = 64 * 1024;

    private final long maxBytes;
    private final Receiver receiver;
    private final SerializableRunnable tooLarge;

    /**
     * @param maxBytes the most bytes a file may have
     * @param receiver gets a file within the limit
     * @param tooLarge runs (in the UI's lock) when a file was refused for its size
     */
    public LimitedUploadHandler(long maxBytes, Receiver receiver, SerializableRunnable tooLarge) {
        this.maxBytes = maxBytes;
        this.receiver = receiver;
        this.tooLarge = tooLarge;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        var ui = event.getUI();
        if (event.getFileSize() > maxBytes) {
            log.info("Refused an upload announcing {} bytes (limit {})", event.getFileSize(), maxBytes);
            event.reject("file too large");
            ui.access(tooLarge::run);
            return;
        }
        var file = newFile();
        boolean within = false;
        try (InputStream in = event.getInputStream();
                OutputStream out = Files.newOutputStream(file)) {
            within = copyAtMost(in, out, maxBytes);
        } finally {
            if (!within) {
                Files.deleteIfExists(file);
            }
        }
        if (!within) {
            log.info("Cut off an upload past its limit of {} bytes; its temporary file is deleted", maxBytes);
            event.reject("file too large");
            ui.access(tooLarge::run);
            return;
        }
        var name = event.getFileName();
        ui.access(() -> receiver.received(name, file));
    }

    @Override
    public long getRequestSizeMax() {
        return maxBytes + BUFFER; // multipart framing around the file
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }

    /**
     * Copies at most {@code maxBytes}; false (and no further reading) as soon as the input has more. Reads at most one
     * buffer past the limit.
     */
    public static boolean copyAtMost(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > maxBytes) {
                return false;
            }
            out.write(buffer, 0, n);
        }
        return true;
    }

    /** Deletes an uploaded file the view is done with (nothing when it is gone already). */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete an uploaded file: {}", e.toString());
        }
    }

    /** Deletes uploads older than {@code age} that a crash or a killed session left behind. */
    public static int sweep(Duration age) {
        if (!Files.isDirectory(FOLDER)) {
            return 0;
        }
        var before = Instant.now().minus(age);
        int deleted = 0;
        try (var files = Files.list(FOLDER)) {
            for (var file : files.toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                    Files.deleteIfExists(file);
                    deleted++;
                }
            }
        } catch (IOException e) {
            log.warn("Could not sweep old uploads: {}", e.toString());
        }
        return deleted;
    }

    private static Path newFile() {
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(
                        FOLDER, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                return Files.createTempFile(
                        FOLDER,
                        "upload-",
                        ".part",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.createDirectories(FOLDER);
            return Files.createTempFile(FOLDER, "upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
