package mtc.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/**
 * The activation kernels against double-precision references, in ulps of the float result, over
 * special values, every binade from 2^-40 to 2^7 and a dense sweep of [-20, 20]; then aliasing
 * and sizes that leave a tail past the vector loop. Their gradients are checked by finite
 * differences in {@link OpGradientCheckTest}. The references are independent of the kernels:
 * {@code Math.tanh} and {@code Math.exp} (fdlibm), commons-math's erfc (a continued fraction of
 * the incomplete gamma function).
 */
class ActivationsTest {
    private static final float SLOPE = 0.1f;
    private static final float[] X = inputs();

    @Test
    void tanhIsWithinOneUlp() {
        assertForward("tanh", Activations::tanh, Math::tanh, 1);
    }

    /** PyTorch's float steps, 1/(1 + e) with e = float(exp(-x)): 0 where e overflows, as in PyTorch. */
    @Test
    void sigmoidIsPyTorchsFloatFormulaWithinTwoAndAHalfUlps() {
        assertForward("sigmoid", Activations::sigmoid, x -> {
            double e = Math.exp(-x);
            return Float.isInfinite((float) e) ? 0 : 1 / (1 + e);
        }, 2.5); // three float roundings (e, 1 + e, the quotient), each up to half an ulp of its binade
    }

    @Test
    void geluIsWithinOneUlp() {
        assertForward("gelu", Activations::gelu, ActivationsTest::gelu, 1);
    }

    @Test
    void leakyReluIsExact() {
        assertForward("leaky_relu", (x, y, n, w) -> Activations.leakyRelu(x, y, n, w, SLOPE),
                x -> x > 0 ? x : (float) x * SLOPE, 0);
    }

    @Test
    void specialValues() {
        float inf = Float.POSITIVE_INFINITY;
        float[] x = {0f, -0f, inf, -inf, Float.NaN};
        assertArrayEquals(new float[] {0f, -0f, 1f, -1f, Float.NaN}, forward(Activations::tanh, x));
        assertArrayEquals(new float[] {0.5f, 0.5f, 1f, 0f, Float.NaN}, forward(Activations::sigmoid, x));
        // -inf * Φ(-inf) = -inf * 0, NaN as in PyTorch's x/2 (1 + erf(x/√2))
        assertArrayEquals(new float[] {0f, -0f, inf, Float.NaN, Float.NaN}, forward(Activations::gelu, x));
        assertArrayEquals(new float[] {0f, -0f, inf, -inf, Float.NaN},
                forward((a, y, n, w) -> Activations.leakyRelu(a, y, n, w, SLOPE), x));
    }

    /** The backward kernels compute PyTorch's formulas from the float they read, rounded two or three times. */
    @Test
    void backwardsAgainstTheirFormulasInDouble() {
        float[] dy = random(X.length, 1);
        float[] y = forward(Activations::tanh, X);
        assertBackward("tanh'", dy, backward(Activations::tanhBackward, dy, y), i -> 1 - (double) y[i] * y[i], 2, 0);
        float[] s = forward(Activations::sigmoid, X);
        assertBackward("sigmoid'", dy, backward(Activations::sigmoidBackward, dy, s),
                i -> (double) s[i] * (1 - (double) s[i]), 2.5, 0);
        // Φ(x) + x φ(x) crosses 0 near x = -0.75: its rounding in double (1e-12 absolute) is the slack.
        assertBackward("gelu'", dy, backward(Activations::geluBackward, dy, X), i -> geluDerivative(X[i]), 1, 1e-11);
        float[] leaky = new float[X.length];
        for (int i = 0; i < X.length; i++) leaky[i] = X[i] > 0 ? dy[i] : dy[i] * SLOPE; // NaN and 0 get the slope
        assertArrayEquals(leaky, backward((a, b, o, n, w) -> Activations.leakyReluBackward(a, b, o, n, w, SLOPE), dy, X));
    }

    /** Against the exact derivatives of tanh and sigmoid: only the rounding of the y they read (6e-8) is allowed. */
    @Test
    void backwardsFromOutputsAreTheExactDerivatives() {
        float[] x = random(10_000, 2);
        for (int i = 0; i < x.length; i++) x[i] *= 8;
        float[] dy = random(x.length, 3);
        float[] dt = backward(Activations::tanhBackward, dy, forward(Activations::tanh, x));
        float[] ds = backward(Activations::sigmoidBackward, dy, forward(Activations::sigmoid, x));
        for (int i = 0; i < x.length; i++) {
            double t = Math.tanh(x[i]);
            double s = 1 / (1 + Math.exp(-x[i]));
            assertEquals(dy[i] * (1 - t * t), dt[i], 3e-7 * Math.abs(dy[i]), "tanh' at " + x[i]);
            assertEquals(dy[i] * s * (1 - s), ds[i], 2e-7 * Math.abs(dy[i]), "sigmoid' at " + x[i]);
        }
    }

    /** In place (x == y, dy == dx) gives the same bits; nothing past n * width is touched. */
    @Test
    void inPlaceAndOddSizes() {
        for (Map.Entry<String, Kernel> k : kernels().entrySet()) {
            for (int[] nw : new int[][] {{1, 1}, {1, 7}, {3, 5}, {1, 16}, {17, 1}, {3, 11}, {7, 37}}) {
                int size = nw[0] * nw[1];
                float[] a = Arrays.copyOf(X, size + 3);
                float[] b = Arrays.copyOfRange(X, 1000, 1000 + size + 3);
                Arrays.fill(a, size, a.length, 42f);
                float[] out = new float[a.length];
                Arrays.fill(out, size, out.length, 42f);
                float[] inPlace = a.clone();
                k.getValue().run(a, b, out, nw[0], nw[1]);
                k.getValue().run(inPlace, b, inPlace, nw[0], nw[1]);
                assertArrayEquals(out, inPlace, k.getKey() + " in place, " + nw[0] + "x" + nw[1]);
                assertEquals(42f, out[size], k.getKey() + " wrote past n * width");
            }
        }
    }

    /**
     * The kernels give the same bits before and after C2 compiles them: they use no operation whose
     * compiled form (an SVML call) rounds differently from its interpreted one, or a run's numbers
     * would depend on the JIT's timing. The first call runs interpreted or in C1 (unless an earlier
     * test got there first), the last one in C2 after 2,000 calls.
     */
    @Test
    void sameBitsBeforeAndAfterTheJitCompilesThem() {
        float[] a = Arrays.copyOf(X, 512);
        float[] b = Arrays.copyOfRange(X, 3000, 3000 + a.length);
        for (Map.Entry<String, Kernel> k : kernels().entrySet()) {
            float[] first = new float[a.length];
            float[] out = new float[a.length];
            k.getValue().run(a, b, first, 1, a.length);
            for (int i = 0; i < 2000; i++) k.getValue().run(a, b, out, 1, a.length);
            assertArrayEquals(first, out, k.getKey());
        }
    }

    /** Each kernel as {@code out = f(a, b)}, where {@code out} may be {@code a}; the forwards ignore {@code b}. */
    private interface Kernel {
        void run(float[] a, float[] b, float[] out, int n, int width);
    }

    private interface Forward {
        void run(float[] x, float[] y, int n, int width);
    }

    private static Map<String, Kernel> kernels() {
        Map<String, Kernel> k = new LinkedHashMap<>();
        k.put("tanh", (a, b, o, n, w) -> Activations.tanh(a, o, n, w));
        k.put("tanhBackward", Activations::tanhBackward);
        k.put("sigmoid", (a, b, o, n, w) -> Activations.sigmoid(a, o, n, w));
        k.put("sigmoidBackward", Activations::sigmoidBackward);
        k.put("gelu", (a, b, o, n, w) -> Activations.gelu(a, o, n, w));
        k.put("geluBackward", Activations::geluBackward);
        k.put("leakyRelu", (a, b, o, n, w) -> Activations.leakyRelu(a, o, n, w, SLOPE));
        k.put("leakyReluBackward", (a, b, o, n, w) -> Activations.leakyReluBackward(a, b, o, n, w, SLOPE));
        return k;
    }

    private static void assertForward(String what, Forward kernel, DoubleUnaryOperator reference, double maxUlps) {
        float[] y = forward(kernel, X);
        for (int i = 0; i < X.length; i++) {
            double ref = reference.applyAsDouble(X[i]);
            double e = ulps(y[i], ref, 0);
            float xi = X[i];
            float yi = y[i];
            assertTrue(e <= maxUlps, () -> what + "(" + xi + ") = " + yi + ", reference " + ref + ": " + e + " ulps");
        }
    }

    private static void assertBackward(String what, float[] dy, float[] dx, IntToDoubleFunction derivative,
            double maxUlps, double slack) {
        for (int i = 0; i < dx.length; i++) {
            double ref = dy[i] * derivative.applyAsDouble(i);
            double e = ulps(dx[i], ref, slack * Math.abs(dy[i]));
            int at = i;
            assertTrue(e <= maxUlps, () -> what + " at x = " + X[at] + ", dy = " + dy[at] + ": " + dx[at] + ", reference " + ref);
        }
    }

    /** |got - ref| beyond {@code slack}, in ulps of the float nearest to ref; NaN and infinities must match exactly. */
    private static double ulps(float got, double ref, double slack) {
        if (Double.isNaN(ref) || Double.isInfinite(ref) || ref == 0) {
            return Double.compare(got, ref) == 0 || (ref == 0 && got == 0 && !Double.isNaN(ref)) ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.max(0, Math.abs(got - ref) - slack) / Math.ulp((float) ref);
    }

    private static float[] forward(Forward kernel, float[] x) {
        float[] y = new float[x.length];
        kernel.run(x, y, 1, x.length);
        return y;
    }

    private static float[] backward(Kernel kernel, float[] dy, float[] b) {
        float[] dx = new float[dy.length];
        kernel.run(dy, b, dx, 1, dy.length);
        return dx;
    }

    static double gelu(double x) {
        return x * 0.5 * Erf.erfc(-x / Math.sqrt(2));
    }

    static double geluDerivative(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2)) + x * Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }

    /** Special values, 64 points in each binade from 2^-40 to 2^7 of both signs, 50,000 uniform in [-20, 20]. */
    private static float[] inputs() {
        float[] special = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL,
            Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
            1e10f, -1e10f, 88.72f, -88.72f, 88.73f, -88.73f, 100f, -100f, 1e-30f, -1e-30f};
        int binades = 48;
        float[] x = Arrays.copyOf(special, special.length + 2 * 64 * binades + 50_000);
        int k = special.length;
        for (int e = -40; e < -40 + binades; e++) {
            for (int j = 0; j < 64; j++) {
                float v = Math.scalb(1 + j / 64f, e);
                x[k++] = v;
                x[k++] = -v;
            }
        }
        SplittableRandom rng = new SplittableRandom(7);
        while (k < x.length) x[k++] = (float) rng.nextDouble(-20, 20);
        return x;
    }

    private static float[] random(int size, long seed) {
        return FiniteDifferences.random(size, seed);
    }
}
