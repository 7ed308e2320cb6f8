package mtc.kernels;

import jdk.incubator.vector.FloatVector;
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
        int size = n * width;
        int i = 0;
        for (int bound = S.loopBound(size); i < bound; i += S.length()) {
            FloatVector.fromArray(S, a, i).add(FloatVector.fromArray(S, b, i)).intoArray(out, i);
        }
        for (; i < size; i++) out[i] = a[i] + b[i];
    }
}
