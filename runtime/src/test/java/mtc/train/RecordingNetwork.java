package mtc.train;

import java.util.ArrayList;
import java.util.List;
import mtc.runtime.Network;
import mtc.runtime.NetworkSpec;
import mtc.runtime.Rng;
import mtc.runtime.StepStats;

/**
 * A network that learns nothing but records the labels of every batch it is given, and can
 * report a NaN loss at a chosen step: for testing the loop's order, batching and fault handling.
 */
final class RecordingNetwork implements Network {
    final List<int[]> batches = new ArrayList<>();
    final List<Long> randomDraws = new ArrayList<>();
    private final NetworkSpec spec;
    private final int nanAtStep;

    RecordingNetwork(int nanAtStep) {
        this.spec = new NetworkSpec("Recorder", List.of(784), 10, List.of(), Double.NaN);
        this.nanAtStep = nanAtStep;
    }

    @Override public NetworkSpec spec() { return spec; }

    @Override public float[] floats(int i) { throw new IndexOutOfBoundsException(i); }

    @Override public long[] longs(int i) { throw new IndexOutOfBoundsException(i); }

    private int threads = mtc.runtime.Threads.cores();

    @Override public int threads() { return threads; }

    @Override public void setThreads(int threads) { this.threads = mtc.runtime.Threads.checked(threads); }

    @Override public void initialize(Rng rng) {}

    @Override
    public void trainStep(float[] x, int[] labels, int n, float lr, Rng rng, StepStats stats) {
        batches.add(java.util.Arrays.copyOf(labels, n));
        randomDraws.add(rng.nextLong());
        stats.lossSum += batches.size() == nanAtStep ? Double.NaN : n;
        stats.samples += n;
    }

    @Override
    public void evaluate(float[] x, int[] labels, int n, float[] probs, StepStats stats) {
        stats.samples += n;
    }
}
