package mtc.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * Moves a chunk of samples between the image layout {@code [n, cin, h, w]} and the column layout
 * {@code col[k, q]} of {@link ConvGeometry}: row {@code k = (ci·kh + ky)·kw + kx}, column
 * {@code q = (s − s0)·P + oy·ow + ox}, holding {@code x[s, ci, oy·sh − ph + ky·dh, ox·sw − pw + kx·dw]}
 * (zero in the padding). Rows have leading dimension {@code ld}; the columns from {@code Q} to
 * {@code ld} are zero, so whole vectors can be read there.
 */
final class Im2col {
    private Im2col() {}

    /** Fills {@code col} with the columns of samples {@code [s0, s1)} of {@code x}. */
    static void gather(float[] x, ConvGeometry g, int s0, int s1, float[] col, int ld) {
        int positions = g.positions();
        int plane = g.h() * g.w();
        int q = (s1 - s0) * positions;
        for (int ci = 0; ci < g.cin(); ci++) {
            for (int ky = 0; ky < g.kh(); ky++) {
                for (int kx = 0; kx < g.kw(); kx++) {
                    int row = ((ci * g.kh() + ky) * g.kw() + kx) * ld;
                    int xOffset = kx * g.dw() - g.pw();
                    int lo = firstInside(xOffset, g.sw(), g.ow());
                    int hi = Math.max(lo, endInside(xOffset, g.sw(), g.w(), g.ow()));
                    for (int s = s0; s < s1; s++) {
                        int src = (s * g.cin() + ci) * plane;
                        int dst = row + (s - s0) * positions;
                        for (int oy = 0; oy < g.oh(); oy++, dst += g.ow()) {
                            int iy = oy * g.sh() - g.ph() + ky * g.dh();
                            if (iy < 0 || iy >= g.h()) {
                                Arrays.fill(col, dst, dst + g.ow(), 0f);
                                continue;
                            }
                            Arrays.fill(col, dst, dst + lo, 0f);
                            int from = src + iy * g.w() + xOffset;
                            if (g.sw() == 1) {
                                System.arraycopy(x, from + lo, col, dst + lo, hi - lo);
                            } else {
                                for (int ox = lo; ox < hi; ox++) col[dst + ox] = x[from + ox * g.sw()];
                            }
                            Arrays.fill(col, dst + hi, dst + g.ow(), 0f);
                        }
                    }
                    Arrays.fill(col, row + q, row + ld, 0f);
                }
            }
        }
    }

    /**
     * Overwrites samples {@code [s0, s1)} of {@code dx} with the sums of their columns in
     * {@code col}: each input element receives its contributions in the fixed order of rows
     * {@code k}, then positions.
     */
    static void scatter(float[] col, int ld, ConvGeometry g, int s0, int s1, float[] dx) {
        int positions = g.positions();
        int plane = g.h() * g.w();
        Arrays.fill(dx, s0 * g.inputSize(), s1 * g.inputSize(), 0f);
        for (int ci = 0; ci < g.cin(); ci++) {
            for (int ky = 0; ky < g.kh(); ky++) {
                for (int kx = 0; kx < g.kw(); kx++) {
                    int row = ((ci * g.kh() + ky) * g.kw() + kx) * ld;
                    int xOffset = kx * g.dw() - g.pw();
                    int lo = firstInside(xOffset, g.sw(), g.ow());
                    int hi = Math.max(lo, endInside(xOffset, g.sw(), g.w(), g.ow()));
                    for (int s = s0; s < s1; s++) {
                        int dst = (s * g.cin() + ci) * plane;
                        int src = row + (s - s0) * positions;
                        for (int oy = 0; oy < g.oh(); oy++, src += g.ow()) {
                            int iy = oy * g.sh() - g.ph() + ky * g.dh();
                            if (iy < 0 || iy >= g.h()) continue;
                            int to = dst + iy * g.w() + xOffset;
                            if (g.sw() == 1) {
                                addRun(col, src + lo, dx, to + lo, hi - lo);
                            } else {
                                for (int ox = lo; ox < hi; ox++) dx[to + ox * g.sw()] += col[src + ox];
                            }
                        }
                    }
                }
            }
        }
    }

    /** {@code dst[to + i] += src[from + i]} for {@code i < length}. */
    private static void addRun(float[] src, int from, float[] dst, int to, int length) {
        int lanes = GemmKernels.LANES;
        int i = 0;
        for (; i + lanes <= length; i += lanes) {
            FloatVector.fromArray(GemmKernels.SPECIES, dst, to + i)
                    .add(FloatVector.fromArray(GemmKernels.SPECIES, src, from + i))
                    .intoArray(dst, to + i);
        }
        for (; i < length; i++) dst[to + i] += src[from + i];
    }

    /** The first {@code o < count} with {@code o·stride + offset >= 0} (or {@code count}). */
    static int firstInside(int offset, int stride, int count) {
        if (offset >= 0) return 0;
        return Math.min(count, (-offset + stride - 1) / stride);
    }

    /** One past the last {@code o < count} with {@code o·stride + offset < size} (at least 0). */
    static int endInside(int offset, int stride, int size, int count) {
        if (offset >= size) return 0;
        return Math.min(count, Math.floorDiv(size - 1 - offset, stride) + 1);
    }
}
