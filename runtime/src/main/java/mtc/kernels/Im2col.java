package mtc.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;

/**
 * Moves a chunk of samples between the image layout {@code [n, cin, h, w]} and the column layout
 * {@code col[k, q]} of {@link ConvGeometry}: row {@code k = (ci·kh + ky)·kw + kx}, column
 * {@code q = (s − s0)·P + oy·ow + ox}, holding {@code x[s, ci, oy·sh − ph + ky·dh, ox·sw − pw + kx·dw]}
 * (zero in the padding). Rows have leading dimension {@code ld}; the columns from {@code Q} to
 * {@code ld} are zero, so whole vectors can be read there.
 */
final class Im2col {
    private static final int LANES = GemmKernels.LANES;
    /** The even lanes of two vectors. */
    private static final VectorShuffle<Float> EVENS = VectorShuffle.fromOp(GemmKernels.SPECIES, i -> 2 * i);

    private Im2col() {}

    /**
     * Fills {@code col} with the columns of samples {@code [s0, s1)} of {@code x}. Each (sample,
     * channel) plane is read in place, or from a zero-padded copy when the windows reach into the
     * padding, so that every row of a column is a plain (strided) run of the plane; unit-stride runs
     * are copied in whole vectors, whose excess lanes land on columns written later (or on the
     * padding, zeroed last).
     */
    static void gather(float[] x, ConvGeometry g, int s0, int s1, float[] col, int ld, ConvScratch scratch) {
        int positions = g.positions();
        int q = (s1 - s0) * positions;
        int rows = (g.oh() - 1) * g.sh() + (g.kh() - 1) * g.dh() + 1; // padded rows the windows cover
        int cols = (g.ow() - 1) * g.sw() + (g.kw() - 1) * g.dw() + 1;
        boolean padded = g.ph() > 0 || g.pw() > 0 || rows > g.h() || cols > g.w();
        int width = padded ? cols : g.w();
        float[] plane = padded ? scratch.plane(rows * cols + 2 * LANES) : x;
        for (int s = s0; s < s1; s++) {
            for (int ci = 0; ci < g.cin(); ci++) {
                int base = ((s * g.cin() + ci) * g.h()) * g.w();
                if (padded) {
                    pad(x, base, g, plane, rows, cols);
                    base = 0;
                }
                for (int ky = 0; ky < g.kh(); ky++) {
                    for (int kx = 0; kx < g.kw(); kx++) {
                        int row = ((ci * g.kh() + ky) * g.kw() + kx) * ld;
                        int dst = row + (s - s0) * positions;
                        int src = base + ky * g.dh() * width + kx * g.dw();
                        copyRuns(plane, src, g.sh() * width, g.sw(), col, dst, g.oh(), g.ow(), row + ld);
                    }
                }
            }
        }
        for (int k = 0; k < g.depth(); k++) Arrays.fill(col, k * ld + q, (k + 1) * ld, 0f);
    }

    /**
     * {@code count} runs of {@code length} elements, {@code step} apart in {@code src} (elements
     * {@code stride} apart), consecutive in {@code dst}. Runs of stride 1, and of stride 2 (the
     * even lanes of two vectors, by a shuffle: strided convolutions), are copied in whole vectors
     * wherever they fit before {@code dstEnd} and in {@code src}: the lanes past a run land where
     * the next run (or the caller, later) writes.
     */
    static void copyRuns(float[] src, int from, int step, int stride, float[] dst, int to, int count,
                                 int length, int dstEnd) {
        int whole = ConvGeometry.padded(length);
        for (int r = 0; r < count; r++, from += step, to += length) {
            if (stride == 2 && to + whole <= dstEnd && from + 2 * whole <= src.length) {
                for (int i = 0; i < length; i += LANES) {
                    FloatVector low = FloatVector.fromArray(GemmKernels.SPECIES, src, from + 2 * i);
                    FloatVector high = FloatVector.fromArray(GemmKernels.SPECIES, src, from + 2 * i + LANES);
                    low.rearrange(EVENS, high).intoArray(dst, to + i);
                }
            } else if (stride != 1) {
                for (int i = 0; i < length; i++) dst[to + i] = src[from + i * stride];
            } else if (to + whole <= dstEnd && from + whole <= src.length) {
                for (int i = 0; i < length; i += LANES) {
                    FloatVector.fromArray(GemmKernels.SPECIES, src, from + i).intoArray(dst, to + i);
                }
            } else {
                System.arraycopy(src, from, dst, to, length);
            }
        }
    }

    /** Copies plane {@code x[base..]} into {@code plane[rows, cols]} at the top/left padding, zero around it. */
    private static void pad(float[] x, int base, ConvGeometry g, float[] plane, int rows, int cols) {
        Arrays.fill(plane, 0, rows * cols, 0f);
        int height = Math.min(g.h(), rows - g.ph());
        int width = Math.min(g.w(), cols - g.pw());
        for (int iy = 0; iy < height; iy++) {
            System.arraycopy(x, base + iy * g.w(), plane, (g.ph() + iy) * cols + g.pw(), width);
        }
    }
}
