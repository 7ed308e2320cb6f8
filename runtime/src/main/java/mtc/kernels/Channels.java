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
     * {@code dbias[ch] = Σ_{s,p} dy[s, ch, p]}: per channel, lane-wise sums over the whole vectors
     * of every sample's run in sample order, then the lanes in order, then the scalar tails in order
     * (a fixed sequence of float additions, whatever the thread count: threads split the channels).
     */
    public static void biasGrad(float[] dy, float[] dbias, int n, int c, int spatial) {
        Parallel.ranges(c, Math.min(c, Parallel.partsForStreamed((long) n * c * spatial)), (from, to) -> biasGrad(dy, dbias, n, c, spatial, from, to));
    }

    /** Channels {@code [from, to)}; the lane sums kept in {@code [c, LANES]} so that samples are read in order. */
    private static void biasGrad(float[] dy, float[] dbias, int n, int c, int spatial, int from, int to) {
        float[] lanes = new float[(to - from) * LANES];
        float[] tails = new float[to - from];
        int whole = spatial / LANES * LANES;
        for (int s = 0; s < n; s++) {
            for (int ch = from; ch < to; ch++) {
                int base = (s * c + ch) * spatial;
                int at = (ch - from) * LANES;
                FloatVector acc = FloatVector.fromArray(GemmKernels.SPECIES, lanes, at);
                for (int p = 0; p < whole; p += LANES) acc = acc.add(FloatVector.fromArray(GemmKernels.SPECIES, dy, base + p));
                acc.intoArray(lanes, at);
                float tail = tails[ch - from];
                for (int p = whole; p < spatial; p++) tail += dy[base + p];
                tails[ch - from] = tail;
            }
        }
        for (int ch = from; ch < to; ch++) {
            float sum = 0f;
            for (int l = 0; l < LANES; l++) sum += lanes[(ch - from) * LANES + l];
            dbias[ch] = sum + tails[ch - from];
        }
    }
}
