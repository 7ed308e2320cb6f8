package mtc.kernels;

/**
 * Dense fp32 matrix products over row-major flat arrays, in the three forms that a linear layer
 * needs: {@link #nt} {@code A·Bᵀ}, {@link #tn} {@code Aᵀ·B}, {@link #nn} {@code A·B} (which one
 * serves forward, weight gradient and input gradient depends on how the weight is stored, see
 * {@code mtc.codegen.KernelCalls}). Each overwrites {@code c}, except the {@code tn} updates, which
 * fold an SGD step into it; the {@code Sparse} forms skip the zero tiles of {@code A}, bit for bit
 * the same results. Arrays may be longer than needed.
 *
 * <p>All three run the Vector API micro-kernels of {@link GemmKernels} ({@link GemmDot} for an
 * {@code nt} with fewer columns than vector lanes) and use {@link Parallel#threads()} threads for
 * products large enough to pay for the hand-over. Which kernel computes an output element depends
 * only on the shape, and each element is computed by exactly one thread in a fixed order, so
 * results are bit-identical for any thread count.
 */
public final class Gemm {
    private Gemm() {}

    /** {@code C[m,n] = A[m,k] · B[n,k]ᵀ}. */
    public static void nt(float[] a, float[] b, float[] c, int m, int n, int k) {
        GemmShapes.check("nt", a, b, c, m, n, k);
        if (m == 0 || n == 0) return;
        int parts = GemmRunner.partsFor((long) m * n * k);
        if (GemmDot.suits(n, k)) {
            Parallel.ranges(m, parts, (from, to) -> GemmDot.rows(a, b, c, n, k, from, to));
        } else if (packingAIsCheaper(m, n, k)) {
            int ld = padded(m);
            float[] at = packTransposed(a, m, k, ld, parts);
            GemmRunner.run(new GemmProblem(b, k, 1, at, ld, true, k, n, m, c, n, true), parts);
        } else {
            int ld = padded(n);
            float[] bt = packTransposed(b, n, k, ld, parts);
            GemmRunner.run(new GemmProblem(a, k, 1, bt, ld, true, k, m, n, c, n, false), parts);
        }
    }

    /**
     * {@code nt} transposes one operand so the kernels can read the other in place: {@code A}
     * (then {@code Cᵀ} is computed and stored transposed, touching each output once more) or
     * {@code B}. Elements moved decide; for a forward pass {@code X[64,784]·W[256,784]ᵀ} packing
     * {@code X} moves a third as much as packing {@code W}.
     */
    private static boolean packingAIsCheaper(int m, int n, int k) {
        return (long) m * k + (long) m * n < (long) n * k;
    }

    /** {@code C[m,n] = A[k,m]ᵀ · B[k,n]}. */
    public static void tn(float[] a, float[] b, float[] c, int m, int n, int k) {
        tn(a, b, c, m, n, k, false, Float.NaN);
    }

    /**
     * {@link #tn} for an {@code A} with many exact zeros (a batch of images): wherever six
     * consecutive columns of {@code A} are all zero in a row, their multiply-adds are skipped. The
     * result is bit-identical to {@link #tn}'s.
     */
    public static void tnSparse(float[] a, float[] b, float[] c, int m, int n, int k) {
        tn(a, b, c, m, n, k, true, Float.NaN);
    }

    /**
     * {@code W[m,n] -= lr · (A[k,m]ᵀ · B[k,n])}: the SGD step of a weight whose gradient is that
     * product, without storing the gradient. The same numbers as {@link #tn} then {@link Sgd#step}.
     */
    public static void tnUpdate(float[] a, float[] b, float[] w, int m, int n, int k, float lr) {
        tn(a, b, w, m, n, k, false, lr);
    }

    /** {@link #tnUpdate} skipping the zeros of {@code A}, as {@link #tnSparse} does. */
    public static void tnSparseUpdate(float[] a, float[] b, float[] w, int m, int n, int k, float lr) {
        tn(a, b, w, m, n, k, true, lr);
    }

    /** Every form of {@code tn}: {@code c} overwritten ({@code lr} NaN) or updated, zeros of {@code A} skipped or not. */
    private static void tn(float[] a, float[] b, float[] c, int m, int n, int k, boolean skipZeros, float lr) {
        GemmShapes.check("tn", a, b, c, m, n, k);
        if (m == 0 || n == 0) return;
        run(new GemmProblem(a, 1, m, b, n, false, k, m, n, c, n, false, null, lr, null), skipZeros);
    }

    /**
     * {@code W[m,n]} takes one step of {@code opt} with the gradient {@code A[k,m]ᵀ · B[k,n]}, without
     * storing the gradient; {@code mState} and {@code vState} are the optimizer's state of {@code W}
     * (same layout, null when unused). Plain SGD is {@link #tnUpdate} exactly.
     */
    public static void tnStep(float[] a, float[] b, float[] w, float[] mState, float[] vState, int m, int n, int k,
                              OptimizerStep opt) {
        tnStep(a, b, w, mState, vState, m, n, k, opt, false);
    }

    /** {@link #tnStep} skipping the zeros of {@code A}, as {@link #tnSparse} does. */
    public static void tnSparseStep(float[] a, float[] b, float[] w, float[] mState, float[] vState, int m, int n,
                                    int k, OptimizerStep opt) {
        tnStep(a, b, w, mState, vState, m, n, k, opt, true);
    }

    private static void tnStep(float[] a, float[] b, float[] w, float[] mState, float[] vState, int m, int n, int k,
                               OptimizerStep opt, boolean skipZeros) {
        if (opt.plain()) {
            tn(a, b, w, m, n, k, skipZeros, opt.lr());
            return;
        }
        GemmShapes.check("tn", a, b, w, m, n, k);
        if (m == 0 || n == 0) return;
        GemmProblem.Step step = new GemmProblem.Step(opt, mState, vState);
        run(new GemmProblem(a, 1, m, b, n, false, k, m, n, w, n, false, null, Float.NaN, step), skipZeros);
    }

    /** {@code C[m,n] = A[m,k] · B[k,n]}. */
    public static void nn(float[] a, float[] b, float[] c, int m, int n, int k) {
        nn(a, b, c, m, n, k, false);
    }

    /**
     * {@link #nn} for an {@code A} with many exact zeros (a batch of images): wherever six
     * consecutive rows of {@code A} are all zero in a column, their multiply-adds are skipped. The
     * result is bit-identical to {@link #nn}'s.
     */
    public static void nnSparse(float[] a, float[] b, float[] c, int m, int n, int k) {
        nn(a, b, c, m, n, k, true);
    }

    private static void nn(float[] a, float[] b, float[] c, int m, int n, int k, boolean skipZeros) {
        GemmShapes.check("nn", a, b, c, m, n, k);
        if (m == 0 || n == 0) return;
        run(new GemmProblem(a, k, 1, b, n, false, k, m, n, c, n, false), skipZeros);
    }

    private static void run(GemmProblem p, boolean skipZeros) {
        GemmProblem problem = skipZeros ? p.skippingZeros(GemmScratch.current().lists()) : p;
        GemmRunner.run(problem, GemmRunner.partsFor(p.work()));
    }

    /**
     * Makes the JIT compile the kernels now, by running small products until they are fast or
     * {@code budgetMillis} has passed. Optional; worth calling once before training (for example
     * on a background thread while the data loads), as the first few hundred steps otherwise run
     * the kernels uncompiled, 100-1000x slower. Results never depend on whether it ran.
     */
    public static void warmUp(long budgetMillis) {
        GemmWarmUp.run(budgetMillis * 1_000_000);
    }

    private static int padded(int columns) {
        int lanes = GemmKernels.LANES;
        return (columns + lanes - 1) / lanes * lanes;
    }

    /** {@code src[rows, depth]} transposed into scratch as {@code [depth, ld]}, zero-padded, split by depth. */
    private static float[] packTransposed(float[] src, int rows, int depth, int ld, int parts) {
        float[] dst = GemmScratch.current().packed(depth * ld);
        Parallel.ranges(depth, parts, (from, to) -> GemmPack.transpose(src, rows, depth, dst, ld, from, to));
        return dst;
    }
}
