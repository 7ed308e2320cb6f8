package mtc.train;

import java.util.function.BooleanSupplier;
import mtc.data.Dataset;
import mtc.kernels.Parallel;
import mtc.runtime.Network;
import mtc.runtime.Rng;
import mtc.runtime.StepStats;

/**
 * Gets a model's code compiled before its training starts: a twin of the network (another instance
 * of its class, with its own state and random stream) trains on batches of the run's batch size,
 * synthetic image-like ones or the run's own data, with an evaluation now and then, on one thread
 * and on all of them in turn, so that the JIT compiles every kernel path the run will take, with
 * the run's shapes, for both of the thread counts {@link ThreadTuner} chooses between. The Vector API runs 100-1000x slower until C2
 * has compiled it; without this, the first epoch spent seconds waiting (2.2 s against 1.4 s with it,
 * measured). Nothing of the real network is touched: results never depend on whether, or how long,
 * this ran.
 */
public final class ModelWarmUp {
    private static final int EVALUATE_EVERY = 16;
    /**
     * Empty hand-overs to the worker first: at the few per training step, the hand-over code was
     * compiled by C2 only in the third or fourth epoch (seen with -XX:+PrintCompilation).
     */
    private static final int HAND_OVERS = 30_000;
    /**
     * Hand-overs between two looks at the thread's interrupt, by which a warm-up stopped early ends
     * them: uncompiled, all of them take longer than the data now takes to load.
     */
    private static final int HAND_OVERS_BETWEEN_CHECKS = 500;

    private ModelWarmUp() {}

    /**
     * Trains a twin of {@code net} at {@code batch} until {@code done} says so, on random batches
     * of {@code data} or, when it is null, on synthetic ones; does nothing when the network's class
     * cannot be instantiated again, and stops before its first step when the thread is interrupted.
     */
    public static void run(Network net, int batch, Dataset data, BooleanSupplier done) {
        for (int i = 0; i < HAND_OVERS && !Thread.currentThread().isInterrupted(); i += HAND_OVERS_BETWEEN_CHECKS) {
            Parallel.warmUp(HAND_OVERS_BETWEEN_CHECKS);
        }
        Network twin = Thread.currentThread().isInterrupted() ? null : twinOf(net);
        if (twin == null) return;
        twin.useOptimizer(net.optimizerState().step().spec()); // the run's update kernels, not only plain SGD's
        Rng rng = new Rng(1);
        twin.initialize(rng);
        int evalBatch = Math.max(batch, Evaluator.CHUNK);
        float[] x = imageLike(rng, evalBatch, net.spec().inputSize());
        int[] labels = new int[evalBatch];
        for (int i = 0; i < evalBatch; i++) labels[i] = rng.nextInt(net.spec().classes());
        int[] order = new int[evalBatch];
        int most = net.threads();
        try {
            for (int step = 1; !done.getAsBoolean(); step++) {
                twin.setThreads(step % 2 == 0 ? most : 1); // both ways, as the thread tuner will switch between them
                boolean evaluating = step % EVALUATE_EVERY == 0;
                if (data != null) copyRandomSamples(data, rng, order, evaluating ? evalBatch : batch, x, labels);
                twin.trainStep(x, labels, rowsOf(step, batch), 0.01f, rng, new StepStats());
                if (evaluating) twin.evaluate(x, labels, evalBatch, null, new StepStats());
            }
        } finally {
            twin.setThreads(most);
        }
    }

    /**
     * The batch of a step: the run's, and now and then one to six rows fewer, as an epoch's last
     * batch may be. Each number of rows left below a multiple of six takes its own kernel path,
     * which C2 otherwise compiles as a trap that the last batch of epoch 1 springs.
     */
    private static int rowsOf(int step, int batch) {
        return step % EVALUATE_EVERY == EVALUATE_EVERY / 2 ? Math.max(1, batch - 1 - (step / EVALUATE_EVERY) % 6) : batch;
    }

    /** Copies {@code count} samples of {@code data} drawn at random to the front of {@code x} and {@code labels}. */
    private static void copyRandomSamples(Dataset data, Rng rng, int[] order, int count, float[] x, int[] labels) {
        for (int i = 0; i < count; i++) order[i] = rng.nextInt(data.count());
        data.copyBatch(order, 0, count, x, labels);
    }

    private static Network twinOf(Network net) {
        try {
            return net.getClass().getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Samples zero outside a random window and half zero inside it, as images are mostly zero: the
     * products of the input then take the paths that real images make them take.
     */
    private static float[] imageLike(Rng rng, int samples, int size) {
        float[] x = new float[samples * size];
        for (int s = 0; s < samples; s++) {
            int lo = rng.nextInt(size), hi = lo + rng.nextInt(size - lo) + 1;
            for (int i = lo; i < hi; i++) x[s * size + i] = rng.nextInt(2) == 0 ? 0f : rng.nextFloat();
        }
        return x;
    }
}
