package mtc.kernels;

import java.util.Arrays;

/**
 * 2-d max and average pooling over NCHW batches, matching PyTorch's CPU kernels for contiguous
 * tensors ({@code MaxPool2d}, {@code AvgPool2d} with {@code count_include_pad=True},
 * {@code ceil_mode=False}) bit for bit: the same window bounds, the same order of float additions,
 * the same divisor and the same choice of maximum; except a global average (one window over each
 * whole plane, as PyTorch's {@code AdaptiveAvgPool2d(1)}), summed in vector lanes ({@link PoolGlobal}).
 * {@code ph, pw} are the top/left paddings;
 * {@code oh, ow} the output size. Each plane (sample, channel) is independent; outputs are overwritten.
 */
public final class Pool2d {
    private Pool2d() {}

    /**
     * {@code y} = the maximum of each window, padding excluded (PyTorch pads with -infinity): the
     * first maximum in row-major order, except that a NaN replaces any maximum (so the last NaN of
     * a window is its result).
     */
    public static void maxForward(float[] x, float[] y, int n, int c, int h, int w, int kh, int kw,
                                  int sh, int sw, int ph, int pw, int oh, int ow) {
        PoolGeometry g = new PoolGeometry(n, c, h, w, kh, kw, sh, sw, ph, pw, oh, ow);
        g.check("x", x, "y", y);
        int done = PoolPairs.suits(g) ? PoolPairs.forward(x, y, g, n * c * oh * ow) : 0;
        for (int o = done; o < n * c * oh * ow; o++) {
            int in = o / (oh * ow) * h * w;
            int at = argMax(x, in, g, o / ow % oh, o % ow);
            y[o] = at < 0 ? Float.NEGATIVE_INFINITY : x[in + at];
        }
    }

    /** {@code dx}: each output's gradient added to its window's maximum (as {@link #maxForward} picks it). */
    public static void maxBackward(float[] dy, float[] x, float[] dx, int n, int c, int h, int w, int kh, int kw,
                                   int sh, int sw, int ph, int pw, int oh, int ow) {
        PoolGeometry g = new PoolGeometry(n, c, h, w, kh, kw, sh, sw, ph, pw, oh, ow);
        g.check("dx", dx, "dy", dy);
        g.check("x", x, "dy", dy);
        if (PoolPairs.suits(g)) {
            PoolPairs.backward(dy, x, dx, g);
            return;
        }
        Arrays.fill(dx, 0, n * c * h * w, 0f);
        for (int o = 0; o < n * c * oh * ow; o++) {
            int in = o / (oh * ow) * h * w;
            int at = argMax(x, in, g, o / ow % oh, o % ow);
            if (at >= 0) dx[in + at] += dy[o];
        }
    }

    /**
     * {@code y = relu(maxForward(x))} (the same values as relu then max pooling), with where each
     * output's gradient goes in {@code argmax} for {@link #reluMaxBackward}: -1 where the output is
     * zero, else the window's maximum as {@link #maxForward} picks it (its corner for 2x2
     * pairs, else its offset in the plane; floats, exact below 2^24).
     */
    public static void reluMaxForward(float[] x, float[] y, float[] argmax, int n, int c, int h, int w, int kh,
                                      int kw, int sh, int sw, int ph, int pw, int oh, int ow) {
        PoolGeometry g = new PoolGeometry(n, c, h, w, kh, kw, sh, sw, ph, pw, oh, ow);
        g.check("x", x, "y", y);
        g.check("x", x, "argmax", argmax);
        int count = n * c * oh * ow;
        if (PoolPairs.suits(g)) {
            for (int o = PoolPairs.reluForward(x, y, argmax, g, count); o < count; o++) {
                PoolPairs.reluForwardOne(x, y, argmax, g, o);
            }
            return;
        }
        for (int o = 0; o < count; o++) {
            int in = o / (oh * ow) * h * w;
            int at = argMax(x, in, g, o / ow % oh, o % ow);
            float max = at < 0 ? Float.NEGATIVE_INFINITY : x[in + at];
            y[o] = max <= 0f ? 0f : max;
            argmax[o] = max <= 0f ? -1f : at;
        }
    }

    /** {@code dx}: the gradient of {@link #reluMaxForward}, each output's gradient added where its {@code argmax} says. */
    public static void reluMaxBackward(float[] dy, float[] argmax, float[] dx, int n, int c, int h, int w, int kh,
                                       int kw, int sh, int sw, int ph, int pw, int oh, int ow) {
        PoolGeometry g = new PoolGeometry(n, c, h, w, kh, kw, sh, sw, ph, pw, oh, ow);
        g.check("dx", dx, "dy", dy);
        g.check("dx", dx, "argmax", argmax);
        if (PoolPairs.suits(g)) {
            PoolPairs.reluBackward(dy, argmax, dx, g);
            return;
        }
        Arrays.fill(dx, 0, n * c * h * w, 0f);
        for (int o = 0; o < n * c * oh * ow; o++) {
            int at = (int) argmax[o];
            if (at >= 0) dx[o / (oh * ow) * h * w + at] += dy[o];
        }
    }

    /**
     * The offset within the plane of window {@code (oy, ox)}'s maximum, PyTorch's rule: start at
     * the window's first position inside the input with -infinity, take a value when it is greater
     * or NaN; -1 for a window wholly in the padding (its output is -infinity, and it passes no gradient).
     */
    private static int argMax(float[] x, int in, PoolGeometry g, int oy, int ox) {
        int y0 = g.rowFrom(oy), y1 = g.rowTo(oy), x0 = g.colFrom(ox), x1 = g.colTo(ox);
        if (y0 >= y1 || x0 >= x1) return -1;
        int best = y0 * g.w() + x0;
        float max = Float.NEGATIVE_INFINITY;
        for (int iy = y0; iy < y1; iy++) {
            for (int ix = x0; ix < x1; ix++) {
                float v = x[in + iy * g.w() + ix];
                if (v > max || Float.isNaN(v)) {
                    max = v;
                    best = iy * g.w() + ix;
                }
            }
        }
        return best;
    }

    /**
     * {@code y} = the float sum of each window's inputs in row-major order, divided by its
     * {@link PoolGeometry#divisor}; a window over the whole plane is summed in vector lanes instead
     * ({@link PoolGlobal}).
     */
    public static void avgForward(float[] x, float[] y, int n, int c, int h, int w, int kh, int kw,
                                  int sh, int sw, int ph, int pw, int oh, int ow) {
        PoolGeometry g = new PoolGeometry(n, c, h, w, kh, kw, sh, sw, ph, pw, oh, ow);
        g.check("x", x, "y", y);
        if (PoolGlobal.suits(g)) {
            PoolGlobal.forward(x, y, g);
            return;
        }
        for (int plane = 0; plane < n * c; plane++) {
            int in = plane * h * w;
            int out = plane * oh * ow;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    float sum = 0f;
                    for (int iy = g.rowFrom(oy); iy < g.rowTo(oy); iy++) {
                        for (int ix = g.colFrom(ox); ix < g.colTo(ox); ix++) sum += x[in + iy * w + ix];
                    }
                    boolean empty = g.rowFrom(oy) >= g.rowTo(oy) || g.colFrom(ox) >= g.colTo(ox);
                    y[out + oy * ow + ox] = empty ? 0f : sum / g.divisor(oy, ox);
                }
            }
        }
    }

    /** {@code dx}: each output's gradient divided by its window's divisor, added to the window's inputs in order. */
    public static void avgBackward(float[] dy, float[] dx, int n, int c, int h, int w, int kh, int kw,
                                   int sh, int sw, int ph, int pw, int oh, int ow) {
        PoolGeometry g = new PoolGeometry(n, c, h, w, kh, kw, sh, sw, ph, pw, oh, ow);
        g.check("dx", dx, "dy", dy);
        if (PoolGlobal.suits(g)) {
            PoolGlobal.backward(dy, dx, g);
            return;
        }
        Arrays.fill(dx, 0, n * c * h * w, 0f);
        for (int plane = 0; plane < n * c; plane++) {
            int in = plane * h * w;
            int out = plane * oh * ow;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    float delta = dy[out + oy * ow + ox] / g.divisor(oy, ox);
                    for (int iy = g.rowFrom(oy); iy < g.rowTo(oy); iy++) {
                        for (int ix = g.colFrom(ox); ix < g.colTo(ox); ix++) dx[in + iy * w + ix] += delta;
                    }
                }
            }
        }
    }
}
