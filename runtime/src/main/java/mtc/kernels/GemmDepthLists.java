package mtc.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * For each 6-row tile of a product's scalar operand {@code s} (rows {@code 0-5, 6-11, ...}, the last
 * tile moved up to end at the last row), the depths at which some row of the tile is nonzero, in
 * increasing order: at the other depths all six products are zero, and the tile's kernel can skip
 * them without changing a bit of its result. (A zero product leaves an fma chain exactly as it
 * was; only an infinite or NaN factor in the vector operand would have made it count, and training
 * stops on such values anyway.) NaN and -0.0 in {@code s} count as nonzero and zero respectively,
 * as {@code x != 0} says.
 *
 * <p>Images are the case this serves: MNIST is 81% zeros, and the rows of six images together
 * still leave 56% of the depths to skip. A tile that would skip less than a tenth is marked dense
 * and runs the plain kernel. Each tile's list has a fixed place, so threads can build the lists of
 * different tiles at once; the arrays are reused from call to call.
 */
final class GemmDepthLists {
    /** Rows per tile: the tiles of {@link GemmKernels#tile6x4}. */
    static final int TILE = 6;
    /** A tile's list is worth walking only when it skips at least this fraction of the depths. */
    private static final double MIN_SKIPPED = 0.1;
    private static final int LANES = GemmKernels.LANES;

    private int[] depths = new int[0];
    /** Entries in the list of tile {@code t}, which starts at {@code t·depth}; -1 for a dense tile. */
    private int[] counts = new int[0];
    private int rows;
    private int depth;

    /** Makes room for the lists of {@code p}'s tiles; {@link #build} then fills them. */
    void prepare(GemmProblem p) {
        rows = p.rows();
        depth = p.depth();
        int tiles = tiles();
        if (counts.length < tiles) counts = new int[tiles];
        if (depths.length < (long) tiles * depth) depths = new int[Math.multiplyExact(tiles, depth)];
    }

    /** Tiles of the problem prepared for: none with fewer than 6 rows. */
    int tiles() {
        return rows < TILE ? 0 : (rows + TILE - 1) / TILE;
    }

    /** Builds the lists of tiles {@code [from, to)}; threads may build different tiles at once. */
    void build(GemmProblem p, int from, int to) {
        float[] s = p.s();
        int[] lanes = GemmScratch.current().lanes(LANES);
        for (int t = from; t < to; t++) {
            int off = Math.min(t * TILE, rows - TILE) * p.sRow();
            int at = t * depth;
            int end = p.sDepth() == 1 ? appendRowsOfDepths(s, off, p.sRow(), at, lanes)
                    : appendDepths(s, off, p.sRow(), p.sDepth(), at);
            int count = end - at;
            counts[t] = count > (1 - MIN_SKIPPED) * depth ? -1 : count;
        }
    }

    /** Appends at {@code at} every depth where one of six rows from {@code off} is nonzero; returns the end. */
    private int appendDepths(float[] s, int off, int sRow, int sDepth, int at) {
        int[] out = depths;
        int n = at;
        for (int p = 0, q = off; p < depth; p++, q += sDepth) {
            out[n] = p;
            n += nonzero(s, q, sRow) ? 1 : 0; // branch-free: whether a depth is kept is data
        }
        return n;
    }

    /** Whether one of the six values {@code s[q + r·sRow]} is nonzero (or NaN). */
    private static boolean nonzero(float[] s, int q, int sRow) {
        int bits = Float.floatToRawIntBits(s[q]) | Float.floatToRawIntBits(s[q + sRow])
                | Float.floatToRawIntBits(s[q + 2 * sRow]) | Float.floatToRawIntBits(s[q + 3 * sRow])
                | Float.floatToRawIntBits(s[q + 4 * sRow]) | Float.floatToRawIntBits(s[q + 5 * sRow]);
        return (bits & 0x7fff_ffff) != 0;
    }

    /**
     * {@link #appendDepths} for rows that are contiguous along the depth ({@code sDepth == 1}): a
     * vector of depths at a time, skipping those where all six rows are zero in one test; {@code lanes}
     * is the calling thread's room for one vector.
     */
    private int appendRowsOfDepths(float[] s, int off, int sRow, int at, int[] lanes) {
        int[] out = depths;
        int n = at;
        int p = 0;
        for (; p + LANES <= depth; p += LANES) {
            int q = off + p;
            IntVector bits = FloatVector.fromArray(GemmKernels.SPECIES, s, q).reinterpretAsInts()
                    .or(FloatVector.fromArray(GemmKernels.SPECIES, s, q + sRow).reinterpretAsInts())
                    .or(FloatVector.fromArray(GemmKernels.SPECIES, s, q + 2 * sRow).reinterpretAsInts())
                    .or(FloatVector.fromArray(GemmKernels.SPECIES, s, q + 3 * sRow).reinterpretAsInts())
                    .or(FloatVector.fromArray(GemmKernels.SPECIES, s, q + 4 * sRow).reinterpretAsInts())
                    .or(FloatVector.fromArray(GemmKernels.SPECIES, s, q + 5 * sRow).reinterpretAsInts())
                    .and(0x7fff_ffff);
            if (!bits.compare(VectorOperators.NE, 0).anyTrue()) continue;
            bits.intoArray(lanes, 0);
            for (int j = 0; j < LANES; j++) {
                out[n] = p + j;
                n += lanes[j] != 0 ? 1 : 0;
            }
        }
        for (; p < depth; p++) {
            out[n] = p;
            n += nonzero(s, off + p, sRow) ? 1 : 0;
        }
        return n;
    }

    /** The first row of the tile that holds row {@code r} (rows of the last tile may be in two). */
    int tileRow(int r) {
        return Math.min(r / TILE * TILE, rows - TILE);
    }

    /** Every tile's list, each at its place; {@link #from} and {@link #to} say where one tile's lies. */
    int[] depths() {
        return depths;
    }

    /** Whether the tile starting at {@code row} skips too little to walk a list: it runs every depth. */
    boolean dense(int row) {
        return counts[tile(row)] < 0;
    }

    /** Where in {@link #depths} the list of the tile starting at {@code row} begins. */
    int from(int row) {
        return tile(row) * depth;
    }

    /** Where it ends. */
    int to(int row) {
        int t = tile(row);
        return t * depth + counts[t];
    }

    private int tile(int row) {
        return row % TILE == 0 ? row / TILE : tiles() - 1;
    }
}
