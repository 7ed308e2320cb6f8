package mtc.kernels;

import java.util.Arrays;

/**
 * The forward pass of a unit-stride convolution as an implicit GEMM, one sample at a time: the
 * sample's planes are copied zero-padded into {@code [cin, hp, wp]} (the rows and columns the
 * windows cover), outputs are computed for every column of that padded width with
 * {@link ConvKernels} (so column matrix row {@code (ci, ky, kx)} is the planes shifted by
 * {@code ci·hp·wp + ky·dh·wp + kx·dw}), and the {@code ow} valid columns of each output row kept.
 * Costs the {@code wp − ow} extra columns per row and a rounding up to whole 4-vector strips.
 */
final class ConvImplicit {
    private static final int STRIP = 4 * GemmKernels.LANES;

    private ConvImplicit() {}

    static boolean suits(ConvGeometry g) {
        return g.sh() == 1 && g.sw() == 1;
    }

    /** Padded rows the windows cover. */
    static int paddedHeight(ConvGeometry g) {
        return g.oh() + (g.kh() - 1) * g.dh();
    }

    static int paddedWidth(ConvGeometry g) {
        return g.ow() + (g.kw() - 1) * g.dw();
    }

    /** Where each depth index's column-matrix row starts in the padded planes. */
    static int[] shifts(ConvGeometry g, int[] into) {
        int hp = paddedHeight(g), wp = paddedWidth(g);
        int k = 0;
        for (int ci = 0; ci < g.cin(); ci++) {
            for (int ky = 0; ky < g.kh(); ky++) {
                for (int kx = 0; kx < g.kw(); kx++) into[k++] = ci * hp * wp + ky * g.dh() * wp + kx * g.dw();
            }
        }
        return into;
    }

    /** Output columns per sample: the padded width's rows, in whole strips. */
    static int columns(ConvGeometry g) {
        int used = g.oh() * paddedWidth(g);
        return (used + STRIP - 1) / STRIP * STRIP;
    }

    /** Size of the padded planes with the slack the last strip reads past them. */
    static int planesSize(ConvGeometry g) {
        int hp = paddedHeight(g), wp = paddedWidth(g);
        int farthest = (g.cin() - 1) * hp * wp + (g.kh() - 1) * g.dh() * wp + (g.kw() - 1) * g.dw();
        return Math.max(g.cin() * hp * wp, farthest + columns(g));
    }

    /** Copies sample {@code s}'s planes into {@code planes}, zero-padded. */
    static void pad(float[] x, ConvGeometry g, int s, float[] planes) {
        int hp = paddedHeight(g), wp = paddedWidth(g);
        int size = planesSize(g);
        Arrays.fill(planes, 0, size, 0f);
        int height = Math.min(g.h(), hp - g.ph());
        int width = Math.min(g.w(), wp - g.pw());
        for (int ci = 0; ci < g.cin(); ci++) {
            int from = (s * g.cin() + ci) * g.h() * g.w();
            int to = ci * hp * wp + g.ph() * wp + g.pw();
            for (int iy = 0; iy < height; iy++) System.arraycopy(x, from + iy * g.w(), planes, to + iy * wp, width);
        }
    }

    /** {@code y} for samples {@code [s0, s1)}. */
    static void forward(float[] x, float[] weight, float[] y, ConvGeometry g, int[] shifts, int s0, int s1) {
        ConvScratch scratch = ConvScratch.current();
        int cols = columns(g);
        int wp = paddedWidth(g);
        float[] planes = scratch.plane(planesSize(g));
        float[] out = scratch.outputs(g.cout() * cols);
        for (int s = s0; s < s1; s++) {
            pad(x, g, s, planes);
            multiply(weight, planes, shifts, g.depth(), g.cout(), cols, out);
            for (int co = 0; co < g.cout(); co++) {
                int to = (s * g.cout() + co) * g.positions();
                for (int oy = 0; oy < g.oh(); oy++) {
                    System.arraycopy(out, co * cols + oy * wp, y, to + oy * g.ow(), g.ow());
                }
            }
        }
    }

    /**
     * {@code out[r, x] = Σ_p weight[r·depth + p] · planes[shifts[p] + x]}; six rows at a time, the
     * last six moved up to end at the last row (recomputing some rows to the same values).
     */
    private static void multiply(float[] weight, float[] planes, int[] shifts, int depth, int rows, int cols,
                                 float[] out) {
        for (int col = 0; col < cols; col += STRIP) {
            if (rows < 6) {
                for (int r = 0; r < rows; r++) {
                    ConvKernels.tile1x4(weight, r * depth, planes, col, shifts, depth, out, r * cols + col);
                }
                continue;
            }
            for (int r = 0; r < rows; r += 6) {
                int top = Math.min(r, rows - 6);
                ConvKernels.tile6x4(weight, top * depth, depth, planes, col, shifts, depth, out, top * cols + col, cols);
            }
        }
    }
}
