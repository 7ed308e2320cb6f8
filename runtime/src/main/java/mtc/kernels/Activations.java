package mtc.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Element-wise activations over the first {@code n * width} elements, forward and backward side by side. */
public final class Activations {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private Activations() {}

    /** {@code y = max(x, 0)} (C2 vectorises this loop by itself). */
    public static void relu(float[] x, float[] y, int n, int width) {
        int size = n * width;
        for (int i = 0; i < size; i++) y[i] = Math.max(x[i], 0f);
    }

    /**
     * {@code dx = y > 0 ? dy : 0}, reading the forward output (the gradient at 0 is 0, as in PyTorch).
     * Written with the Vector API: C2 in JDK 17 does not vectorise the conditional.
     */
    public static void reluBackward(float[] dy, float[] y, float[] dx, int n, int width) {
        int size = n * width;
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(size); i < bound; i += S.length()) {
            FloatVector.fromArray(S, dy, i)
                    .blend(zero, FloatVector.fromArray(S, y, i).compare(VectorOperators.LE, 0f))
                    .intoArray(dx, i);
        }
        for (; i < size; i++) dx[i] = y[i] > 0f ? dy[i] : 0f;
    }
}
