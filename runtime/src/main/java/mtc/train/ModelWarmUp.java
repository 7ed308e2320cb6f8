package mtc.train;

import java.util.function.BooleanSupplier;
import mtc.kernels.Parallel;
import mtc.runtime.Network;
import mtc.runtime.Rng;
import mtc.runtime.StepStats;
import mtc.runtime.Threads;

/**
 * Gets a model's code compiled before its training starts: a twin of the network (another instance
 * of its class, with its own state and random stream) trains on synthetic image-like batches of the
 * run's batch size, with an evaluation now and then, on one thread and on all of them in turn, so
 * that the JIT compiles every kernel path the run will take, with the run's shapes, for both of the
 * thread counts {@link ThreadTuner} chooses between. The Vector API runs 100-1000x slower until C2
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

    private ModelWarmUp() {}

    /**
     * Trains a twin of {@code net} at {@code batch} until {@code done} says so; does nothing when
     * the network's class cannot be instantiated again.
     */
    public static void run(Network net, int batch, BooleanSupplier done) {
        Parallel.warmUp(HAND_OVERS);
        Network twin = twinOf(net);
        if (twin == null) return;
        Rng rng = new Rng(1);
        twin.initialize(rng);
        int evalBatch = Math.max(batch, Evaluator.CHUNK);
        float[] x = imageLike(rng, evalBatch, net.spec().inputSize());
        int[] labels = new int[evalBatch];
        for (int i = 0; i < evalBatch; i++) labels[i] = rng.nextInt(net.spec().classes());
        int most = Threads.get();
        try {
            for (int step = 1; !done.getAsBoolean(); step++) {
                Threads.set(step % 2 == 0 ? most : 1); // both ways, as the thread tuner will switch between them
                twin.trainStep(x, labels, batch, 0.01f, rng, new StepStats());
                if (step % EVALUATE_EVERY == 0) twin.evaluate(x, labels, evalBatch, null, new StepStats());
            }
        } finally {
            Threads.set(most);
        }
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
