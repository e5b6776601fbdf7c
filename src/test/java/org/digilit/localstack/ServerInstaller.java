package org.digilit.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Unpacks the server distributions that the build fetched from Maven Central (into {@code target/stack-dist}) into a
 * cache folder, once per version, under a file lock so that two runs never unpack over each other.
 */
final class ServerInstaller {

    private static final String DONE_MARKER = ".digilit-installed";

    private final Path distributions;
    private final Path servers;

    ServerInstaller(Path distributions, Path servers) {
        this.distributions = distributions;
        this.servers = servers;
    }

    /** Unpacks a zip whose entries sit under one top folder; returns that folder. */
    Path unzip(String archiveName, String topFolder) throws IOException, InterruptedException {
        var target = servers.resolve(topFolder);
        return installOnce(target, staging -> {
            try (var zip = new ZipFile(archive(archiveName).toFile())) {
                for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                    var entry = entries.nextElement();
                    var path = staging.resolve(entry.getName()).normalize();
                    if (!path.startsWith(staging)) {
                        throw new IOException("Archive entry escapes its folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(path);
                        continue;
                    }
                    Files.createDirectories(path.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
                    }
                    var name = entry.getName();
                    boolean executable = name.contains("/bin/") || name.endsWith(".sh") || name.contains("/native/");
                    Files.setPosixFilePermissions(
                            path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            return staging.resolve(topFolder);
        });
    }

    /** Unpacks zonky's PostgreSQL binaries: a jar holding one .txz archive. */
    Path postgres(String archiveName, String folderName) throws IOException, InterruptedException {
        var target = servers.resolve(folderName);
        return installOnce(target, staging -> {
            var unpacked = staging.resolve(folderName);
            Files.createDirectories(unpacked);
            try (var jar = new ZipFile(archive(archiveName).toFile())) {
                var txz = jar.stream()
                        .filter(e -> e.getName().endsWith(".txz"))
                        .findFirst()
                        .orElseThrow(() -> new IOException(archiveName + " holds no PostgreSQL .txz archive"));
                var txzFile = staging.resolve("postgres.txz");
                try (var in = jar.getInputStream(txz)) {
                    Files.copy(in, txzFile);
                }
                var tar = new ProcessBuilder("tar", "-xJf", txzFile.toString(), "-C", unpacked.toString())
                        .redirectErrorStream(true)
                        .start();
                var output = new String(tar.getInputStream().readAllBytes());
                if (tar.waitFor() != 0) {
                    throw new IOException("Unpacking PostgreSQL failed: " + output);
                }
            }
            return unpacked;
        });
    }

    private Path archive(String archiveName) {
        var archive = distributions.resolve(archiveName);
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("Server distribution " + archive + " is missing: the build copies it there"
                    + " (maven-dependency-plugin, phase process-test-resources); run the tests through ./mvnw");
        }
        return archive;
    }

    private Path installOnce(Path target, Unpacker unpacker) throws IOException, InterruptedException {
        Files.createDirectories(servers);
        try (var channel = FileChannel.open(
                        servers.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                var lock = channel.lock()) {
            if (Files.exists(target.resolve(DONE_MARKER))) {
                return target;
            }
            deleteRecursively(target);
            var staging = Files.createTempDirectory(servers, "unpacking-");
            try {
                var unpacked = unpacker.unpack(staging);
                Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
                Files.createFile(target.resolve(DONE_MARKER));
            } finally {
                deleteRecursively(staging);
            }
            return target;
        }
    }

    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @FunctionalInterface
    private interface Unpacker {
        Path unpack(Path staging) throws IOException, InterruptedException;
    }
}
