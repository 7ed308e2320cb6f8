package mtc.kernels;

import static mtc.kernels.Conv2dTest.run;
import static mtc.kernels.FiniteDifferences.assertGradient;
import static mtc.kernels.FiniteDifferences.dot;
import static mtc.kernels.FiniteDifferences.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import mtc.runtime.Threads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Pool2d} against a naive statement of PyTorch's rules: windows clipped to the input, the
 * first maximum in row-major order, the average over the window clipped to the padded input;
 * overlapping windows, ties, padding, NaN; outputs pre-filled with NaN.
 */
class Pool2dTest {
    private final int savedThreads = Threads.current();

    @AfterEach
    void restoreThreads() {
        Threads.bind(savedThreads);
    }

    /** {n, c, h, w, kh, kw, sh, sw, ph, pw}; the output size is PyTorch's (floor mode). */
    static Stream<int[]> shapes() {
        return Stream.of(
                new int[] {7, 6, 28, 28, 2, 2, 2, 2, 0, 0},   // LeNet-5's pools (the first on two threads)
                new int[] {13, 6, 28, 28, 2, 2, 2, 2, 0, 0},
                new int[] {7, 16, 10, 10, 2, 2, 2, 2, 0, 0},
                new int[] {5, 3, 6, 16, 2, 2, 2, 2, 0, 0},    // rows of 8 and of 20 windows: read by rows
                new int[] {3, 2, 8, 40, 2, 2, 2, 2, 0, 0},
                new int[] {3, 2, 4, 32, 2, 2, 2, 2, 0, 0},    // rows of one vector of windows, and of one window
                new int[] {9, 3, 2, 2, 2, 2, 2, 2, 0, 0},
                new int[] {3, 2, 7, 9, 3, 3, 2, 2, 1, 1},     // overlapping windows, padding, odd sizes
                new int[] {1, 3, 6, 5, 3, 2, 1, 1, 1, 1},     // stride 1: every input in several windows
                new int[] {2, 1, 5, 8, 2, 4, 3, 1, 1, 2},     // non-square everything
                new int[] {7, 5, 4, 6, 4, 6, 1, 1, 0, 0},     // global pooling
                new int[] {64, 8, 14, 14, 14, 14, 1, 1, 0, 0}, // global, planes of 196, enough for two threads
                new int[] {3, 2, 3, 3, 3, 3, 1, 1, 0, 0},     // global, a plane shorter than a vector
                new int[] {1, 1, 1, 1, 1, 1, 1, 1, 0, 0});
    }

    private static int outSize(int size, int k, int stride, int pad) {
        return (size + 2 * pad - k) / stride + 1;
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void maxPoolingPicksTheFirstMaximumAndPassesItsGradient(int[] s) {
        int n = s[0], c = s[1], h = s[2], w = s[3], kh = s[4], kw = s[5], sh = s[6], sw = s[7], ph = s[8], pw = s[9];
        int oh = outSize(h, kh, sh, ph), ow = outSize(w, kw, sw, pw);
        float[] x = ties(n * c * h * w, 1);
        float[] dy = random(n * c * oh * ow, 2);
        float[] y = run(1, n * c * oh * ow, out -> Pool2d.maxForward(x, out, n, c, h, w, kh, kw, sh, sw, ph, pw, oh, ow));
        float[] dx = run(1, n * c * h * w, out -> Pool2d.maxBackward(dy, x, out, n, c, h, w, kh, kw, sh, sw, ph, pw, oh, ow));
        float[] expectedDx = new float[dx.length];
        for (int plane = 0; plane < n * c; plane++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int first = -1;
                    for (int iy = oy * sh - ph; iy < oy * sh - ph + kh; iy++) {
                        for (int ix = ox * sw - pw; ix < ox * sw - pw + kw; ix++) {
                            if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                            int at = (plane * h + iy) * w + ix;
                            if (first < 0 || x[at] > x[first]) first = at;
                        }
                    }
                    int o = (plane * oh + oy) * ow + ox;
                    assertEquals(x[first], y[o], "y[" + o + "]");
                    expectedDx[first] += dy[o]; // in output order, as the kernel adds
                }
            }
        }
        assertArrayEquals(expectedDx, dx);
        assertArrayEquals(y, run(2, y.length, out -> Pool2d.maxForward(x, out, n, c, h, w, kh, kw, sh, sw, ph, pw, oh, ow)));
        assertArrayEquals(dx, run(2, dx.length, out -> Pool2d.maxBackward(dy, x, out, n, c, h, w, kh, kw, sh, sw, ph, pw, oh, ow)));
    }

    /**
     * The fused relu and max pooling against the two ops it replaces (relu, max pooling, and their
     * gradients in reverse), bit for bit: negative, zero and tied windows, NaNs, one and two threads.
     */
    @ParameterizedTest
    @MethodSource("shapes")
    void reluMaxPoolingIsReluThenMaxPooling(int[] s) {
        int n = s[0], c = s[1], h = s[2], w = s[3], kh = s[4], kw = s[5], sh = s[6], sw = s[7], ph = s[8], pw = s[9];
        int oh = outSize(h, kh, sh, ph), ow = outSize(w, kw, sw, pw);
        float[] x = ties(n * c * h * w, 8);
        for (int i = 0; i < x.length; i++) x[i] = i % 97 == 5 ? Float.NaN : x[i] - 1f; // -1, 0, 1 and some NaN
        float[] dy = random(n * c * oh * ow, 9);
        float[] relu = new float[x.length];
        Activations.relu(x, relu, 1, x.length);
        float[] expectedY = new float[dy.length];
        Pool2d.maxForward(relu, expectedY, n, c, h, w, kh, kw, sh, sw, ph, pw, oh, ow);
        float[] pooledGrad = new float[x.length];
        Pool2d.maxBackward(dy, relu, pooledGrad, n, c, h, w, kh, kw, sh, sw, ph, pw, oh, ow);
        float[] expectedDx = new float[x.length];
        Activations.reluBackward(pooledGrad, relu, expectedDx, 1, x.length);
        for (int threads : new int[] {1, 2}) {
            float[] argmax = new float[dy.length];
            float[] y = run(threads, dy.length,
                    out -> Pool2d.reluMaxForward(x, out, argmax, n, c, h, w, kh, kw, sh, sw, ph, pw, oh, ow));
            float[] dx = run(threads, x.length,
                    out -> Pool2d.reluMaxBackward(dy, argmax, out, n, c, h, w, kh, kw, sh, sw, ph, pw, oh, ow));
            assertArrayEquals(expectedY, y, "y, threads " + threads);
            assertArrayEquals(expectedDx, dx, "dx, threads " + threads);
        }
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void averagePoolingDividesByTheWindowClippedToThePaddedInput(int[] s) {
        int n = s[0], c = s[1], h = s[2], w = s[3], kh = s[4], kw = s[5], sh = s[6], sw = s[7], ph = s[8], pw = s[9];
        int oh = outSize(h, kh, sh, ph), ow = outSize(w, kw, sw, pw);
        float[] x = random(n * c * h * w, 3);
        float[] dy = random(n * c * oh * ow, 4);
        float[] y = run(1, n * c * oh * ow, out -> Pool2d.avgForward(x, out, n, c, h, w, kh, kw, sh, sw, ph, pw, oh, ow));
        float[] dx = run(1, n * c * h * w, out -> Pool2d.avgBackward(dy, out, n, c, h, w, kh, kw, sh, sw, ph, pw, oh, ow));
        double[] expectedDx = new double[dx.length];
        for (int plane = 0; plane < n * c; plane++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    double sum = 0;
                    int divisor = 0;
                    for (int iy = oy * sh - ph; iy < oy * sh - ph + kh; iy++) {
                        for (int ix = ox * sw - pw; ix < ox * sw - pw + kw; ix++) {
                            if (iy < h + ph && ix < w + pw) divisor++; // padding counts, beyond it not
                            if (iy >= 0 && iy < h && ix >= 0 && ix < w) sum += x[(plane * h + iy) * w + ix];
                        }
                    }
                    int o = (plane * oh + oy) * ow + ox;
                    assertEquals(sum / divisor, y[o], 1e-6, "y[" + o + "]");
                    for (int iy = Math.max(0, oy * sh - ph); iy < Math.min(h, oy * sh - ph + kh); iy++) {
                        for (int ix = Math.max(0, ox * sw - pw); ix < Math.min(w, ox * sw - pw + kw); ix++) {
                            expectedDx[(plane * h + iy) * w + ix] += dy[o] / divisor;
                        }
                    }
                }
            }
        }
        for (int i = 0; i < dx.length; i++) assertEquals(expectedDx[i], dx[i], 1e-6, "dx[" + i + "]");
        assertArrayEquals(y, run(2, y.length, out -> Pool2d.avgForward(x, out, n, c, h, w, kh, kw, sh, sw, ph, pw, oh, ow)));
        assertArrayEquals(dx, run(2, dx.length, out -> Pool2d.avgBackward(dy, out, n, c, h, w, kh, kw, sh, sw, ph, pw, oh, ow)));
    }

    @Test
    void averageIsAFloatSumInRowMajorOrderThenOneDivision() {
        float[] x = {1e8f, 1f, -1e8f, 1f}; // (((1e8 + 1) - 1e8) + 1) in float is 1, in exact arithmetic 2
        float[] y = new float[1];
        Pool2d.avgForward(x, y, 1, 1, 2, 2, 2, 2, 1, 1, 0, 0, 1, 1);
        assertEquals(0.25f, y[0]);
    }

    @Test
    void nanPropagatesAndTheLastNanTakesTheGradient() {
        float[] x = {1f, Float.NaN, 5f, Float.NaN};
        float[] y = new float[1];
        float[] dx = new float[4];
        Pool2d.maxForward(x, y, 1, 1, 2, 2, 2, 2, 1, 1, 0, 0, 1, 1);
        Pool2d.maxBackward(new float[] {3f}, x, dx, 1, 1, 2, 2, 2, 2, 1, 1, 0, 0, 1, 1);
        assertTrue(Float.isNaN(y[0]));
        assertArrayEquals(new float[] {0f, 0f, 0f, 3f}, dx);
    }

    /** NaNs among ties in the vectorised 2x2 path and its scalar tail: PyTorch's rule, window by window. */
    @Test
    void nanAndTiesInManyTwoByTwoWindows() {
        int n = 3, c = 5, h = 12, w = 14, oh = 6, ow = 7;
        float[] x = ties(n * c * h * w, 6);
        for (int i = 0; i < x.length; i += 13) x[i] = Float.NaN;
        float[] dy = random(n * c * oh * ow, 7);
        float[] y = run(1, dy.length, out -> Pool2d.maxForward(x, out, n, c, h, w, 2, 2, 2, 2, 0, 0, oh, ow));
        float[] dx = run(1, x.length, out -> Pool2d.maxBackward(dy, x, out, n, c, h, w, 2, 2, 2, 2, 0, 0, oh, ow));
        float[] expectedDx = new float[x.length];
        for (int o = 0; o < dy.length; o++) {
            int top = (o / ow) * 2 * w + (o % ow) * 2;
            int at = top;
            for (int corner : new int[] {top + 1, top + w, top + w + 1}) {
                if (x[corner] > x[at] || Float.isNaN(x[corner])) at = corner;
            }
            assertEquals(x[at], y[o], "y[" + o + "]");
            expectedDx[at] = dy[o];
        }
        assertArrayEquals(expectedDx, dx);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        int n = 2, c = 2, h = 5, w = 6, kh = 3, kw = 2, sh = 2, sw = 1, ph = 1, pw = 1;
        int oh = outSize(h, kh, sh, ph), ow = outSize(w, kw, sw, pw);
        float[] x = new float[n * c * h * w];
        for (int i = 0; i < x.length; i++) x[i] = ((i * 37) % x.length) * 0.05f; // distinct, 0.05 apart: no kink within h
        float[] r = random(n * c * oh * ow, 5);
        float[] dxMax = new float[x.length];
        float[] dxAvg = new float[x.length];
        Pool2d.maxBackward(r, x, dxMax, n, c, h, w, kh, kw, sh, sw, ph, pw, oh, ow);
        Pool2d.avgBackward(r, dxAvg, n, c, h, w, kh, kw, sh, sw, ph, pw, oh, ow);
        assertGradient("max dx", x, dxMax, v -> {
            float[] y = new float[r.length];
            Pool2d.maxForward(v, y, n, c, h, w, kh, kw, sh, sw, ph, pw, oh, ow);
            return dot(r, y);
        });
        assertGradient("avg dx", x, dxAvg, v -> {
            float[] y = new float[r.length];
            Pool2d.avgForward(v, y, n, c, h, w, kh, kw, sh, sw, ph, pw, oh, ow);
            return dot(r, y);
        });
    }

    /** Values from {0, 1, 2}: windows full of ties. */
    private static float[] ties(int size, long seed) {
        float[] a = random(size, seed);
        for (int i = 0; i < a.length; i++) a[i] = (float) Math.floor((a[i] + 1) * 1.5f);
        return a;
    }
}
