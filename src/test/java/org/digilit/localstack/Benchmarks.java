package org.digilit.localstack;

import java.util.ArrayList;
import java.util.List;

/** What every benchmark command shares. */
public final class Benchmarks {

    /** A benchmark's work. */
    public interface Work {
        void run() throws Exception;
    }

    private Benchmarks() {}

    /** The command's size: its last argument, or the fallback when it has none. */
    public static int size(String[] args, int fallback) {
        return args.length == 0 ? fallback : Integer.parseInt(args[args.length - 1]);
    }

    /**
     * The app's arguments for a benchmark that times work of its own: any free port, no banner, no demo people, and
     * nothing on a timer (no report pass or quarter closing, no provisioning); then the benchmark's own.
     */
    public static List<String> appWithoutTimers(String... more) {
        var arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--digilit.demo.people=0",
                "--digilit.reporting.auto-close=false",
                "--digilit.reporting.initial-delay=10h",
                "--digilit.provisioning.enabled=false"));
        arguments.addAll(List.of(more));
        return arguments;
    }

    /**
     * Runs a benchmark and ends the JVM: status 0 once it has printed its figures, 1 with the stack trace when it
     * failed. Without the exit, the app's and the servers' threads would keep the command from ending.
     */
    public static void exitAfter(Work work) {
        try {
            work.run();
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
