package mtc.kernels;

/**
 * Rejects impossible sizes before a kernel runs, with a message naming the form and the operand,
 * rather than an index error from deep inside a kernel.
 */
final class GemmShapes {
    private GemmShapes() {}

    /** Checks that {@code a}, {@code b} and {@code c} hold an {@code m×k}, {@code k×n}, {@code m×n} product. */
    static void check(String form, float[] a, float[] b, float[] c, int m, int n, int k) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("Gemm." + form + ": negative size m=" + m + " n=" + n + " k=" + k);
        }
        require(form, "a", a, (long) m * k);
        require(form, "b", b, (long) k * n);
        require(form, "c", c, (long) m * n);
    }

    private static void require(String form, String name, float[] array, long needed) {
        if (array.length < needed) {
            throw new IllegalArgumentException("Gemm." + form + ": " + name + " has " + array.length
                    + " elements, needs " + needed);
        }
    }
}
