package org.digilit.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One server of the local stack, running as a child process with its output in a log file. */
final class ServerProcess {

    private final String name;
    private final Process process;
    private final Path logFile;

    private ServerProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    static ServerProcess start(
            String name, List<String> command, Map<String, String> environment, Path workDir, Path logFile)
            throws IOException {
        Files.createDirectories(logFile.getParent());
        var builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        return new ServerProcess(name, builder.start(), logFile);
    }

    /** Runs a short command to completion (initdb, kc.sh build), failing with its output when it fails. */
    static void runToCompletion(
            String name,
            List<String> command,
            Map<String, String> environment,
            Path workDir,
            Path logFile,
            Duration timeout)
            throws IOException, InterruptedException {
        var server = start(name, command, environment, workDir, logFile);
        if (!server.process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            server.stop(Duration.ofSeconds(5));
            throw new IllegalStateException(
                    name + " did not finish within " + timeout + "; log: " + logFile + "\n" + server.logTail());
        }
        if (server.process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed with exit code " + server.process.exitValue() + "; log: "
                    + logFile + "\n" + server.logTail());
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Asks the server and everything it started to stop (SIGTERM, or the server's own signal, such as SIGINT for
     * PostgreSQL's fast shutdown), waits, then kills whatever is left.
     */
    void stop(Duration grace, String signal) {
        if (!process.isAlive()) {
            return;
        }
        var all = new ArrayList<ProcessHandle>(process.descendants().toList());
        all.add(process.toHandle());
        for (var handle : all) {
            signal(handle, signal);
        }
        var deadline = System.nanoTime() + grace.toNanos();
        for (var handle : all) {
            try {
                var left = Math.max(0, deadline - System.nanoTime());
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    void stop(Duration grace) {
        stop(grace, "TERM");
    }

    private static void signal(ProcessHandle handle, String signal) {
        if (signal.equals("TERM")) {
            handle.destroy();
            return;
        }
        try {
            new ProcessBuilder("kill", "-" + signal, String.valueOf(handle.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            handle.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroy();
        }
    }

    /** Fails with the log's path and its last lines: the message a developer needs when a server does not start. */
    IllegalStateException failure(String what) {
        return new IllegalStateException(
                name + " " + what + "; its log is " + logFile + " (last lines below)\n" + logTail());
    }

    String logTail() {
        try {
            var lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
