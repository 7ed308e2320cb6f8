package mtc.kernels;

import java.util.Arrays;

/**
 * The planes an implicit convolution ({@link ConvImplicit}, {@link ConvScatter}) reads or adds
 * into: each input channel zero-padded and, when strided, split into its stride phases. Phase
 * {@code (a, b)} of channel {@code ci} is the plane {@code P[u, v] = xpad[u·sh + a, v·sw + b]} of
 * {@link #height} x {@link #width}, so that tap {@code (ky, kx)} of output {@code (oy, ox)}, which
 * reads {@code xpad[oy·sh + ky·dh, ox·sw + kx·dw]}, is {@code P[oy + q, ox + r]} of the phase of
 * {@code ky·dh = q·sh + a}, {@code kx·dw = r·sw + b}: a strided convolution becomes a unit-stride
 * one over the phases, with no column matrix. Planes are laid out {@code [cin, rowPhases,
 * colPhases, height, width]}; with unit strides there is one phase, the padded plane, whose
 * per-sample copies are {@link ConvImplicit}'s and {@link ConvScatter}'s own (this class's
 * {@link #pad}, {@link #unpad} and {@link #fillBands} are the strided ones).
 */
final class ConvPlanes {
    private ConvPlanes() {}

    static boolean unit(ConvGeometry g) {
        return g.sh() == 1 && g.sw() == 1;
    }

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

    /** Size of the planes with the slack that the last strip reads past them. */
    static int size(ConvGeometry g) {
        int planes = g.cin() * rowPhases(g) * colPhases(g), area = height(g) * width(g);
        int farthest = (planes - 1) * area + (height(g) - g.oh()) * width(g) + width(g) - g.ow();
        return Math.max(planes * area, farthest + ConvImplicit.columns(g));
    }

    /**
     * Copies sample {@code s}'s phases into {@code planes}, whose padding (and slack) must be zero:
     * every sample of a convolution writes the same positions, so the planes are zeroed once per
     * call and thread ({@link ConvScratch#paddedPlanes}).
     */
    static void pad(float[] x, ConvGeometry g, int s, float[] planes) {
        copyPhases(g, planes, x, s * g.inputSize(), true);
    }

    /**
     * Sample {@code s}'s {@code dx} from phases of input gradients ({@link ConvScatter}): their
     * interior, interleaved back; inputs no window covers get zero.
     */
    static void unpad(float[] planes, ConvGeometry g, int s, float[] dx) {
        int base = s * g.inputSize();
        Arrays.fill(dx, base, base + g.inputSize(), 0f);
        copyPhases(g, planes, dx, base, false);
    }

    /**
     * Every input element a phase holds, between the phases and the sample's images at {@code base}
     * of {@code images}: into the phases ({@code intoPlanes}) or out of them, element by element
     * along the strided axis (the Vector API's two-vector shuffles that would de-interleave them ran
     * its allocating Java fallback in such copies: JMH's {@code -prof gc}, 4 MB a call).
     */
    private static void copyPhases(ConvGeometry g, float[] planes, float[] images, int base, boolean intoPlanes) {
        int width = width(g), height = height(g), sh = g.sh(), sw = g.sw(), w = g.w();
        for (int ci = 0; ci < g.cin(); ci++) {
            int image = base + ci * g.h() * w;
            for (int a = 0; a < rowPhases(g); a++) {
                int u0 = firstInside(a - g.ph(), sh, height), u1 = endInside(a - g.ph(), sh, g.h(), height);
                for (int b = 0; b < colPhases(g); b++) {
                    int v0 = firstInside(b - g.pw(), sw, width), v1 = endInside(b - g.pw(), sw, w, width);
                    int count = v1 - v0;
                    if (count <= 0) continue;
                    int plane = plane(g, ci, a, b) + v0;
                    int column = image + v0 * sw + b - g.pw();
                    for (int u = u0; u < u1; u++) {
                        int at = plane + u * width, row = column + (u * sh + a - g.ph()) * w;
                        if (intoPlanes) {
                            for (int v = 0; v < count; v++) planes[at + v] = images[row + v * sw];
                        } else {
                            for (int v = 0; v < count; v++) images[row + v * sw] = planes[at + v];
                        }
                    }
                }
            }
        }
    }

    /**
     * The weight gradient's bands of a strided convolution ({@link ConvImplicit#weightGradient}):
     * band {@code (ci·kh + ky)·colPhases + b} holds, for each sample of {@code [s0, s1)}, the rows
     * from {@code q} on of its phase {@code (ci, a, b)} ({@code ky·dh = q·sh + a}), {@code oh·width}
     * elements, then zeros to the band's {@code stride}.
     */
    static void fillBands(float[] x, ConvGeometry g, int s0, int s1, float[] bands, int stride, float[] planes) {
        int span = g.oh() * width(g), phases = colPhases(g);
        for (int s = s0; s < s1; s++) {
            pad(x, g, s, planes);
            for (int ci = 0; ci < g.cin(); ci++) {
                for (int ky = 0; ky < g.kh(); ky++) {
                    int y = ky * g.dh();
                    for (int b = 0; b < phases; b++) {
                        int from = plane(g, ci, y % g.sh(), b) + y / g.sh() * width(g);
                        int to = ((ci * g.kh() + ky) * phases + b) * stride + (s - s0) * span;
                        System.arraycopy(planes, from, bands, to, span);
                    }
                }
            }
        }
        int used = (s1 - s0) * span;
        for (int band = 0; band < g.cin() * g.kh() * phases; band++) {
            Arrays.fill(bands, band * stride + used, (band + 1) * stride, 0f);
        }
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
