package mtc.kernels;

import mtc.runtime.Rng;

/** Filling state tensors at initialisation; the bounds and values are decided by the compiler. */
public final class Init {
    private Init() {}

    /** Uniform in {@code [-bound, bound)}, drawn in element order. */
    public static void uniform(float[] a, int size, float bound, Rng rng) {
        for (int i = 0; i < size; i++) a[i] = rng.uniform(-bound, bound);
    }

    /**
     * Uniform in {@code [-bound, bound)} into a {@code [rows, cols]} tensor stored transposed, drawn
     * in the tensor's row-major order: the same values {@link #uniform} gives it untransposed.
     */
    public static void uniformTransposed(float[] a, int rows, int cols, float bound, Rng rng) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) a[c * rows + r] = rng.uniform(-bound, bound);
        }
    }

    public static void fill(float[] a, int size, float value) {
        java.util.Arrays.fill(a, 0, size, value);
    }

    /** Resets a counter such as {@code num_batches_tracked}. */
    public static void zero(long[] counter) {
        java.util.Arrays.fill(counter, 0L);
    }
}
