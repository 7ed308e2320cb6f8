package mtc.kernels;

import jdk.incubator.vector.FloatVector;

/**
 * Moves a tile that a kernel wrote to scratch into the output: only its valid columns, transposed
 * for the {@code nt} case that computes {@code Cᵀ}, or as an update {@code c -= lr · tile} (the
 * numbers of {@link Sgd#step}: the product rounded, then the difference), or an optimizer's step.
 */
final class GemmTileStore {
    private static final int LANES = GemmKernels.LANES;

    private GemmTileStore() {}

    /**
     * Stores the tile's rows from {@code tile[off]} (leading dimension {@code ld}) as output rows
     * {@code [row, row+rows)} by columns {@code [col, col+width)}.
     */
    static void store(GemmProblem p, float[] tile, int off, int ld, int row, int rows, int col, int width) {
        float[] c = p.c();
        int ldc = p.ldc();
        if (p.step() != null) {
            GemmProblem.Step u = p.step();
            for (int y = 0; y < rows; y++) u.opt().update(c, u.m(), u.v(), (row + y) * ldc + col, tile, off + y * ld, width);
        } else if (p.updates()) {
            for (int y = 0; y < rows; y++) update(c, (row + y) * ldc + col, tile, off + y * ld, width, p.updateLr());
        } else if (p.transposed()) {
            for (int x = 0; x < width; x++) {
                int to = (col + x) * ldc + row;
                for (int y = 0; y < rows; y++) c[to + y] = tile[off + y * ld + x];
            }
        } else {
            for (int y = 0; y < rows; y++) System.arraycopy(tile, off + y * ld, c, (row + y) * ldc + col, width);
        }
    }

    /** {@code c[to + x] -= lr · tile[from + x]} for {@code x < width}. */
    private static void update(float[] c, int to, float[] tile, int from, int width, float lr) {
        int x = 0;
        for (; x + LANES <= width; x += LANES) {
            FloatVector.fromArray(GemmKernels.SPECIES, c, to + x)
                    .sub(FloatVector.fromArray(GemmKernels.SPECIES, tile, from + x).mul(lr))
                    .intoArray(c, to + x);
        }
        for (; x < width; x++) c[to + x] -= lr * tile[from + x];
    }
}
