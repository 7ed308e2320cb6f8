package mtc.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * The input gradient of a convolution as the transpose of {@link ConvImplicit}'s forward pass:
 * per sample, {@code dP[ci, oy + ky·dh, ox + kx·dw] += Σ_co W[co, ci, ky, kx] · dy[co, oy, ox]}
 * into zeroed padded planes {@code dP} (the forward's {@code [cin, hp, wp]}; for a strided
 * convolution its stride phases, {@link ConvPlanes}), whose interior is then {@code dx}. The
 * products run over the output positions on the padded width, as the forward's do, and each tile
 * adds its rows into the planes where they land ({@link ConvKernels#tile6x4Add}).
 * Without padding this is far fewer multiply-adds than the input gradient as a forward convolution
 * of {@code dy} padded by {@code k − 1} (LeNet-5's conv2: 10·14 columns per plane against 14·18),
 * which is why {@link #pays} decides between the two.
 *
 * <p>The product's rows are ordered tap-major ({@code r = (ky·kw + kx)·cin + ci}), so that the six
 * rows of a tile land in six different planes when there are six input channels or more; rows that
 * land on one another (fewer channels) are still added one after the other. Every element of
 * {@code dx} is one fixed sequence of additions, done by the thread that owns its sample.
 */
final class ConvScatter {
    private static final int LANES = GemmKernels.LANES;
    private static final int STRIP = 4 * LANES;

    private ConvScatter() {}

    /** Whether it does at least a quarter fewer multiply-adds than the input gradient as a forward convolution. */
    static boolean pays(ConvGeometry g) {
        long scatter = ConvImplicit.columns(g);
        long asForward = ConvGeometry.padded(g.h() * (g.w() + (g.kw() - 1) * g.dw()));
        return 4 * scatter <= 3 * asForward;
    }

    /** The weight {@code [cout, cin, kh, kw]} as the product's rows: {@code into[r·cout + co]}, {@code r} tap-major. */
    static float[] rows(float[] weight, ConvGeometry g, float[] into) {
        int taps = g.kh() * g.kw(), cin = g.cin(), cout = g.cout();
        for (int co = 0; co < cout; co++) {
            for (int ci = 0; ci < cin; ci++) {
                for (int tap = 0; tap < taps; tap++) into[(tap * cin + ci) * cout + co] = weight[(co * cin + ci) * taps + tap];
            }
        }
        return into;
    }

    /** Where each of the product's rows lands in the padded planes. */
    static int[] landings(ConvGeometry g, int[] into) {
        int r = 0;
        for (int ky = 0; ky < g.kh(); ky++) {
            for (int kx = 0; kx < g.kw(); kx++) {
                for (int ci = 0; ci < g.cin(); ci++) into[r++] = ConvPlanes.tap(g, ci, ky, kx);
            }
        }
        return into;
    }

    /** {@code dx} for samples {@code [s0, s1)}, a chunk of convolution {@code call} ({@link ConvScratch#nextCall}). */
    static void gradInput(float[] dy, float[] rows, int[] landings, float[] dx, ConvGeometry g, int s0, int s1,
                          long call) {
        ConvScratch scratch = ConvScratch.current();
        int cols = ConvImplicit.columns(g), cout = g.cout();
        // dy's planes on the padded width, cols apart: the columns past ow, and the whole vectors
        // past a plane's last row, stay zero for the whole call (a product's extra columns add zeros).
        float[] spread = scratch.paddedPlanes(cout * cols, call);
        int[] channels = scratch.rowShifts(cout);
        for (int co = 0; co < cout; co++) channels[co] = co * cols;
        int size = ConvPlanes.size(g);
        float[] planes = scratch.plane(size);
        float[] row = scratch.outputs(cols);
        boolean unit = ConvPlanes.unit(g);
        for (int s = s0; s < s1; s++) {
            for (int co = 0; co < cout; co++) ConvImplicit.spread(dy, g, s, co, spread, co * cols);
            Arrays.fill(planes, 0, size, 0f);
            multiplyAdd(rows, spread, channels, cout, g.depth(), cols, planes, landings, row);
            if (unit) {
                unpad(planes, g, s, dx);
            } else {
                ConvPlanes.unpad(planes, g, s, dx);
            }
        }
    }

    /**
     * {@code planes[landings[r] + x] += Σ_p w[r·depth + p] · v[vRows[p] + x]} for every row {@code r}
     * and column {@code x < cols}: six rows at a time, the rows left over one at a time through {@code row}.
     */
    private static void multiplyAdd(float[] w, float[] v, int[] vRows, int depth, int rows, int cols,
                                    float[] planes, int[] landings, float[] row) {
        int sixes = rows - rows % 6;
        int col = 0;
        for (; col + STRIP <= cols; col += STRIP) {
            for (int r = 0; r < sixes; r += 6) {
                ConvKernels.tile6x4Add(w, r * depth, depth, v, col, vRows, depth, planes, landings, r, col);
            }
        }
        for (int tail = col; tail < cols; tail += LANES) {
            for (int r = 0; r < sixes; r += 6) {
                ConvKernels.tile6x1Add(w, r * depth, depth, v, tail, vRows, depth, planes, landings, r, tail);
            }
        }
        for (int r = sixes; r < rows; r++) {
            int c = 0;
            for (; c + STRIP <= cols; c += STRIP) ConvKernels.tile1x4(w, r * depth, v, c, vRows, depth, row, c);
            for (; c < cols; c += LANES) ConvKernels.tile1x1(w, r * depth, v, c, vRows, depth, row, c);
            int at = landings[r];
            for (int x = 0; x < cols; x += LANES) {
                FloatVector.fromArray(GemmKernels.SPECIES, planes, at + x)
                        .add(FloatVector.fromArray(GemmKernels.SPECIES, row, x)).intoArray(planes, at + x);
            }
        }
    }

    /** Sample {@code s}'s {@code dx}: the planes' interior; inputs no window covers get zero. */
    private static void unpad(float[] planes, ConvGeometry g, int s, float[] dx) {
        int hp = ConvPlanes.height(g), wp = ConvPlanes.width(g);
        int height = Math.min(g.h(), hp - g.ph()), width = Math.min(g.w(), wp - g.pw());
        int base = s * g.inputSize();
        if (height < g.h() || width < g.w()) Arrays.fill(dx, base, base + g.inputSize(), 0f);
        for (int ci = 0; ci < g.cin(); ci++) {
            int from = ci * hp * wp + g.ph() * wp + g.pw();
            int to = base + ci * g.h() * g.w();
            for (int iy = 0; iy < height; iy++) ConvImplicit.copyRow(planes, from + iy * wp, dx, to + iy * g.w(), width);
        }
    }
}
