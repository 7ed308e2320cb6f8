package mtc.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The planes an implicit convolution ({@link ConvImplicit}, {@link ConvScatter}) reads or adds
 * into: each input channel zero-padded and split into its stride phases. Phase {@code (a, b)} of
 * channel {@code ci} is the plane {@code P[u, v] = xpad[u·sh + a, v·sw + b]} of
 * {@link #height} x {@link #width}, so that tap {@code (ky, kx)} of output {@code (oy, ox)}, which
 * reads {@code xpad[oy·sh + ky·dh, ox·sw + kx·dw]}, is {@code P[oy + q, ox + r]} of the phase of
 * {@code ky·dh = q·sh + a}, {@code kx·dw = r·sw + b}: a strided convolution becomes a unit-stride
 * one over the phases, with no column matrix and none of its copies. With unit strides there is
 * one phase, the padded plane itself. Planes are laid out {@code [cin, rowPhases, colPhases, height,
 * width]}; outputs are computed for every column of the width, {@code oh} rows.
 */
final class ConvPlanes {
    private static final VectorSpecies<Float> SPECIES = GemmKernels.SPECIES;
    private static final int LANES = GemmKernels.LANES;

    private ConvPlanes() {}

    /** Row phases that some tap reads: at most the stride, fewer when the window is shorter. */
    static int rowPhases(ConvGeometry g) {
        return Math.min(g.sh(), (g.kh() - 1) * g.dh() + 1);
    }

    static int colPhases(ConvGeometry g) {
        return Math.min(g.sw(), (g.kw() - 1) * g.dw() + 1);
    }

    /** Rows of a phase plane: the output's, and those the lowest taps reach below them. */
    static int height(ConvGeometry g) {
        return g.oh() + (g.kh() - 1) * g.dh() / g.sh();
    }

    static int width(ConvGeometry g) {
        return g.ow() + (g.kw() - 1) * g.dw() / g.sw();
    }

    /** Where phase {@code (a, b)} of channel {@code ci} starts. */
    static int plane(ConvGeometry g, int ci, int a, int b) {
        return ((ci * rowPhases(g) + a) * colPhases(g) + b) * height(g) * width(g);
    }

    /** Where tap {@code (ky, kx)} of channel {@code ci} reads output position 0. */
    static int tap(ConvGeometry g, int ci, int ky, int kx) {
        int y = ky * g.dh(), x = kx * g.dw();
        return plane(g, ci, y % g.sh(), x % g.sw()) + y / g.sh() * width(g) + x / g.sw();
    }

    /** Each depth index's {@link #tap}, depth in the weight's order {@code (ci, ky, kx)}. */
    static int[] shifts(ConvGeometry g, int[] into) {
        int k = 0;
        for (int ci = 0; ci < g.cin(); ci++) {
            for (int ky = 0; ky < g.kh(); ky++) {
                for (int kx = 0; kx < g.kw(); kx++) into[k++] = tap(g, ci, ky, kx);
            }
        }
        return into;
    }

    /** Output columns per sample: {@code oh} rows of the width, in whole vectors. */
    static int columns(ConvGeometry g) {
        return ConvGeometry.padded(g.oh() * width(g));
    }

    /** Size of the planes with the slack that the last strip, and whole-vector row reads, go past them. */
    static int size(ConvGeometry g) {
        int planes = g.cin() * rowPhases(g) * colPhases(g), area = height(g) * width(g);
        int farthest = (planes - 1) * area + (height(g) - g.oh()) * width(g) + width(g) - g.ow();
        return Math.max(planes * area, farthest + columns(g)) + LANES;
    }

    /**
     * Copies sample {@code s}'s planes into {@code planes}, whose padding (and slack) must be zero:
     * every sample of a convolution writes the same positions, so the planes are zeroed once per
     * call and thread ({@link ConvScratch#paddedPlanes}).
     */
    static void pad(float[] x, ConvGeometry g, int s, float[] planes) {
        int width = width(g);
        for (int ci = 0; ci < g.cin(); ci++) {
            int from = (s * g.cin() + ci) * g.h() * g.w();
            for (int a = 0; a < rowPhases(g); a++) {
                int u0 = firstInside(a - g.ph(), g.sh(), height(g)), u1 = endInside(a - g.ph(), g.sh(), g.h(), height(g));
                for (int b = 0; b < colPhases(g); b++) {
                    int v0 = firstInside(b - g.pw(), g.sw(), width), v1 = endInside(b - g.pw(), g.sw(), g.w(), width);
                    int to = plane(g, ci, a, b) + v0;
                    for (int u = u0; u < u1 && v0 < v1; u++) {
                        int src = from + (u * g.sh() + a - g.ph()) * g.w() + v0 * g.sw() + b - g.pw();
                        copyStrided(x, src, g.sw(), planes, to + u * width, v1 - v0);
                    }
                }
            }
        }
    }

    /**
     * Sample {@code s}'s {@code dx} from planes of input gradients ({@link ConvScatter}): their
     * interior, interleaved back from the phases; inputs no window covers get zero.
     */
    static void unpad(float[] planes, ConvGeometry g, int s, float[] dx) {
        int width = width(g), base = s * g.inputSize();
        boolean unit = g.sh() == 1 && g.sw() == 1;
        if (!unit || height(g) - g.ph() < g.h() || width - g.pw() < g.w()) {
            Arrays.fill(dx, base, base + g.inputSize(), 0f);
        }
        for (int ci = 0; ci < g.cin(); ci++) {
            for (int a = 0; a < rowPhases(g); a++) {
                int u0 = firstInside(a - g.ph(), g.sh(), height(g)), u1 = endInside(a - g.ph(), g.sh(), g.h(), height(g));
                for (int u = u0; u < u1; u++) {
                    int to = base + (ci * g.h() + u * g.sh() + a - g.ph()) * g.w();
                    unpadRow(planes, g, plane(g, ci, a, 0) + u * width, dx, to);
                }
            }
        }
    }

    /** Input row {@code dx[to..]} from row {@code from} of phase {@code (a, 0)} and the same row of the other column phases. */
    private static void unpadRow(float[] planes, ConvGeometry g, int from, float[] dx, int to) {
        int width = width(g), area = height(g) * width;
        for (int b = 0; b < colPhases(g); b++) {
            int v0 = firstInside(b - g.pw(), g.sw(), width), v1 = endInside(b - g.pw(), g.sw(), g.w(), width);
            int at = to + v0 * g.sw() + b - g.pw(), src = from + b * area + v0;
            if (g.sw() == 1) {
                copyRow(planes, src, dx, at, Math.max(0, v1 - v0));
            } else {
                for (int v = 0; v < v1 - v0; v++) dx[at + v * g.sw()] = planes[src + v];
            }
        }
    }

    /**
     * {@code dst[to + i] = src[from + i·stride]} for {@code i < count}. Strided rows go element by
     * element: the Vector API's two-vector shuffles (even lanes, interleaving) fell back here to
     * its allocating Java code (JMH's {@code -prof gc}: 2-6 MB a call on the residual network's
     * strided layers), as {@link Im2col#copyRuns}' does in {@code ConvBench}.
     */
    private static void copyStrided(float[] src, int from, int stride, float[] dst, int to, int count) {
        if (stride == 1) {
            copyRow(src, from, dst, to, count);
            return;
        }
        for (int i = 0; i < count; i++) dst[to + i] = src[from + i * stride];
    }

    /**
     * {@code dst[to, to + width) = src[from, from + width)}: whole vectors, the last one ending at
     * the row's end (copying some elements twice), or element by element for a row shorter than a
     * vector. The rows of a padded plane are a few vectors long, and a call of
     * {@code System.arraycopy} for each took most of the weight gradient's layout time (9% of a
     * LeNet-5 step on one thread); masked tails fell back to the Vector API's allocating Java code
     * in the strided layers' copies (JMH's {@code -prof gc}: 4 MB a call).
     */
    static void copyRow(float[] src, int from, float[] dst, int to, int width) {
        if (width < LANES) {
            for (int i = 0; i < width; i++) dst[to + i] = src[from + i];
            return;
        }
        for (int i = 0; i < width - LANES; i += LANES) {
            FloatVector.fromArray(SPECIES, src, from + i).intoArray(dst, to + i);
        }
        FloatVector.fromArray(SPECIES, src, from + width - LANES).intoArray(dst, to + width - LANES);
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
