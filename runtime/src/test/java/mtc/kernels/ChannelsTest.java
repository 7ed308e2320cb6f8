package mtc.kernels;

import static mtc.kernels.Conv2dTest.run;
import static mtc.kernels.FiniteDifferences.assertGradient;
import static mtc.kernels.FiniteDifferences.dot;
import static mtc.kernels.FiniteDifferences.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import mtc.runtime.Threads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Channels}: the per-channel bias of a convolution and its gradient. */
class ChannelsTest {
    private final int savedThreads = Threads.current();

    @AfterEach
    void restoreThreads() {
        Threads.bind(savedThreads);
    }

    @Test
    void biasAddsPerChannelAlsoInPlace() {
        int n = 3, c = 5, spatial = 37; // two vectors and a tail per run
        float[] x = random(n * c * spatial, 1);
        float[] bias = random(c, 2);
        float[] y = run(1, x.length, out -> Channels.biasAdd(x, bias, out, n, c, spatial));
        for (int i = 0; i < x.length; i++) assertEquals(x[i] + bias[(i / spatial) % c], y[i]);
        float[] inPlace = x.clone();
        Channels.biasAdd(inPlace, bias, inPlace, n, c, spatial);
        assertArrayEquals(y, inPlace);
    }

    @Test
    void biasAddIsTheSameOnTwoThreads() {
        int n = 7, c = 6, spatial = 784;
        float[] x = random(n * c * spatial, 6);
        float[] bias = random(c, 7);
        float[] one = run(1, x.length, out -> Channels.biasAdd(x, bias, out, n, c, spatial));
        for (int i = 0; i < x.length; i++) assertEquals(x[i] + bias[(i / spatial) % c], one[i]);
        assertArrayEquals(one, run(2, x.length, out -> Channels.biasAdd(x, bias, out, n, c, spatial)));
    }

    @Test
    void biasGradientSumsSamplesAndPositions() {
        for (int spatial : new int[] {1, 16, 25, 196, 784}) { // 784: large enough for two threads
            int n = 7, c = 6;
            float[] dy = random(n * c * spatial, spatial);
            float[] db = run(1, c, out -> Channels.biasGrad(dy, out, n, c, spatial));
            for (int ch = 0; ch < c; ch++) {
                double sum = 0, magnitude = 0;
                for (int s = 0; s < n; s++) {
                    for (int p = 0; p < spatial; p++) {
                        sum += dy[(s * c + ch) * spatial + p];
                        magnitude += Math.abs(dy[(s * c + ch) * spatial + p]);
                    }
                }
                // float rounding of thousands of additions: far below any missing or doubled term
                assertEquals(sum, db[ch], 1e-6 * magnitude, "dbias[" + ch + "], spatial " + spatial);
            }
            assertArrayEquals(db, run(2, c, out -> Channels.biasGrad(dy, out, n, c, spatial)));
        }
    }

    @Test
    void biasGradientMatchesFiniteDifferences() {
        int n = 2, c = 3, spatial = 20;
        float[] x = random(n * c * spatial, 3);
        float[] bias = random(c, 4);
        float[] r = random(x.length, 5);
        float[] db = new float[c];
        Channels.biasGrad(r, db, n, c, spatial);
        assertGradient("dbias", bias, db, v -> {
            float[] y = new float[x.length];
            Channels.biasAdd(x, v, y, n, c, spatial);
            return dot(r, y);
        });
    }
}
