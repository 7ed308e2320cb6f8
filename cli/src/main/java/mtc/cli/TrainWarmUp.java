package mtc.cli;

import mtc.runtime.Network;
import mtc.train.ModelWarmUp;

/**
 * Gets the model's code compiled while the data loads ({@link ModelWarmUp}): on a second thread, a
 * twin of the network trains on synthetic batches until the data is there, so that the JIT has
 * started on the kernels by the first step. It then stops at once: the user waits for the whole
 * command, and a twin's step is never worth more than a real one. Warming up on the training
 * thread until the JIT was quiet (3-4 s for the seed model) made epoch 1 run at full speed but
 * cost more than it saved: a 1-epoch run took 5.0 s with it and 2.7 s without (measured, see
 * docs/performance.md). Results never depend on any of it: the real network is not touched.
 */
final class TrainWarmUp implements AutoCloseable {
    private final Thread thread;
    private volatile boolean stop;

    private TrainWarmUp(Network net, int batch) {
        thread = new Thread(() -> warmUp(net, batch), "mtc-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts warming up {@code net}'s code at the run's batch size. */
    static TrainWarmUp start(Network net, int batch) {
        return new TrainWarmUp(net, batch);
    }

    /** Best effort, quietly: a model the warm-up cannot train is left for the real run to report on. */
    private void warmUp(Network net, int batch) {
        try {
            ModelWarmUp.run(net, batch, null, () -> stop);
        } catch (RuntimeException | Error e) {
            // nothing compiled early; training itself will meet and report the same problem
        }
    }

    /**
     * Stops the warm-up and waits for its step in progress, even when interrupted (the interrupt is
     * kept): it must not still switch the thread count once training has begun.
     */
    @Override
    public void close() {
        stop = true;
        thread.interrupt();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
