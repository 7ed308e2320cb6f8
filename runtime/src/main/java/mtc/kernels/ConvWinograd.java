package mtc.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * 3x3 unit-stride convolutions with Winograd's minimal filtering F(4, 3) along the rows: each four
 * output rows {@code 4t..4t + 3} come from six products of transformed rows instead of twelve, so
 * the implicit GEMM ({@link ConvImplicit#multiply}) does half the multiply-adds. With {@code d0..d5}
 * the padded input rows {@code 4t..4t + 5} of a plane and {@code g0..g2} a kernel's rows (each a
 * 3-tap filter along the row, applied as the implicit GEMM applies its taps), the transforms are
 * those of Lavin and Gray's F(4, 3) (interpolation points 0, ±1, ±2 and infinity):
 * <pre>
 *   V = B^T d: 4d0 − 5d2 + d4, −4d1 − 4d2 + d3 + d4, 4d1 − 4d2 − d3 + d4, −2d1 − d2 + 2d3 + d4,
 *              2d1 − d2 − 2d3 + d4, 4d1 − 5d3 + d5
 *   U = G g:   g0/4, −(g0 + g1 + g2)/6, −(g0 − g1 + g2)/6, (g0 + 2g1 + 4g2)/24, (g0 − 2g1 + 4g2)/24, g2
 *   M_p = Σ_ci U_p ⋆ V_p                                                 (six implicit GEMMs)
 *   y = A^T M: M0 + M1 + M2 + M3 + M4, M1 − M2 + 2M3 − 2M4, M1 + M2 + 4M3 + 4M4, M1 − M2 + 8M3 − 8M4 + M5
 * </pre>
 * The transforms are additions along whole rows, vectorised as they lie in memory. The weight
 * gradient runs the same algebra backwards: {@code dM = A dy}, {@code dU_p = Σ dM_p ⋆ V_p} as dot
 * products ({@link ConvKernels#dots}), and {@code dg = G^T dU}. The input gradient is a forward
 * convolution of the flipped kernel ({@link Conv2d#gradInput}). Each output is a fixed sequence of
 * operations, so results are bit-identical for any thread count; they differ from the direct sums
 * by rounding, a few times more of it than the direct sums have (the transforms scale terms by up
 * to 8 before cancelling them).
 */
final class ConvWinograd {
    private static final VectorSpecies<Float> SPECIES = GemmKernels.SPECIES;
    private static final int LANES = GemmKernels.LANES;
    /**
     * Fewer input channels than this leave the products too shallow to repay the transforms (one
     * thread, batch 64, 28x28, forward and weight gradient against the direct kernels: 8 -> 8 0.63
     * and 0.63 against 0.71 and 0.90 ms, 16 -> 4 0.91 and 0.59 against 1.42 and 0.85; 6 -> 16 0.91 and
     * 0.91 against 0.83 and 0.91, 2 -> 16 0.56 and 0.61 against 0.43 and 0.48).
     */
    private static final int MIN_CHANNELS_IN = 8;
    /** The weight gradient's tiles are four output channels high. */
    private static final int MIN_CHANNELS_OUT = 4;

    private ConvWinograd() {}

    static boolean suits(ConvGeometry g) {
        return g.kh() == 3 && g.kw() == 3 && ConvPlanes.unit(g) && g.dh() == 1 && g.dw() == 1
                && g.cin() >= MIN_CHANNELS_IN && g.cout() >= MIN_CHANNELS_OUT;
    }

    /**
     * Columns a chunk of a weight gradient aims at: twice {@link ConvGeometry#WEIGHT_CHUNK_COLUMNS},
     * as a tile's products are a quarter of its outputs' columns, and each chunk ends in lane sums
     * (the residual network's layers, 2 threads: 0.86-0.90 ms a call against 0.94-0.99 with 1024).
     */
    static final int WEIGHT_CHUNK_COLUMNS = 2048;

    /** Output rows per tile, and products per tile. */
    private static final int ROWS = 4, PRODUCTS = 6;

    /**
     * The layout of one call, worked out once: {@code padded} is the geometry of the zero-padded
     * planes the input transform reads (the output rounded up to whole tiles of four rows, the last
     * one partly used when {@code oh} is not a multiple of four), {@code wp} their width; a
     * product's {@code cols} columns are the tiles' rows on that width in whole vectors, and its
     * transformed planes lie {@code stride} apart (the columns and the two the last taps read past them).
     */
    record Tiles(ConvGeometry g, ConvGeometry padded, int count, int wp, int cols, int stride) {
        static Tiles of(ConvGeometry g) {
            int count = (g.oh() + ROWS - 1) / ROWS;
            ConvGeometry padded = new ConvGeometry(g.n(), g.cin(), g.h(), g.w(), g.cout(), 3, 3, 1, 1, g.ph(), g.pw(),
                    1, 1, ROWS * count, g.ow());
            int wp = ConvPlanes.width(padded), cols = ConvGeometry.padded(count * wp);
            return new Tiles(g, padded, count, wp, cols, cols + LANES);
        }

        /** The padded planes of convolution {@code call} (with the vector the transform reads past them). */
        float[] planes(ConvScratch scratch, long call) {
            return scratch.paddedPlanes(ConvPlanes.size(padded) + LANES, call);
        }

        /** Where padded plane {@code ci} starts. */
        int plane(int ci) {
            return ci * ConvPlanes.height(padded) * wp;
        }
    }

    /**
     * {@code y = conv(x, weight)} plus {@code bias} per channel if not null: the forward pass, or
     * with the kernel flipped and no bias, an input gradient.
     */
    static void forward(float[] x, float[] weight, float[] bias, float[] y, ConvGeometry g) {
        Tiles tiles = Tiles.of(g);
        float[] u = transformWeight(weight, g);
        int[] shifts = shifts(tiles);
        long call = ConvScratch.nextCall();
        Conv2d.eachChunk(g, ConvGeometry.CHUNK_COLUMNS,
                (chunk, s0, s1) -> forward(x, u, bias, y, tiles, shifts, s0, s1, call));
    }

    /**
     * {@link #forward} with the bias, relu and 2x2 max pooling of {@link ConvImplicit#forwardReluMaxPool}
     * applied to each sample's output on the padded width ({@code map} from {@link PoolPairs#planeMap}
     * over {@code ow + 2} columns), so that the fused pass and the separate ones compute the same numbers.
     */
    static void forwardReluMaxPool(float[] x, float[] weight, float[] bias, float[] y, float[] argmax, int[] map,
                                   ConvGeometry g) {
        Tiles tiles = Tiles.of(g);
        float[] u = transformWeight(weight, g);
        int[] shifts = shifts(tiles);
        long call = ConvScratch.nextCall();
        Conv2d.eachChunk(g, ConvGeometry.CHUNK_COLUMNS,
                (chunk, s0, s1) -> forwardReluMaxPool(x, u, bias, y, argmax, map, tiles, shifts, s0, s1, call));
    }

    /** The weight gradient's chunks ({@link #weightGradient}) into {@code partials}, {@code cout·cin·9} apart. */
    static void weightGradient(float[] dy, float[] x, ConvGeometry g, float[] partials) {
        Tiles tiles = Tiles.of(g);
        int partial = g.cout() * g.depth();
        long call = ConvScratch.nextCall();
        Conv2d.eachChunk(g, WEIGHT_CHUNK_COLUMNS,
                (chunk, s0, s1) -> weightGradient(dy, x, tiles, s0, s1, partials, chunk * partial, call));
    }

    /** {@code weight[cout, cin, 3, 3]} as {@code U[p, co, ci·3 + kx]}, in the caller's scratch. */
    private static float[] transformWeight(float[] weight, ConvGeometry g) {
        int cout = g.cout(), cin = g.cin(), depth = 3 * cin, block = cout * depth;
        float[] into = ConvScratch.current().transformedWeights(PRODUCTS * block);
        for (int co = 0; co < cout; co++) {
            for (int ci = 0; ci < cin; ci++) {
                for (int kx = 0; kx < 3; kx++) {
                    int from = (co * cin + ci) * 9 + kx, to = co * depth + ci * 3 + kx;
                    float g0 = weight[from], g1 = weight[from + 3], g2 = weight[from + 6];
                    into[to] = g0 / 4f;
                    into[block + to] = -(g0 + g1 + g2) / 6f;
                    into[2 * block + to] = -(g0 - g1 + g2) / 6f;
                    into[3 * block + to] = (g0 + 2f * g1 + 4f * g2) / 24f;
                    into[4 * block + to] = (g0 - 2f * g1 + 4f * g2) / 24f;
                    into[5 * block + to] = g2;
                }
            }
        }
        return into;
    }

    /** Where tap {@code (ci, kx)} of a product reads column 0 of its transformed planes, in the caller's scratch. */
    private static int[] shifts(Tiles tiles) {
        int[] into = ConvScratch.current().shifts(3 * tiles.g().cin());
        for (int ci = 0; ci < tiles.g().cin(); ci++) {
            for (int kx = 0; kx < 3; kx++) into[ci * 3 + kx] = ci * tiles.stride() + kx;
        }
        return into;
    }

    /** {@code y} for samples {@code [s0, s1)} of convolution {@code call}, given the transformed weight {@code u}. */
    private static void forward(float[] x, float[] u, float[] bias, float[] y, Tiles tiles, int[] shifts, int s0,
                                int s1, long call) {
        ConvScratch scratch = ConvScratch.current();
        ConvGeometry g = tiles.g();
        int cols = tiles.cols(), cout = g.cout();
        float[] planes = tiles.planes(scratch, call);
        float[] v = scratch.columns(PRODUCTS * g.cin() * tiles.stride());
        float[] m = scratch.outputs(PRODUCTS * cout * cols + LANES);
        for (int s = s0; s < s1; s++) {
            product(x, u, tiles, shifts, s, planes, v, m);
            int end = (s + 1) * g.outputSize();
            for (int co = 0; co < cout; co++) {
                untransformRows(m, cout * cols, co * cols, tiles.wp(), g.oh(), bias, co, y,
                        (s * cout + co) * g.positions(), g.ow(), g.ow(), end);
            }
        }
    }

    /**
     * The input transform of the padded plane at {@code from} ({@code wp} wide): tile {@code t}'s six
     * transformed rows go to {@code v[to + p·pStride + t·wp ..]}, each {@code wp} long. Whole
     * vectors: each row's last one spills into the next row's start, which is written after it, or
     * past the last row into the slack after the transformed plane.
     */
    private static void transformInput(float[] planes, int from, int wp, int tiles, float[] v, int to, int pStride) {
        for (int t = 0; t < tiles; t++) {
            int d = from + ROWS * t * wp, at = to + t * wp;
            for (int x = 0; x < wp; x += LANES) {
                FloatVector d0 = FloatVector.fromArray(SPECIES, planes, d + x);
                FloatVector d1 = FloatVector.fromArray(SPECIES, planes, d + wp + x);
                FloatVector d2 = FloatVector.fromArray(SPECIES, planes, d + 2 * wp + x);
                FloatVector d3 = FloatVector.fromArray(SPECIES, planes, d + 3 * wp + x);
                FloatVector d4 = FloatVector.fromArray(SPECIES, planes, d + 4 * wp + x);
                FloatVector d5 = FloatVector.fromArray(SPECIES, planes, d + 5 * wp + x);
                FloatVector even = d4.sub(d2.mul(4f)), odd = d3.sub(d1.mul(4f));
                FloatVector near = d4.sub(d2), far = d3.sub(d1).mul(2f);
                near.add(d0.sub(d2).mul(4f)).intoArray(v, at + x);
                even.add(odd).intoArray(v, at + pStride + x);
                even.sub(odd).intoArray(v, at + 2 * pStride + x);
                near.add(far).intoArray(v, at + 3 * pStride + x);
                near.sub(far).intoArray(v, at + 4 * pStride + x);
                d5.sub(d3).add(d1.sub(d3).mul(4f)).intoArray(v, at + 5 * pStride + x);
            }
        }
    }

    private static void forwardReluMaxPool(float[] x, float[] u, float[] bias, float[] y, float[] argmax, int[] map,
                                           Tiles tiles, int[] shifts, int s0, int s1, long call) {
        ConvScratch scratch = ConvScratch.current();
        ConvGeometry g = tiles.g();
        int wp = tiles.wp(), cols = tiles.cols(), cout = g.cout(), pooled = g.oh() / 2 * (g.ow() / 2);
        float[] planes = tiles.planes(scratch, call);
        float[] v = scratch.columns(PRODUCTS * g.cin() * tiles.stride());
        float[] m = scratch.outputs(PRODUCTS * cout * cols + LANES);
        // One channel's output at a time; the pooling may read two vectors past its last row.
        float[] out = scratch.plane(g.oh() * wp + 2 * LANES);
        for (int s = s0; s < s1; s++) {
            product(x, u, tiles, shifts, s, planes, v, m);
            for (int co = 0; co < cout; co++) {
                untransformRows(m, cout * cols, co * cols, wp, g.oh(), null, co, out, 0, wp, wp, out.length);
                PoolPairs.reluForwardPlane(out, 0, wp, bias[co], map, g.ow() / 2, pooled, y, argmax,
                        (s * cout + co) * pooled);
            }
        }
    }

    /** The six products {@code m} of sample {@code s}: its padded planes, their transform, the implicit GEMMs. */
    private static void product(float[] x, float[] u, Tiles tiles, int[] shifts, int s, float[] planes, float[] v,
                                float[] m) {
        ConvGeometry g = tiles.g();
        int cols = tiles.cols(), stride = tiles.stride(), cin = g.cin(), cout = g.cout(), depth = 3 * cin;
        ConvImplicit.pad(x, tiles.padded(), s, planes);
        for (int ci = 0; ci < cin; ci++) {
            transformInput(planes, tiles.plane(ci), tiles.wp(), tiles.count(), v, ci * stride, cin * stride);
        }
        for (int p = 0; p < PRODUCTS; p++) {
            ConvImplicit.multiply(u, p * cout * depth, v, p * cin * stride, shifts, depth, cout, cols,
                    m, p * cout * cols);
        }
    }

    /**
     * The output transform of channel {@code co}: from the products {@code m[p·pStride + from + t·wp + x]},
     * rows {@code 4t..4t + 3} (those below {@code oh}) of {@code width} columns at
     * {@code dst[to + row·rowStride ..]}, with {@code bias[co]} added unless {@code bias} is null.
     * Whole vectors, a row at a time, so that each row's last one spills into the next row, written
     * after it; one that would pass {@code end} is masked.
     */
    private static void untransformRows(float[] m, int pStride, int from, int wp, int oh, float[] bias, int co,
                                        float[] dst, int to, int rowStride, int width, int end) {
        boolean biased = bias != null;
        FloatVector shift = FloatVector.broadcast(SPECIES, biased ? bias[co] : 0f);
        for (int t = 0; ROWS * t < oh; t++) {
            int at = from + t * wp, top = to + ROWS * t * rowStride, rows = Math.min(ROWS, oh - ROWS * t);
            for (int r = 0; r < rows; r++) {
                for (int x = 0; x < width; x += LANES) {
                    FloatVector m1 = FloatVector.fromArray(SPECIES, m, at + pStride + x);
                    FloatVector m2 = FloatVector.fromArray(SPECIES, m, at + 2 * pStride + x);
                    FloatVector m3 = FloatVector.fromArray(SPECIES, m, at + 3 * pStride + x);
                    FloatVector m4 = FloatVector.fromArray(SPECIES, m, at + 4 * pStride + x);
                    FloatVector row = switch (r) {
                        case 0 -> FloatVector.fromArray(SPECIES, m, at + x).add(m1.add(m2)).add(m3.add(m4));
                        case 1 -> m1.sub(m2).add(m3.sub(m4).mul(2f));
                        case 2 -> m1.add(m2).add(m3.add(m4).mul(4f));
                        default -> m1.sub(m2).add(m3.sub(m4).mul(8f))
                                .add(FloatVector.fromArray(SPECIES, m, at + 5 * pStride + x));
                    };
                    store(biased ? row.add(shift) : row, dst, top + r * rowStride + x, width - x, end);
                }
            }
        }
    }

    /** {@code value} at {@code y[at..]}: whole unless that passes {@code end}, else its first {@code left} lanes. */
    private static void store(FloatVector value, float[] y, int at, int left, int end) {
        if (at + LANES <= end) {
            value.intoArray(y, at);
        } else {
            value.intoArray(y, at, SPECIES.indexInRange(0, left));
        }
    }

    /**
     * {@code partial[at + co·cin·9 + ci·9 + ky·3 + kx]}: the weight gradient of samples {@code [s0, s1)}
     * of convolution {@code call}. The transformed inputs lie in bands, one per {@code (p, ci)}, each
     * holding the chunk's samples one after the other ({@code tiles·wp} apart), and the transformed
     * output gradients on the same grid, zero in the columns past {@code ow}; per {@code p}, dot
     * products of the two ({@link ConvKernels#dots}) give {@code dU_p[co, ci·3 + kx]}.
     */
    private static void weightGradient(float[] dy, float[] x, Tiles tiles, int s0, int s1, float[] partial, int at,
                                       long call) {
        ConvScratch scratch = ConvScratch.current();
        ConvGeometry g = tiles.g();
        int wp = tiles.wp(), span = tiles.count() * wp, cin = g.cin(), cout = g.cout(), depth = 3 * cin;
        int length = ConvGeometry.padded((s1 - s0) * span);
        int stride = ConvGeometry.padded(length + LANES);
        float[] planes = tiles.planes(scratch, call);
        float[] bands = scratch.plane(PRODUCTS * cin * stride);
        for (int s = s0; s < s1; s++) {
            ConvImplicit.pad(x, tiles.padded(), s, planes);
            for (int ci = 0; ci < cin; ci++) {
                transformInput(planes, tiles.plane(ci), wp, tiles.count(), bands, ci * stride + (s - s0) * span,
                        cin * stride);
            }
        }
        int used = (s1 - s0) * span;
        for (int band = 0; band < PRODUCTS * cin; band++) {
            Arrays.fill(bands, band * stride + used, (band + 1) * stride, 0f);
        }
        float[] grid = scratch.outputs(PRODUCTS * cout * length);
        Arrays.fill(grid, 0, PRODUCTS * cout * length, 0f);
        for (int s = s0; s < s1; s++) transformGradient(dy, tiles, s, grid, (s - s0) * span, cout * length, length);
        int[] rows = scratch.rowShifts(PRODUCTS * depth);
        for (int p = 0; p < PRODUCTS; p++) {
            for (int ci = 0; ci < cin; ci++) {
                for (int kx = 0; kx < 3; kx++) rows[p * depth + ci * 3 + kx] = (p * cin + ci) * stride + kx;
            }
        }
        float[] sums = scratch.sums(PRODUCTS * cout * depth);
        float[] lanes = scratch.lanes(20 * LANES);
        for (int p = 0; p < PRODUCTS; p++) {
            ConvKernels.dots(grid, p * cout * length, cout, bands, rows, p * depth, depth, length,
                    sums, p * cout * depth, lanes);
        }
        untransformWeight(sums, cout * depth, g, partial, at);
    }

    /**
     * Sample {@code s}'s rows of {@code dM_p}, {@code ow} long, at {@code grid[p·pStride + co·length + to + t·wp]}.
     * Rows of a vector or more are taken in whole vectors, the last one ending with the row and
     * overlapping the one before (the same columns computed twice, to the same values): masked loads
     * and stores cost more (a 16-channel 28x28 weight gradient 0.94-1.00 against 1.14-1.27 ms, one
     * thread). Shorter rows are masked, the mask made where it is used (passed to a method, it was
     * boxed: 3x slower).
     */
    private static void transformGradient(float[] dy, Tiles tiles, int s, float[] grid, int to, int pStride,
                                          int length) {
        ConvGeometry g = tiles.g();
        int ow = g.ow(), oh = g.oh(), wp = tiles.wp();
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int co = 0; co < g.cout(); co++) {
            int plane = (s * g.cout() + co) * g.positions();
            for (int t = 0; t < tiles.count(); t++) {
                int top = plane + ROWS * t * ow, at = co * length + to + t * wp, rows = Math.min(ROWS, oh - ROWS * t);
                if (ow >= LANES) {
                    for (int x = 0; x < ow; x += LANES) {
                        int from = Math.min(x, ow - LANES);
                        transformGradient(dy, top + from, ow, rows, grid, at + from, pStride);
                    }
                    continue;
                }
                VectorMask<Float> in = SPECIES.indexInRange(0, ow);
                FloatVector dy0 = FloatVector.fromArray(SPECIES, dy, top, in);
                FloatVector dy1 = rows > 1 ? FloatVector.fromArray(SPECIES, dy, top + ow, in) : zero;
                FloatVector dy2 = rows > 2 ? FloatVector.fromArray(SPECIES, dy, top + 2 * ow, in) : zero;
                FloatVector dy3 = rows > 3 ? FloatVector.fromArray(SPECIES, dy, top + 3 * ow, in) : zero;
                FloatVector a = dy0.add(dy2), b = dy1.add(dy3);
                FloatVector c = dy0.add(dy2.mul(4f)), e = dy1.mul(2f).add(dy3.mul(8f));
                dy0.intoArray(grid, at, in);
                a.add(b).intoArray(grid, at + pStride, in);
                a.sub(b).intoArray(grid, at + 2 * pStride, in);
                c.add(e).intoArray(grid, at + 3 * pStride, in);
                c.sub(e).intoArray(grid, at + 4 * pStride, in);
                dy3.intoArray(grid, at + 5 * pStride, in);
            }
        }
    }

    /** One whole vector of columns of a tile's {@code rows} rows ({@code ow} apart in {@code dy}) of {@code dM_p}. */
    private static void transformGradient(float[] dy, int top, int ow, int rows, float[] grid, int at, int pStride) {
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector dy0 = FloatVector.fromArray(SPECIES, dy, top);
        FloatVector dy1 = rows > 1 ? FloatVector.fromArray(SPECIES, dy, top + ow) : zero;
        FloatVector dy2 = rows > 2 ? FloatVector.fromArray(SPECIES, dy, top + 2 * ow) : zero;
        FloatVector dy3 = rows > 3 ? FloatVector.fromArray(SPECIES, dy, top + 3 * ow) : zero;
        FloatVector a = dy0.add(dy2), b = dy1.add(dy3);
        FloatVector c = dy0.add(dy2.mul(4f)), e = dy1.mul(2f).add(dy3.mul(8f));
        dy0.intoArray(grid, at);
        a.add(b).intoArray(grid, at + pStride);
        a.sub(b).intoArray(grid, at + 2 * pStride);
        c.add(e).intoArray(grid, at + 3 * pStride);
        c.sub(e).intoArray(grid, at + 4 * pStride);
        dy3.intoArray(grid, at + 5 * pStride);
    }

    /**
     * {@code dg = G^T dU}: from {@code sums[p·pStride + co·3·cin + ci·3 + kx]} to
     * {@code partial[at + (co·cin + ci)·9 + ky·3 + kx]}.
     */
    private static void untransformWeight(float[] sums, int pStride, ConvGeometry g, float[] partial, int at) {
        int cin = g.cin();
        for (int co = 0; co < g.cout(); co++) {
            for (int ci = 0; ci < cin; ci++) {
                for (int kx = 0; kx < 3; kx++) {
                    int from = co * 3 * cin + ci * 3 + kx, to = at + (co * cin + ci) * 9 + kx;
                    float u0 = sums[from], u1 = sums[from + pStride], u2 = sums[from + 2 * pStride];
                    float u3 = sums[from + 3 * pStride], u4 = sums[from + 4 * pStride], u5 = sums[from + 5 * pStride];
                    float sixth = (u1 + u2) / 6f, high = (u3 + u4) / 24f;
                    partial[to] = u0 / 4f - sixth + high;
                    partial[to + 3] = (u2 - u1) / 6f + (u3 - u4) / 12f;
                    partial[to + 6] = 4f * high - sixth + u5;
                }
            }
        }
    }
}
