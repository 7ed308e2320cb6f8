package mtc.cli;

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
     * Lets the warm-up run to its minimum time when the run ahead has enough steps to repay it
     * (a short run would only wait); {@link #close} then stops it.
     */
    void letRunFor(long steps) {
        if (steps < WORTHWHILE_STEPS) return;
        long left = MIN_NANOS - (System.nanoTime() - startedAt);
        try {
            if (left > 0) Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
