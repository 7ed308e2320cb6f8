package mtc.kernels;

/**
 * Moves a tile that a kernel wrote to scratch into the output: only its valid columns, or
 * transposed for the {@code nt} case that computes {@code Cᵀ}.
 */
final class GemmTileStore {
    private GemmTileStore() {}

    /** Stores rows {@code [row, row+rows)} by columns {@code [col, col+width)} of the tile. */
    static void store(GemmProblem p, float[] tile, int ld, int row, int rows, int col, int width) {
        float[] c = p.c();
        int ldc = p.ldc();
        if (p.transposed()) {
            for (int x = 0; x < width; x++) {
                int to = (col + x) * ldc + row;
                for (int y = 0; y < rows; y++) c[to + y] = tile[y * ld + x];
            }
        } else {
            for (int y = 0; y < rows; y++) System.arraycopy(tile, y * ld, c, (row + y) * ldc + col, width);
        }
    }
}
