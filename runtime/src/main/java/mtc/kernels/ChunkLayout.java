package mtc.kernels;

import java.util.Arrays;

/**
 * Moves a chunk of samples of an NCHW tensor {@code [n, c, P]} into the product layout
 * {@code [c, ld]} (channel rows, the chunk's positions side by side), and sums per-chunk weight
 * gradients in chunk order.
 */
final class ChunkLayout {
    private ChunkLayout() {}

    /** {@code dst[ch·ld + (s − s0)·P + p] = src[(s·c + ch)·P + p]}, zero from the chunk's last column to {@code ld}. */
    static void gather(float[] src, int c, int positions, int s0, int s1, float[] dst, int ld) {
        int q = (s1 - s0) * positions;
        for (int ch = 0; ch < c; ch++) {
            for (int s = s0; s < s1; s++) {
                System.arraycopy(src, (s * c + ch) * positions, dst, ch * ld + (s - s0) * positions, positions);
            }
            Arrays.fill(dst, ch * ld + q, (ch + 1) * ld, 0f);
        }
    }

    /**
     * {@code out[r·cols + x] = Σ_chunk partials[chunk·rows·ld + r·ld + x]}, chunks added in order
     * (the first one copied, so a single chunk is passed through exactly).
     */
    static void sumPartials(float[] partials, int chunks, int rows, int cols, int ld, float[] out) {
        int size = rows * ld;
        if (chunks == 0) { // an empty batch
            Arrays.fill(out, 0, rows * cols, 0f);
            return;
        }
        for (int r = 0; r < rows; r++) {
            System.arraycopy(partials, r * ld, out, r * cols, cols);
            for (int chunk = 1; chunk < chunks; chunk++) {
                int from = chunk * size + r * ld;
                int to = r * cols;
                for (int x = 0; x < cols; x++) out[to + x] += partials[from + x];
            }
        }
    }
}
