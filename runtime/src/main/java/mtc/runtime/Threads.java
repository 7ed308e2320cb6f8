package mtc.runtime;

/**
 * How many threads the kernels called on this thread may use. A network holds its own count (its
 * execution context, {@link Network#threads()}) and binds it here for the duration of each call,
 * because generated code calls kernels as plain static methods and must not thread a
 * configuration object through every call. Unbound, kernels may use every core.
 */
public final class Threads {
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** The count bound on this thread; 0 when none is. An array, so that binding allocates nothing. */
    private static final ThreadLocal<int[]> BOUND = ThreadLocal.withInitial(() -> new int[1]);

    private Threads() {}

    /** The number of cores: a network's count unless it is set. */
    public static int cores() { return CORES; }

    /** The count of the network whose call is running on this thread, else the number of cores. */
    public static int current() {
        int bound = BOUND.get()[0];
        return bound > 0 ? bound : CORES;
    }

    /**
     * Binds {@code threads} (at least 1, or 0 to unbind) for the calls that follow on this thread, and
     * returns the binding it replaces, for the caller to restore: {@code int saved = bind(n); try {...}
     * finally { bind(saved); }}.
     */
    public static int bind(int threads) {
        if (threads < 0) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        int[] slot = BOUND.get();
        int saved = slot[0];
        slot[0] = threads;
        return saved;
    }

    /** {@code threads} itself, checked to be at least 1. */
    public static int checked(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        return threads;
    }
}
