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
        for (int run = 0; run < n * c; run++) {
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
     * (a fixed sequence of float additions, whatever the thread count). The lane sums are kept in
     * {@code [c, LANES]} scratch so that {@code dy} is read once, in order.
     */
    public static void biasGrad(float[] dy, float[] dbias, int n, int c, int spatial) {
        float[] lanes = new float[c * LANES];
        float[] tails = new float[c];
        int whole = spatial / LANES * LANES;
        for (int s = 0; s < n; s++) {
            for (int ch = 0; ch < c; ch++) {
                int base = (s * c + ch) * spatial;
                FloatVector acc = FloatVector.fromArray(GemmKernels.SPECIES, lanes, ch * LANES);
                for (int p = 0; p < whole; p += LANES) acc = acc.add(FloatVector.fromArray(GemmKernels.SPECIES, dy, base + p));
                acc.intoArray(lanes, ch * LANES);
                float tail = tails[ch];
                for (int p = whole; p < spatial; p++) tail += dy[base + p];
                tails[ch] = tail;
            }
        }
        for (int ch = 0; ch < c; ch++) {
            float sum = 0f;
            for (int l = 0; l < LANES; l++) sum += lanes[ch * LANES + l];
            dbias[ch] = sum + tails[ch];
        }
    }
}
