package mtc.kernels;

import jdk.incubator.vector.FloatVector;

/**
 * Per-channel operations on NCHW tensors {@code [n, c, spatial]}, where each (sample, channel)
 * pair is a contiguous run of {@code spatial} positions: the bias of a convolution and its gradient.
 */
public final class Channels {
    private static final int LANES = GemmKernels.LANES;

    private Channels() {}

    /** {@code y[s, ch, p] = x[s, ch, p] + bias[ch]}; {@code x} and {@code y} may be the same array. */
    public static void biasAdd(float[] x, float[] bias, float[] y, int n, int c, int spatial) {
        Parallel.ranges(n * c, Parallel.partsForStreamed((long) n * c * spatial), (from, to) -> biasAdd(x, bias, y, c, spatial, from, to));
    }

    /** Runs {@code [from, to)} of the (sample, channel) runs. */
    private static void biasAdd(float[] x, float[] bias, float[] y, int c, int spatial, int from, int to) {
        for (int run = from; run < to; run++) {
            float b = bias[run % c];
            int base = run * spatial;
            int p = 0;
            for (; p + LANES <= spatial; p += LANES) {
                FloatVector.fromArray(GemmKernels.SPECIES, x, base + p).add(b).intoArray(y, base + p);
            }
            for (; p < spatial; p++) y[base + p] = x[base + p] + b;
        }
    }

    /**
     * {@code dbias[ch] = Σ_{s,p} dy[s, ch, p]}, summed as {@link RunSums} describes (a fixed
     * sequence of float additions, whatever the thread count: threads split the samples, as the
     * kernels that wrote {@code dy} did).
     */
    public static void biasGrad(float[] dy, float[] dbias, int n, int c, int spatial) {
        RunSums sums = RunSums.of(n * c);
        Parallel.ranges(n * c, Parallel.partsForStreamed((long) n * c * spatial), (from, to) -> {
            for (int run = from; run < to; run++) sums.sum(dy, run * spatial, spatial, run);
        });
        sums.total(dbias, n, c);
    }
}
