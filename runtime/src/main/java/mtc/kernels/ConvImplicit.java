package mtc.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The forward pass and weight gradient of a convolution as an implicit GEMM, one sample at a time:
 * the sample's planes are copied zero-padded into {@code [cin, hp, wp]} (the rows and columns the
 * windows cover; for a strided convolution, its stride phases, {@link ConvPlanes}), outputs are
 * computed for every column of that padded width with {@link ConvKernels} (so column matrix row
 * {@code (ci, ky, kx)} is the planes shifted by {@link ConvPlanes#tap}: {@code ci·hp·wp + ky·dh·wp
 * + kx·dw} with unit strides), and the {@code ow} valid columns of each output row kept. Costs the
 * {@code wp − ow} extra columns per row and a rounding up to whole vectors.
 */
final class ConvImplicit {
    private static final VectorSpecies<Float> SPECIES = GemmKernels.SPECIES;
    private static final int LANES = GemmKernels.LANES;
    private static final int STRIP = 4 * LANES;

    private ConvImplicit() {}

    /** Where each depth index's column-matrix row starts in the padded planes. */
    static int[] shifts(ConvGeometry g, int[] into) {
        int k = 0;
        for (int ci = 0; ci < g.cin(); ci++) {
            for (int ky = 0; ky < g.kh(); ky++) {
                for (int kx = 0; kx < g.kw(); kx++) into[k++] = ConvPlanes.tap(g, ci, ky, kx);
            }
        }
        return into;
    }

    /** Output columns per sample: the padded width's rows, in whole vectors. */
    static int columns(ConvGeometry g) {
        return ConvGeometry.padded(g.oh() * ConvPlanes.width(g));
    }

    /**
     * Copies sample {@code s}'s planes into {@code planes}, whose padding (and slack) must be zero:
     * every sample of a convolution writes the same positions, so the planes are zeroed once per
     * call and thread ({@link ConvScratch#paddedPlanes}).
     */
    static void pad(float[] x, ConvGeometry g, int s, float[] planes) {
        int hp = ConvPlanes.height(g), wp = ConvPlanes.width(g);
        int height = Math.min(g.h(), hp - g.ph());
        int width = Math.min(g.w(), wp - g.pw());
        for (int ci = 0; ci < g.cin(); ci++) {
            int from = (s * g.cin() + ci) * g.h() * g.w();
            int to = ci * hp * wp + g.ph() * wp + g.pw();
            for (int iy = 0; iy < height; iy++) copyRow(x, from + iy * g.w(), planes, to + iy * wp, width);
        }
    }

    /**
     * Output channel {@code co} of sample {@code s} of {@code dy} into {@code into} at {@code to}, its
     * rows on the padded width ({@code wp} apart); the columns between rows are left as they are.
     */
    static void spread(float[] dy, ConvGeometry g, int s, int co, float[] into, int to) {
        int from = (s * g.cout() + co) * g.positions(), wp = ConvPlanes.width(g);
        for (int oy = 0; oy < g.oh(); oy++) copyRow(dy, from + oy * g.ow(), into, to + oy * wp, g.ow());
    }

    /**
     * {@code dst[to, to + width) = src[from, from + width)}, in vectors: the rows of a padded plane
     * are a few vectors long, and a call of {@code System.arraycopy} for each took most of the weight
     * gradient's layout time (9% of a LeNet-5 step on one thread). A row's last part is the vector
     * that ends with it, overlapping the one before, rather than a masked one (a 16-channel 28x28
     * sample padded in 1.55-1.70 against 1.78-2.02 us, in-process, alternating); only rows shorter
     * than a vector are masked.
     */
    static void copyRow(float[] src, int from, float[] dst, int to, int width) {
        if (width < LANES) {
            VectorMask<Float> part = SPECIES.indexInRange(0, width);
            FloatVector.fromArray(SPECIES, src, from, part).intoArray(dst, to, part);
            return;
        }
        for (int i = 0; i + LANES <= width; i += LANES) {
            FloatVector.fromArray(SPECIES, src, from + i).intoArray(dst, to + i);
        }
        if (width % LANES != 0) {
            int last = width - LANES;
            FloatVector.fromArray(SPECIES, src, from + last).intoArray(dst, to + last);
        }
    }

    /** {@code y} for samples {@code [s0, s1)}, a chunk of convolution {@code call} ({@link ConvScratch#nextCall}). */
    static void forward(float[] x, float[] weight, float[] y, ConvGeometry g, int[] shifts, int s0, int s1, long call) {
        ConvScratch scratch = ConvScratch.current();
        int cols = columns(g);
        int wp = ConvPlanes.width(g);
        float[] planes = scratch.paddedPlanes(ConvPlanes.size(g), call);
        float[] out = scratch.outputs(g.cout() * cols + LANES);
        boolean unit = ConvPlanes.unit(g);
        for (int s = s0; s < s1; s++) {
            if (unit) {
                pad(x, g, s, planes);
            } else {
                ConvPlanes.pad(x, g, s, planes);
            }
            multiply(weight, 0, planes, 0, shifts, g.depth(), g.cout(), cols, out, 0);
            // Whole-vector copies may spill into this sample's next rows (written after), not past it.
            int end = (s + 1) * g.outputSize();
            for (int co = 0; co < g.cout(); co++) {
                int to = (s * g.cout() + co) * g.positions();
                Im2col.copyRuns(out, co * cols, wp, 1, y, to, g.oh(), g.ow(), end);
            }
        }
    }

    /**
     * {@link #forward} with the bias, relu and 2x2 max pooling (stride 2) applied as each sample's
     * product is copied out, while it is in cache: {@code y} gets the pooled planes and
     * {@code argmax} their windows' corners ({@link PoolPairs#reluForwardPlane}, with {@code map}
     * from {@link PoolPairs#planeMap} over the padded width); the convolution's own output is never stored.
     */
    static void forwardReluMaxPool(float[] x, float[] weight, float[] bias, float[] y, float[] argmax, ConvGeometry g,
                                   int[] shifts, int[] map, int s0, int s1, long call) {
        ConvScratch scratch = ConvScratch.current();
        int cols = columns(g);
        int wp = ConvPlanes.width(g);
        int pooled = g.oh() / 2 * (g.ow() / 2);
        float[] planes = scratch.paddedPlanes(ConvPlanes.size(g), call);
        // The pooling may read two vectors past the last plane's last row.
        float[] out = scratch.outputs(g.cout() * cols + 2 * LANES);
        for (int s = s0; s < s1; s++) {
            pad(x, g, s, planes);
            multiply(weight, 0, planes, 0, shifts, g.depth(), g.cout(), cols, out, 0);
            for (int co = 0; co < g.cout(); co++) {
                PoolPairs.reluForwardPlane(out, co * cols, wp, bias[co], map, g.ow() / 2, pooled, y, argmax,
                        (s * g.cout() + co) * pooled);
            }
        }
    }

    /**
     * {@code out[outAt + r·cols + x] = Σ_p weight[wAt + r·depth + p] · planes[vAt + shifts[p] + x]}:
     * 4-vector strips, then pairs of vectors and a last single one; six rows at a time and the last
     * one or two strips' rows four at a time where that covers them exactly ({@link #foursOf}), else
     * the last six moved up to end at the last row (recomputing some rows to the same values), or
     * row by row when there are fewer than six.
     */
    static void multiply(float[] weight, int wAt, float[] planes, int vAt, int[] shifts, int depth, int rows, int cols,
                         float[] out, int outAt) {
        int col = 0;
        for (; col + STRIP <= cols; col += STRIP) {
            int v = vAt + col, o = outAt + col;
            if (rows < 6) {
                for (int r = 0; r < rows; r++) {
                    ConvKernels.tile1x4(weight, wAt + r * depth, planes, v, shifts, depth, out, o + r * cols);
                }
                continue;
            }
            int fours = foursOf(rows);
            for (int r = 0; r < rows - 4 * fours; r += 6) {
                int top = Math.min(r, rows - 4 * fours - 6);
                int w = wAt + top * depth;
                ConvKernels.tile6x4(weight, w, depth, planes, v, shifts, depth, out, o + top * cols, cols);
            }
            for (int r = rows - 4 * fours; r < rows; r += 4) {
                ConvKernels.tile4x4(weight, wAt + r * depth, depth, planes, v, shifts, depth, out, o + r * cols, cols);
            }
        }
        for (; col < cols; col += LANES) {
            int v = vAt + col, o = outAt + col;
            if (rows < 6) {
                for (int r = 0; r < rows; r++) {
                    ConvKernels.tile1x1(weight, wAt + r * depth, planes, v, shifts, depth, out, o + r * cols);
                }
                continue;
            }
            boolean two = col + 2 * LANES <= cols;
            for (int r = 0; r < rows; r += 6) {
                int top = Math.min(r, rows - 6), w = wAt + top * depth;
                if (two) {
                    ConvKernels.tile6x2(weight, w, depth, planes, v, shifts, depth, out, o + top * cols, cols);
                } else {
                    ConvKernels.tile6x1(weight, w, depth, planes, v, shifts, depth, out, o + top * cols, cols);
                }
            }
            if (two) col += LANES;
        }
    }

    /**
     * How many rows of a strip go to {@link ConvKernels#tile4x4} so that six-row tiles cover the rest
     * exactly (16 = 6 + 6 + 4, 32 = 4·6 + 2·4): one or two, for an even count of 8 or more rows that
     * sixes alone do not cover; otherwise none, and the last six-row tile overlaps the one before.
     */
    private static int foursOf(int rows) {
        if (rows < 8 || rows % 2 != 0) return 0;
        return switch (rows % 6) {
            case 2 -> 2;
            case 4 -> 1;
            default -> 0;
        };
    }

    /** Whether {@link #weightGradient} suits: enough channels and depth for its 4x5 tiles. */
    static boolean suitsWeightGradient(ConvGeometry g) {
        return g.cout() >= 4 && g.depth() >= 5;
    }

    /**
     * {@code partial[co, k] = Σ dy[s, co, oy, ox] · x[...]} over samples {@code [s0, s1)} of
     * convolution {@code call}: dot products ({@link ConvKernels#dots}) of {@code dy} spread on the
     * padded width (zeros between rows) with, for each column-matrix row {@code (ci, ky, kx)}, the
     * band of padded rows {@code ky·dh .. ky·dh + oh − 1} of every sample's plane {@code ci}, shifted
     * by {@code kx·dw} (strided: the rows of its phase, {@link ConvPlanes#fillBands}). Each band
     * holds the chunk's samples one after the other, {@code oh·wp} apart as the spread {@code dy}
     * is, so a row is one run over the chunk, and the plane's rows
     * that no output row of a tap reads are not multiplied (LeNet-5's conv2: 140 positions a sample
     * instead of 196). The last tiles move back to end at the last row and column, recomputing some
     * sums to the same values.
     */
    static void weightGradient(float[] dy, float[] x, ConvGeometry g, int s0, int s1, float[] partial, int at,
                               long call) {
        ConvScratch scratch = ConvScratch.current();
        int wp = ConvPlanes.width(g), span = g.oh() * wp;
        int samples = s1 - s0;
        int length = ConvGeometry.padded(samples * span);
        int stride = ConvGeometry.padded(length + (g.kw() - 1) * g.dw() / g.sw());
        int phases = ConvPlanes.colPhases(g);
        float[] band = scratch.plane(g.cin() * g.kh() * phases * stride);
        if (ConvPlanes.unit(g)) {
            fillBands(x, g, s0, s1, band, stride, call);
        } else {
            ConvPlanes.fillBands(x, g, s0, s1, band, stride, scratch.paddedPlanes(ConvPlanes.size(g), call));
        }
        int k = g.depth();
        int[] rows = scratch.rowShifts(k);
        for (int b = 0, r = 0; b < g.cin() * g.kh(); b++) {
            for (int kx = 0; kx < g.kw(); kx++) {
                int column = kx * g.dw(); // its phase's band, shifted by r (ConvPlanes)
                rows[r++] = (b * phases + column % g.sw()) * stride + column / g.sw();
            }
        }
        float[] grid = scratch.outputs(g.cout() * length);
        Arrays.fill(grid, 0, g.cout() * length, 0f);
        for (int co = 0; co < g.cout(); co++) {
            for (int s = s0; s < s1; s++) spread(dy, g, s, co, grid, co * length + (s - s0) * span);
        }
        ConvKernels.dots(grid, 0, g.cout(), band, rows, 0, k, length, partial, at, scratch.lanes(20 * LANES));
    }

    /**
     * Band {@code ci·kh + ky} of {@code bands}: for each sample, its padded plane {@code ci}'s rows
     * from {@code ky·dh} on, {@code oh·wp} elements, then zeros to the band's {@code stride}. The
     * rows are read from {@code x} itself when no padding is needed, else from a padded copy.
     */
    private static void fillBands(float[] x, ConvGeometry g, int s0, int s1, float[] bands, int stride, long call) {
        int hp = ConvPlanes.height(g), wp = ConvPlanes.width(g), span = g.oh() * wp;
        boolean inPlace = g.ph() == 0 && g.pw() == 0 && wp == g.w() && hp <= g.h();
        float[] planes = inPlace ? x : ConvScratch.current().paddedPlanes(ConvPlanes.size(g), call);
        for (int s = s0; s < s1; s++) {
            if (!inPlace) pad(x, g, s, planes);
            for (int ci = 0; ci < g.cin(); ci++) {
                int plane = inPlace ? (s * g.cin() + ci) * g.h() * g.w() : ci * hp * wp;
                for (int ky = 0; ky < g.kh(); ky++) {
                    int to = (ci * g.kh() + ky) * stride + (s - s0) * span;
                    System.arraycopy(planes, plane + ky * g.dh() * wp, bands, to, span);
                }
            }
        }
        int used = (s1 - s0) * span;
        for (int b = 0; b < g.cin() * g.kh(); b++) Arrays.fill(bands, b * stride + used, (b + 1) * stride, 0f);
    }
}
