package mtc.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked micro-kernels: each computes a small tile {@code out[r, x] = Σ_p s[r, p] · v[p, x]}
 * with every accumulator held in a vector register for the whole depth loop, which is what lets
 * Java reach a large fraction of the FMA peak. The scalar operand {@code s} is addressed by strides
 * ({@code s[sOff + r·sRow + p·sDepth]}) so one kernel serves both {@code A} and {@code Aᵀ}; the vector
 * operand {@code v} is row-major with leading dimension {@code ldv}; every load and store is a full
 * vector, so callers guarantee that those lanes exist.
 *
 * <p>Every output element is one fused multiply-add chain over {@code p = 0..depth-1} in order,
 * starting from zero, in every kernel: the result is bit-identical whichever kernel, tiling or
 * thread split computed it. The bodies are unrolled by hand because Java cannot keep an array of
 * vectors in registers.
 */
final class GemmKernels {
    /** The vector shape used; {@code -Dmtc.gemm.vectorBits=256} forces another width (for tests). */
    static final VectorSpecies<Float> SPECIES = chooseSpecies();
    /** Floats per vector. */
    static final int LANES = SPECIES.length();

    private GemmKernels() {}

    private static VectorSpecies<Float> chooseSpecies() {
        String bits = System.getProperty("mtc.gemm.vectorBits");
        if (bits == null) return FloatVector.SPECIES_PREFERRED;
        return VectorSpecies.of(float.class, VectorShape.forBitSize(Integer.parseInt(bits)));
    }

    /** A 6-row by 4-vector tile: 24 accumulators, 4 loads and 6 broadcasts per 24 FMAs. */
    static void tile6x4(float[] s, int sOff, int sRow, int sDepth, float[] v, int vOff, int ldv, int depth,
                        float[] out, int outOff, int ldo) {
        VectorSpecies<Float> sp = SPECIES;
        int l = LANES;
        FloatVector c00 = FloatVector.zero(sp), c01 = c00, c02 = c00, c03 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00, c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00, c40 = c00, c41 = c00, c42 = c00, c43 = c00;
        FloatVector c50 = c00, c51 = c00, c52 = c00, c53 = c00;
        int s1 = sOff + sRow, s2 = s1 + sRow, s3 = s2 + sRow, s4 = s3 + sRow, s5 = s4 + sRow;
        for (int p = 0; p < depth; p++) {
            int q = p * sDepth, vp = vOff + p * ldv;
            FloatVector b0 = FloatVector.fromArray(sp, v, vp), b1 = FloatVector.fromArray(sp, v, vp + l);
            FloatVector b2 = FloatVector.fromArray(sp, v, vp + 2 * l), b3 = FloatVector.fromArray(sp, v, vp + 3 * l);
            FloatVector a = FloatVector.broadcast(sp, s[sOff + q]);
            c00 = a.fma(b0, c00); c01 = a.fma(b1, c01); c02 = a.fma(b2, c02); c03 = a.fma(b3, c03);
            a = FloatVector.broadcast(sp, s[s1 + q]);
            c10 = a.fma(b0, c10); c11 = a.fma(b1, c11); c12 = a.fma(b2, c12); c13 = a.fma(b3, c13);
            a = FloatVector.broadcast(sp, s[s2 + q]);
            c20 = a.fma(b0, c20); c21 = a.fma(b1, c21); c22 = a.fma(b2, c22); c23 = a.fma(b3, c23);
            a = FloatVector.broadcast(sp, s[s3 + q]);
            c30 = a.fma(b0, c30); c31 = a.fma(b1, c31); c32 = a.fma(b2, c32); c33 = a.fma(b3, c33);
            a = FloatVector.broadcast(sp, s[s4 + q]);
            c40 = a.fma(b0, c40); c41 = a.fma(b1, c41); c42 = a.fma(b2, c42); c43 = a.fma(b3, c43);
            a = FloatVector.broadcast(sp, s[s5 + q]);
            c50 = a.fma(b0, c50); c51 = a.fma(b1, c51); c52 = a.fma(b2, c52); c53 = a.fma(b3, c53);
        }
        store4(c00, c01, c02, c03, out, outOff);
        store4(c10, c11, c12, c13, out, outOff + ldo);
        store4(c20, c21, c22, c23, out, outOff + 2 * ldo);
        store4(c30, c31, c32, c33, out, outOff + 3 * ldo);
        store4(c40, c41, c42, c43, out, outOff + 4 * ldo);
        store4(c50, c51, c52, c53, out, outOff + 5 * ldo);
    }

    /** A 1-row by 4-vector tile, for the rows left over below a multiple of 6. */
    static void tile1x4(float[] s, int sOff, int sDepth, float[] v, int vOff, int ldv, int depth,
                        float[] out, int outOff) {
        VectorSpecies<Float> sp = SPECIES;
        int l = LANES;
        FloatVector c0 = FloatVector.zero(sp), c1 = c0, c2 = c0, c3 = c0;
        for (int p = 0; p < depth; p++) {
            int vp = vOff + p * ldv;
            FloatVector a = FloatVector.broadcast(sp, s[sOff + p * sDepth]);
            c0 = a.fma(FloatVector.fromArray(sp, v, vp), c0);
            c1 = a.fma(FloatVector.fromArray(sp, v, vp + l), c1);
            c2 = a.fma(FloatVector.fromArray(sp, v, vp + 2 * l), c2);
            c3 = a.fma(FloatVector.fromArray(sp, v, vp + 3 * l), c3);
        }
        store4(c0, c1, c2, c3, out, outOff);
    }

    /** An 8-row by 1-vector tile, for narrow products (such as 10 outputs) and leftover vectors. */
    static void tile8x1(float[] s, int sOff, int sRow, int sDepth, float[] v, int vOff, int ldv, int depth,
                        float[] out, int outOff, int ldo) {
        VectorSpecies<Float> sp = SPECIES;
        FloatVector c0 = FloatVector.zero(sp), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        int s1 = sOff + sRow, s2 = s1 + sRow, s3 = s2 + sRow, s4 = s3 + sRow, s5 = s4 + sRow;
        int s6 = s5 + sRow, s7 = s6 + sRow;
        for (int p = 0; p < depth; p++) {
            int q = p * sDepth;
            FloatVector b = FloatVector.fromArray(sp, v, vOff + p * ldv);
            c0 = FloatVector.broadcast(sp, s[sOff + q]).fma(b, c0);
            c1 = FloatVector.broadcast(sp, s[s1 + q]).fma(b, c1);
            c2 = FloatVector.broadcast(sp, s[s2 + q]).fma(b, c2);
            c3 = FloatVector.broadcast(sp, s[s3 + q]).fma(b, c3);
            c4 = FloatVector.broadcast(sp, s[s4 + q]).fma(b, c4);
            c5 = FloatVector.broadcast(sp, s[s5 + q]).fma(b, c5);
            c6 = FloatVector.broadcast(sp, s[s6 + q]).fma(b, c6);
            c7 = FloatVector.broadcast(sp, s[s7 + q]).fma(b, c7);
        }
        c0.intoArray(out, outOff);
        c1.intoArray(out, outOff + ldo);
        c2.intoArray(out, outOff + 2 * ldo);
        c3.intoArray(out, outOff + 3 * ldo);
        c4.intoArray(out, outOff + 4 * ldo);
        c5.intoArray(out, outOff + 5 * ldo);
        c6.intoArray(out, outOff + 6 * ldo);
        c7.intoArray(out, outOff + 7 * ldo);
    }

    /** A 1-row by 1-vector tile, the last resort for leftovers of leftovers. */
    static void tile1x1(float[] s, int sOff, int sDepth, float[] v, int vOff, int ldv, int depth,
                        float[] out, int outOff) {
        FloatVector c = FloatVector.zero(SPECIES);
        for (int p = 0; p < depth; p++) {
            FloatVector b = FloatVector.fromArray(SPECIES, v, vOff + p * ldv);
            c = FloatVector.broadcast(SPECIES, s[sOff + p * sDepth]).fma(b, c);
        }
        c.intoArray(out, outOff);
    }

    private static void store4(FloatVector c0, FloatVector c1, FloatVector c2, FloatVector c3,
                               float[] out, int off) {
        int l = LANES;
        c0.intoArray(out, off);
        c1.intoArray(out, off + l);
        c2.intoArray(out, off + 2 * l);
        c3.intoArray(out, off + 3 * l);
    }
}
