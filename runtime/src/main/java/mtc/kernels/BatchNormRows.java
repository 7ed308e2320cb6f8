package mtc.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Batch-norm loops for {@code [n, c]} feature rows, vectorised across channels with the Vector
 * API. (Plain loops would not be: the per-channel arrays are indexed by {@code ch} and the data by
 * {@code row + ch}, and C2 cannot prove such accesses independent, so they ran ten times slower.)
 * Floats are widened to doubles lane for lane: the float species has as many lanes as the double one.
 */
final class BatchNormRows {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F =
            VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));

    private BatchNormRows() {}

    private static DoubleVector widen(float[] a, int i) {
        return (DoubleVector) FloatVector.fromArray(F, a, i).convertShape(VectorOperators.F2D, D, 0);
    }

    private static FloatVector narrow(double[] a, int i) {
        return (FloatVector) DoubleVector.fromArray(D, a, i).convertShape(VectorOperators.D2F, F, 0);
    }

    /** {@code scratch[ch]} = mean, {@code scratch[c + ch]} = Σ (x − mean)²: two passes, for accuracy. */
    static void sumsAndSquares(float[] x, double[] scratch, int n, int c) {
        java.util.Arrays.fill(scratch, 0, 2 * c, 0.0);
        int bound = F.loopBound(c);
        for (int row = 0; row < n * c; row += c) {
            int ch = 0;
            for (; ch < bound; ch += F.length()) {
                DoubleVector.fromArray(D, scratch, ch).add(widen(x, row + ch)).intoArray(scratch, ch);
            }
            for (; ch < c; ch++) scratch[ch] += x[row + ch];
        }
        for (int ch = 0; ch < c; ch++) scratch[ch] /= n;
        for (int row = 0; row < n * c; row += c) {
            int ch = 0;
            for (; ch < bound; ch += F.length()) {
                DoubleVector d = widen(x, row + ch).sub(DoubleVector.fromArray(D, scratch, ch));
                DoubleVector.fromArray(D, scratch, c + ch).add(d.mul(d)).intoArray(scratch, c + ch);
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
                DoubleVector g = widen(dy, row + ch);
                DoubleVector.fromArray(D, scratch, ch).add(g).intoArray(scratch, ch);
                DoubleVector.fromArray(D, scratch, c + ch).add(g.mul(widen(xhat, row + ch))).intoArray(scratch, c + ch);
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
