package mtc.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise activations over the first {@code n * width} elements, forward and backward side by
 * side. Each gives PyTorch's float32 CPU result, bit for bit or within an ulp (said per kernel).
 * Input and output may be the same array ({@code x == y}, {@code dy == dx}): every element is
 * read before it is written, and only by its own position.
 */
public final class Activations {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private Activations() {}

    /** {@code y = max(x, 0)} (C2 vectorises this loop by itself). */
    public static void relu(float[] x, float[] y, int n, int width) {
        Parallel.elements(n * width, (from, to) -> {
            for (int i = from; i < to; i++) y[i] = Math.max(x[i], 0f);
        });
    }

    /**
     * {@code dx = y > 0 ? dy : 0}, reading the forward output (the gradient at 0 is 0, as in PyTorch).
     * Written with the Vector API: C2 in JDK 17 does not vectorise the conditional.
     */
    public static void reluBackward(float[] dy, float[] y, float[] dx, int n, int width) {
        Parallel.elements(n * width, (from, to) -> reluBackwardRange(dy, y, dx, from, to));
    }

    private static void reluBackwardRange(float[] dy, float[] y, float[] dx, int from, int to) {
        FloatVector zero = FloatVector.zero(S);
        int i = from;
        for (; i + S.length() <= to; i += S.length()) {
            FloatVector.fromArray(S, dy, i)
                    .blend(zero, FloatVector.fromArray(S, y, i).compare(VectorOperators.LE, 0f))
                    .intoArray(dx, i);
        }
        for (; i < to; i++) dx[i] = y[i] <= 0f ? 0f : dy[i]; // as the vectors: a NaN passes, as in PyTorch
    }

    /** {@code y = x > 0 ? x : x * slope}, PyTorch's {@code LeakyReLU(slope)} bit for bit. */
    public static void leakyRelu(float[] x, float[] y, int n, int width, float slope) {
        scaleUnlessPositive(x, x, y, n * width, slope);
    }

    /** {@code dx = x > 0 ? dy : dy * slope}, reading the forward input, as PyTorch (the gradient at 0 is slope). */
    public static void leakyReluBackward(float[] dy, float[] x, float[] dx, int n, int width, float slope) {
        scaleUnlessPositive(dy, x, dx, n * width, slope);
    }

    /** {@code out = c > 0 ? a : a * slope}; NaN in {@code c} counts as not positive, as in PyTorch. */
    private static void scaleUnlessPositive(float[] a, float[] c, float[] out, int size, float slope) {
        int i = 0;
        for (int bound = S.loopBound(size); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, a, i);
            v.mul(slope).blend(v, FloatVector.fromArray(S, c, i).compare(VectorOperators.GT, 0f)).intoArray(out, i);
        }
        for (; i < size; i++) out[i] = c[i] > 0f ? a[i] : a[i] * slope;
    }

    /** {@code y = tanh(x)}, within 1 ulp of PyTorch's (both within 1 ulp of the exact value). */
    public static void tanh(float[] x, float[] y, int n, int width) {
        Transcendentals.tanh(x, y, n * width);
    }

    /**
     * {@code dx = dy * (1 - y²)}, reading the forward output, with {@code 1 - y²} one fused
     * multiply-add as in PyTorch's AVX2 kernel (bit for bit; C2 vectorises the loop).
     */
    public static void tanhBackward(float[] dy, float[] y, float[] dx, int n, int width) {
        int size = n * width;
        for (int i = 0; i < size; i++) dx[i] = dy[i] * Math.fma(-y[i], y[i], 1f);
    }

    /** {@code y = 1 / (1 + exp(-x))}, PyTorch's float steps (see {@link Transcendentals#sigmoid}). */
    public static void sigmoid(float[] x, float[] y, int n, int width) {
        Transcendentals.sigmoid(x, y, n * width);
    }

    /** {@code dx = dy * (1 - y) * y}, reading the forward output, in PyTorch's order (bit for bit). */
    public static void sigmoidBackward(float[] dy, float[] y, float[] dx, int n, int width) {
        int size = n * width;
        for (int i = 0; i < size; i++) dx[i] = dy[i] * (1f - y[i]) * y[i];
    }

    /**
     * {@code y = x Φ(x) = x/2 (1 + erf(x/√2))}, PyTorch's {@code nn.GELU()}, within 1 ulp of the
     * exact value. PyTorch's AVX2 kernel uses a float erf with an absolute error up to 1.5e-7
     * (Abramowitz and Stegun 7.1.26), so where Φ(x) is small (x below about -3) it is further
     * from the exact value than this, and below -5.6 it is 0: the two differ by up to 2.5e-7 |x|.
     */
    public static void gelu(float[] x, float[] y, int n, int width) {
        Transcendentals.gelu(x, y, n * width);
    }

    /** {@code dx = dy (Φ(x) + x φ(x))}, reading the forward input, in double, rounded once. */
    public static void geluBackward(float[] dy, float[] x, float[] dx, int n, int width) {
        Transcendentals.geluGradient(dy, x, dx, n * width);
    }
}
