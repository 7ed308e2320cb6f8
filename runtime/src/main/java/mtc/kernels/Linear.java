package mtc.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The non-GEMM parts of a linear layer over row-major {@code [n, features]} arrays; the products
 * themselves are {@link Gemm}'s. Vectorised with the Vector API because C2 does not vectorise
 * {@code y[row + j] += b[j]}: it cannot prove the two arrays independent at different offsets.
 */
public final class Linear {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private Linear() {}

    /** {@code y[i,j] = x[i,j] + b[j]}; {@code x} and {@code y} may be the same array (in place). */
    public static void biasAdd(float[] x, float[] b, float[] y, int n, int features) {
        int bound = S.loopBound(features);
        for (int row = 0; row < n * features; row += features) {
            int j = 0;
            for (; j < bound; j += S.length()) {
                FloatVector.fromArray(S, x, row + j).add(FloatVector.fromArray(S, b, j)).intoArray(y, row + j);
            }
            for (; j < features; j++) y[row + j] = x[row + j] + b[j];
        }
    }

    /** {@code db[j] = Σ_i dy[i,j]}: the bias gradient is the column sum of the output gradient. */
    public static void biasGrad(float[] dy, float[] db, int n, int features) {
        java.util.Arrays.fill(db, 0, features, 0f);
        int bound = S.loopBound(features);
        for (int row = 0; row < n * features; row += features) {
            int j = 0;
            for (; j < bound; j += S.length()) {
                FloatVector.fromArray(S, db, j).add(FloatVector.fromArray(S, dy, row + j)).intoArray(db, j);
            }
            for (; j < features; j++) db[j] += dy[row + j];
        }
    }
}
