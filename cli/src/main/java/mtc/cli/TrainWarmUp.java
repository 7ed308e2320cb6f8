package mtc.cli;

import mtc.kernels.Gemm;

/**
 * Compiles the GEMM kernels on the second core while the model compiles and the data loads, so
 * that the first epoch does not run them uncompiled (100-1000x slower) for several seconds. It is
 * joined before training starts, so it never competes with training for the cores and results
 * never depend on it.
 */
final class TrainWarmUp implements AutoCloseable {
    /** Enough for C2 to compile every kernel on this machine, measured; data loading takes about as long. */
    private static final long BUDGET_MILLIS = 2_000;

    private final Thread thread;

    private TrainWarmUp(Thread thread) {
        this.thread = thread;
    }

    static TrainWarmUp start() {
        Thread thread = new Thread(() -> Gemm.warmUp(BUDGET_MILLIS), "mtc-warm-up");
        thread.setDaemon(true);
        thread.start();
        return new TrainWarmUp(thread);
    }

    /** Waits for the warm-up to end (at most its budget). */
    @Override
    public void close() {
        try {
            thread.join(BUDGET_MILLIS + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
