package mtc.kernels;

import static jdk.incubator.vector.VectorOperators.FMA;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked tiles of an implicit-GEMM convolution with unit strides:
 * {@code out[r, x] = Σ_p s[sOff + r·sRow + p] · v[vOff + rows[p] + x]}. With the input planes
 * zero-padded and the outputs computed on the padded width, the column matrix's row {@code p} is
 * the planes shifted by {@code rows[p]}, so the planes are read in place and never unrolled. The
 * bodies are {@link GemmKernels#tile6x4}'s and {@link GemmKernels#tile1x4}'s with that one change
 * (see there for why they are written out by hand); each output is one fma chain over {@code p}
 * in order from zero, as in every kernel.
 */
final class ConvKernels {
    private static final VectorSpecies<Float> SPECIES = GemmKernels.SPECIES;
    private static final int LANES = GemmKernels.LANES;

    private ConvKernels() {}

    static void tile6x4(float[] s, int sOff, int sRow, float[] v, int vOff, int[] rows, int depth,
                        float[] out, int outOff, int ldo) {
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector c00 = zero, c01 = zero, c02 = zero, c03 = zero;
        FloatVector c10 = zero, c11 = zero, c12 = zero, c13 = zero;
        FloatVector c20 = zero, c21 = zero, c22 = zero, c23 = zero;
        FloatVector c30 = zero, c31 = zero, c32 = zero, c33 = zero;
        FloatVector c40 = zero, c41 = zero, c42 = zero, c43 = zero;
        FloatVector c50 = zero, c51 = zero, c52 = zero, c53 = zero;
        for (int p = 0; p < depth; p++) {
            int q = sOff + p, vp = vOff + rows[p];
            FloatVector b0 = FloatVector.fromArray(SPECIES, v, vp);
            FloatVector b1 = FloatVector.fromArray(SPECIES, v, vp + LANES);
            FloatVector b2 = FloatVector.fromArray(SPECIES, v, vp + 2 * LANES);
            FloatVector b3 = FloatVector.fromArray(SPECIES, v, vp + 3 * LANES);
            FloatVector a0 = FloatVector.broadcast(SPECIES, s[q]);
            c00 = a0.lanewise(FMA, b0, c00); c01 = a0.lanewise(FMA, b1, c01);
            c02 = a0.lanewise(FMA, b2, c02); c03 = a0.lanewise(FMA, b3, c03);
            FloatVector a1 = FloatVector.broadcast(SPECIES, s[q + sRow]);
            c10 = a1.lanewise(FMA, b0, c10); c11 = a1.lanewise(FMA, b1, c11);
            c12 = a1.lanewise(FMA, b2, c12); c13 = a1.lanewise(FMA, b3, c13);
            FloatVector a2 = FloatVector.broadcast(SPECIES, s[q + 2 * sRow]);
            c20 = a2.lanewise(FMA, b0, c20); c21 = a2.lanewise(FMA, b1, c21);
            c22 = a2.lanewise(FMA, b2, c22); c23 = a2.lanewise(FMA, b3, c23);
            FloatVector a3 = FloatVector.broadcast(SPECIES, s[q + 3 * sRow]);
            c30 = a3.lanewise(FMA, b0, c30); c31 = a3.lanewise(FMA, b1, c31);
            c32 = a3.lanewise(FMA, b2, c32); c33 = a3.lanewise(FMA, b3, c33);
            FloatVector a4 = FloatVector.broadcast(SPECIES, s[q + 4 * sRow]);
            c40 = a4.lanewise(FMA, b0, c40); c41 = a4.lanewise(FMA, b1, c41);
            c42 = a4.lanewise(FMA, b2, c42); c43 = a4.lanewise(FMA, b3, c43);
            FloatVector a5 = FloatVector.broadcast(SPECIES, s[q + 5 * sRow]);
            c50 = a5.lanewise(FMA, b0, c50); c51 = a5.lanewise(FMA, b1, c51);
            c52 = a5.lanewise(FMA, b2, c52); c53 = a5.lanewise(FMA, b3, c53);
        }
        c00.intoArray(out, outOff); c01.intoArray(out, outOff + LANES);
        c02.intoArray(out, outOff + 2 * LANES); c03.intoArray(out, outOff + 3 * LANES);
        c10.intoArray(out, outOff + ldo); c11.intoArray(out, outOff + ldo + LANES);
        c12.intoArray(out, outOff + ldo + 2 * LANES); c13.intoArray(out, outOff + ldo + 3 * LANES);
        c20.intoArray(out, outOff + 2 * ldo); c21.intoArray(out, outOff + 2 * ldo + LANES);
        c22.intoArray(out, outOff + 2 * ldo + 2 * LANES); c23.intoArray(out, outOff + 2 * ldo + 3 * LANES);
        c30.intoArray(out, outOff + 3 * ldo); c31.intoArray(out, outOff + 3 * ldo + LANES);
        c32.intoArray(out, outOff + 3 * ldo + 2 * LANES); c33.intoArray(out, outOff + 3 * ldo + 3 * LANES);
        c40.intoArray(out, outOff + 4 * ldo); c41.intoArray(out, outOff + 4 * ldo + LANES);
        c42.intoArray(out, outOff + 4 * ldo + 2 * LANES); c43.intoArray(out, outOff + 4 * ldo + 3 * LANES);
        c50.intoArray(out, outOff + 5 * ldo); c51.intoArray(out, outOff + 5 * ldo + LANES);
        c52.intoArray(out, outOff + 5 * ldo + 2 * LANES); c53.intoArray(out, outOff + 5 * ldo + 3 * LANES);
    }

    /** Four rows by four vectors: with {@link #tile6x4}, channel counts such as 16 and 32 are covered without overlap. */
    static void tile4x4(float[] s, int sOff, int sRow, float[] v, int vOff, int[] rows, int depth,
                        float[] out, int outOff, int ldo) {
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector c00 = zero, c01 = zero, c02 = zero, c03 = zero;
        FloatVector c10 = zero, c11 = zero, c12 = zero, c13 = zero;
        FloatVector c20 = zero, c21 = zero, c22 = zero, c23 = zero;
        FloatVector c30 = zero, c31 = zero, c32 = zero, c33 = zero;
        for (int p = 0; p < depth; p++) {
            int q = sOff + p, vp = vOff + rows[p];
            FloatVector b0 = FloatVector.fromArray(SPECIES, v, vp);
            FloatVector b1 = FloatVector.fromArray(SPECIES, v, vp + LANES);
            FloatVector b2 = FloatVector.fromArray(SPECIES, v, vp + 2 * LANES);
            FloatVector b3 = FloatVector.fromArray(SPECIES, v, vp + 3 * LANES);
            FloatVector a0 = FloatVector.broadcast(SPECIES, s[q]);
            c00 = a0.lanewise(FMA, b0, c00); c01 = a0.lanewise(FMA, b1, c01);
            c02 = a0.lanewise(FMA, b2, c02); c03 = a0.lanewise(FMA, b3, c03);
            FloatVector a1 = FloatVector.broadcast(SPECIES, s[q + sRow]);
            c10 = a1.lanewise(FMA, b0, c10); c11 = a1.lanewise(FMA, b1, c11);
            c12 = a1.lanewise(FMA, b2, c12); c13 = a1.lanewise(FMA, b3, c13);
            FloatVector a2 = FloatVector.broadcast(SPECIES, s[q + 2 * sRow]);
            c20 = a2.lanewise(FMA, b0, c20); c21 = a2.lanewise(FMA, b1, c21);
            c22 = a2.lanewise(FMA, b2, c22); c23 = a2.lanewise(FMA, b3, c23);
            FloatVector a3 = FloatVector.broadcast(SPECIES, s[q + 3 * sRow]);
            c30 = a3.lanewise(FMA, b0, c30); c31 = a3.lanewise(FMA, b1, c31);
            c32 = a3.lanewise(FMA, b2, c32); c33 = a3.lanewise(FMA, b3, c33);
        }
        c00.intoArray(out, outOff); c01.intoArray(out, outOff + LANES);
        c02.intoArray(out, outOff + 2 * LANES); c03.intoArray(out, outOff + 3 * LANES);
        c10.intoArray(out, outOff + ldo); c11.intoArray(out, outOff + ldo + LANES);
        c12.intoArray(out, outOff + ldo + 2 * LANES); c13.intoArray(out, outOff + ldo + 3 * LANES);
        c20.intoArray(out, outOff + 2 * ldo); c21.intoArray(out, outOff + 2 * ldo + LANES);
        c22.intoArray(out, outOff + 2 * ldo + 2 * LANES); c23.intoArray(out, outOff + 2 * ldo + 3 * LANES);
        c30.intoArray(out, outOff + 3 * ldo); c31.intoArray(out, outOff + 3 * ldo + LANES);
        c32.intoArray(out, outOff + 3 * ldo + 2 * LANES); c33.intoArray(out, outOff + 3 * ldo + 3 * LANES);
    }

    static void tile1x4(float[] s, int sOff, float[] v, int vOff, int[] rows, int depth, float[] out, int outOff) {
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector c00 = zero, c01 = zero, c02 = zero, c03 = zero;
        for (int p = 0; p < depth; p++) {
            int vp = vOff + rows[p];
            FloatVector a0 = FloatVector.broadcast(SPECIES, s[sOff + p]);
            c00 = a0.lanewise(FMA, FloatVector.fromArray(SPECIES, v, vp), c00);
            c01 = a0.lanewise(FMA, FloatVector.fromArray(SPECIES, v, vp + LANES), c01);
            c02 = a0.lanewise(FMA, FloatVector.fromArray(SPECIES, v, vp + 2 * LANES), c02);
            c03 = a0.lanewise(FMA, FloatVector.fromArray(SPECIES, v, vp + 3 * LANES), c03);
        }
        c00.intoArray(out, outOff); c01.intoArray(out, outOff + LANES);
        c02.intoArray(out, outOff + 2 * LANES); c03.intoArray(out, outOff + 3 * LANES);
    }

    /**
     * Six rows by two vectors, for the columns left after the 4-vector strips: 12 FMAs per 2 loads
     * and 6 broadcasts, where two {@link #tile6x1} do 12 per 2 loads and 12 broadcasts (bnnet's 14x14
     * planes leave two vectors of every 14 per sample to these tiles). The same sums in the same order.
     */
    static void tile6x2(float[] s, int sOff, int sRow, float[] v, int vOff, int[] rows, int depth,
                        float[] out, int outOff, int ldo) {
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector c00 = zero, c10 = zero, c20 = zero, c30 = zero, c40 = zero, c50 = zero;
        FloatVector c01 = zero, c11 = zero, c21 = zero, c31 = zero, c41 = zero, c51 = zero;
        for (int p = 0; p < depth; p++) {
            int q = sOff + p, vp = vOff + rows[p];
            FloatVector b0 = FloatVector.fromArray(SPECIES, v, vp), b1 = FloatVector.fromArray(SPECIES, v, vp + LANES);
            FloatVector a = FloatVector.broadcast(SPECIES, s[q]);
            c00 = a.lanewise(FMA, b0, c00); c01 = a.lanewise(FMA, b1, c01);
            a = FloatVector.broadcast(SPECIES, s[q + sRow]);
            c10 = a.lanewise(FMA, b0, c10); c11 = a.lanewise(FMA, b1, c11);
            a = FloatVector.broadcast(SPECIES, s[q + 2 * sRow]);
            c20 = a.lanewise(FMA, b0, c20); c21 = a.lanewise(FMA, b1, c21);
            a = FloatVector.broadcast(SPECIES, s[q + 3 * sRow]);
            c30 = a.lanewise(FMA, b0, c30); c31 = a.lanewise(FMA, b1, c31);
            a = FloatVector.broadcast(SPECIES, s[q + 4 * sRow]);
            c40 = a.lanewise(FMA, b0, c40); c41 = a.lanewise(FMA, b1, c41);
            a = FloatVector.broadcast(SPECIES, s[q + 5 * sRow]);
            c50 = a.lanewise(FMA, b0, c50); c51 = a.lanewise(FMA, b1, c51);
        }
        c00.intoArray(out, outOff); c01.intoArray(out, outOff + LANES);
        c10.intoArray(out, outOff + ldo); c11.intoArray(out, outOff + ldo + LANES);
        c20.intoArray(out, outOff + 2 * ldo); c21.intoArray(out, outOff + 2 * ldo + LANES);
        c30.intoArray(out, outOff + 3 * ldo); c31.intoArray(out, outOff + 3 * ldo + LANES);
        c40.intoArray(out, outOff + 4 * ldo); c41.intoArray(out, outOff + 4 * ldo + LANES);
        c50.intoArray(out, outOff + 5 * ldo); c51.intoArray(out, outOff + 5 * ldo + LANES);
    }

    /** Six rows by one vector, for the columns left after the 4-vector strips. */
    static void tile6x1(float[] s, int sOff, int sRow, float[] v, int vOff, int[] rows, int depth,
                        float[] out, int outOff, int ldo) {
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector c0 = zero, c1 = zero, c2 = zero, c3 = zero, c4 = zero, c5 = zero;
        for (int p = 0; p < depth; p++) {
            int q = sOff + p;
            FloatVector b = FloatVector.fromArray(SPECIES, v, vOff + rows[p]);
            c0 = FloatVector.broadcast(SPECIES, s[q]).lanewise(FMA, b, c0);
            c1 = FloatVector.broadcast(SPECIES, s[q + sRow]).lanewise(FMA, b, c1);
            c2 = FloatVector.broadcast(SPECIES, s[q + 2 * sRow]).lanewise(FMA, b, c2);
            c3 = FloatVector.broadcast(SPECIES, s[q + 3 * sRow]).lanewise(FMA, b, c3);
            c4 = FloatVector.broadcast(SPECIES, s[q + 4 * sRow]).lanewise(FMA, b, c4);
            c5 = FloatVector.broadcast(SPECIES, s[q + 5 * sRow]).lanewise(FMA, b, c5);
        }
        c0.intoArray(out, outOff);
        c1.intoArray(out, outOff + ldo);
        c2.intoArray(out, outOff + 2 * ldo);
        c3.intoArray(out, outOff + 3 * ldo);
        c4.intoArray(out, outOff + 4 * ldo);
        c5.intoArray(out, outOff + 5 * ldo);
    }

    /**
     * {@link #tile6x4}'s sums added into {@code out} where each row lands ({@link ConvScatter}): row
     * {@code i} of the tile at {@code out[landings[row + i] + col]}, one row after the other, since
     * rows may land on one another.
     */
    static void tile6x4Add(float[] s, int sOff, int sRow, float[] v, int vOff, int[] rows, int depth,
                           float[] out, int[] landings, int row, int col) {
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector c00 = zero, c01 = zero, c02 = zero, c03 = zero;
        FloatVector c10 = zero, c11 = zero, c12 = zero, c13 = zero;
        FloatVector c20 = zero, c21 = zero, c22 = zero, c23 = zero;
        FloatVector c30 = zero, c31 = zero, c32 = zero, c33 = zero;
        FloatVector c40 = zero, c41 = zero, c42 = zero, c43 = zero;
        FloatVector c50 = zero, c51 = zero, c52 = zero, c53 = zero;
        for (int p = 0; p < depth; p++) {
            int q = sOff + p, vp = vOff + rows[p];
            FloatVector b0 = FloatVector.fromArray(SPECIES, v, vp);
            FloatVector b1 = FloatVector.fromArray(SPECIES, v, vp + LANES);
            FloatVector b2 = FloatVector.fromArray(SPECIES, v, vp + 2 * LANES);
            FloatVector b3 = FloatVector.fromArray(SPECIES, v, vp + 3 * LANES);
            FloatVector a0 = FloatVector.broadcast(SPECIES, s[q]);
            c00 = a0.lanewise(FMA, b0, c00); c01 = a0.lanewise(FMA, b1, c01);
            c02 = a0.lanewise(FMA, b2, c02); c03 = a0.lanewise(FMA, b3, c03);
            FloatVector a1 = FloatVector.broadcast(SPECIES, s[q + sRow]);
            c10 = a1.lanewise(FMA, b0, c10); c11 = a1.lanewise(FMA, b1, c11);
            c12 = a1.lanewise(FMA, b2, c12); c13 = a1.lanewise(FMA, b3, c13);
            FloatVector a2 = FloatVector.broadcast(SPECIES, s[q + 2 * sRow]);
            c20 = a2.lanewise(FMA, b0, c20); c21 = a2.lanewise(FMA, b1, c21);
            c22 = a2.lanewise(FMA, b2, c22); c23 = a2.lanewise(FMA, b3, c23);
            FloatVector a3 = FloatVector.broadcast(SPECIES, s[q + 3 * sRow]);
            c30 = a3.lanewise(FMA, b0, c30); c31 = a3.lanewise(FMA, b1, c31);
            c32 = a3.lanewise(FMA, b2, c32); c33 = a3.lanewise(FMA, b3, c33);
            FloatVector a4 = FloatVector.broadcast(SPECIES, s[q + 4 * sRow]);
            c40 = a4.lanewise(FMA, b0, c40); c41 = a4.lanewise(FMA, b1, c41);
            c42 = a4.lanewise(FMA, b2, c42); c43 = a4.lanewise(FMA, b3, c43);
            FloatVector a5 = FloatVector.broadcast(SPECIES, s[q + 5 * sRow]);
            c50 = a5.lanewise(FMA, b0, c50); c51 = a5.lanewise(FMA, b1, c51);
            c52 = a5.lanewise(FMA, b2, c52); c53 = a5.lanewise(FMA, b3, c53);
        }
        int o = landings[row] + col;
        FloatVector.fromArray(SPECIES, out, o).add(c00).intoArray(out, o);
        FloatVector.fromArray(SPECIES, out, o + LANES).add(c01).intoArray(out, o + LANES);
        FloatVector.fromArray(SPECIES, out, o + 2 * LANES).add(c02).intoArray(out, o + 2 * LANES);
        FloatVector.fromArray(SPECIES, out, o + 3 * LANES).add(c03).intoArray(out, o + 3 * LANES);
        o = landings[row + 1] + col;
        FloatVector.fromArray(SPECIES, out, o).add(c10).intoArray(out, o);
        FloatVector.fromArray(SPECIES, out, o + LANES).add(c11).intoArray(out, o + LANES);
        FloatVector.fromArray(SPECIES, out, o + 2 * LANES).add(c12).intoArray(out, o + 2 * LANES);
        FloatVector.fromArray(SPECIES, out, o + 3 * LANES).add(c13).intoArray(out, o + 3 * LANES);
        o = landings[row + 2] + col;
        FloatVector.fromArray(SPECIES, out, o).add(c20).intoArray(out, o);
        FloatVector.fromArray(SPECIES, out, o + LANES).add(c21).intoArray(out, o + LANES);
        FloatVector.fromArray(SPECIES, out, o + 2 * LANES).add(c22).intoArray(out, o + 2 * LANES);
        FloatVector.fromArray(SPECIES, out, o + 3 * LANES).add(c23).intoArray(out, o + 3 * LANES);
        o = landings[row + 3] + col;
        FloatVector.fromArray(SPECIES, out, o).add(c30).intoArray(out, o);
        FloatVector.fromArray(SPECIES, out, o + LANES).add(c31).intoArray(out, o + LANES);
        FloatVector.fromArray(SPECIES, out, o + 2 * LANES).add(c32).intoArray(out, o + 2 * LANES);
        FloatVector.fromArray(SPECIES, out, o + 3 * LANES).add(c33).intoArray(out, o + 3 * LANES);
        o = landings[row + 4] + col;
        FloatVector.fromArray(SPECIES, out, o).add(c40).intoArray(out, o);
        FloatVector.fromArray(SPECIES, out, o + LANES).add(c41).intoArray(out, o + LANES);
        FloatVector.fromArray(SPECIES, out, o + 2 * LANES).add(c42).intoArray(out, o + 2 * LANES);
        FloatVector.fromArray(SPECIES, out, o + 3 * LANES).add(c43).intoArray(out, o + 3 * LANES);
        o = landings[row + 5] + col;
        FloatVector.fromArray(SPECIES, out, o).add(c50).intoArray(out, o);
        FloatVector.fromArray(SPECIES, out, o + LANES).add(c51).intoArray(out, o + LANES);
        FloatVector.fromArray(SPECIES, out, o + 2 * LANES).add(c52).intoArray(out, o + 2 * LANES);
        FloatVector.fromArray(SPECIES, out, o + 3 * LANES).add(c53).intoArray(out, o + 3 * LANES);
    }

    /** {@link #tile6x1}'s sums added where each row lands, as {@link #tile6x4Add} does. */
    static void tile6x1Add(float[] s, int sOff, int sRow, float[] v, int vOff, int[] rows, int depth,
                           float[] out, int[] landings, int row, int col) {
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector c0 = zero, c1 = zero, c2 = zero, c3 = zero, c4 = zero, c5 = zero;
        for (int p = 0; p < depth; p++) {
            int q = sOff + p;
            FloatVector b = FloatVector.fromArray(SPECIES, v, vOff + rows[p]);
            c0 = FloatVector.broadcast(SPECIES, s[q]).lanewise(FMA, b, c0);
            c1 = FloatVector.broadcast(SPECIES, s[q + sRow]).lanewise(FMA, b, c1);
            c2 = FloatVector.broadcast(SPECIES, s[q + 2 * sRow]).lanewise(FMA, b, c2);
            c3 = FloatVector.broadcast(SPECIES, s[q + 3 * sRow]).lanewise(FMA, b, c3);
            c4 = FloatVector.broadcast(SPECIES, s[q + 4 * sRow]).lanewise(FMA, b, c4);
            c5 = FloatVector.broadcast(SPECIES, s[q + 5 * sRow]).lanewise(FMA, b, c5);
        }
        int o = landings[row] + col;
        FloatVector.fromArray(SPECIES, out, o).add(c0).intoArray(out, o);
        o = landings[row + 1] + col;
        FloatVector.fromArray(SPECIES, out, o).add(c1).intoArray(out, o);
        o = landings[row + 2] + col;
        FloatVector.fromArray(SPECIES, out, o).add(c2).intoArray(out, o);
        o = landings[row + 3] + col;
        FloatVector.fromArray(SPECIES, out, o).add(c3).intoArray(out, o);
        o = landings[row + 4] + col;
        FloatVector.fromArray(SPECIES, out, o).add(c4).intoArray(out, o);
        o = landings[row + 5] + col;
        FloatVector.fromArray(SPECIES, out, o).add(c5).intoArray(out, o);
    }

    /** One row by one vector, for the last columns of fewer than six rows. */
    static void tile1x1(float[] s, int sOff, float[] v, int vOff, int[] rows, int depth, float[] out, int outOff) {
        FloatVector c0 = FloatVector.zero(SPECIES);
        for (int p = 0; p < depth; p++) {
            c0 = FloatVector.broadcast(SPECIES, s[sOff + p]).lanewise(FMA, FloatVector.fromArray(SPECIES, v, vOff + rows[p]), c0);
        }
        c0.intoArray(out, outOff);
    }

    /**
     * {@code out[outOff + r·count + c]}: the dot product over {@code length} elements of row
     * {@code r < rows} of {@code a} (at {@code aOff + r·length}) with row {@code bRows[from + c]} of
     * {@code b}, {@code c < count}; by {@link #dot4x5} tiles, the last ones moved back to end at the
     * last row and column (recomputing some products to the same values). Needs four rows and five
     * columns or more.
     */
    static void dots(float[] a, int aOff, int rows, float[] b, int[] bRows, int from, int count, int length,
                     float[] out, int outOff, float[] lanes) {
        for (int i = 0; i < rows; i += 4) {
            int top = Math.min(i, rows - 4);
            for (int j = 0; j < count; j += 5) {
                int left = Math.min(j, count - 5);
                dot4x5(a, aOff + top * length, length, b, bRows, from + left, length, out, outOff + top * count + left,
                        count, lanes);
            }
        }
    }

    /**
     * Dot products of rows {@code i..i+3} of {@code a} (row {@code r} at {@code aOff + r·lda}) with
     * the column-matrix rows {@code j..j+4} (row {@code c} at {@code bRows[j + c]} of {@code b}) over
     * {@code depth} elements, a multiple of the vector length: each is a per-lane fma chain in order
     * then {@link GemmDot#laneSum}, stored at {@code out[outOff + r·ldo + c]}. 20 accumulators, 9
     * loads per 20 FMAs; they are parked in {@code lanes} (20 vectors) for the sums, as
     * {@link GemmDot}'s are (a vector passed to a method after the loop would be boxed).
     */
    static void dot4x5(float[] a, int aOff, int lda, float[] b, int[] bRows, int j, int depth,
                       float[] out, int outOff, int ldo, float[] lanes) {
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector c00 = zero, c01 = zero, c02 = zero, c03 = zero, c04 = zero;
        FloatVector c10 = zero, c11 = zero, c12 = zero, c13 = zero, c14 = zero;
        FloatVector c20 = zero, c21 = zero, c22 = zero, c23 = zero, c24 = zero;
        FloatVector c30 = zero, c31 = zero, c32 = zero, c33 = zero, c34 = zero;
        int r1 = bRows[j], r2 = bRows[j + 1], r3 = bRows[j + 2], r4 = bRows[j + 3], r5 = bRows[j + 4];
        for (int p = 0; p < depth; p += LANES) {
            int ap = aOff + p;
            FloatVector a0 = FloatVector.fromArray(SPECIES, a, ap);
            FloatVector a1 = FloatVector.fromArray(SPECIES, a, ap + lda);
            FloatVector a2 = FloatVector.fromArray(SPECIES, a, ap + 2 * lda);
            FloatVector a3 = FloatVector.fromArray(SPECIES, a, ap + 3 * lda);
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, r1 + p);
            c00 = a0.lanewise(FMA, b0, c00); c10 = a1.lanewise(FMA, b0, c10);
            c20 = a2.lanewise(FMA, b0, c20); c30 = a3.lanewise(FMA, b0, c30);
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, r2 + p);
            c01 = a0.lanewise(FMA, b1, c01); c11 = a1.lanewise(FMA, b1, c11);
            c21 = a2.lanewise(FMA, b1, c21); c31 = a3.lanewise(FMA, b1, c31);
            FloatVector b2 = FloatVector.fromArray(SPECIES, b, r3 + p);
            c02 = a0.lanewise(FMA, b2, c02); c12 = a1.lanewise(FMA, b2, c12);
            c22 = a2.lanewise(FMA, b2, c22); c32 = a3.lanewise(FMA, b2, c32);
            FloatVector b3 = FloatVector.fromArray(SPECIES, b, r4 + p);
            c03 = a0.lanewise(FMA, b3, c03); c13 = a1.lanewise(FMA, b3, c13);
            c23 = a2.lanewise(FMA, b3, c23); c33 = a3.lanewise(FMA, b3, c33);
            FloatVector b4 = FloatVector.fromArray(SPECIES, b, r5 + p);
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
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 5; c++) {
                out[outOff + r * ldo + c] = GemmDot.laneSum(FloatVector.fromArray(SPECIES, lanes, (r * 5 + c) * LANES));
            }
        }
    }
}
