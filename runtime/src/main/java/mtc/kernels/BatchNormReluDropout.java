package mtc.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import mtc.runtime.Rng;

/**
 * Training batch norm over {@code [n, c]} rows fused with the relu and inverted dropout after it
 * (the compiler's {@code fused_batch_norm_relu_dropout}): each value is normalised, cut and
 * dropped while in a register, so one pass writes only what backward needs, and backward gates,
 * sums and differentiates in two passes instead of four or five separate kernels' worth.
 *
 * <p>{@code gate} holds {@code d out / d norm} per element: the dropout factor where the relu
 * passed, else 0. The numbers are those of the separate kernels ({@link BatchNormKernels},
 * {@link Activations}, {@link Dropout}, {@link Linear#biasGrad}), operation for operation, and the
 * dropout draws the same stream.
 */
public final class BatchNormReluDropout {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private BatchNormReluDropout() {}

    /** Forward; {@code p == 0} means no dropout (nothing drawn). */
    public static void train(float[] x, float[] out, float[] xhat, float[] invStd, float[] gate, float[] gamma,
                             float[] beta, float[] runMean, float[] runVar, long[] counter, double[] scratch,
                             int n, int c, float eps, float momentum, float p, Rng rng) {
        BatchNormKernels.statistics(x, invStd, runMean, runVar, scratch, n, c, 1, eps, momentum);
        // The uniforms go where the factors will. With p == 0 nothing is drawn, but the comparison
        // below still reads gate, whose storage may hold another value's numbers: ones keep them all.
        if (p > 0) RandomLanes.fill(rng, gate, n * c);
        else java.util.Arrays.fill(gate, 0, n * c, 1f);
        normaliseCutDrop(x, out, xhat, gate, gamma, beta, scratch, n, c, p);
        counter[0]++;
    }

    private static void normaliseCutDrop(float[] x, float[] out, float[] xhat, float[] gate, float[] gamma,
                                         float[] beta, double[] scratch, int n, int c, float p) {
        float scale = 1f / (1f - p);
        FloatVector zero = FloatVector.zero(F);
        FloatVector kept = FloatVector.broadcast(F, scale);
        int bound = F.loopBound(c);
        int chunk = BatchNormRows.chunkRows(c);
        for (int r0 = 0; r0 < n; r0 += chunk) {
            int end = Math.min(n, r0 + chunk) * c;
            for (int ch = 0; ch < bound; ch += F.length()) {
                FloatVector mean = BatchNormRows.narrow(scratch, ch), invStd = BatchNormRows.narrow(scratch, c + ch);
                FloatVector g = FloatVector.fromArray(F, gamma, ch), b = FloatVector.fromArray(F, beta, ch);
                for (int i = r0 * c + ch; i < end; i += c) {
                    FloatVector h = FloatVector.fromArray(F, x, i).sub(mean).mul(invStd);
                    h.intoArray(xhat, i);
                    FloatVector r = h.fma(g, b).lanewise(VectorOperators.MAX, zero);
                    FloatVector m = kept.blend(zero, FloatVector.fromArray(F, gate, i).compare(VectorOperators.LT, p));
                    r.mul(m).intoArray(out, i);
                    zero.blend(m, r.compare(VectorOperators.GT, 0f)).intoArray(gate, i);
                }
            }
            for (int ch = bound; ch < c; ch++) {
                for (int i = r0 * c + ch; i < end; i += c) {
                    float h = (x[i] - (float) scratch[ch]) * (float) scratch[c + ch];
                    xhat[i] = h;
                    float r = Math.max(Math.fma(h, gamma[ch], beta[ch]), 0f);
                    float m = gate[i] < p ? 0f : scale;
                    out[i] = r * m;
                    gate[i] = r > 0f ? m : 0f;
                }
            }
        }
    }

    /** Gradients of {@link #train}: {@code dx}, {@code dgamma}, {@code dbeta}. */
    public static void backward(float[] dy, float[] gate, float[] xhat, float[] gamma, float[] invStd, float[] dx,
                                float[] dgamma, float[] dbeta, double[] scratch, int n, int c) {
        BatchNormRows.gatedGradientSums(dy, gate, xhat, dx, scratch, n, c);
        finishSums(dgamma, dbeta, scratch, c);
        BatchNormRows.inputGradient(dx, xhat, gamma, invStd, dx, dgamma, dbeta, n, c);
    }

    /** {@link #backward} that also writes the bias gradient of the linear layer before the norm, {@code Σ dx}. */
    public static void backward(float[] dy, float[] gate, float[] xhat, float[] gamma, float[] invStd, float[] dx,
                                float[] dgamma, float[] dbeta, float[] dbias, double[] scratch, int n, int c) {
        BatchNormRows.gatedGradientSums(dy, gate, xhat, dx, scratch, n, c);
        finishSums(dgamma, dbeta, scratch, c);
        inputAndBiasGradient(xhat, gamma, invStd, dx, dgamma, dbeta, dbias, n, c);
    }

    private static void finishSums(float[] dgamma, float[] dbeta, double[] scratch, int c) {
        for (int ch = 0; ch < c; ch++) {
            dbeta[ch] = (float) scratch[ch];
            dgamma[ch] = (float) scratch[c + ch];
        }
    }

    /** {@link BatchNormRows#inputGradient} in place on {@code dx} (holding g), summing each column into {@code db}. */
    private static void inputAndBiasGradient(float[] xhat, float[] gamma, float[] invStd, float[] dx,
                                             float[] dgamma, float[] dbeta, float[] db, int n, int c) {
        int bound = F.loopBound(c);
        int chunk = BatchNormRows.chunkRows(c);
        float m = n;
        java.util.Arrays.fill(db, 0, c, 0f);
        for (int r0 = 0; r0 < n; r0 += chunk) {
            int end = Math.min(n, r0 + chunk) * c;
            for (int ch = 0; ch < bound; ch += F.length()) {
                FloatVector k = FloatVector.fromArray(F, gamma, ch).mul(FloatVector.fromArray(F, invStd, ch)).div(m);
                FloatVector b = FloatVector.fromArray(F, dbeta, ch), w = FloatVector.fromArray(F, dgamma, ch);
                FloatVector sum = FloatVector.fromArray(F, db, ch);
                for (int i = r0 * c + ch; i < end; i += c) {
                    FloatVector inner = FloatVector.fromArray(F, dx, i).mul(m).sub(b)
                            .sub(FloatVector.fromArray(F, xhat, i).mul(w));
                    FloatVector d = k.mul(inner);
                    d.intoArray(dx, i);
                    sum = sum.add(d);
                }
                sum.intoArray(db, ch);
            }
            for (int ch = bound; ch < c; ch++) {
                float k = gamma[ch] * invStd[ch] / m;
                for (int i = r0 * c + ch; i < end; i += c) {
                    dx[i] = k * (m * dx[i] - dbeta[ch] - xhat[i] * dgamma[ch]);
                    db[ch] += dx[i];
                }
            }
        }
    }
}
