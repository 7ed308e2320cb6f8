package mtc.kernels;

/**
 * Walks one {@link GemmRegion} of a {@link GemmProblem} in strips of columns: 4-vector strips with
 * 6-row tiles (then one 4-row tile) where they fit, then single-vector strips with 8-row tiles,
 * then single rows. Tiles that are whole and not transposed are stored straight into the output,
 * and their strips are walked in blocks of depth (a 4096-deep strip would not stay in L2); the
 * others (and every tile of an update, {@code c -= lr · out}) go through a scratch tile. A problem
 * with {@link GemmDepthLists} runs its 4-vector strips in 6-row tiles over their listed depths only.
 */
final class GemmDriver {
    private static final int LANES = GemmKernels.LANES;
    private static final int WIDE = 4 * LANES;
    private static final int TILE = GemmDepthLists.TILE;
    /** Most depth per pass over a strip stored in place: 256 rows of a 4-vector strip are 64 KB. */
    private static final int DEPTH_BLOCK = 256;

    private GemmDriver() {}

    /** Computes every output element of {@code region}. */
    static void run(GemmProblem p, GemmRegion region, GemmScratch scratch) {
        int col = region.colFrom();
        if (p.lists() != null) col = listedStrips(p, region, scratch);
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
        if (p.transposed() || p.updates()) {
            wideStripRows(p, region, col, 0, p.depth(), scratch.tile(6 * WIDE), 0, WIDE, false);
            return;
        }
        // Depth in equal blocks, so each block of the strip's vector operand stays in L2 for all
        // row tiles; equal, so that no block is too short to pay for reloading the partial sums.
        int blocks = Math.max(1, (p.depth() + DEPTH_BLOCK - 1) / DEPTH_BLOCK);
        int block = (p.depth() + blocks - 1) / blocks;
        int from = 0;
        do { // at least once: a depth of 0 still stores zeros
            wideStripRows(p, region, col, from, Math.min(block, p.depth() - from), p.c(), col, p.ldc(), from > 0);
            from += block;
        } while (from < p.depth());
    }

    /**
     * The 4-vector strips of a product with {@link GemmDepthLists}; returns the first column left
     * for {@link #narrowStrip}. Tile by tile, each over its listed depths (or all of them, for a
     * tile marked dense) and across the region's strips, so that the tile's rows of the output (a
     * weight, when updating) are written in contiguous runs. The last tile is moved up to end at
     * the last row, overlapping the one before, whose rows it computes again to the same values.
     * Depths in one pass: listed depths are the few that matter, and stay in cache without blocking.
     *
     * <p>An update gathers a tile's rows across all the strips in scratch and then updates whole
     * rows, one stream each (per strip, the update was a quarter of the product's time); a tile
     * with no depth listed is skipped, since {@code c - lr·(+0)} is {@code c} bit for bit for a
     * positive finite {@code lr} (not for -0, which turns a -0 weight into +0, nor for infinity).
     */
    private static int listedStrips(GemmProblem p, GemmRegion region, GemmScratch scratch) {
        GemmDepthLists lists = p.lists();
        int end = region.colFrom() + (region.colTo() - region.colFrom()) / WIDE * WIDE;
        boolean viaTile = p.updates();
        boolean skipEmpty = viaTile && p.updateLr() > 0 && p.updateLr() < Float.POSITIVE_INFINITY;
        int width = end - region.colFrom();
        float[] out = viaTile ? scratch.tile(TILE * width) : p.c();
        int ld = viaTile ? width : p.ldc();
        for (int r = region.rowFrom(); r < region.rowTo(); r += TILE) {
            int row = lists.tileRow(r);
            boolean dense = lists.dense(row);
            if (skipEmpty && !dense && lists.from(row) == lists.to(row)) continue;
            for (int col = region.colFrom(); col < end; col += WIDE) {
                int at = viaTile ? col - region.colFrom() : row * ld + col;
                if (dense) {
                    GemmKernels.tile6x4(p.s(), row * p.sRow(), p.sRow(), p.sDepth(), p.v(), col, p.ldv(), p.depth(),
                            out, at, ld, false);
                } else {
                    GemmKernels.tile6x4Listed(p.s(), row * p.sRow(), p.sRow(), p.sDepth(), p.v(), col, p.ldv(),
                            lists.depths(), lists.from(row), lists.to(row), out, at, ld);
                }
            }
            // Only the rows from r: those before belong to the tile before, and must not be updated twice.
            if (viaTile) GemmTileStore.store(p, out, (r - row) * ld, ld, r, row + TILE - r, region.colFrom(), width);
        }
        return end;
    }

    /**
     * The tiles of one strip over depths {@code [from, from + depth)}, into {@code out} at
     * {@code row·ld + outCol} (or through the tile, transposed); {@code accumulate} continues the
     * partial sums already there.
     */
    private static void wideStripRows(GemmProblem p, GemmRegion region, int col, int from, int depth,
                                      float[] out, int outCol, int ld, boolean accumulate) {
        boolean viaTile = p.transposed() || p.updates();
        int sFrom = from * p.sDepth(), vFrom = from * p.ldv() + col;
        int r = region.rowFrom();
        for (; r + 6 <= region.rowTo(); r += 6) {
            GemmKernels.tile6x4(p.s(), r * p.sRow() + sFrom, p.sRow(), p.sDepth(), p.v(), vFrom, p.ldv(), depth,
                    out, viaTile ? 0 : r * ld + outCol, ld, accumulate);
            if (viaTile) GemmTileStore.store(p, out, 0, ld, r, 6, col, WIDE);
        }
        if (r + 4 <= region.rowTo()) {
            GemmKernels.tile4x4(p.s(), r * p.sRow() + sFrom, p.sRow(), p.sDepth(), p.v(), vFrom, p.ldv(), depth,
                    out, viaTile ? 0 : r * ld + outCol, ld, accumulate);
            if (viaTile) GemmTileStore.store(p, out, 0, ld, r, 4, col, WIDE);
            r += 4;
        }
        for (; r < region.rowTo(); r++) {
            GemmKernels.tile1x4(p.s(), r * p.sRow() + sFrom, p.sDepth(), p.v(), vFrom, p.ldv(), depth,
                    out, viaTile ? 0 : r * ld + outCol, accumulate);
            if (viaTile) GemmTileStore.store(p, out, 0, ld, r, 1, col, WIDE);
        }
    }

    private static void narrowStrip(GemmProblem p, GemmRegion region, int col, int width, GemmScratch scratch) {
        boolean inPlace = p.vPadded() || width == LANES;
        float[] v = inPlace ? p.v() : GemmPack.tailPanel(p, col, width, scratch);
        int vOff = inPlace ? col : 0;
        int ldv = inPlace ? p.ldv() : LANES;
        boolean direct = !p.transposed() && !p.updates() && width == LANES;
        float[] out = direct ? p.c() : scratch.tile(8 * LANES);
        int ld = direct ? p.ldc() : LANES;
        int r = region.rowFrom();
        for (; r + 8 <= region.rowTo(); r += 8) {
            GemmKernels.tile8x1(p.s(), r * p.sRow(), p.sRow(), p.sDepth(), v, vOff, ldv, p.depth(),
                    out, direct ? r * ld + col : 0, ld);
            if (!direct) GemmTileStore.store(p, out, 0, ld, r, 8, col, width);
        }
        for (; r < region.rowTo(); r++) {
            GemmKernels.tile1x1(p.s(), r * p.sRow(), p.sDepth(), v, vOff, ldv, p.depth(),
                    out, direct ? r * ld + col : 0);
            if (!direct) GemmTileStore.store(p, out, 0, ld, r, 1, col, width);
        }
    }
}
