package mtc.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Batch-norm loops for {@code [n, c]} feature rows, vectorised across channels with the Vector
 * API. (Plain loops would not be: the per-channel arrays are indexed by {@code ch} and the data by
 * {@code row + ch}, and C2 cannot prove such accesses independent, so they ran ten times slower.)
 *
 * <p>Within a chunk of rows, channels are the outer loop and rows the inner one, so that a block of
 * channels keeps its sums and constants in registers; each channel still adds its rows in order.
 *
 * <p>Only the preferred float and double species are used, as in every other kernel: one float
 * vector widens to two double vectors and two narrow back into one. A second float species (the
 * half-width one) would share {@code FloatVector}'s methods with the GEMM kernels, polluting their
 * type profiles so that C2 could no longer intrinsify them: the GEMMs then ran 50x slower.
 */
final class BatchNormRows {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** Same bit size as {@link #F}, so half as many lanes. */
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final int HALF = D.length();
    private static final VectorMask<Float> UPPER = VectorMask.fromLong(F, ((1L << F.length()) - 1) & -(1L << HALF));

    private BatchNormRows() {}

    /** Lanes {@code part·HALF ..} of {@code v}, widened to double. */
    static DoubleVector widen(FloatVector v, int part) {
        return (DoubleVector) v.convertShape(VectorOperators.F2D, D, part);
    }

    static FloatVector narrow(double[] a, int i) {
        FloatVector lower = (FloatVector) DoubleVector.fromArray(D, a, i).convertShape(VectorOperators.D2F, F, 0);
        FloatVector upper = (FloatVector) DoubleVector.fromArray(D, a, i + HALF).convertShape(VectorOperators.D2F, F, -1);
        return lower.blend(upper, UPPER);
    }

    /**
     * Rows per chunk: channel blocks walk the rows of one chunk at a time, so that the chunk
     * (about 16 KB) stays in L1 across its blocks; sums carry over from chunk to chunk, each channel
     * still adding its rows in order. Without chunks, a batch of 256 ran 7x slower than one of 64.
     */
    static int chunkRows(int c) {
        return Math.max(1, 4096 / c);
    }

    /** {@code scratch[ch]} = mean, {@code scratch[c + ch]} = Σ (x − mean)²: two passes, for accuracy. */
    static void sumsAndSquares(float[] x, double[] scratch, int n, int c) {
        int bound = F.loopBound(c);
        int chunk = chunkRows(c);
        java.util.Arrays.fill(scratch, 0, 2 * c, 0.0);
        for (int r0 = 0; r0 < n; r0 += chunk) {
            int end = Math.min(n, r0 + chunk) * c;
            for (int ch = 0; ch < bound; ch += F.length()) {
                DoubleVector s0 = DoubleVector.fromArray(D, scratch, ch);
                DoubleVector s1 = DoubleVector.fromArray(D, scratch, ch + HALF);
                for (int i = r0 * c + ch; i < end; i += c) {
                    FloatVector v = FloatVector.fromArray(F, x, i);
                    s0 = s0.add(widen(v, 0));
                    s1 = s1.add(widen(v, 1));
                }
                s0.intoArray(scratch, ch);
                s1.intoArray(scratch, ch + HALF);
            }
            for (int ch = bound; ch < c; ch++) {
                for (int i = r0 * c + ch; i < end; i += c) scratch[ch] += x[i];
            }
        }
        for (int ch = 0; ch < c; ch++) scratch[ch] /= n;
        for (int r0 = 0; r0 < n; r0 += chunk) {
            int end = Math.min(n, r0 + chunk) * c;
            for (int ch = 0; ch < bound; ch += F.length()) {
                DoubleVector mean0 = DoubleVector.fromArray(D, scratch, ch);
                DoubleVector mean1 = DoubleVector.fromArray(D, scratch, ch + HALF);
                DoubleVector q0 = DoubleVector.fromArray(D, scratch, c + ch);
                DoubleVector q1 = DoubleVector.fromArray(D, scratch, c + ch + HALF);
                for (int i = r0 * c + ch; i < end; i += c) {
                    FloatVector v = FloatVector.fromArray(F, x, i);
                    DoubleVector d0 = widen(v, 0).sub(mean0), d1 = widen(v, 1).sub(mean1);
                    q0 = q0.add(d0.mul(d0));
                    q1 = q1.add(d1.mul(d1));
                }
                q0.intoArray(scratch, c + ch);
                q1.intoArray(scratch, c + ch + HALF);
            }
            for (int ch = bound; ch < c; ch++) {
                for (int i = r0 * c + ch; i < end; i += c) {
                    double d = x[i] - scratch[ch];
                    scratch[c + ch] += d * d;
                }
            }
        }
    }

    /** {@code xhat = (x − mean)·invStd}, {@code y = γ·xhat + β}, with mean and invStd in {@code scratch}. */
    static void normalise(float[] x, float[] y, float[] xhat, float[] gamma, float[] beta, double[] scratch,
                          int n, int c) {
        int bound = F.loopBound(c);
        int chunk = chunkRows(c);
        for (int r0 = 0; r0 < n; r0 += chunk) {
            int end = Math.min(n, r0 + chunk) * c;
            for (int ch = 0; ch < bound; ch += F.length()) {
                FloatVector mean = narrow(scratch, ch), invStd = narrow(scratch, c + ch);
                FloatVector g = FloatVector.fromArray(F, gamma, ch), b = FloatVector.fromArray(F, beta, ch);
                for (int i = r0 * c + ch; i < end; i += c) {
                    FloatVector h = FloatVector.fromArray(F, x, i).sub(mean).mul(invStd);
                    h.intoArray(xhat, i);
                    h.fma(g, b).intoArray(y, i);
                }
            }
            for (int ch = bound; ch < c; ch++) {
                for (int i = r0 * c + ch; i < end; i += c) {
                    float h = (x[i] - (float) scratch[ch]) * (float) scratch[c + ch];
                    xhat[i] = h;
                    y[i] = Math.fma(h, gamma[ch], beta[ch]);
                }
            }
        }
    }

    /** {@code y = x·scratch[ch] + scratch[c + ch]}. */
    static void scaleAndShift(float[] x, float[] y, double[] scratch, int n, int c) {
        int bound = F.loopBound(c);
        int chunk = chunkRows(c);
        for (int r0 = 0; r0 < n; r0 += chunk) {
            int end = Math.min(n, r0 + chunk) * c;
            for (int ch = 0; ch < bound; ch += F.length()) {
                FloatVector scale = narrow(scratch, ch), shift = narrow(scratch, c + ch);
                for (int i = r0 * c + ch; i < end; i += c) {
                    FloatVector.fromArray(F, x, i).fma(scale, shift).intoArray(y, i);
                }
            }
            for (int ch = bound; ch < c; ch++) {
                float scale = (float) scratch[ch], shift = (float) scratch[c + ch];
                for (int i = r0 * c + ch; i < end; i += c) y[i] = Math.fma(x[i], scale, shift);
            }
        }
    }

    /** {@code scratch[ch] = Σ dy}, {@code scratch[c + ch] = Σ dy·xhat}. */
    static void gradientSums(float[] dy, float[] xhat, double[] scratch, int n, int c) {
        gatedGradientSums(dy, null, xhat, null, scratch, n, c);
    }

    /**
     * {@link #gradientSums} of {@code g = dy·gate}, which is also written to {@code g}; with a null
     * {@code gate}, of {@code dy} itself (and {@code g} is not written).
     */
    static void gatedGradientSums(float[] dy, float[] gate, float[] xhat, float[] g, double[] scratch, int n, int c) {
        int bound = F.loopBound(c);
        int chunk = chunkRows(c);
        java.util.Arrays.fill(scratch, 0, 2 * c, 0.0);
        for (int r0 = 0; r0 < n; r0 += chunk) {
            int end = Math.min(n, r0 + chunk) * c;
            for (int ch = 0; ch < bound; ch += F.length()) {
                DoubleVector g0 = DoubleVector.fromArray(D, scratch, ch);
                DoubleVector g1 = DoubleVector.fromArray(D, scratch, ch + HALF);
                DoubleVector h0 = DoubleVector.fromArray(D, scratch, c + ch);
                DoubleVector h1 = DoubleVector.fromArray(D, scratch, c + ch + HALF);
                for (int i = r0 * c + ch; i < end; i += c) {
                    FloatVector v = FloatVector.fromArray(F, dy, i);
                    if (gate != null) {
                        v = v.mul(FloatVector.fromArray(F, gate, i));
                        v.intoArray(g, i);
                    }
                    FloatVector h = FloatVector.fromArray(F, xhat, i);
                    DoubleVector w0 = widen(v, 0), w1 = widen(v, 1);
                    g0 = g0.add(w0);
                    g1 = g1.add(w1);
                    h0 = h0.add(w0.mul(widen(h, 0)));
                    h1 = h1.add(w1.mul(widen(h, 1)));
                }
                g0.intoArray(scratch, ch);
                g1.intoArray(scratch, ch + HALF);
                h0.intoArray(scratch, c + ch);
                h1.intoArray(scratch, c + ch + HALF);
            }
            for (int ch = bound; ch < c; ch++) {
                for (int i = r0 * c + ch; i < end; i += c) {
                    float v = gate == null ? dy[i] : dy[i] * gate[i];
                    if (gate != null) g[i] = v;
                    scratch[ch] += v;
                    scratch[c + ch] += (double) v * xhat[i];
                }
            }
        }
    }

    /** {@code dx = γ·invStd/m · (m·dy − Σdy − xhat·Σ(dy·xhat))}. */
    static void inputGradient(float[] dy, float[] xhat, float[] gamma, float[] invStd, float[] dx,
                              float[] dgamma, float[] dbeta, int n, int c) {
        int bound = F.loopBound(c);
        int chunk = chunkRows(c);
        float m = n;
        for (int r0 = 0; r0 < n; r0 += chunk) {
            int end = Math.min(n, r0 + chunk) * c;
            for (int ch = 0; ch < bound; ch += F.length()) {
                FloatVector k = FloatVector.fromArray(F, gamma, ch).mul(FloatVector.fromArray(F, invStd, ch)).div(m);
                FloatVector db = FloatVector.fromArray(F, dbeta, ch), dg = FloatVector.fromArray(F, dgamma, ch);
                for (int i = r0 * c + ch; i < end; i += c) {
                    FloatVector inner = FloatVector.fromArray(F, dy, i).mul(m).sub(db)
                            .sub(FloatVector.fromArray(F, xhat, i).mul(dg));
                    k.mul(inner).intoArray(dx, i);
                }
            }
            for (int ch = bound; ch < c; ch++) {
                float k = gamma[ch] * invStd[ch] / m;
                for (int i = r0 * c + ch; i < end; i += c) dx[i] = k * (m * dy[i] - dbeta[ch] - xhat[i] * dgamma[ch]);
            }
        }
    }
}
