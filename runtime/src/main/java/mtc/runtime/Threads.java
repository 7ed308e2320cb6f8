package mtc.runtime;

/**
 * The number of worker threads the kernels may use, set once by {@code mtc train --threads}.
 * A process-wide setting rather than a parameter, because generated code calls kernels as plain
 * static methods and must not thread a configuration object through every call.
 */
public final class Threads {
    private static volatile int count = Runtime.getRuntime().availableProcessors();

    private Threads() {}

    /** The configured number of worker threads (the number of cores unless set). */
    public static int get() { return count; }

    /** Sets the number of worker threads; {@code threads} must be at least 1. */
    public static void set(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        count = threads;
    }
}
