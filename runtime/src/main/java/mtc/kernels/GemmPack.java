package mtc.kernels;

import java.util.Arrays;

/**
 * Copies operands into the layouts the kernels read with whole vectors: a transposed, zero-padded
 * copy of an {@code nt} operand, and a zero-padded copy of a last, partial column vector.
 */
final class GemmPack {
    /** Rows handled per pass when transposing, so the written lines stay in L1 between passes. */
    private static final int BLOCK = 16;

    private GemmPack() {}

    /**
     * Writes {@code dst[p·ld + r] = src[r·depth + p]} for {@code r < rows}, zero for
     * {@code rows <= r < ld}, over depths {@code pFrom <= p < pTo}.
     */
    static void transpose(float[] src, int rows, int depth, float[] dst, int ld, int pFrom, int pTo) {
        for (int p0 = pFrom; p0 < pTo; p0 += BLOCK) {
            int p1 = Math.min(pTo, p0 + BLOCK);
            for (int r = 0; r < rows; r++) {
                int from = r * depth;
                for (int p = p0; p < p1; p++) dst[p * ld + r] = src[from + p];
            }
            for (int p = p0; p < p1; p++) Arrays.fill(dst, p * ld + rows, (p + 1) * ld, 0f);
        }
    }

    /** Copies {@code width} columns from {@code col} of every row of {@code v} into a panel of full vectors. */
    static float[] tailPanel(GemmProblem p, int col, int width, GemmScratch scratch) {
        int lanes = GemmKernels.LANES;
        float[] panel = scratch.panel(p.depth() * lanes);
        for (int d = 0; d < p.depth(); d++) {
            System.arraycopy(p.v(), d * p.ldv() + col, panel, d * lanes, width);
            Arrays.fill(panel, d * lanes + width, (d + 1) * lanes, 0f);
        }
        return panel;
    }
}
