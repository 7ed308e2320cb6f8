package mtc.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import mtc.data.Dataset;
import mtc.ir.IrPipeline;
import mtc.ir.TestModels;
import mtc.runtime.DType;
import mtc.runtime.Network;
import mtc.runtime.Rng;
import mtc.runtime.StepStats;
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
        Network untouched = network();
        List<Object> withoutWarmUp = state(train(network(), data));
        Network net = network();
        net.setThreads(2); // the warm-up's twin switches between 1 and 2 threads; the network keeps its own count
        int[] steps = new int[2];
        ModelWarmUp.run(net, 64, null, after(41, steps, 0)); // an odd step: the last one ran on 1 thread
        ModelWarmUp.run(net, 64, data, after(41, steps, 1));
        assertTrue(steps[0] > 41 && steps[1] > 41, "the warm-up ran its steps");
        assertEquals(2, net.threads());
        assertStateEquals(state(untouched), state(net));
        assertArrayEquals(pixels, data.pixels());
        assertStateEquals(withoutWarmUp, state(train(net, data)));
    }

    /** Every tensor of the network's state, weights and batch-norm statistics alike. */
    private static List<Object> state(Network net) {
        List<Object> tensors = new ArrayList<>();
        for (int t = 0; t < net.spec().tensors().size(); t++) {
            tensors.add(net.spec().tensors().get(t).dtype() == DType.F32 ? net.floats(t).clone() : net.longs(t).clone());
        }
        return tensors;
    }

    private static void assertStateEquals(List<Object> expected, List<Object> actual) {
        assertEquals(expected.size(), actual.size());
        for (int t = 0; t < expected.size(); t++) {
            if (expected.get(t) instanceof float[] f) assertArrayEquals(f, (float[]) actual.get(t), "tensor " + t);
            else assertArrayEquals((long[]) expected.get(t), (long[]) actual.get(t), "tensor " + t);
        }
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

    private static Network train(Network net, Dataset data) {
        float[] x = new float[64 * PIXELS];
        int[] y = new int[64];
        int[] order = new int[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) order[i] = i;
        Rng dropout = new Rng(3);
        for (int from = 0; from + 64 <= SAMPLES; from += 64) {
            data.copyBatch(order, from, 64, x, y);
            net.trainStep(x, y, 64, 0.1f, dropout, new StepStats());
        }
        return net;
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
