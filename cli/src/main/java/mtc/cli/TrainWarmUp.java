package mtc.cli;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.BooleanSupplier;
import mtc.data.Dataset;
import mtc.runtime.Network;
import mtc.train.ModelWarmUp;

/**
 * Gets the model's code compiled before training starts ({@link ModelWarmUp}), so that the first
 * epochs do not run it uncompiled (100-1000x slower) or beside a busy compiler. It runs on a
 * second thread while the data loads, on synthetic batches; then, for a run long enough to repay
 * it, on the training thread itself with batches of the loaded data, until the JIT has gone quiet.
 * On the training thread because that thread's own buffers must have grown to the run's sizes
 * while the JIT still profiled: growing them later, in compiled code, threw the main kernels back
 * to the interpreter at the start of epoch 1 (seen in -XX:+LogCompilation). Results never depend
 * on any of it: the real network is not touched.
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
    private static final long QUIET_NANOS = 300_000_000L;
    /** The compile time below which a quiet spell counts as nothing compiled. */
    private static final long QUIET_COMPILE_MILLIS = 5;
    /**
     * Steps the training thread's phase always gets, however long the data took to load: enough
     * to grow its buffers and to take every short-batch path of {@link ModelWarmUp} (96 steps).
     */
    private static final int TRAINING_THREAD_STEPS = 100;

    private final Network net;
    private final int batch;
    private final Thread thread;
    private final long startedAt = System.nanoTime();
    private volatile boolean stop;

    private TrainWarmUp(Network net, int batch) {
        this.net = net;
        this.batch = batch;
        thread = new Thread(this::warmUpInBackground, "mtc-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts warming up {@code net}'s code at the run's batch size. */
    static TrainWarmUp start(Network net, int batch) {
        return new TrainWarmUp(net, batch);
    }

    /**
     * When the run ahead has {@code steps} enough to repay it (a short run would only wait),
     * goes on warming up on this thread with batches of {@code train}, for at least the minimum
     * time and then until the JIT is quiet or the maximum is reached.
     */
    void continueOn(Dataset train, long steps) {
        close();
        if (worthwhile(steps)) warmUp(train, new JitQuiet());
    }

    /** Whether a run of {@code steps} is long enough for {@link #continueOn} to warm up. */
    static boolean worthwhile(long steps) {
        return steps >= WORTHWHILE_STEPS;
    }

    /** Best effort, quietly: a model the warm-up cannot train is left for the real run to report on. */
    private void warmUpInBackground() {
        try {
            ModelWarmUp.run(net, batch, null, () -> stop);
        } catch (RuntimeException | Error e) {
            // nothing compiled early; training itself will meet and report the same problem
        }
    }

    /** As {@link #warmUpInBackground}; an Error (out of memory) goes on to the command's handler. */
    private void warmUp(Dataset data, BooleanSupplier done) {
        try {
            ModelWarmUp.run(net, batch, data, done);
        } catch (RuntimeException e) {
            // nothing compiled early; training itself will meet and report the same problem
        }
    }

    /**
     * Stops the background warm-up and waits for its step in progress, even when interrupted (the
     * interrupt is kept): it must not still switch the thread count once training has begun.
     */
    @Override
    public void close() {
        stop = true;
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

    private long elapsed() {
        return System.nanoTime() - startedAt;
    }

    /**
     * Says "done" after {@link #TRAINING_THREAD_STEPS} steps once, past the warm-up's minimum time,
     * the JIT has compiled nothing for a while, or the maximum time is reached.
     */
    private final class JitQuiet implements BooleanSupplier {
        private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        private final boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
        private long since = -1;
        private long compiled;
        private int steps;

        @Override
        public boolean getAsBoolean() {
            if (++steps <= TRAINING_THREAD_STEPS) return false;
            long now = elapsed();
            if (now < MIN_NANOS) return false;
            if (!timed || now >= MAX_NANOS) return true;
            if (since >= 0 && now - since < QUIET_NANOS) return false;
            long total = jit.getTotalCompilationTime();
            boolean quiet = since >= 0 && total - compiled < QUIET_COMPILE_MILLIS;
            since = now;
            compiled = total;
            return quiet;
        }
    }
}
