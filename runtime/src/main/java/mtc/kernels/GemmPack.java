package mtc.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * Copies operands into the layouts the kernels read with whole vectors: a transposed, zero-padded
 * copy of an {@code nt} operand, and a zero-padded copy of a last, partial column vector.
 */
final class GemmPack {
    private GemmPack() {}

    /**
     * Writes {@code dst[p·ld + r] = src[r·depth + p]} for {@code r < rows}, zero for
     * {@code rows <= r < ld}, over depths {@code pFrom <= p < pTo}. Whole vectors of rows are
     * gathered (a column of 16 rows per instruction, about twice as fast as scalar copies); the
     * rows left over are copied one by one.
     */
    static void transpose(float[] src, int rows, int depth, float[] dst, int ld, int pFrom, int pTo) {
        int lanes = GemmKernels.LANES;
        int gathered = rows / lanes * lanes;
        if (gathered > 0) {
            int[] columnOffsets = columnOffsets(depth);
            for (int r0 = 0; r0 < gathered; r0 += lanes) gatherRows(src, r0, depth, columnOffsets, dst, ld, pFrom, pTo);
        }
        for (int p = pFrom; p < pTo; p++) {
            for (int r = gathered; r < rows; r++) dst[p * ld + r] = src[r * depth + p];
            Arrays.fill(dst, p * ld + rows, (p + 1) * ld, 0f);
        }
    }

    /** Rows {@code [r0, r0 + LANES)}: one gather per depth. */
    private static void gatherRows(float[] src, int r0, int depth, int[] offsets, float[] dst, int ld,
                                   int pFrom, int pTo) {
        int base = r0 * depth;
        for (int p = pFrom; p < pTo; p++) {
            FloatVector.fromArray(GemmKernels.SPECIES, src, base + p, offsets, 0).intoArray(dst, p * ld + r0);
        }
    }

    /** {@code {0, depth, 2·depth, ...}}: where one column's elements lie in consecutive rows. */
    private static int[] columnOffsets(int depth) {
        int[] offsets = new int[GemmKernels.LANES];
        for (int i = 0; i < offsets.length; i++) offsets[i] = i * depth;
        return offsets;
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
