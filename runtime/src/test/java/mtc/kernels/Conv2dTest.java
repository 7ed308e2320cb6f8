package mtc.kernels;

import static mtc.kernels.FiniteDifferences.assertGradient;
import static mtc.kernels.FiniteDifferences.dot;
import static mtc.kernels.FiniteDifferences.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import mtc.runtime.Threads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Conv2d} against the naive double-precision definition ({@link ConvReference}) on many
 * shapes, on 1 and 2 threads (bit-identical), with outputs pre-filled with NaN and followed by
 * slack that must stay untouched; and against finite differences.
 */
class Conv2dTest {
    private static final int SLACK = 19;
    private final int savedThreads = Threads.current();

    @AfterEach
    void restoreThreads() {
        Threads.bind(savedThreads);
    }

    static Stream<ConvReference> shapes() {
        List<ConvReference> shapes = new ArrayList<>();
        // The models' layers (LeNet-5, bnnet) at small batches: large enough for two threads.
        shapes.add(ConvReference.of(7, 1, 28, 28, 6, 5, 5, 1, 1, 2, 2, 2, 2, 1, 1));
        shapes.add(ConvReference.of(7, 6, 14, 14, 16, 5, 5, 1, 1, 0, 0, 0, 0, 1, 1));
        shapes.add(ConvReference.of(7, 1, 28, 28, 32, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1));
        shapes.add(ConvReference.of(2, 32, 14, 14, 64, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1));
        shapes.add(ConvReference.of(2, 16, 28, 28, 16, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1)); // resnet's: 6 + 6 + 4 rows
        shapes.add(ConvReference.of(3, 8, 9, 9, 20, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1));    // 6 + 6 + 4 + 4 rows
        // Winograd's row pairs (ConvWinograd): an odd output height, no padding, asymmetric padding,
        // rows longer than two vectors.
        shapes.add(ConvReference.of(2, 8, 11, 13, 9, 3, 3, 1, 1, 0, 0, 0, 0, 1, 1));
        shapes.add(ConvReference.of(3, 10, 8, 35, 12, 3, 3, 1, 1, 1, 0, 2, 1, 1, 1));
        shapes.add(ConvReference.of(5, 9, 6, 5, 8, 3, 3, 1, 1, 2, 2, 0, 1, 1, 1));
        shapes.add(ConvReference.of(3, 12, 10, 10, 5, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1)); // fewer rows than a tile
        // Pooled rows of 8 windows, and of 20 (16 + 4), as the fused pooling reads them by rows.
        shapes.add(ConvReference.of(3, 2, 16, 16, 9, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1));
        shapes.add(ConvReference.of(2, 3, 12, 40, 7, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1));
        // Stride, asymmetric ('same' with an even kernel) padding, dilation, non-square everything.
        shapes.add(ConvReference.of(1, 3, 9, 11, 5, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1));
        shapes.add(ConvReference.of(2, 2, 7, 6, 3, 4, 2, 1, 1, 1, 2, 0, 1, 1, 1));
        shapes.add(ConvReference.of(7, 2, 10, 9, 7, 3, 2, 1, 1, 2, 2, 1, 1, 2, 3));
        shapes.add(ConvReference.of(2, 4, 13, 8, 9, 2, 3, 3, 2, 0, 1, 2, 0, 2, 1));
        shapes.add(ConvReference.of(7, 5, 6, 7, 11, 1, 1, 2, 2, 0, 0, 0, 0, 1, 1));
        // Stride 2 with rows of output longer than half a vector and than a vector: the residual
        // network's down-sampling convolution and shortcut, and a wide one.
        shapes.add(ConvReference.of(2, 16, 28, 28, 32, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1));
        shapes.add(ConvReference.of(2, 16, 28, 28, 32, 1, 1, 2, 2, 0, 0, 0, 0, 1, 1));
        shapes.add(ConvReference.of(3, 2, 5, 75, 3, 3, 3, 1, 2, 1, 1, 1, 1, 1, 1));
        shapes.add(ConvReference.of(1, 1, 2, 3, 2, 3, 4, 1, 1, 1, 1, 2, 2, 1, 1)); // window wider than the input
        shapes.add(ConvReference.of(7, 3, 20, 17, 13, 3, 3, 2, 3, 1, 2, 0, 2, 1, 1)); // two threads, odd chunks
        shapes.add(ConvReference.of(7, 1, 1, 1, 3, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1));
        shapes.add(ConvReference.of(2, 3, 9, 10, 4, 3, 3, 1, 1, 0, -1, 0, -2, 1, 1)); // last rows, columns unread
        Random random = new Random(7);
        for (int i = 0; i < 24; i++) {
            int kh = 1 + random.nextInt(4), kw = 1 + random.nextInt(4);
            int dh = 1 + random.nextInt(2), dw = 1 + random.nextInt(2);
            int top = random.nextInt(3), bottom = random.nextInt(3), left = random.nextInt(3), right = random.nextInt(3);
            int h = Math.max(1, dh * (kh - 1) + 1 - top - bottom) + random.nextInt(12);
            int w = Math.max(1, dw * (kw - 1) + 1 - left - right) + random.nextInt(12);
            shapes.add(ConvReference.of(i % 2 == 0 ? 1 : 7, 1 + random.nextInt(5), h, w, 1 + random.nextInt(20),
                    kh, kw, 1 + random.nextInt(3), 1 + random.nextInt(3), top, bottom, left, right, dh, dw));
        }
        return shapes.stream();
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void forwardMatchesTheDefinitionOnOneAndTwoThreads(ConvReference c) {
        float[] x = random(c.inputSize(), 1);
        float[] weight = random(c.weightSize(), 2);
        float[] one = run(1, c.outputSize(), y -> c.forward(x, weight, y));
        assertClose("y", c.forward(x, weight), one);
        assertArrayEquals(one, run(2, c.outputSize(), y -> c.forward(x, weight, y)));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void inputGradientIsTheAdjointOnOneAndTwoThreads(ConvReference c) {
        float[] dy = random(c.outputSize(), 3);
        float[] weight = random(c.weightSize(), 4);
        float[] one = run(1, c.inputSize(), dx -> c.gradInput(dy, weight, dx));
        assertClose("dx", c.gradInput(dy, weight), one);
        assertArrayEquals(one, run(2, c.inputSize(), dx -> c.gradInput(dy, weight, dx)));
    }

    /** {@link ConvScatter}'s transposed input gradient on every shape, whether or not {@code gradInput} picks it. */
    @ParameterizedTest
    @MethodSource("shapes")
    void transposedInputGradientIsTheAdjointOnOneAndTwoThreads(ConvReference c) {
        ConvGeometry g = new ConvGeometry(c.n(), c.cin(), c.h(), c.w(), c.cout(), c.kh(), c.kw(), c.sh(), c.sw(), c.ph(), c.pw(),
                c.dh(), c.dw(), c.oh(), c.ow());
        float[] dy = random(c.outputSize(), 3);
        float[] weight = random(c.weightSize(), 4);
        float[] one = run(1, c.inputSize(), dx -> Conv2d.gradInputByScatter(dy, weight, dx, g));
        assertClose("dx", c.gradInput(dy, weight), one);
        assertArrayEquals(one, run(2, c.inputSize(), dx -> Conv2d.gradInputByScatter(dy, weight, dx, g)));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void weightGradientIsTheAdjointOnOneAndTwoThreads(ConvReference c) {
        float[] dy = random(c.outputSize(), 5);
        float[] x = random(c.inputSize(), 6);
        float[] one = run(1, c.weightSize(), dw -> c.gradWeight(dy, x, dw));
        assertClose("dweight", c.gradWeight(dy, x), one);
        assertArrayEquals(one, run(2, c.weightSize(), dw -> c.gradWeight(dy, x, dw)));
    }

    /**
     * The convolution with its bias, relu and 2x2 max pooling in one pass against the three kernels
     * it replaces, bit for bit (pooled values and window corners), on one and two threads: every
     * unit-stride shape above with an even output, outputs of zero, NaN inputs and negative biases;
     * the other shapes are refused.
     */
    @ParameterizedTest
    @MethodSource("shapes")
    void pooledPassIsForwardBiasThenReluMaxPooling(ConvReference c) {
        float[] x = random(c.inputSize(), 13);
        if (!Conv2d.suitsReluMaxPool(c.sh(), c.sw(), c.oh(), c.ow())) {
            float[] none = new float[c.outputSize()];
            assertThrows(IllegalArgumentException.class, () -> Conv2d.forwardReluMaxPool(x, new float[c.weightSize()],
                    new float[c.cout()], none, none, c.n(), c.cin(), c.h(), c.w(), c.cout(), c.kh(), c.kw(), c.sh(),
                    c.sw(), c.ph(), c.pw(), c.dh(), c.dw(), c.oh(), c.ow()));
            return;
        }
        for (int i = 0; i < x.length; i += 37) x[i] = Float.NaN;
        float[] weight = random(c.weightSize(), 14);
        float[] bias = random(c.cout(), 15);
        bias[0] = -100f; // a channel that relu zeroes everywhere
        float[] convolved = new float[c.outputSize()];
        c.forward(x, weight, convolved);
        Channels.biasAdd(convolved, bias, convolved, c.n(), c.cout(), c.oh() * c.ow());
        int pooled = c.n() * c.cout() * (c.oh() / 2) * (c.ow() / 2);
        float[] expectedY = new float[pooled];
        float[] expectedArgmax = new float[pooled];
        Pool2d.reluMaxForward(convolved, expectedY, expectedArgmax, c.n(), c.cout(), c.oh(), c.ow(), 2, 2, 2, 2, 0, 0,
                c.oh() / 2, c.ow() / 2);
        for (int threads : new int[] {1, 2}) {
            float[] argmax = new float[pooled + SLACK];
            Arrays.fill(argmax, Float.NaN);
            float[] y = run(threads, pooled, out -> Conv2d.forwardReluMaxPool(x, weight, bias, out, argmax, c.n(),
                    c.cin(), c.h(), c.w(), c.cout(), c.kh(), c.kw(), c.sh(), c.sw(), c.ph(), c.pw(), c.dh(), c.dw(),
                    c.oh(), c.ow()));
            for (int i = pooled; i < argmax.length; i++) assertTrue(Float.isNaN(argmax[i]), "wrote past argmax at " + i);
            assertArrayEquals(expectedY, y, "y, threads " + threads);
            assertArrayEquals(expectedArgmax, Arrays.copyOf(argmax, pooled), "argmax, threads " + threads);
        }
    }

    /** {@code <dy, conv(x, w)> = <conv_xᵀ(dy), x> = <conv_wᵀ(dy, x), w>}, all three from the kernels. */
    @ParameterizedTest
    @MethodSource("shapes")
    void dotProductTest(ConvReference c) {
        float[] x = random(c.inputSize(), 7);
        float[] weight = random(c.weightSize(), 8);
        float[] dy = random(c.outputSize(), 9);
        float[] y = new float[c.outputSize()];
        float[] dx = new float[c.inputSize()];
        float[] dw = new float[c.weightSize()];
        c.forward(x, weight, y);
        c.gradInput(dy, weight, dx);
        c.gradWeight(dy, x, dw);
        double forward = dot(dy, y);
        double scale = 1e-5 * (1 + Math.sqrt((double) c.outputSize() * c.weightSize()));
        assertEquals(forward, dot(dx, x), scale, "<dy, y> vs <dx, x>");
        assertEquals(forward, dot(dw, weight), scale, "<dy, y> vs <dw, w>");
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        ConvReference c = ConvReference.of(2, 2, 5, 6, 3, 3, 2, 2, 1, 1, 0, 1, 1, 1, 2);
        float[] x = random(c.inputSize(), 10);
        float[] weight = random(c.weightSize(), 11);
        float[] r = random(c.outputSize(), 12);
        float[] dx = new float[c.inputSize()];
        float[] dw = new float[c.weightSize()];
        c.gradInput(r, weight, dx);
        c.gradWeight(r, x, dw);
        assertGradient("dx", x, dx, v -> dot(r, forward(c, v, weight)));
        assertGradient("dweight", weight, dw, v -> dot(r, forward(c, x, v)));
    }

    /** The shapes above that run Winograd's F(4, 3) ({@link ConvWinograd}) and some that must not. */
    @Test
    void winogradTakesThreeByThreeUnitStrideLayersOfEightInputChannelsOrMore() {
        assertTrue(ConvWinograd.suits(new ConvGeometry(2, 16, 28, 28, 16, 3, 3, 1, 1, 1, 1, 1, 1, 28, 28)));
        assertTrue(ConvWinograd.suits(new ConvGeometry(2, 8, 11, 13, 9, 3, 3, 1, 1, 0, 0, 1, 1, 9, 11)));
        assertTrue(ConvWinograd.suits(new ConvGeometry(3, 12, 10, 10, 5, 3, 3, 1, 1, 1, 1, 1, 1, 10, 10)));
        assertFalse(ConvWinograd.suits(new ConvGeometry(3, 12, 10, 10, 3, 3, 3, 1, 1, 1, 1, 1, 1, 10, 10)));
        assertFalse(ConvWinograd.suits(new ConvGeometry(7, 1, 28, 28, 32, 3, 3, 1, 1, 1, 1, 1, 1, 28, 28)));
        assertFalse(ConvWinograd.suits(new ConvGeometry(2, 16, 28, 28, 32, 3, 3, 2, 2, 1, 1, 1, 1, 14, 14)));
        assertFalse(ConvWinograd.suits(new ConvGeometry(7, 6, 14, 14, 16, 5, 5, 1, 1, 0, 0, 1, 1, 10, 10)));
        assertFalse(ConvWinograd.suits(new ConvGeometry(2, 16, 28, 28, 16, 3, 3, 1, 1, 2, 2, 2, 2, 28, 28)));
    }

    @Test
    void anEmptyBatchHasAZeroWeightGradient() {
        ConvReference c = ConvReference.of(0, 2, 5, 6, 3, 3, 2, 1, 1, 0, 0, 0, 0, 1, 1);
        float[] dw = run(1, c.weightSize(), out -> c.gradWeight(new float[0], new float[0], out));
        assertArrayEquals(new float[c.weightSize()], dw);
    }

    @Test
    void rejectsShortArraysAndImpossibleSizes() {
        ConvReference c = ConvReference.of(2, 2, 5, 6, 3, 3, 2, 1, 1, 0, 0, 0, 0, 1, 1);
        float[] x = new float[c.inputSize()];
        float[] weight = new float[c.weightSize()];
        assertThrows(IllegalArgumentException.class, () -> c.forward(x, weight, new float[c.outputSize() - 1]));
        assertThrows(IllegalArgumentException.class, () -> c.gradWeight(new float[c.outputSize()], x, new float[1]));
        assertThrows(IllegalArgumentException.class, () -> Conv2d.forward(x, weight, new float[100],
                2, 2, 5, 6, 3, 3, 2, 0, 1, 0, 0, 1, 1, 3, 5));
    }

    private static float[] forward(ConvReference c, float[] x, float[] weight) {
        float[] y = new float[c.outputSize()];
        c.forward(x, weight, y);
        return y;
    }

    /** Runs {@code kernel} on {@code threads} threads into a NaN-filled array with slack; checks the slack, returns the rest. */
    static float[] run(int threads, int size, java.util.function.Consumer<float[]> kernel) {
        Threads.bind(threads);
        float[] out = new float[size + SLACK];
        Arrays.fill(out, Float.NaN);
        kernel.accept(out);
        for (int i = size; i < out.length; i++) assertTrue(Float.isNaN(out[i]), "wrote past the output at " + i);
        return Arrays.copyOf(out, size);
    }

    /** Each element within float rounding of a {@code K}-term sum: a few ulps of the sum of absolute terms. */
    static void assertClose(String what, double[][] expected, float[] actual) {
        for (int i = 0; i < actual.length; i++) {
            double tolerance = 1e-5 * expected[1][i] + 1e-30;
            double error = Math.abs(actual[i] - expected[0][i]);
            assertTrue(error <= tolerance, what + "[" + i + "] = " + actual[i] + ", expected " + expected[0][i]);
        }
    }
}
