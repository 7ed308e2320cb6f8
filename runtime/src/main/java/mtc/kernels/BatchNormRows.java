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

    static void addInto(double[] a, int i, DoubleVector d) {
        DoubleVector.fromArray(D, a, i).add(d).intoArray(a, i);
    }

    /** {@code scratch[ch]} = mean, {@code scratch[c + ch]} = Σ (x − mean)²: two passes, for accuracy. */
    static void sumsAndSquares(float[] x, double[] scratch, int n, int c) {
        java.util.Arrays.fill(scratch, 0, 2 * c, 0.0);
        int bound = F.loopBound(c);
        for (int row = 0; row < n * c; row += c) {
            int ch = 0;
            for (; ch < bound; ch += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, row + ch);
                addInto(scratch, ch, widen(v, 0));
                addInto(scratch, ch + HALF, widen(v, 1));
            }
            for (; ch < c; ch++) scratch[ch] += x[row + ch];
        }
        for (int ch = 0; ch < c; ch++) scratch[ch] /= n;
        for (int row = 0; row < n * c; row += c) {
            int ch = 0;
            for (; ch < bound; ch += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, row + ch);
                DoubleVector d0 = widen(v, 0).sub(DoubleVector.fromArray(D, scratch, ch));
                DoubleVector d1 = widen(v, 1).sub(DoubleVector.fromArray(D, scratch, ch + HALF));
                addInto(scratch, c + ch, d0.mul(d0));
                addInto(scratch, c + ch + HALF, d1.mul(d1));
            }
            for (; ch < c; ch++) {
                double d = x[row + ch] - scratch[ch];
                scratch[c + ch] += d * d;
            }
        }
    }

    /** {@code xhat = (x − mean)·invStd}, {@code y = γ·xhat + β}, with mean and invStd in {@code scratch}. */
    static void normalise(float[] x, float[] y, float[] xhat, float[] gamma, float[] beta, double[] scratch,
                          int n, int c) {
        int bound = F.loopBound(c);
        for (int row = 0; row < n * c; row += c) {
            int ch = 0;
            for (; ch < bound; ch += F.length()) {
                FloatVector h = FloatVector.fromArray(F, x, row + ch).sub(narrow(scratch, ch))
                        .mul(narrow(scratch, c + ch));
                h.intoArray(xhat, row + ch);
                h.fma(FloatVector.fromArray(F, gamma, ch), FloatVector.fromArray(F, beta, ch)).intoArray(y, row + ch);
            }
            for (; ch < c; ch++) {
                float h = (x[row + ch] - (float) scratch[ch]) * (float) scratch[c + ch];
                xhat[row + ch] = h;
                y[row + ch] = Math.fma(h, gamma[ch], beta[ch]);
            }
        }
    }

    /** {@code y = x·scratch[ch] + scratch[c + ch]}. */
    static void scaleAndShift(float[] x, float[] y, double[] scratch, int n, int c) {
        int bound = F.loopBound(c);
        for (int row = 0; row < n * c; row += c) {
            int ch = 0;
            for (; ch < bound; ch += F.length()) {
                FloatVector.fromArray(F, x, row + ch).fma(narrow(scratch, ch), narrow(scratch, c + ch))
                        .intoArray(y, row + ch);
            }
            for (; ch < c; ch++) y[row + ch] = Math.fma(x[row + ch], (float) scratch[ch], (float) scratch[c + ch]);
        }
    }

    /** {@code scratch[ch] = Σ dy}, {@code scratch[c + ch] = Σ dy·xhat}. */
    static void gradientSums(float[] dy, float[] xhat, double[] scratch, int n, int c) {
        java.util.Arrays.fill(scratch, 0, 2 * c, 0.0);
        int bound = F.loopBound(c);
        for (int row = 0; row < n * c; row += c) {
            int ch = 0;
            for (; ch < bound; ch += F.length()) {
                FloatVector g = FloatVector.fromArray(F, dy, row + ch);
                FloatVector h = FloatVector.fromArray(F, xhat, row + ch);
                DoubleVector g0 = widen(g, 0), g1 = widen(g, 1);
                addInto(scratch, ch, g0);
                addInto(scratch, ch + HALF, g1);
                addInto(scratch, c + ch, g0.mul(widen(h, 0)));
                addInto(scratch, c + ch + HALF, g1.mul(widen(h, 1)));
            }
            for (; ch < c; ch++) {
                scratch[ch] += dy[row + ch];
                scratch[c + ch] += (double) dy[row + ch] * xhat[row + ch];
            }
        }
    }

    /** {@code dx = γ·invStd/m · (m·dy − Σdy − xhat·Σ(dy·xhat))}. */
    static void inputGradient(float[] dy, float[] xhat, float[] gamma, float[] invStd, float[] dx,
                              float[] dgamma, float[] dbeta, int n, int c) {
        int bound = F.loopBound(c);
        float m = n;
        for (int row = 0; row < n * c; row += c) {
            int ch = 0;
            for (; ch < bound; ch += F.length()) {
                FloatVector k = FloatVector.fromArray(F, gamma, ch).mul(FloatVector.fromArray(F, invStd, ch)).div(m);
                FloatVector inner = FloatVector.fromArray(F, dy, row + ch).mul(m)
                        .sub(FloatVector.fromArray(F, dbeta, ch))
                        .sub(FloatVector.fromArray(F, xhat, row + ch).mul(FloatVector.fromArray(F, dgamma, ch)));
                k.mul(inner).intoArray(dx, row + ch);
            }
            for (; ch < c; ch++) {
                float k = gamma[ch] * invStd[ch] / m;
                dx[row + ch] = k * (m * dy[row + ch] - dbeta[ch] - xhat[row + ch] * dgamma[ch]);
            }
        }
    }
}
