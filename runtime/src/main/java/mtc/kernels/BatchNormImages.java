package mtc.kernels;

import static jdk.incubator.vector.VectorOperators.F2D;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Batch-norm loops for {@code [n, c, spatial]} data with {@code spatial > 1}: each (sample,
 * channel) pair is a contiguous run of positions. Sums go to {@code scratch[0, c)} and
 * {@code scratch[c, 2c)} as {@link BatchNormKernels} describes.
 *
 * <p>A run's sums are taken in double over vectors: each float vector widened to two double
 * vectors, each half with its own accumulator (a single chain of scalar double additions waits
 * four cycles per element, and was a fifth of a residual network's step), then the lanes added in
 * lane order and the run's tail after them. The order is fixed by the sizes, so results do not
 * depend on the thread count or on which compiler runs the loop.
 */
final class BatchNormImages {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorShuffle<Float> UPPER_TO_LOWER = VectorShuffle.fromOp(F, i -> (i + D.length()) % F.length());

    static {
        if (F.length() != 2 * D.length()) throw new AssertionError("float lanes should be twice the double lanes");
    }

    /** {@link #runSums}' array per calling thread. */
    private static final ThreadLocal<double[][]> RUN_SUMS = ThreadLocal.withInitial(() -> new double[][] {new double[0]});

    private BatchNormImages() {}

    /** {@code scratch[ch]} = mean, {@code scratch[c + ch]} = Σ (x − mean)²: two passes, for accuracy. */
    static void sumsAndSquares(float[] x, double[] scratch, int n, int c, int spatial) {
        double[] runs = runSums(n * c);
        eachRun(n, c, spatial, (from, to) -> {
            for (int run = from; run < to; run++) runs[run] = sum(x, run * spatial, spatial);
        });
        for (int ch = 0; ch < c; ch++) scratch[ch] = inSampleOrder(runs, 1, 0, ch, n, c) / ((double) n * spatial);
        eachRun(n, c, spatial, (from, to) -> {
            for (int run = from; run < to; run++) runs[run] = squares(x, run * spatial, spatial, scratch[run % c]);
        });
        for (int ch = 0; ch < c; ch++) scratch[c + ch] = inSampleOrder(runs, 1, 0, ch, n, c);
    }

    /**
     * Room for a double per (sample, channel) run ({@code size} of them), on the calling thread,
     * filled by all threads in one call. Each run's sum is taken where that run was written (by
     * whole samples, as {@link #eachRun} shares them), and a channel's runs are then added in
     * sample order on one thread: the same additions in the same order as summing each channel's
     * runs on one thread, so the numbers do not depend on the thread count.
     */
    private static double[] runSums(int size) {
        double[][] holder = RUN_SUMS.get();
        if (holder[0].length < size) holder[0] = new double[size];
        return holder[0];
    }

    /** The sum over samples, in order, of {@code runs[stride·(b·c + ch) + offset]}. */
    private static double inSampleOrder(double[] runs, int stride, int offset, int ch, int n, int c) {
        double total = 0;
        for (int b = 0; b < n; b++) total += runs[stride * (b * c + ch) + offset];
        return total;
    }

    /** Σ x[from, from + count), in double. */
    private static double sum(float[] x, int from, int count) {
        DoubleVector low = DoubleVector.zero(D), high = low;
        int p = 0;
        for (int bound = F.loopBound(count); p < bound; p += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, from + p);
            low = low.add((DoubleVector) v.convertShape(F2D, D, 0));
            high = high.add(upper(v));
        }
        double s = lanes(low.add(high));
        for (; p < count; p++) s += x[from + p];
        return s;
    }

    /** Σ (x − mean)² over x[from, from + count), in double. */
    private static double squares(float[] x, int from, int count, double mean) {
        DoubleVector low = DoubleVector.zero(D), high = low;
        int p = 0;
        for (int bound = F.loopBound(count); p < bound; p += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, from + p);
            DoubleVector l = ((DoubleVector) v.convertShape(F2D, D, 0)).sub(mean);
            DoubleVector h = upper(v).sub(mean);
            low = low.add(l.mul(l));
            high = high.add(h.mul(h));
        }
        double s = lanes(low.add(high));
        for (; p < count; p++) {
            double d = x[from + p] - mean;
            s += d * d;
        }
        return s;
    }

    /** Σ a·b over [from, from + count), in double (each product of two floats is exact in double). */
    private static double dot(float[] a, float[] b, int from, int count) {
        DoubleVector low = DoubleVector.zero(D), high = low;
        int p = 0;
        for (int bound = F.loopBound(count); p < bound; p += F.length()) {
            FloatVector u = FloatVector.fromArray(F, a, from + p);
            FloatVector v = FloatVector.fromArray(F, b, from + p);
            low = low.add(((DoubleVector) u.convertShape(F2D, D, 0)).mul((DoubleVector) v.convertShape(F2D, D, 0)));
            high = high.add(upper(u).mul(upper(v)));
        }
        double s = lanes(low.add(high));
        for (; p < count; p++) s += (double) a[from + p] * b[from + p];
        return s;
    }

    /**
     * The upper half of {@code v}'s lanes, widened to double: moved down first, then converted as
     * the lower half is. Converting it in place ({@code convertShape(F2D, D, 1)}) was left to the
     * Vector API's Java fallback in {@link #dot}, an allocation per vector (bench/garbage.sh).
     */
    private static DoubleVector upper(FloatVector v) {
        return (DoubleVector) v.rearrange(UPPER_TO_LOWER).convertShape(F2D, D, 0);
    }

    /** The lanes' sum in lane order. */
    private static double lanes(DoubleVector v) {
        double s = 0;
        for (int i = 0; i < D.length(); i++) s += v.lane(i);
        return s;
    }

    /**
     * {@code xhat = (x − mean)·invStd}, {@code y = γ·xhat + β}, with mean and invStd in {@code scratch};
     * then relu if {@code relu} (as {@link Activations#relu}).
     */
    static void normalise(float[] x, float[] y, float[] xhat, float[] gamma, float[] beta, double[] scratch,
                          int n, int c, int spatial, boolean relu) {
        eachRun(n, c, spatial, (from, to) -> {
            for (int run = from; run < to; run++) {
                int ch = run % c;
                float mean = (float) scratch[ch];
                float inv = (float) scratch[c + ch];
                float g = gamma[ch], shift = beta[ch]; // locals: the stores below could alias the arrays
                int end = (run + 1) * spatial;
                for (int p = run * spatial; p < end; p++) {
                    float h = (x[p] - mean) * inv;
                    xhat[p] = h;
                    y[p] = relu ? Math.max(h * g + shift, 0f) : h * g + shift;
                }
            }
        });
    }

    /** {@code y = x·scratch[ch] + scratch[c + ch]}, then relu if {@code relu} (as {@link Activations#relu}). */
    static void scaleAndShift(float[] x, float[] y, double[] scratch, int n, int c, int spatial, boolean relu) {
        eachRun(n, c, spatial, (from, to) -> {
            for (int run = from; run < to; run++) {
                float scale = (float) scratch[run % c];
                float shift = (float) scratch[c + run % c];
                int end = (run + 1) * spatial;
                if (relu) {
                    for (int p = run * spatial; p < end; p++) y[p] = Math.max(x[p] * scale + shift, 0f);
                } else {
                    for (int p = run * spatial; p < end; p++) y[p] = x[p] * scale + shift;
                }
            }
        });
    }

    /**
     * Runs a pass over the (sample, channel) runs, shared between threads as contiguous ranges of
     * runs: each thread takes whole samples, as the convolutions before and the poolings after it
     * do, so it reads what its own core wrote last (sharing out channels instead made each thread
     * read half of every sample from the other core's cache). Each element, and each run's sum, is
     * computed alone, so the numbers do not depend on the cut.
     */
    private static void eachRun(int n, int c, int spatial, Parallel.Range body) {
        Parallel.ranges(n * c, Parallel.partsForStreamed((long) n * c * spatial), body);
    }

    /** {@code scratch[ch] = Σ dy}, {@code scratch[c + ch] = Σ dy·xhat}. */
    static void gradientSums(float[] dy, float[] xhat, double[] scratch, int n, int c, int spatial) {
        double[] runs = runSums(2 * n * c);
        eachRun(n, c, spatial, (from, to) -> {
            for (int run = from; run < to; run++) {
                runs[2 * run] = sum(dy, run * spatial, spatial);
                runs[2 * run + 1] = dot(dy, xhat, run * spatial, spatial);
            }
        });
        for (int ch = 0; ch < c; ch++) {
            scratch[ch] = inSampleOrder(runs, 2, 0, ch, n, c);
            scratch[c + ch] = inSampleOrder(runs, 2, 1, ch, n, c);
        }
    }

    /**
     * {@code dx = k·(m·dy − Σdy − xhat·Σ(dy·xhat))} per channel, {@code k = γ·invStd/m}; with
     * {@code dxSums} not null, each run of {@code dx} also summed there as it is written.
     */
    static void inputGradient(float[] dy, float[] xhat, float[] gamma, float[] invStd, float[] dx,
                              float[] dgamma, float[] dbeta, int n, int c, int spatial, RunSums dxSums) {
        int m = n * spatial;
        float fm = m;
        eachRun(n, c, spatial, (from, to) -> {
            for (int run = from; run < to; run++) {
                int ch = run % c;
                float k = gamma[ch] * invStd[ch] / m;
                float sumDy = dbeta[ch], sumDyXhat = dgamma[ch]; // locals: dx could alias the arrays
                FloatVector whole = FloatVector.zero(F);
                int i = run * spatial, end = i + spatial;
                for (; i + F.length() <= end; i += F.length()) {
                    FloatVector d = FloatVector.fromArray(F, dy, i).mul(fm).sub(sumDy)
                            .sub(FloatVector.fromArray(F, xhat, i).mul(sumDyXhat)).mul(k);
                    d.intoArray(dx, i);
                    whole = whole.add(d);
                }
                float tail = 0f;
                for (; i < end; i++) {
                    dx[i] = k * (fm * dy[i] - sumDy - xhat[i] * sumDyXhat);
                    tail += dx[i];
                }
                if (dxSums != null) dxSums.put(run, whole, tail);
            }
        });
    }
}
