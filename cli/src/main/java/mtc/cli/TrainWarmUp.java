package mtc.cli;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import mtc.runtime.Network;
import mtc.train.ModelWarmUp;

/**
 * Gets the model's code compiled on the second core while the data loads ({@link ModelWarmUp}),
 * so that the first epoch does not run it uncompiled (100-1000x slower) for seconds. It is stopped
 * and joined before training starts, so it never competes with training for the cores and results
 * never depend on it.
 */
final class TrainWarmUp implements AutoCloseable {
    /**
     * The least time it gets, even when the data loads sooner: about what C2 needs for the seed
     * model's kernels on this kind of machine (measured), most of which the first epoch saves.
     */
    private static final long MIN_NANOS = 1_500_000_000L;
    /** Steps of training from which waiting for the warm-up pays: an epoch of MNIST at batch 64 is 938. */
    private static final long WORTHWHILE_STEPS = 500;
    /**
     * The most time it gets: past the minimum it goes on while the JIT is still compiling, which
     * for the seed model took 3-4 s on this kind of machine (C2 ~3 s of CPU). Until then the
     * compiler holds one of the two cores, and training ran slower on both: epochs 2 and 3 at
     * 80-120k samples/s against 130-190k once it is done.
     */
    private static final long MAX_NANOS = 6_000_000_000L;
    /** How long the JIT must have compiled (almost) nothing for the warm-up to end. */
    private static final long QUIET_MILLIS = 300;
    /** The compile time below which a quiet spell counts as nothing compiled. */
    private static final long QUIET_COMPILE_MILLIS = 5;

    private final Thread thread;
    private final long startedAt = System.nanoTime();
    private volatile boolean stop;

    private TrainWarmUp(Network net, int batch) {
        thread = new Thread(() -> warmUp(net, batch), "mtc-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Best effort: a model the warm-up cannot train is left for the real run to report on. */
    private void warmUp(Network net, int batch) {
        try {
            ModelWarmUp.run(net, batch, () -> stop);
        } catch (RuntimeException e) {
            // nothing compiled early; training itself will meet and report the same problem
        }
    }

    /** Starts warming up {@code net}'s code at the run's batch size. */
    static TrainWarmUp start(Network net, int batch) {
        return new TrainWarmUp(net, batch);
    }

    /**
     * When the run ahead has enough steps to repay it (a short run would only wait), lets the
     * warm-up run to its minimum time and then on until the JIT has gone quiet, or to its maximum;
     * {@link #close} then stops it.
     */
    void letRunFor(long steps) {
        if (steps < WORTHWHILE_STEPS) return;
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
        try {
            sleepUntil(MIN_NANOS);
            long compiled = timed ? jit.getTotalCompilationTime() : 0;
            while (timed && elapsed() < MAX_NANOS) {
                Thread.sleep(QUIET_MILLIS);
                long now = jit.getTotalCompilationTime();
                if (now - compiled < QUIET_COMPILE_MILLIS) break;
                compiled = now;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sleepUntil(long nanos) throws InterruptedException {
        long left = nanos - elapsed();
        if (left > 0) Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
    }

    private long elapsed() {
        return System.nanoTime() - startedAt;
    }

    /** Stops the warm-up and waits for its step in progress. */
    @Override
    public void close() {
        stop = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
