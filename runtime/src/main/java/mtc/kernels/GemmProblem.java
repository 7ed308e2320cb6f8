package mtc.kernels;

/**
 * One product restated in the kernels' terms, {@code out[r, x] = Σ_p s[r, p] · v[p, x]} for
 * {@code r < rows}, {@code x < cols}, {@code p < depth}, so that the three public forms (and either
 * packing choice for {@code nt}) share one driver. {@code s[r, p]} is {@code s[r·sRow + p·sDepth]};
 * {@code v[p, x]} is {@code v[p·ldv + x]}, and {@code vPadded} says whole vectors may be read past
 * {@code cols} in every row. The result goes to {@code c[r·ldc + x]}, or to {@code c[x·ldc + r]}
 * when {@code transposed} (the {@code nt} case that packs {@code A} and computes {@code Cᵀ}).
 * {@code lists}, when not null, holds the depths each 6-row tile of {@code s} cannot skip. When
 * {@code updateLr} is a number, {@code c} is not overwritten but updated, {@code c -= updateLr · out}:
 * an SGD step on a weight whose gradient is the product. When {@code step} is not null, {@code c}
 * is updated by that optimizer step instead (its state arrays indexed as {@code c}).
 */
record GemmProblem(float[] s, int sRow, int sDepth, float[] v, int ldv, boolean vPadded, int depth,
                   int rows, int cols, float[] c, int ldc, boolean transposed, GemmDepthLists lists,
                   float updateLr, Step step) {

    /** An optimizer step on {@code c} with the state tensors {@code m} and {@code v} (null when unused). */
    record Step(OptimizerStep opt, float[] m, float[] v) {}

    GemmProblem(float[] s, int sRow, int sDepth, float[] v, int ldv, boolean vPadded, int depth,
                int rows, int cols, float[] c, int ldc, boolean transposed) {
        this(s, sRow, sDepth, v, ldv, vPadded, depth, rows, cols, c, ldc, transposed, null, Float.NaN, null);
    }

    /** Whether {@code c} is updated rather than overwritten. */
    boolean updates() {
        return !Float.isNaN(updateLr) || step != null;
    }

    /**
     * This product, skipping the depths at which a whole 6-row tile of {@code s} is zero, with the
     * caller's (reused) {@code lists} to hold the depths kept; {@link GemmRunner} builds them.
     */
    GemmProblem skippingZeros(GemmDepthLists lists) {
        lists.prepare(this);
        if (transposed || lists.tiles() == 0) return this;
        return new GemmProblem(s, sRow, sDepth, v, ldv, vPadded, depth, rows, cols, c, ldc, false, lists, updateLr, step);
    }

    /** Vectors needed to cover one row of columns, the last one possibly partial. */
    int vectorCols() {
        return (cols + GemmKernels.LANES - 1) / GemmKernels.LANES;
    }

    /** Multiply-adds in the whole product, to decide whether a second thread pays. */
    long work() {
        return (long) rows * cols * depth;
    }
}
