package mtc.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * tanh, the logistic function's exp, GELU and its derivative, element-wise over float arrays,
 * computed in double lanes and rounded once to float.
 *
 * <p>Why not {@code Math} or the Vector API's own: {@code Math.tanh} is fdlibm in Java, 35-45 ns
 * an element here; the Vector API's {@code TANH} and {@code EXP} call SVML once C2 has compiled
 * the loop (0.3-1 ns) but {@code Math} before, and the two differ in the last bit of about 0.5%
 * of floats, so a run's numbers would depend on when the JIT got there. These use add, multiply,
 * divide, fused multiply-add, min, max, compare and blend, exact in every mode, so they give the
 * same bits interpreted and compiled. Their relative error in double is below 1e-11, so the float
 * result is the correctly rounded one except in rare near-ties, where it is the other neighbour.
 *
 * <p>Why double lanes, filled by scalar loops: the polynomials are chains of dependent operations,
 * which a scalar loop waits on (16 ns an element for tanh) and eight lanes share (CPU time per
 * element, 64x256 floats: tanh 2.8 ns, sigmoid 1.8, gelu 3.3, its gradient 2.9). JDK 17's C2
 * cannot widen a preferred-shape float vector into doubles (a cast that changes the lane count is
 * not intrinsified: every vector gets boxed), and a half-width float species would slow every
 * other kernel (see KernelSpeciesTest), so the floats are widened by plain loops into a chunk
 * of doubles.
 */
final class Transcendentals {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Doubles widened at a time: a multiple of any vector length, small enough for L1. */
    private static final int CHUNK = 512;
    /**
     * exp(a) = exp(a / 2^12)^(2^12): Taylor's series to degree 11 on |a / 2^12| <= 0.173 (remainder
     * below 2e-18), then twelve squarings, which multiply the relative error by 4096: below 8e-13
     * over [-708, 100] (measured against mpmath). The usual 2^n scaling needs the bits of the lanes,
     * and reinterpreting doubles as longs is not intrinsified in JDK 17 once both directions are used.
     */
    private static final int SQUARINGS = 12;
    private static final double[] EXP_TAYLOR = new double[12];
    /** The largest |a| for which e^a is a normal double. */
    private static final double EXP_LIMIT = 708;
    private static final double SQRT_HALF = 0.7071067811865476;
    private static final double INV_SQRT_2PI = 0.3989422804014327;
    /**
     * erfc(z) = t exp(-z²) g(t) for z >= 0, t = K / (K + z); g in powers of u = 2t - 1, fitted
     * by {@code tools/erfc_fit.py} (relative error 1.7e-12 for every z >= 0).
     */
    private static final double K = 3;
    private static final double[] ERFC_G = {
            0.3580023023628641, 0.2944648177156999, 0.1967427856876554,
            0.10348908767080828, 0.03984258746426095, 0.008942406240228504,
            -0.0004041426959527436, -0.0010113196991660687, -0.00018274999935923012,
            9.21401594249478e-05, 3.57953450102667e-05, -9.893045426812167e-06,
            -5.721787627027739e-06, 1.2968169994080045e-06, 8.172449163764993e-07,
            -1.33116924508257e-07, -7.636388790286516e-08,
    };

    static {
        double factorial = 1;
        for (int k = 0; k < EXP_TAYLOR.length; k++) {
            if (k > 0) factorial *= k;
            EXP_TAYLOR[k] = 1 / factorial;
        }
    }

    private Transcendentals() {}

    // One method per function, each with its own loop: C2 then compiles each alone. A shared loop
    // that switched between them grew past C2's node limit, stopped inlining, and boxed vectors.
    // The last vector of a chunk may run past its count into stale lanes, computed and dropped.

    /** {@code out = tanh(x)}, within 1 ulp of PyTorch's {@code torch.tanh} in float32 (Sleef, itself within 1 ulp). */
    static void tanh(float[] x, float[] out, int size) {
        double[] a = new double[CHUNK];
        for (int start = 0; start < size; start += CHUNK) {
            int count = widen(x, start, size, a);
            for (int j = 0; j < count; j += D.length()) tanh(DoubleVector.fromArray(D, a, j)).intoArray(a, j);
            narrow(a, count, out, start);
        }
    }

    /**
     * {@code out = 1 / (1 + exp(-x))} in PyTorch's float32 steps (its vectorised kernel rounds each
     * to float), with exp correctly rounded; 0 below -88.72, where exp(-x) overflows a float, as there.
     */
    static void sigmoid(float[] x, float[] out, int size) {
        double[] a = new double[CHUNK];
        for (int start = 0; start < size; start += CHUNK) {
            int count = widen(x, start, size, a);
            for (int j = 0; j < count; j += D.length()) {
                exp(DoubleVector.fromArray(D, a, j).neg().min(EXP_LIMIT).max(-EXP_LIMIT)).intoArray(a, j);
            }
            for (int j = 0; j < count; j++) out[start + j] = 1f / (1f + (float) a[j]);
        }
    }

    /** {@code out = x Φ(x)} (PyTorch's {@code nn.GELU()}, exact): NaN at -inf, as there. */
    static void gelu(float[] x, float[] out, int size) {
        double[] a = new double[CHUNK];
        for (int start = 0; start < size; start += CHUNK) {
            int count = widen(x, start, size, a);
            for (int j = 0; j < count; j += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, a, j);
                v.mul(normalCdf(v, gaussian(v))).intoArray(a, j);
            }
            narrow(a, count, out, start);
        }
    }

    /** {@code out = dy (Φ(x) + x φ(x))}; {@code out} may be {@code dy}. */
    static void geluGradient(float[] dy, float[] x, float[] out, int size) {
        double[] a = new double[CHUNK];
        double[] b = new double[CHUNK];
        for (int start = 0; start < size; start += CHUNK) {
            int count = widen(x, start, size, a);
            widen(dy, start, size, b);
            for (int j = 0; j < count; j += D.length()) {
                DoubleVector.fromArray(D, b, j).mul(geluDerivative(DoubleVector.fromArray(D, a, j))).intoArray(a, j);
            }
            narrow(a, count, out, start);
        }
    }

    /** Copies the floats of the chunk from {@code start} into {@code a}; returns how many. */
    private static int widen(float[] x, int start, int size, double[] a) {
        int count = Math.min(CHUNK, size - start);
        for (int j = 0; j < count; j++) a[j] = x[start + j];
        return count;
    }

    private static void narrow(double[] a, int count, float[] out, int start) {
        for (int j = 0; j < count; j++) out[start + j] = (float) a[j];
    }

    private static DoubleVector tanh(DoubleVector x) {
        DoubleVector a = x.abs();
        DoubleVector a2 = a.mul(a);
        // Taylor below 0.02: the next term, 17a^7/315, is below 4e-12 of a
        DoubleVector small = a.mul(a2).fma(a2.fma(2.0 / 15, -1.0 / 3), a);
        DoubleVector e = exp(a.add(a).min(100)); // tanh(50) is 1 in double
        DoubleVector big = DoubleVector.broadcast(D, -2).div(e.add(1)).add(1); // 1 - 2 / (e^2a + 1)
        DoubleVector t = big.blend(small, a.compare(VectorOperators.LT, 0.02));
        // the sign of x, without bit operations (see SQUARINGS); ±0 are their own tanh
        return t.blend(t.neg(), x.compare(VectorOperators.LT, 0)).blend(x, x.compare(VectorOperators.EQ, 0));
    }

    /** Φ(x) + x φ(x). */
    private static DoubleVector geluDerivative(DoubleVector x) {
        DoubleVector g = gaussian(x);
        return x.mul(INV_SQRT_2PI).fma(g, normalCdf(x, g));
    }

    /** exp(-x²/2); 0 where that is below the doubles {@link #exp} covers (|x| > 37.6). */
    private static DoubleVector gaussian(DoubleVector x) {
        DoubleVector h = x.mul(x).mul(0.5);
        return exp(h.min(EXP_LIMIT).neg()).blend(0, h.compare(VectorOperators.GT, EXP_LIMIT));
    }

    /** Φ(x), the standard normal's distribution function, given {@code g = gaussian(x)}. */
    private static DoubleVector normalCdf(DoubleVector x, DoubleVector g) {
        DoubleVector z = x.abs().mul(SQRT_HALF).min(40); // finite for infinite x, where g is 0
        DoubleVector t = DoubleVector.broadcast(D, K).div(z.add(K));
        DoubleVector halfErfc = horner(ERFC_G, t.fma(2, -1)).mul(t).mul(g).mul(0.5);
        return halfErfc.neg().add(1).blend(halfErfc, x.compare(VectorOperators.LT, 0));
    }

    /** e^a for |a| <= {@link #EXP_LIMIT} (callers clamp); NaN gives NaN. */
    private static DoubleVector exp(DoubleVector a) {
        DoubleVector p = horner(EXP_TAYLOR, a.mul(1.0 / (1 << SQUARINGS)));
        for (int k = 0; k < SQUARINGS; k++) p = p.mul(p);
        return p;
    }

    private static DoubleVector horner(double[] c, DoubleVector u) {
        DoubleVector p = DoubleVector.broadcast(D, c[c.length - 1]);
        for (int k = c.length - 2; k >= 0; k--) p = p.fma(u, DoubleVector.broadcast(D, c[k]));
        return p;
    }
}
