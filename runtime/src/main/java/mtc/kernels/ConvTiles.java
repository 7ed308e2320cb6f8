package mtc.kernels;

/**
 * Runs {@link GemmKernels}' tiles over a whole product whose operands live in scratch with room
 * for whole vectors: {@code out[outOff + r·ldo + x] = Σ_p s[sOff + r·sRow + p·sDepth] · v[p·ldv + x]} for
 * {@code r < rows} and {@code x} up to {@code cols} rounded up to whole vectors (the extra columns
 * hold whatever {@code v}'s extra columns give, and callers ignore them). Every element is one fma
 * chain over {@code p} in order from zero, whichever tile computed it.
 */
final class ConvTiles {
    private static final int LANES = GemmKernels.LANES;
    private static final int WIDE = 4 * LANES;

    private ConvTiles() {}

    static void multiply(float[] s, int sOff, int sRow, int sDepth, float[] v, int ldv, int depth,
                         int rows, int cols, float[] out, int outOff, int ldo) {
        int end = ConvGeometry.padded(cols);
        int col = 0;
        for (; col + WIDE <= end; col += WIDE) {
            int r = 0;
            for (; r + 6 <= rows; r += 6) {
                GemmKernels.tile6x4(s, sOff + r * sRow, sRow, sDepth, v, col, ldv, depth, out, outOff + r * ldo + col, ldo, false);
            }
            if (r + 4 <= rows) {
                GemmKernels.tile4x4(s, sOff + r * sRow, sRow, sDepth, v, col, ldv, depth, out, outOff + r * ldo + col, ldo, false);
                r += 4;
            }
            for (; r < rows; r++) {
                GemmKernels.tile1x4(s, sOff + r * sRow, sDepth, v, col, ldv, depth, out, outOff + r * ldo + col, false);
            }
        }
        for (; col < end; col += LANES) {
            int r = 0;
            for (; r + 8 <= rows; r += 8) {
                GemmKernels.tile8x1(s, sOff + r * sRow, sRow, sDepth, v, col, ldv, depth, out, outOff + r * ldo + col, ldo);
            }
            for (; r < rows; r++) {
                GemmKernels.tile1x1(s, sOff + r * sRow, sDepth, v, col, ldv, depth, out, outOff + r * ldo + col);
            }
        }
    }
}
