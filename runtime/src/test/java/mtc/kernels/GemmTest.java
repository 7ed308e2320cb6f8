package mtc.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import mtc.optim.OptimizerSpec;
import mtc.runtime.Threads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks the three product forms against a double-precision reference, on 1 and 2 threads. */
class GemmTest {
    /** Extra elements past each operand, filled with junk the products must neither read nor write. */
    private static final int SLACK = 37;
    private static final float JUNK = 1e30f;
    private final int savedThreads = Threads.current();

    @AfterEach
    void restoreThreads() {
        Threads.bind(savedThreads);
    }

    static Stream<Arguments> shapes() {
        List<Arguments> shapes = new ArrayList<>();
        // The five products of the seed model's training step at batch 64, and scale-sweep shapes.
        shapes.add(Arguments.of(GemmForm.NT, 64, 256, 784));
        shapes.add(Arguments.of(GemmForm.TN, 256, 784, 64));
        shapes.add(Arguments.of(GemmForm.NT, 64, 10, 256));
        shapes.add(Arguments.of(GemmForm.TN, 10, 256, 64));
        shapes.add(Arguments.of(GemmForm.NN, 64, 256, 10));
        shapes.add(Arguments.of(GemmForm.NT, 16, 1024, 784));
        shapes.add(Arguments.of(GemmForm.NN, 130, 97, 61));
        // Large enough for two threads: split by columns with a partial last vector, and by rows.
        shapes.add(Arguments.of(GemmForm.NN, 70, 200, 30));
        shapes.add(Arguments.of(GemmForm.TN, 67, 199, 41));
        shapes.add(Arguments.of(GemmForm.NT, 131, 37, 67));
        shapes.add(Arguments.of(GemmForm.NT, 64, 256, 10));
        shapes.add(Arguments.of(GemmForm.NT, 303, 13, 100));
        // Deeper than one depth block: partial sums stored and continued.
        shapes.add(Arguments.of(GemmForm.NN, 20, 70, 600));
        shapes.add(Arguments.of(GemmForm.TN, 13, 100, 530));
        shapes.add(Arguments.of(GemmForm.NT, 303, 7, 201));
        Random random = new Random(42);
        for (int i = 0; i < 40; i++) {
            GemmForm form = GemmForm.values()[i % 3];
            shapes.add(Arguments.of(form, 1 + random.nextInt(70), 1 + random.nextInt(70), 1 + random.nextInt(70)));
        }
        for (GemmForm form : GemmForm.values()) {
            shapes.add(Arguments.of(form, 1, 1, 1));
            shapes.add(Arguments.of(form, 7, 13, 1));
            shapes.add(Arguments.of(form, 1, 67, 3));
            shapes.add(Arguments.of(form, 67, 1, 5));
        }
        return shapes.stream();
    }

    @ParameterizedTest(name = "{0} m={1} n={2} k={3}")
    @MethodSource("shapes")
    void matchesDoublePrecisionOnOneAndTwoThreads(GemmForm form, int m, int n, int k) {
        Operands in = Operands.random(form, m, n, k);
        Threads.bind(1);
        float[] one = in.run();
        assertClose(in, one);
        Threads.bind(2);
        float[] two = in.run();
        // Each element is the same fma chain whichever thread computes it: bit-identical results.
        assertArrayEquals(one, two);
    }

    static Stream<Arguments> sparseShapes() {
        return Stream.of(
                // The seed model's first layer: forward and weight gradient at batch 64.
                Arguments.of(GemmForm.NN, 64, 256, 784), Arguments.of(GemmForm.TN, 784, 256, 64),
                // Rows not a multiple of 6, columns not of 64, a partial vector, depth blocks.
                Arguments.of(GemmForm.NN, 67, 200, 300), Arguments.of(GemmForm.TN, 101, 70, 530),
                Arguments.of(GemmForm.NN, 5, 64, 40), Arguments.of(GemmForm.TN, 13, 10, 7),
                Arguments.of(GemmForm.NN, 130, 97, 61), Arguments.of(GemmForm.TN, 1, 1, 1));
    }

    /** Skipping zero tiles changes no bit: the same fma chains less terms that are exactly zero. */
    @ParameterizedTest(name = "{0} m={1} n={2} k={3}")
    @MethodSource("sparseShapes")
    void sparseFormsEqualTheDenseOnesBitForBit(GemmForm form, int m, int n, int k) {
        Operands in = Operands.random(form, m, n, k).withImageLikeA(new Random(m + n + k));
        Threads.bind(1);
        float[] dense = in.run();
        float[] sparse = in.runSparse();
        assertClose(in, sparse);
        assertArrayEquals(dense, sparse);
        Threads.bind(2);
        assertArrayEquals(dense, in.runSparse());
    }

    /** Weight gradients: the seed model's two layers, tiles that overlap at the end, depth blocks, a single element. */
    static Stream<Arguments> updateShapes() {
        return Stream.of(Arguments.of(784, 256, 64), Arguments.of(256, 10, 64), Arguments.of(20, 70, 8),
                Arguments.of(101, 70, 530), Arguments.of(13, 10, 7), Arguments.of(1, 1, 1));
    }

    /** The update forms are the product, then an SGD step: bit for bit, dense or sparse, on 1 and 2 threads. */
    @ParameterizedTest(name = "m={0} n={1} k={2}")
    @MethodSource("updateShapes")
    void updateFormsAreTheProductThenAnSgdStep(int m, int n, int k) {
        Operands in = Operands.random(GemmForm.TN, m, n, k).withImageLikeA(new Random(m * n + k));
        float[] weight = gaussianWeights(m * n, 5, false);
        assertUpdatesAreTheSgdStep(in, m, n, k, weight, 0.1f, true);
    }

    /**
     * {@code tnSparseUpdate} (and, if {@code dense}, {@code tnUpdate}) of {@code weight} give
     * {@link Sgd#step} of the product, bit for bit, on 1 and 2 threads.
     */
    private static void assertUpdatesAreTheSgdStep(Operands in, int m, int n, int k, float[] weight, float lr,
                                                   boolean dense) {
        float[] expected = weight.clone();
        Sgd.step(expected, in.run(), m * n, lr);
        for (int threads = 1; threads <= 2; threads++) {
            Threads.bind(threads);
            if (dense) {
                float[] c = weight.clone();
                Gemm.tnUpdate(in.a(), in.b(), c, m, n, k, lr);
                assertArrayEquals(expected, c, "tnUpdate, lr " + lr + ", on " + threads);
            }
            float[] sparse = weight.clone();
            Gemm.tnSparseUpdate(in.a(), in.b(), sparse, m, n, k, lr);
            assertArrayEquals(expected, sparse, "tnSparseUpdate, lr " + lr + ", on " + threads);
        }
    }

    /**
     * The optimizer forms are the product, then {@link Optimizers#step} with the same state: bit for
     * bit, dense or sparse, on 1 and 2 threads, for momentum (Nesterov, weight decay), Adam and
     * AdamW, over two steps (the first step of a momentum buffer is special).
     */
    @ParameterizedTest(name = "m={0} n={1} k={2}")
    @MethodSource("updateShapes")
    void optimizerFormsAreTheProductThenAnOptimizerStep(int m, int n, int k) {
        Operands in = Operands.random(GemmForm.TN, m, n, k).withImageLikeA(new Random(m * n + k));
        for (String spec : new String[] {"sgd momentum=0.9 nesterov=true weight_decay=0.01",
                "adam weight_decay=0.01", "adamw beta1=0.8"}) {
            OptimizerStep expectedOpt = new OptimizerStep(OptimizerSpec.parse(spec));
            float[][] expected = {gaussianWeights(m * n, 5, false), new float[m * n + SLACK], new float[m * n + SLACK]};
            for (int threads = 1; threads <= 2; threads++) {
                Threads.bind(threads);
                for (boolean sparse : new boolean[] {false, true}) {
                    OptimizerStep opt = new OptimizerStep(OptimizerSpec.parse(spec));
                    float[][] actual = {gaussianWeights(m * n, 5, false), new float[m * n + SLACK],
                            new float[m * n + SLACK]};
                    for (int step = 0; step < 2; step++) {
                        opt.begin(0.01);
                        if (sparse) Gemm.tnSparseStep(in.a(), in.b(), actual[0], actual[1], actual[2], m, n, k, opt);
                        else Gemm.tnStep(in.a(), in.b(), actual[0], actual[1], actual[2], m, n, k, opt);
                        if (threads == 1 && !sparse) {
                            expectedOpt.begin(0.01);
                            Optimizers.step(expected[0], in.run(), expected[1], expected[2], m * n, expectedOpt);
                        }
                    }
                    for (int t = 0; t < 3; t++) {
                        assertArrayEquals(expected[t], actual[t], spec + ", tensor " + t + ", sparse " + sparse
                                + ", on " + threads);
                    }
                }
            }
        }
    }

    /** Gaussian weights (and room past them), every seventh a negative zero if {@code negativeZeros}. */
    private static float[] gaussianWeights(int size, long seed, boolean negativeZeros) {
        float[] weight = new float[size + SLACK];
        Random random = new Random(seed);
        for (int i = 0; i < size; i++) weight[i] = negativeZeros && i % 7 == 0 ? -0.0f : (float) random.nextGaussian();
        return weight;
    }

    /**
     * Weight rows whose input column is zero in every sample get no update: skipped whole, they
     * must still end bit for bit as the SGD step leaves them, negative zeros included; an lr of
     * -0 or infinity would not leave them so (-0 turns into +0, or NaN appears), and is computed.
     */
    @Test
    void rowsWithNothingListedAreLeftAsTheSgdStepLeavesThem() {
        int m = 784, n = 256, k = 64;
        Operands in = Operands.random(GemmForm.TN, m, n, k).withImageLikeA(new Random(4));
        for (int s = 0; s < k; s++) {
            java.util.Arrays.fill(in.a(), s * m + 60, s * m + 200, 0f);
            java.util.Arrays.fill(in.a(), s * m + 768, s * m + m, 0f); // the last tile, overlapping the one before
        }
        float[] weight = gaussianWeights(m * n, 6, true);
        for (float lr : new float[] {0.1f, -0.0f, Float.POSITIVE_INFINITY}) {
            assertUpdatesAreTheSgdStep(in, m, n, k, weight, lr, false);
        }
    }

    /** Two threads build the lists of different tiles at once: run after run, the same bits as one thread. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = GemmForm.class, names = {"NN", "TN"})
    void sparseFormsOnTwoThreadsGiveTheSameBitsEveryTime(GemmForm form) {
        Operands in = form == GemmForm.NN ? Operands.random(form, 64, 256, 784) : Operands.random(form, 784, 256, 64);
        in.withImageLikeA(new Random(3));
        Threads.bind(1);
        float[] expected = in.runSparse();
        Threads.bind(2);
        for (int run = 0; run < 300; run++) assertArrayEquals(expected, in.runSparse(), "run " + run);
    }

    /** The comparison above would prove nothing if the seed shapes ran dense: most of their tiles skip. */
    @Test
    void imageLikeInputsOfTheSeedShapesAreListed() {
        Operands forward = Operands.random(GemmForm.NN, 64, 256, 784).withImageLikeA(new Random(1));
        assertListed(new GemmProblem(forward.a(), 784, 1, forward.b(), 256, false, 784, 64, 256,
                new float[64 * 256], 256, false));
        Operands gradient = Operands.random(GemmForm.TN, 784, 256, 64).withImageLikeA(new Random(2));
        assertListed(new GemmProblem(gradient.a(), 1, 784, gradient.b(), 256, false, 64, 784, 256,
                new float[784 * 256], 256, false));
    }

    private static void assertListed(GemmProblem p) {
        GemmDepthLists lists = new GemmDepthLists();
        lists.prepare(p);
        lists.build(p, 0, lists.tiles());
        int dense = 0;
        for (int t = 0; t < lists.tiles(); t++) dense += lists.dense(lists.tileRow(t * 6)) ? 1 : 0;
        assertTrue(dense < lists.tiles() / 4, dense + " of " + lists.tiles() + " tiles dense");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = GemmForm.class, names = {"NN", "TN"})
    void sparseFormsPassNanAndInfinityOnAndAllZerosGiveZeros(GemmForm form) {
        Operands zeros = Operands.random(form, 64, 64, 100).withImageLikeA(new Random(1));
        java.util.Arrays.fill(zeros.a(), 0, 64 * 100, 0f);
        float[] c = zeros.runSparse();
        for (int x = 0; x < 64 * 64; x++) assertEquals(0f, c[x]);
        Operands odd = Operands.random(form, 64, 64, 100).withImageLikeA(new Random(2));
        odd.a()[0] = Float.NaN;
        odd.a()[777] = Float.POSITIVE_INFINITY;
        assertArrayEquals(odd.run(), odd.runSparse());
    }

    @Test
    void warmUpStopsAtItsBudgetAndLeavesResultsUnchanged() {
        Operands in = Operands.random(GemmForm.NT, 64, 10, 256);
        float[] before = in.run();
        long start = System.nanoTime();
        Gemm.warmUp(30);
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "warm-up overran its 30 ms budget");
        assertArrayEquals(before, in.run());
    }

    @Test
    void zeroDepthGivesZeros() {
        float[] c = {5, 5, 5, 5};
        Gemm.nn(new float[0], new float[0], c, 2, 2, 0);
        assertArrayEquals(new float[4], c);
    }

    @Test
    void tooShortArrayIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.tn(new float[5], new float[6], new float[6], 2, 3, 3));
        assertEquals("Gemm.tn: a has 5 elements, needs 6", e.getMessage());
    }

    /**
     * fp32 accumulation of k products (one rounding per fused multiply-add) is within
     * k·2⁻²⁴·Σ|a·b| of the exact sum (the standard forward error bound); a wrong index or a
     * missed term is off by the size of a whole term, far outside it.
     */
    private static void assertClose(Operands in, float[] c) {
        for (int i = 0; i < in.m(); i++) {
            for (int j = 0; j < in.n(); j++) assertElementClose(in, c, i, j);
        }
        for (int x = in.m() * in.n(); x < c.length; x++) assertEquals(JUNK, c[x], "wrote past the output");
    }

    private static void assertElementClose(Operands in, float[] c, int i, int j) {
        double unitRoundoff = Math.ulp(1.0f) / 2;
        double tolerance = (in.k() + 1) * unitRoundoff * in.absDot(i, j) + 1e-30;
        double error = Math.abs(c[i * in.n() + j] - in.dot(i, j));
        assertTrue(error <= tolerance, () -> "element " + i + "," + j + " off by " + error);
    }

    /** The forms under test, each with its operand layout. */
    enum GemmForm { NT, TN, NN }

    /** Random operands of one product, stored with junk past their ends, and its double reference. */
    record Operands(GemmForm form, int m, int n, int k, float[] a, float[] b) {
        static Operands random(GemmForm form, int m, int n, int k) {
            Random random = new Random(m * 10_007L + n * 101L + k);
            return new Operands(form, m, n, k, junkPadded(random, m * k), junkPadded(random, n * k));
        }

        float[] run() {
            float[] c = output();
            switch (form) {
                case NT -> Gemm.nt(a, b, c, m, n, k);
                case TN -> Gemm.tn(a, b, c, m, n, k);
                case NN -> Gemm.nn(a, b, c, m, n, k);
            }
            return c;
        }

        float[] runSparse() {
            float[] c = output();
            if (form == GemmForm.TN) Gemm.tnSparse(a, b, c, m, n, k);
            else Gemm.nnSparse(a, b, c, m, n, k);
            return c;
        }

        private float[] output() {
            float[] c = new float[m * n + SLACK];
            java.util.Arrays.fill(c, JUNK);
            return c;
        }

        /**
         * The same operands with each row of {@code A} (an image: {@code [m,k]} for {@code nn},
         * {@code [k,m]} for {@code tn}) zero outside a random window and half zero inside it: whole
         * zero tiles, as images have, and scattered zeros.
         */
        Operands withImageLikeA(Random random) {
            int images = form == GemmForm.TN ? k : m;
            int pixels = form == GemmForm.TN ? m : k;
            for (int i = 0; i < images; i++) {
                int lo = random.nextInt(pixels), hi = lo + random.nextInt(pixels - lo + 1);
                for (int p = 0; p < pixels; p++) {
                    if (p < lo || p >= hi || random.nextBoolean()) a[i * pixels + p] = 0f;
                }
            }
            return this;
        }

        double dot(int i, int j) {
            double sum = 0;
            for (int p = 0; p < k; p++) sum += (double) a(i, p) * b(p, j);
            return sum;
        }

        double absDot(int i, int j) {
            double sum = 0;
            for (int p = 0; p < k; p++) sum += Math.abs((double) a(i, p) * b(p, j));
            return sum;
        }

        private float a(int i, int p) {
            return form == GemmForm.TN ? a[p * m + i] : a[i * k + p];
        }

        private float b(int p, int j) {
            return form == GemmForm.NT ? b[j * k + p] : b[p * n + j];
        }

        private static float[] junkPadded(Random random, int size) {
            float[] x = new float[size + SLACK];
            for (int i = 0; i < size; i++) x[i] = (float) random.nextGaussian();
            java.util.Arrays.fill(x, size, x.length, JUNK);
            return x;
        }
    }
}
