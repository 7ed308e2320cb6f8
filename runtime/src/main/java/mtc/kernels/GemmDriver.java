package mtc.kernels;

/**
 * Walks one {@link GemmRegion} of a {@link GemmProblem} in strips of columns: 4-vector strips with
 * 6-row tiles (then one 4-row tile) where they fit, then single-vector strips with 8-row tiles, then single rows. Tiles
 * that are whole and not transposed are stored straight into the output; the others go through a
 * scratch tile.
 */
final class GemmDriver {
    private static final int LANES = GemmKernels.LANES;
    private static final int WIDE = 4 * LANES;

    private GemmDriver() {}

    /** Computes every output element of {@code region}. */
    static void run(GemmProblem p, GemmRegion region, GemmScratch scratch) {
        int col = region.colFrom();
        while (col < region.colTo()) {
            int width = region.colTo() - col;
            if (width >= WIDE) {
                wideStrip(p, region, col, scratch);
                col += WIDE;
            } else {
                narrowStrip(p, region, col, Math.min(width, LANES), scratch);
                col += LANES;
            }
        }
    }

    private static void wideStrip(GemmProblem p, GemmRegion region, int col, GemmScratch scratch) {
        boolean direct = !p.transposed();
        float[] out = direct ? p.c() : scratch.tile(6 * WIDE);
        int ld = direct ? p.ldc() : WIDE;
        int r = region.rowFrom();
        for (; r + 6 <= region.rowTo(); r += 6) {
            GemmKernels.tile6x4(p.s(), r * p.sRow(), p.sRow(), p.sDepth(), p.v(), col, p.ldv(), p.depth(),
                    out, direct ? r * ld + col : 0, ld);
            if (!direct) GemmTileStore.store(p, out, ld, r, 6, col, WIDE);
        }
        if (r + 4 <= region.rowTo()) {
            GemmKernels.tile4x4(p.s(), r * p.sRow(), p.sRow(), p.sDepth(), p.v(), col, p.ldv(), p.depth(),
                    out, direct ? r * ld + col : 0, ld);
            if (!direct) GemmTileStore.store(p, out, ld, r, 4, col, WIDE);
            r += 4;
        }
        for (; r < region.rowTo(); r++) {
            GemmKernels.tile1x4(p.s(), r * p.sRow(), p.sDepth(), p.v(), col, p.ldv(), p.depth(),
                    out, direct ? r * ld + col : 0);
            if (!direct) GemmTileStore.store(p, out, ld, r, 1, col, WIDE);
        }
    }

    private static void narrowStrip(GemmProblem p, GemmRegion region, int col, int width, GemmScratch scratch) {
        boolean inPlace = p.vPadded() || width == LANES;
        float[] v = inPlace ? p.v() : GemmPack.tailPanel(p, col, width, scratch);
        int vOff = inPlace ? col : 0;
        int ldv = inPlace ? p.ldv() : LANES;
        boolean direct = !p.transposed() && width == LANES;
        float[] out = direct ? p.c() : scratch.tile(8 * LANES);
        int ld = direct ? p.ldc() : LANES;
        int r = region.rowFrom();
        for (; r + 8 <= region.rowTo(); r += 8) {
            GemmKernels.tile8x1(p.s(), r * p.sRow(), p.sRow(), p.sDepth(), v, vOff, ldv, p.depth(),
                    out, direct ? r * ld + col : 0, ld);
            if (!direct) GemmTileStore.store(p, out, ld, r, 8, col, width);
        }
        for (; r < region.rowTo(); r++) {
            GemmKernels.tile1x1(p.s(), r * p.sRow(), p.sDepth(), v, vOff, ldv, p.depth(),
                    out, direct ? r * ld + col : 0);
            if (!direct) GemmTileStore.store(p, out, ld, r, 1, col, width);
        }
    }
}
