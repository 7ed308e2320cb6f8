package mtc.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import mtc.runtime.Rng;

/**
 * Central finite differences against analytic gradients of fp32 kernels.
 *
 * <p>Why these numbers: the kernels compute in float (relative rounding ~6e-8), and the checked
 * scalar is accumulated in double from O(1) values, so its rounding noise is around 1e-6 at
 * worst; divided by {@code 2h = 0.02} that is ~5e-5. The truncation error of central differences
 * is {@code h²/6·f'''} ~ 2e-5 for the smooth ops here (and zero for piecewise-linear ones when no
 * kink lies within {@code h}, which the tests arrange). A tolerance of {@code 1e-3 + 1e-2·|g|}
 * is therefore ~10x the expected error yet far below the size of any real mistake (a wrong
 * factor or a missing term changes gradients by O(|g|)).
 */
final class FiniteDifferences {
    static final double H = 1e-2;

    private FiniteDifferences() {}

    /** Checks {@code analytic} = d loss / d {@code values}, perturbing {@code values} in place. */
    static void assertGradient(String what, float[] values, float[] analytic, ToDoubleFunction<float[]> loss) {
        for (int i = 0; i < values.length; i++) {
            float saved = values[i];
            values[i] = (float) (saved + H);
            double plus = loss.applyAsDouble(values);
            values[i] = (float) (saved - H);
            double minus = loss.applyAsDouble(values);
            values[i] = saved;
            double numeric = (plus - minus) / (2 * H);
            double error = Math.abs(numeric - analytic[i]);
            assertTrue(error <= 1e-3 + 1e-2 * Math.abs(numeric),
                    what + "[" + i + "]: analytic " + analytic[i] + ", numeric " + numeric);
        }
    }

    /** {@code Σ r_i·y_i} in double: a scalar whose gradient with respect to {@code y} is {@code r}. */
    static double dot(float[] r, float[] y) {
        double s = 0;
        for (int i = 0; i < r.length; i++) s += (double) r[i] * y[i];
        return s;
    }

    static float[] random(int size, long seed) {
        Rng rng = new Rng(seed);
        float[] a = new float[size];
        for (int i = 0; i < size; i++) a[i] = rng.uniform(-1f, 1f);
        return a;
    }
}
