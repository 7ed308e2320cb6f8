package mtc.kernels;

import static jdk.incubator.vector.VectorOperators.FMA;

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
 * thread split computed it.
 *
 * <p>The bodies are unrolled by hand (Java cannot keep an array of vectors in registers) in a form
 * measured to compile without boxing on JDK 17: each vector a local of its own, stores written out
 * in place (passing vectors to a helper method made C2 allocate boxes inside the loop, 4x slower),
 * {@link #SPECIES} named directly (a local copy is not a constant in an on-stack-replaced
 * compilation, and the intrinsics then fail), and {@code lanewise(FMA, ..)} called here rather
 * than {@code fma(..)}: {@code fma} reaches {@code lanewise} through a call site inside the JDK
 * whose type profile every FloatVector user in the process shares, so one other vector shape
 * anywhere (a 256-bit species in another kernel) made C2 give up the intrinsics, 40x slower.
 * (Stores still go through such a shared profile inside {@code intoArray}: the process should use
 * one float vector shape throughout.)
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
            float[] out, int outOff, int ldo, boolean accumulate) {
        FloatVector c00 = start(out, outOff, accumulate);
        FloatVector c01 = start(out, outOff + LANES, accumulate);
        FloatVector c02 = start(out, outOff + 2 * LANES, accumulate);
        FloatVector c03 = start(out, outOff + 3 * LANES, accumulate);
        FloatVector c10 = start(out, outOff + ldo, accumulate);
        FloatVector c11 = start(out, outOff + ldo + LANES, accumulate);
        FloatVector c12 = start(out, outOff + ldo + 2 * LANES, accumulate);
        FloatVector c13 = start(out, outOff + ldo + 3 * LANES, accumulate);
        FloatVector c20 = start(out, outOff + 2 * ldo, accumulate);
        FloatVector c21 = start(out, outOff + 2 * ldo + LANES, accumulate);
        FloatVector c22 = start(out, outOff + 2 * ldo + 2 * LANES, accumulate);
        FloatVector c23 = start(out, outOff + 2 * ldo + 3 * LANES, accumulate);
        FloatVector c30 = start(out, outOff + 3 * ldo, accumulate);
        FloatVector c31 = start(out, outOff + 3 * ldo + LANES, accumulate);
        FloatVector c32 = start(out, outOff + 3 * ldo + 2 * LANES, accumulate);
        FloatVector c33 = start(out, outOff + 3 * ldo + 3 * LANES, accumulate);
        FloatVector c40 = start(out, outOff + 4 * ldo, accumulate);
        FloatVector c41 = start(out, outOff + 4 * ldo + LANES, accumulate);
        FloatVector c42 = start(out, outOff + 4 * ldo + 2 * LANES, accumulate);
        FloatVector c43 = start(out, outOff + 4 * ldo + 3 * LANES, accumulate);
        FloatVector c50 = start(out, outOff + 5 * ldo, accumulate);
        FloatVector c51 = start(out, outOff + 5 * ldo + LANES, accumulate);
        FloatVector c52 = start(out, outOff + 5 * ldo + 2 * LANES, accumulate);
        FloatVector c53 = start(out, outOff + 5 * ldo + 3 * LANES, accumulate);
        for (int p = 0; p < depth; p++) {
            int q = sOff + p * sDepth, vp = vOff + p * ldv;
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

    /**
     * {@link #tile6x4} from zero over the depths {@code depths[from..to)} only, in that (increasing)
     * order: the others are depths where the tile's six scalars are all zero, whose products add nothing.
     * A twin of {@link #tile6x4} rather than a generalisation: walking a list costs the dense loop
     * 5-12% (range checks C2 cannot hoist), and sharing the body through a helper would box the vectors.
     */
    static void tile6x4Listed(float[] s, int sOff, int sRow, int sDepth, float[] v, int vOff, int ldv,
            int[] depths, int from, int to, float[] out, int outOff, int ldo) {
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector c00 = zero, c01 = zero, c02 = zero, c03 = zero;
        FloatVector c10 = zero, c11 = zero, c12 = zero, c13 = zero;
        FloatVector c20 = zero, c21 = zero, c22 = zero, c23 = zero;
        FloatVector c30 = zero, c31 = zero, c32 = zero, c33 = zero;
        FloatVector c40 = zero, c41 = zero, c42 = zero, c43 = zero;
        FloatVector c50 = zero, c51 = zero, c52 = zero, c53 = zero;
        for (int t = from; t < to; t++) {
            int p = depths[t];
            int q = sOff + p * sDepth, vp = vOff + p * ldv;
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

    /** A 4-row by 4-vector tile, for the 4 or 5 rows left below a multiple of 6. */
    static void tile4x4(float[] s, int sOff, int sRow, int sDepth, float[] v, int vOff, int ldv, int depth,
            float[] out, int outOff, int ldo, boolean accumulate) {
        FloatVector c00 = start(out, outOff, accumulate);
        FloatVector c01 = start(out, outOff + LANES, accumulate);
        FloatVector c02 = start(out, outOff + 2 * LANES, accumulate);
        FloatVector c03 = start(out, outOff + 3 * LANES, accumulate);
        FloatVector c10 = start(out, outOff + ldo, accumulate);
        FloatVector c11 = start(out, outOff + ldo + LANES, accumulate);
        FloatVector c12 = start(out, outOff + ldo + 2 * LANES, accumulate);
        FloatVector c13 = start(out, outOff + ldo + 3 * LANES, accumulate);
        FloatVector c20 = start(out, outOff + 2 * ldo, accumulate);
        FloatVector c21 = start(out, outOff + 2 * ldo + LANES, accumulate);
        FloatVector c22 = start(out, outOff + 2 * ldo + 2 * LANES, accumulate);
        FloatVector c23 = start(out, outOff + 2 * ldo + 3 * LANES, accumulate);
        FloatVector c30 = start(out, outOff + 3 * ldo, accumulate);
        FloatVector c31 = start(out, outOff + 3 * ldo + LANES, accumulate);
        FloatVector c32 = start(out, outOff + 3 * ldo + 2 * LANES, accumulate);
        FloatVector c33 = start(out, outOff + 3 * ldo + 3 * LANES, accumulate);
        for (int p = 0; p < depth; p++) {
            int q = sOff + p * sDepth, vp = vOff + p * ldv;
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

    /** A 1-row by 4-vector tile, for the last 1 to 3 rows. */
    static void tile1x4(float[] s, int sOff, int sDepth, float[] v, int vOff, int ldv, int depth,
            float[] out, int outOff, boolean accumulate) {
        FloatVector c00 = start(out, outOff, accumulate);
        FloatVector c01 = start(out, outOff + LANES, accumulate);
        FloatVector c02 = start(out, outOff + 2 * LANES, accumulate);
        FloatVector c03 = start(out, outOff + 3 * LANES, accumulate);
        for (int p = 0; p < depth; p++) {
            int q = sOff + p * sDepth, vp = vOff + p * ldv;
            FloatVector b0 = FloatVector.fromArray(SPECIES, v, vp);
            FloatVector b1 = FloatVector.fromArray(SPECIES, v, vp + LANES);
            FloatVector b2 = FloatVector.fromArray(SPECIES, v, vp + 2 * LANES);
            FloatVector b3 = FloatVector.fromArray(SPECIES, v, vp + 3 * LANES);
            FloatVector a0 = FloatVector.broadcast(SPECIES, s[q]);
            c00 = a0.lanewise(FMA, b0, c00); c01 = a0.lanewise(FMA, b1, c01);
            c02 = a0.lanewise(FMA, b2, c02); c03 = a0.lanewise(FMA, b3, c03);
        }
        c00.intoArray(out, outOff); c01.intoArray(out, outOff + LANES);
        c02.intoArray(out, outOff + 2 * LANES); c03.intoArray(out, outOff + 3 * LANES);
    }

    /** An 8-row by 1-vector tile, for narrow products (such as 10 outputs) and leftover vectors. */
    static void tile8x1(float[] s, int sOff, int sRow, int sDepth, float[] v, int vOff, int ldv, int depth,
            float[] out, int outOff, int ldo) {
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector c00 = zero, c10 = zero, c20 = zero, c30 = zero, c40 = zero, c50 = zero, c60 = zero, c70 = zero;
        for (int p = 0; p < depth; p++) {
            int q = sOff + p * sDepth, vp = vOff + p * ldv;
            FloatVector b0 = FloatVector.fromArray(SPECIES, v, vp);
            c00 = FloatVector.broadcast(SPECIES, s[q]).lanewise(FMA, b0, c00);
            c10 = FloatVector.broadcast(SPECIES, s[q + sRow]).lanewise(FMA, b0, c10);
            c20 = FloatVector.broadcast(SPECIES, s[q + 2 * sRow]).lanewise(FMA, b0, c20);
            c30 = FloatVector.broadcast(SPECIES, s[q + 3 * sRow]).lanewise(FMA, b0, c30);
            c40 = FloatVector.broadcast(SPECIES, s[q + 4 * sRow]).lanewise(FMA, b0, c40);
            c50 = FloatVector.broadcast(SPECIES, s[q + 5 * sRow]).lanewise(FMA, b0, c50);
            c60 = FloatVector.broadcast(SPECIES, s[q + 6 * sRow]).lanewise(FMA, b0, c60);
            c70 = FloatVector.broadcast(SPECIES, s[q + 7 * sRow]).lanewise(FMA, b0, c70);
        }
        c00.intoArray(out, outOff);
        c10.intoArray(out, outOff + ldo);
        c20.intoArray(out, outOff + 2 * ldo);
        c30.intoArray(out, outOff + 3 * ldo);
        c40.intoArray(out, outOff + 4 * ldo);
        c50.intoArray(out, outOff + 5 * ldo);
        c60.intoArray(out, outOff + 6 * ldo);
        c70.intoArray(out, outOff + 7 * ldo);
    }

    /** A 1-row by 1-vector tile, the last resort for leftovers of leftovers. */
    static void tile1x1(float[] s, int sOff, int sDepth, float[] v, int vOff, int ldv, int depth,
            float[] out, int outOff) {
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector c00 = zero;
        for (int p = 0; p < depth; p++) {
            int q = sOff + p * sDepth, vp = vOff + p * ldv;
            FloatVector b0 = FloatVector.fromArray(SPECIES, v, vp);
            c00 = FloatVector.broadcast(SPECIES, s[q]).lanewise(FMA, b0, c00);
        }
        c00.intoArray(out, outOff);
    }

    /**
     * An accumulator's starting value: zero, or (for a later block of the depth) the partial sum
     * stored in {@code out}, which continues the same fma chain exactly.
     */
    private static FloatVector start(float[] out, int offset, boolean accumulate) {
        return accumulate ? FloatVector.fromArray(SPECIES, out, offset) : FloatVector.zero(SPECIES);
    }
}
