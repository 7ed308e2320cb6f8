package mtc.kernels;

/**
 * For each 6-row tile of a product's scalar operand {@code s} (rows {@code 0-5, 6-11, ...}, the last
 * tile moved up to end at the last row), the depths at which some row of the tile is nonzero, in
 * increasing order: at the other depths all six products are zero, and the
 * tile's kernel can skip them without changing a bit of its result. (A zero product leaves an fma
 * chain exactly as it was; only an infinite or NaN factor in the vector operand would have made
 * it count, and training stops on such values anyway.) NaN and -0.0 in {@code s} count as
 * nonzero and zero respectively, as {@code x != 0} says.
 *
 * <p>Images are the case this serves: MNIST is 81% zeros, and the rows of six images together
 * still leave 56% of the depths to skip. Lists are built per product call, on the calling thread,
 * into arrays reused from call to call; the workers only read them.
 */
final class GemmDepthLists {
    /** Rows per tile: the tiles of {@link GemmKernels#tile6x4}. */
    static final int TILE = 6;
    /** Lists are worth using only when they skip at least this fraction of the work. */
    private static final double MIN_SKIPPED = 0.1;

    private int[] depths = new int[0];
    /** The list of tile {@code t} is {@code depths[start[t], start[t + 1])}. */
    private int[] start = new int[1];

    /** Rows of the product the lists were built for. */
    private int rows;

    /**
     * Builds the lists of {@code p}'s tiles; returns false when they would skip too little to pay
     * for walking them (or {@code p} has fewer than 6 rows), and the product should run dense.
     */
    boolean build(GemmProblem p) {
        rows = p.rows();
        int tiles = (rows + TILE - 1) / TILE;
        int depth = p.depth();
        if (rows < TILE || depth == 0) return false;
        if (start.length < tiles + 1) start = new int[tiles + 1];
        if (depths.length < tiles * depth) depths = new int[Math.multiplyExact(tiles, depth)];
        int listed = 0;
        for (int t = 0; t < tiles; t++) {
            start[t] = listed;
            int row = Math.min(t * TILE, rows - TILE);
            listed = appendNonzeroDepths(p.s(), row * p.sRow(), p.sRow(), p.sDepth(), depth, listed);
        }
        start[tiles] = listed;
        return listed <= (1 - MIN_SKIPPED) * tiles * depth;
    }

    /** The first row of the tile that holds row {@code r} (rows of the last tile may be in two). */
    int tileRow(int r) {
        return Math.min(r / TILE * TILE, rows - TILE);
    }

    /** Appends to {@code depths} every depth at which one of the six rows from {@code off} is nonzero. */
    private int appendNonzeroDepths(float[] s, int off, int sRow, int sDepth, int depth, int listed) {
        int[] out = depths;
        int n = listed;
        for (int p = 0, q = off; p < depth; p++, q += sDepth) {
            int bits = Float.floatToRawIntBits(s[q]) | Float.floatToRawIntBits(s[q + sRow])
                    | Float.floatToRawIntBits(s[q + 2 * sRow]) | Float.floatToRawIntBits(s[q + 3 * sRow])
                    | Float.floatToRawIntBits(s[q + 4 * sRow]) | Float.floatToRawIntBits(s[q + 5 * sRow]);
            out[n] = p;
            n += (bits & 0x7fff_ffff) != 0 ? 1 : 0; // branch-free: whether a depth is kept is data
        }
        return n;
    }

    /** Every tile's list, one after another; {@link #from} and {@link #to} say where one tile's lies. */
    int[] depths() {
        return depths;
    }

    /** Where in {@link #depths} the list of the tile starting at {@code row} begins. */
    int from(int row) {
        return start[tile(row)];
    }

    /** Where it ends. */
    int to(int row) {
        return start[tile(row) + 1];
    }

    private int tile(int row) {
        return row % TILE == 0 ? row / TILE : (rows + TILE - 1) / TILE - 1;
    }
}
