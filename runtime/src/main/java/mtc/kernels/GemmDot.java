package mtc.kernels;

import jdk.incubator.vector.FloatVector;
import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.FMA;

import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code nt} for products with fewer output columns than vector lanes (the output layer's 10
 * classes): {@code C[i,j]} as dot products of row {@code i} of {@code A} with row {@code j} of
 * {@code B}, vectorised along {@code k}. The general path would pack {@code B} and compute 16
 * lanes to keep 10; this one packs nothing and wastes no lane.
 *
 * <p>Each element is a deterministic function of its two rows: per-lane fma chains over
 * {@code k} in order, then a fixed tree of lane additions (not {@code reduceLanes}, whose order
 * may differ between interpreted and compiled code), then the last {@code k mod LANES} terms.
 * The tiles park their accumulators in a scratch array for the lane sums: handing vectors to a
 * method the JIT does not inline (code after a loop is cold) would allocate a box per vector.
 */
final class GemmDot {
    private static final VectorSpecies<Float> SPECIES = GemmKernels.SPECIES;
    private static final int LANES = GemmKernels.LANES;
    // The lane-sum tree's rotations, one constant each: a shuffle held in a static final field is
    // unboxed by the JIT, one loaded from an array is boxed per use.
    private static final VectorShuffle<Float> ROTATE_16 = rotation(16);
    private static final VectorShuffle<Float> ROTATE_8 = rotation(8);
    private static final VectorShuffle<Float> ROTATE_4 = rotation(4);
    private static final VectorShuffle<Float> ROTATE_2 = rotation(2);
    private static final VectorShuffle<Float> ROTATE_1 = rotation(1);

    private GemmDot() {}

    /** Whether this path suits an {@code nt} product of {@code n} columns and depth {@code k}. */
    static boolean suits(int n, int k) {
        return n < LANES && k >= LANES;
    }

    /** Rows {@code [rowFrom, rowTo)} of {@code C[m,n] = A[m,k]·B[n,k]ᵀ}. */
    static void rows(float[] a, float[] b, float[] c, int n, int k, int rowFrom, int rowTo) {
        float[] lanes = GemmScratch.current().tile(20 * LANES);
        int i = rowFrom;
        for (; i + 4 <= rowTo; i += 4) {
            int j = 0;
            for (; j + 5 <= n; j += 5) {
                tile4x5(a, i * k, b, j * k, k, lanes);
                finish(lanes, a, i, 4, b, j, 5, c, n, k);
            }
            for (; j < n; j++) oneColumn(a, b, c, n, k, i, i + 4, j, lanes);
        }
        for (; i < rowTo; i++) {
            int j = 0;
            for (; j + 5 <= n; j += 5) {
                tile1x5(a, i * k, b, j * k, k, lanes);
                finish(lanes, a, i, 1, b, j, 5, c, n, k);
            }
            for (; j < n; j++) oneColumn(a, b, c, n, k, i, i + 1, j, lanes);
        }
    }

    private static void oneColumn(float[] a, float[] b, float[] c, int n, int k, int rowFrom, int rowTo, int j,
                                  float[] lanes) {
        for (int r = rowFrom; r < rowTo; r++) {
            tile1x1(a, r * k, b, j * k, k, lanes);
            finish(lanes, a, r, 1, b, j, 1, c, n, k);
        }
    }

    /** Rows {@code i..i+3} by columns {@code j..j+4}: 20 accumulators, 9 loads per 20 FMAs. */
    private static void tile4x5(float[] a, int aOff, float[] b, int bOff, int k, float[] lanes) {
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector c00 = zero, c01 = zero, c02 = zero, c03 = zero, c04 = zero;
        FloatVector c10 = zero, c11 = zero, c12 = zero, c13 = zero, c14 = zero;
        FloatVector c20 = zero, c21 = zero, c22 = zero, c23 = zero, c24 = zero;
        FloatVector c30 = zero, c31 = zero, c32 = zero, c33 = zero, c34 = zero;
        for (int p = 0; p + LANES <= k; p += LANES) {
            FloatVector a0 = FloatVector.fromArray(SPECIES, a, aOff + p);
            FloatVector a1 = FloatVector.fromArray(SPECIES, a, aOff + k + p);
            FloatVector a2 = FloatVector.fromArray(SPECIES, a, aOff + 2 * k + p);
            FloatVector a3 = FloatVector.fromArray(SPECIES, a, aOff + 3 * k + p);
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bOff + p);
            c00 = a0.lanewise(FMA, b0, c00); c10 = a1.lanewise(FMA, b0, c10);
            c20 = a2.lanewise(FMA, b0, c20); c30 = a3.lanewise(FMA, b0, c30);
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, bOff + k + p);
            c01 = a0.lanewise(FMA, b1, c01); c11 = a1.lanewise(FMA, b1, c11);
            c21 = a2.lanewise(FMA, b1, c21); c31 = a3.lanewise(FMA, b1, c31);
            FloatVector b2 = FloatVector.fromArray(SPECIES, b, bOff + 2 * k + p);
            c02 = a0.lanewise(FMA, b2, c02); c12 = a1.lanewise(FMA, b2, c12);
            c22 = a2.lanewise(FMA, b2, c22); c32 = a3.lanewise(FMA, b2, c32);
            FloatVector b3 = FloatVector.fromArray(SPECIES, b, bOff + 3 * k + p);
            c03 = a0.lanewise(FMA, b3, c03); c13 = a1.lanewise(FMA, b3, c13);
            c23 = a2.lanewise(FMA, b3, c23); c33 = a3.lanewise(FMA, b3, c33);
            FloatVector b4 = FloatVector.fromArray(SPECIES, b, bOff + 4 * k + p);
            c04 = a0.lanewise(FMA, b4, c04); c14 = a1.lanewise(FMA, b4, c14);
            c24 = a2.lanewise(FMA, b4, c24); c34 = a3.lanewise(FMA, b4, c34);
        }
        c00.intoArray(lanes, 0); c01.intoArray(lanes, LANES); c02.intoArray(lanes, 2 * LANES);
        c03.intoArray(lanes, 3 * LANES); c04.intoArray(lanes, 4 * LANES); c10.intoArray(lanes, 5 * LANES);
        c11.intoArray(lanes, 6 * LANES); c12.intoArray(lanes, 7 * LANES); c13.intoArray(lanes, 8 * LANES);
        c14.intoArray(lanes, 9 * LANES); c20.intoArray(lanes, 10 * LANES); c21.intoArray(lanes, 11 * LANES);
        c22.intoArray(lanes, 12 * LANES); c23.intoArray(lanes, 13 * LANES); c24.intoArray(lanes, 14 * LANES);
        c30.intoArray(lanes, 15 * LANES); c31.intoArray(lanes, 16 * LANES); c32.intoArray(lanes, 17 * LANES);
        c33.intoArray(lanes, 18 * LANES); c34.intoArray(lanes, 19 * LANES);
    }

    /** One row by columns {@code j..j+4}, for the rows left below a multiple of 4. */
    private static void tile1x5(float[] a, int aOff, float[] b, int bOff, int k, float[] lanes) {
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector c00 = zero, c01 = zero, c02 = zero, c03 = zero, c04 = zero;
        for (int p = 0; p + LANES <= k; p += LANES) {
            FloatVector a0 = FloatVector.fromArray(SPECIES, a, aOff + p);
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bOff + p);
            c00 = a0.lanewise(FMA, b0, c00);
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, bOff + k + p);
            c01 = a0.lanewise(FMA, b1, c01);
            FloatVector b2 = FloatVector.fromArray(SPECIES, b, bOff + 2 * k + p);
            c02 = a0.lanewise(FMA, b2, c02);
            FloatVector b3 = FloatVector.fromArray(SPECIES, b, bOff + 3 * k + p);
            c03 = a0.lanewise(FMA, b3, c03);
            FloatVector b4 = FloatVector.fromArray(SPECIES, b, bOff + 4 * k + p);
            c04 = a0.lanewise(FMA, b4, c04);
        }
        c00.intoArray(lanes, 0); c01.intoArray(lanes, LANES); c02.intoArray(lanes, 2 * LANES);
        c03.intoArray(lanes, 3 * LANES); c04.intoArray(lanes, 4 * LANES);
    }

    /** One element, for the columns left below a multiple of 5. */
    private static void tile1x1(float[] a, int aOff, float[] b, int bOff, int k, float[] lanes) {
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector c00 = zero;
        for (int p = 0; p + LANES <= k; p += LANES) {
            FloatVector a0 = FloatVector.fromArray(SPECIES, a, aOff + p);
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bOff + p);
            c00 = a0.lanewise(FMA, b0, c00);
        }
        c00.intoArray(lanes, 0);
    }

    /** Sums each parked accumulator of a {@code rows × cols} tile at {@code (i, j)} into {@code C}. */
    private static void finish(float[] lanes, float[] a, int i, int rows, float[] b, int j, int cols, float[] c,
                               int n, int k) {
        int whole = k - k % LANES;
        for (int r = 0; r < rows; r++) {
            for (int col = 0; col < cols; col++) {
                float sum = laneSum(FloatVector.fromArray(SPECIES, lanes, (r * cols + col) * LANES));
                int aRow = (i + r) * k, bRow = (j + col) * k;
                for (int p = whole; p < k; p++) sum = Math.fma(a[aRow + p], b[bRow + p], sum);
                c[(i + r) * n + j + col] = sum;
            }
        }
    }

    /** Halves the live lanes per step; the tests on {@code LANES} fold away when compiled. */
    static float laneSum(FloatVector acc) {
        FloatVector v = acc;
        if (LANES > 32) return v.reduceLanes(VectorOperators.ADD); // no such hardware yet: order unpinned
        if (LANES == 32) v = v.lanewise(ADD, v.rearrange(ROTATE_16));
        if (LANES >= 16) v = v.lanewise(ADD, v.rearrange(ROTATE_8));
        if (LANES >= 8) v = v.lanewise(ADD, v.rearrange(ROTATE_4));
        if (LANES >= 4) v = v.lanewise(ADD, v.rearrange(ROTATE_2));
        v = v.lanewise(ADD, v.rearrange(ROTATE_1));
        return v.lane(0);
    }

    /** Lane {@code i} takes lane {@code i + distance}, wrapping; null if as wide as the vector. */
    private static VectorShuffle<Float> rotation(int distance) {
        return distance < LANES ? VectorShuffle.iota(SPECIES, distance, 1, true) : null;
    }
}
