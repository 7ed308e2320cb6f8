package mtc.kernels;

/**
 * The non-GEMM parts of a linear layer over row-major {@code [n, features]} arrays; the products
 * themselves are {@link Gemm}'s.
 */
public final class Linear {
    private Linear() {}

    /** {@code y[i,j] += b[j]}. */
    public static void biasAdd(float[] y, float[] b, int n, int features) {
        for (int i = 0; i < n; i++) {
            int row = i * features;
            for (int j = 0; j < features; j++) y[row + j] += b[j];
        }
    }

    /** {@code db[j] = Σ_i dy[i,j]}: the bias gradient is the column sum of the output gradient. */
    public static void biasGrad(float[] dy, float[] db, int n, int features) {
        java.util.Arrays.fill(db, 0, features, 0f);
        for (int i = 0; i < n; i++) {
            int row = i * features;
            for (int j = 0; j < features; j++) db[j] += dy[row + j];
        }
    }
}
