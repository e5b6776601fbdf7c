package org.digilit.localstack;

/** What every benchmark command shares. */
public final class Benchmarks {

    /** A benchmark's work. */
    public interface Work {
        void run() throws Exception;
    }

    private Benchmarks() {}

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
