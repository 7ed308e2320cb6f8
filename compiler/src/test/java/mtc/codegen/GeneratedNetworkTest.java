package mtc.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mtc.check.CheckedModel;
import mtc.ir.IrPipeline;
import mtc.ir.TestModels;
import mtc.runtime.Network;
import mtc.runtime.NetworkBase;
import mtc.runtime.Rng;
import mtc.runtime.StepStats;
import org.junit.jupiter.api.Test;

/** Generated networks doing their job: training, evaluation, gradients, determinism. */
class GeneratedNetworkTest {
    private static Network network(CheckedModel model, long seed) {
        Network net = NetworkClasses.instantiate(ClassGenerator.generate(IrPipeline.build(model)));
        net.initialize(new Rng(seed));
        return net;
    }

    /** Two Gaussian-ish blobs per class in {@code dims} dimensions: linearly separable with margin. */
    private static Synthetic separable(int samples, int dims, int classes, long seed) {
        Rng rng = new Rng(seed);
        float[] x = new float[samples * dims];
        int[] y = new int[samples];
        for (int i = 0; i < samples; i++) {
            y[i] = rng.nextInt(classes);
            for (int d = 0; d < dims; d++) {
                float centre = d % classes == y[i] ? 2f : 0f;
                x[i * dims + d] = centre + rng.uniform(-0.5f, 0.5f);
            }
        }
        return new Synthetic(x, y);
    }

    private record Synthetic(float[] x, int[] y) {}

    private static double[] trainLosses(Network net, Synthetic data, int dims, int batch, int epochs, long seed) {
        Rng rng = new Rng(seed);
        double[] losses = new double[epochs];
        int samples = data.y().length;
        for (int e = 0; e < epochs; e++) {
            StepStats stats = new StepStats();
            for (int start = 0; start < samples; start += batch) {
                int n = Math.min(batch, samples - start);
                float[] x = java.util.Arrays.copyOfRange(data.x(), start * dims, (start + n) * dims);
                int[] y = java.util.Arrays.copyOfRange(data.y(), start, start + n);
                net.trainStep(x, y, n, 0.1f, rng, stats);
            }
            losses[e] = stats.meanLoss();
        }
        return losses;
    }

    @Test
    void seedModelLearnsSeparableData() {
        Synthetic data = separable(600, 12, 3, 1);
        Network net = network(TestModels.seed(12, 16, 3, 0.2), 7);
        double[] losses = trainLosses(net, data, 12, 32, 5, 3);
        assertTrue(losses[4] < 0.5 * losses[0], java.util.Arrays.toString(losses));
        StepStats eval = new StepStats();
        float[] probs = new float[600 * 3];
        net.evaluate(data.x(), data.y(), 600, probs, eval);
        assertTrue(eval.accuracy() > 0.95, "accuracy " + eval.accuracy());
        assertEquals(1.0, probs[0] + probs[1] + probs[2], 1e-5);
    }

    @Test
    void sameSeedGivesIdenticalLosses() {
        Synthetic data = separable(200, 12, 3, 1);
        double[] first = trainLosses(network(TestModels.seed(12, 16, 3, 0.5), 7), data, 12, 30, 3, 3);
        double[] second = trainLosses(network(TestModels.seed(12, 16, 3, 0.5), 7), data, 12, 30, 3, 3);
        assertArrayEquals(first, second);
    }

    /**
     * Image-like data (mostly zeros, so the first layer skips zero tiles, and large enough that the
     * products use both threads): one thread and two give bit-identical weights, step after step.
     */
    @Test
    void oneThreadAndTwoTrainToIdenticalWeights() {
        assertSameWeights(TestModels.seed(784, 256, 10, 0.2));
    }

    /** The same for a convolutional network with batch norms over images, a residual connection and max pooling. */
    @Test
    void oneThreadAndTwoTrainAConvolutionalNetworkToIdenticalWeights() {
        assertSameWeights(mtc.ir.GraphModels.checked("input [1, 28, 28]\nconv2d(16, 3, padding=1) -> batchnorm -> relu"
                + " -> residual(conv2d(16, 3, padding=1) -> batchnorm) -> relu -> maxpool2d(2)"
                + " -> conv2d(8, 5) -> relu -> maxpool2d(2) -> flatten -> linear(10)\n"));
    }

    private static void assertSameWeights(CheckedModel model) {
        Network one = trainOnImageLikeData(model, 1);
        Network two = trainOnImageLikeData(model, 2);
        for (int t = 0; t < one.spec().tensors().size(); t++) {
            if (one.spec().tensors().get(t).dtype() == mtc.runtime.DType.F32) {
                assertArrayEquals(one.floats(t), two.floats(t), one.spec().tensors().get(t).name());
            }
        }
    }

    private static Network trainOnImageLikeData(CheckedModel model, int threads) {
        int pixels = 784, batch = 64;
        Network net = network(model, 7);
        net.setThreads(threads);
        Rng data = new Rng(11), dropout = new Rng(12);
        float[] x = new float[batch * pixels];
        int[] y = new int[batch];
        for (int step = 0; step < 30; step++) {
            for (int i = 0; i < batch; i++) {
                y[i] = data.nextInt(10);
                int lo = data.nextInt(pixels / 2), hi = lo + data.nextInt(pixels / 2);
                for (int p = 0; p < pixels; p++) {
                    x[i * pixels + p] = p >= lo && p < hi && data.nextInt(3) == 0 ? data.uniform(0f, 1f) : 0f;
                }
            }
            net.trainStep(x, y, batch, 0.1f, dropout, new StepStats());
        }
        return net;
    }

    @Test
    void batchSizeMayChangeBetweenCallsWithoutRecompiling() {
        Synthetic data = separable(100, 12, 3, 2);
        Network net = network(TestModels.seed(12, 16, 3, 0.0), 7);
        StepStats stats = new StepStats();
        net.evaluate(data.x(), data.y(), 50, null, new StepStats()); // evaluation first: training buffers still absent
        net.trainStep(data.x(), data.y(), 10, 0.1f, new Rng(1), stats);
        net.trainStep(data.x(), data.y(), 100, 0.1f, new Rng(1), stats);
        net.trainStep(data.x(), data.y(), 3, 0.1f, new Rng(1), stats);
        assertEquals(113, stats.samples);
        assertEquals(3, net.longs(6)[0]);
    }

    @Test
    void evaluationIsDeterministicAndIgnoresDropout() {
        Synthetic data = separable(50, 12, 3, 2);
        Network net = network(TestModels.seed(12, 16, 3, 0.9), 7);
        float[] a = new float[150];
        float[] b = new float[150];
        net.evaluate(data.x(), null, 50, a, new StepStats());
        net.evaluate(data.x(), null, 50, b, null);
        assertArrayEquals(a, b);
    }

    /** Evaluation normalises with running statistics, so a sample's output does not depend on its batch. */
    @Test
    void evaluationOfASampleIsIndependentOfItsBatch() {
        Synthetic data = separable(64, 12, 3, 2);
        Network net = network(TestModels.seed(12, 16, 3, 0.2), 7);
        trainLosses(net, data, 12, 16, 2, 3);
        float[] batch = new float[64 * 3];
        net.evaluate(data.x(), null, 64, batch, null);
        float[] alone = new float[3];
        net.evaluate(java.util.Arrays.copyOfRange(data.x(), 5 * 12, 6 * 12), null, 1, alone, null);
        assertArrayEquals(java.util.Arrays.copyOfRange(batch, 15, 18), alone, 1e-6f); // GEMM tiles may differ
    }

    @Test
    void gradientIsExposedPerParameterWhoseUpdateIsNotFused() {
        Synthetic data = separable(20, 12, 3, 2);
        NetworkBase net = (NetworkBase) network(TestModels.seed(12, 16, 3, 0.0), 7);
        net.trainStep(data.x(), data.y(), 20, 0f, new Rng(1), new StepStats());
        assertEquals(16, net.gradient(1).length);
        assertEquals(null, net.gradient(0), "the weight's update is fused with its gradient");
        assertEquals(null, net.gradient(4), "running statistics have none");
    }

    @Test
    void initialisationIsPyTorchsDefault() {
        Network net = network(TestModels.seed(100, 16, 3, 0.2), 7);
        float bound = 0.1f; // 1/sqrt(100)
        float max = 0;
        for (float w : net.floats(0)) max = Math.max(max, Math.abs(w));
        assertTrue(max < bound && max > 0.99f * bound, "max |w| " + max);
        for (float b : net.floats(1)) assertTrue(Math.abs(b) < bound);
        assertArrayEquals(filled(16, 1f), net.floats(2));
        assertArrayEquals(filled(16, 0f), net.floats(3));
        assertArrayEquals(filled(16, 0f), net.floats(4));
        assertArrayEquals(filled(16, 1f), net.floats(5));
        assertEquals(0, net.longs(6)[0]);
        for (float w : net.floats(7)) assertTrue(Math.abs(w) < 0.25f); // 1/sqrt(16)
    }

    private static float[] filled(int size, float value) {
        float[] a = new float[size];
        java.util.Arrays.fill(a, value);
        return a;
    }
}
