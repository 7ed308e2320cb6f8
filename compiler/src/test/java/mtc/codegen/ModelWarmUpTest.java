package mtc.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BooleanSupplier;
import mtc.data.Dataset;
import mtc.ir.IrPipeline;
import mtc.ir.TestModels;
import mtc.runtime.Network;
import mtc.runtime.Rng;
import mtc.runtime.StepStats;
import mtc.runtime.Threads;
import mtc.train.ModelWarmUp;
import org.junit.jupiter.api.Test;

/**
 * The warm-up trains a twin of the network, on synthetic batches or on the run's data: the network
 * itself, the thread count and the data are left exactly as they were, so training after a warm-up
 * gives the numbers it gives without one.
 */
class ModelWarmUpTest {
    private static final int PIXELS = 28 * 28, SAMPLES = 300;

    @Test
    void warmingUpOnSyntheticOrRealBatchesChangesNoResult() {
        Dataset data = imageLike();
        byte[] pixels = data.pixels().clone();
        float[] withoutWarmUp = trainedWeights(network(), data);
        Network net = network();
        float[] before = net.floats(0).clone();
        int threads = Threads.get();
        int[] steps = new int[2];
        ModelWarmUp.run(net, 64, null, after(40, steps, 0));
        ModelWarmUp.run(net, 64, data, after(40, steps, 1));
        assertTrue(steps[0] > 40 && steps[1] > 40, "the warm-up ran its steps");
        assertEquals(threads, Threads.get());
        assertArrayEquals(before, net.floats(0));
        assertArrayEquals(pixels, data.pixels());
        assertArrayEquals(withoutWarmUp, trainedWeights(net, data));
    }

    /** Done once asked more than {@code limit} times; counts the asking in {@code steps[slot]}. */
    private static BooleanSupplier after(int limit, int[] steps, int slot) {
        return () -> ++steps[slot] > limit;
    }

    private static Network network() {
        Network net = NetworkClasses.instantiate(ClassGenerator.generate(IrPipeline.build(
                TestModels.seed(PIXELS, 32, 10, 0.2))));
        net.initialize(new Rng(7));
        return net;
    }

    private static float[] trainedWeights(Network net, Dataset data) {
        float[] x = new float[64 * PIXELS];
        int[] y = new int[64];
        int[] order = new int[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) order[i] = i;
        Rng dropout = new Rng(3);
        for (int from = 0; from + 64 <= SAMPLES; from += 64) {
            data.copyBatch(order, from, 64, x, y);
            net.trainStep(x, y, 64, 0.1f, dropout, new StepStats());
        }
        return net.floats(0).clone();
    }

    /** Bright pixels in a random box of each image, zeros elsewhere, as in MNIST. */
    private static Dataset imageLike() {
        Rng rng = new Rng(5);
        byte[] pixels = new byte[SAMPLES * PIXELS];
        int[] labels = new int[SAMPLES];
        for (int s = 0; s < SAMPLES; s++) {
            labels[s] = rng.nextInt(10);
            int top = 4 + rng.nextInt(8), left = 4 + rng.nextInt(8);
            for (int r = top; r < top + 12; r++) {
                for (int c = left; c < left + 12; c++) {
                    if (rng.nextInt(2) == 0) pixels[s * PIXELS + r * 28 + c] = (byte) (1 + rng.nextInt(255));
                }
            }
        }
        return new Dataset("images", "labels", SAMPLES, 28, 28, pixels, labels);
    }
}
