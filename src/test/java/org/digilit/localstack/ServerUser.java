package org.digilit.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The user the servers run as. PostgreSQL and Elasticsearch refuse to run as root, and CI runs as root: when this JVM is
 * root, those two run as the unprivileged system user {@value #NAME} (created on first use), through {@code setpriv},
 * which replaces itself with the server so that stopping the child stops the server. As a normal user, nothing changes.
 */
final class ServerUser {

    static final String NAME = "digilit-stack";

    private final boolean root;

    private ServerUser(boolean root) {
        this.root = root;
    }

    static ServerUser detect() {
        return new ServerUser(new com.sun.security.auth.module.UnixSystem().getUid() == 0);
    }

    boolean isRoot() {
        return root;
    }

    /** Makes sure the unprivileged user exists (root only). */
    void ensureExists() throws IOException, InterruptedException {
        if (!root || run(List.of("id", "-u", NAME)) == 0) {
            return;
        }
        int exit = run(List.of(
                "useradd", "--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME));
        if (exit != 0 && run(List.of("id", "-u", NAME)) != 0) {
            throw new IllegalStateException("Could not create the unprivileged user '" + NAME
                    + "' that PostgreSQL and Elasticsearch need when the tests run as root (useradd exit " + exit
                    + ")");
        }
    }

    /** The command, run as the unprivileged user when this JVM is root. */
    List<String> command(List<String> command) {
        if (!root) {
            return command;
        }
        var wrapped =
                new ArrayList<String>(List.of("setpriv", "--reuid=" + NAME, "--regid=" + NAME, "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Hands a folder (and everything under it) to the unprivileged user. */
    void own(Path folder) throws IOException, InterruptedException {
        if (root && run(List.of("chown", "-R", NAME + ":" + NAME, folder.toString())) != 0) {
            throw new IllegalStateException("Could not hand " + folder + " to the user " + NAME);
        }
    }

    /** Whether the unprivileged user can reach (traverse) the folder: not the case under a 0700 home of root. */
    boolean canReach(Path folder) throws IOException, InterruptedException {
        if (!root) {
            return true;
        }
        var existing = folder.toAbsolutePath();
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        return run(command(List.of("test", "-x", existing.toString()))) == 0;
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
