package mtc.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise arithmetic of whole values over the first {@code n * width} elements: the sum of a
 * residual connection and of the gradients of a value read twice. Vectorised with the Vector API,
 * as C2 does not vectorise a loop over three arrays it cannot prove distinct.
 */
public final class Elementwise {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private Elementwise() {}

    /** {@code out = a + b}; {@code out} may be {@code a} or {@code b}. */
    public static void add(float[] a, float[] b, float[] out, int n, int width) {
        Parallel.elements(n * width, (from, to) -> {
            int i = from;
            for (; i + S.length() <= to; i += S.length()) {
                FloatVector.fromArray(S, a, i).add(FloatVector.fromArray(S, b, i)).intoArray(out, i);
            }
            for (; i < to; i++) out[i] = a[i] + b[i];
        });
    }

    /** {@code out = relu(a + b)}, the values of {@link #add} then {@link Activations#relu}; {@code out} may be {@code a} or {@code b}. */
    public static void addRelu(float[] a, float[] b, float[] out, int n, int width) {
        Parallel.elements(n * width, (from, to) -> addReluRange(a, b, out, from, to));
    }

    private static void addReluRange(float[] a, float[] b, float[] out, int from, int to) {
        FloatVector zero = FloatVector.zero(S);
        int i = from;
        for (; i + S.length() <= to; i += S.length()) {
            FloatVector sum = FloatVector.fromArray(S, a, i).add(FloatVector.fromArray(S, b, i));
            sum.blend(zero, sum.compare(VectorOperators.LE, 0f)).intoArray(out, i); // NaN stays, as Math.max
        }
        for (; i < to; i++) out[i] = Math.max(a[i] + b[i], 0f);
    }

    /**
     * {@code dx = y > 0 ? a + b : 0}: the values of {@link #add} then {@link Activations#reluBackward}
     * (a NaN in {@code y} passes the sum); {@code dx} may be {@code a} or {@code b}.
     */
    public static void addReluBackward(float[] a, float[] b, float[] y, float[] dx, int n, int width) {
        Parallel.elements(n * width, (from, to) -> addReluBackwardRange(a, b, y, dx, from, to));
    }

    private static void addReluBackwardRange(float[] a, float[] b, float[] y, float[] dx, int from, int to) {
        FloatVector zero = FloatVector.zero(S);
        int i = from;
        for (; i + S.length() <= to; i += S.length()) {
            FloatVector sum = FloatVector.fromArray(S, a, i).add(FloatVector.fromArray(S, b, i));
            sum.blend(zero, FloatVector.fromArray(S, y, i).compare(VectorOperators.LE, 0f)).intoArray(dx, i);
        }
        for (; i < to; i++) dx[i] = y[i] <= 0f ? 0f : a[i] + b[i];
    }
}
