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
     * (a fixed sequence of float additions, whatever the thread count).
     */
    public static void biasGrad(float[] dy, float[] dbias, int n, int c, int spatial) {
        float[] lanes = new float[LANES];
        int whole = spatial / LANES * LANES;
        for (int ch = 0; ch < c; ch++) {
            FloatVector acc = FloatVector.zero(GemmKernels.SPECIES);
            float tail = 0f;
            for (int s = 0; s < n; s++) {
                int base = (s * c + ch) * spatial;
                for (int p = 0; p < whole; p += LANES) acc = acc.add(FloatVector.fromArray(GemmKernels.SPECIES, dy, base + p));
                for (int p = whole; p < spatial; p++) tail += dy[base + p];
            }
            acc.intoArray(lanes, 0);
            float sum = 0f;
            for (float lane : lanes) sum += lane;
            dbias[ch] = sum + tail;
        }
    }
}
