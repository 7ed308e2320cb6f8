package mtc.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import mtc.runtime.Rng;

/**
 * Inverted dropout, as PyTorch's {@code nn.Dropout} in training mode: each element is zeroed with
 * probability {@code p} and the survivors scaled by {@code 1/(1-p)}, so evaluation is the identity.
 * The mask keeps the factor applied to each element (0 or the scale) for the backward pass; it is
 * first filled with uniform numbers from the run's stream, one per element in order
 * ({@link RandomLanes}).
 */
public final class Dropout {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private Dropout() {}

    public static void forward(float[] x, float[] y, float[] mask, int n, int width, float p, Rng rng) {
        float scale = 1f / (1f - p);
        int size = n * width;
        RandomLanes.fill(rng, mask, size);
        FloatVector zero = FloatVector.zero(S);
        FloatVector kept = FloatVector.broadcast(S, scale);
        int i = 0;
        for (int bound = S.loopBound(size); i < bound; i += S.length()) {
            FloatVector m = kept.blend(zero, FloatVector.fromArray(S, mask, i).compare(VectorOperators.LT, p));
            m.intoArray(mask, i);
            FloatVector.fromArray(S, x, i).mul(m).intoArray(y, i);
        }
        for (; i < size; i++) {
            mask[i] = mask[i] < p ? 0f : scale;
            y[i] = x[i] * mask[i];
        }
    }

    public static void backward(float[] dy, float[] mask, float[] dx, int n, int width) {
        int size = n * width;
        for (int i = 0; i < size; i++) dx[i] = dy[i] * mask[i];
    }
}
