package mtc.kernels;

/**
 * Dense fp32 matrix products over row-major flat arrays, in the three forms that a linear layer
 * needs (PyTorch layout: weight {@code [out,in]}): forward {@code Y = X·Wᵀ} is {@link #nt},
 * the weight gradient {@code dW = dYᵀ·X} is {@link #tn}, the input gradient {@code dX = dY·W}
 * is {@link #nn}. Each overwrites {@code c}.
 */
public final class Gemm {
    private Gemm() {}

    /** {@code C[m,n] = A[m,k] · B[n,k]ᵀ}. */
    public static void nt(float[] a, float[] b, float[] c, int m, int n, int k) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0;
                for (int p = 0; p < k; p++) s += a[i * k + p] * b[j * k + p];
                c[i * n + j] = s;
            }
        }
    }

    /** {@code C[m,n] = A[k,m]ᵀ · B[k,n]}. */
    public static void tn(float[] a, float[] b, float[] c, int m, int n, int k) {
        java.util.Arrays.fill(c, 0, m * n, 0f);
        for (int p = 0; p < k; p++) {
            for (int i = 0; i < m; i++) {
                float av = a[p * m + i];
                for (int j = 0; j < n; j++) c[i * n + j] += av * b[p * n + j];
            }
        }
    }

    /** {@code C[m,n] = A[m,k] · B[k,n]}. */
    public static void nn(float[] a, float[] b, float[] c, int m, int n, int k) {
        java.util.Arrays.fill(c, 0, m * n, 0f);
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                float av = a[i * k + p];
                for (int j = 0; j < n; j++) c[i * n + j] += av * b[p * n + j];
            }
        }
    }
}
