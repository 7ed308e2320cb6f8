package mtc.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import mtc.data.Dataset;
import org.junit.jupiter.api.Test;

/**
 * Batches copied in the background are the batches a copy just before each step gives: in order,
 * the last one short, from any position (a resumed epoch), on one thread or two, and after the
 * order has been shuffled again for the next epoch.
 */
class BatchesTest {
    private static final int COUNT = 203;
    private static final int SIDE = 5;
    private static final int BATCH = 16;

    @Test
    void everyBatchIsTheOneCopiedJustBeforeItsStep() {
        byte[] pixels = new byte[COUNT * SIDE * SIDE];
        new Random(3).nextBytes(pixels);
        int[] labels = new int[COUNT];
        for (int i = 0; i < COUNT; i++) labels[i] = i % 10;
        Dataset data = new Dataset("i", "l", COUNT, SIDE, SIDE, pixels, labels);
        int[] order = new int[COUNT];
        Batches batches = new Batches(data, order, BATCH);
        Random random = new Random(5);
        for (int epoch = 0; epoch < 4; epoch++) {
            for (int i = 0; i < COUNT; i++) order[i] = i;
            for (int i = COUNT - 1; i > 0; i--) swap(order, i, random.nextInt(i + 1));
            int threads = 1 + epoch % 2;
            for (int from = epoch == 3 ? 5 * BATCH + 3 : 0; from < COUNT; from += BATCH) {
                int n = Math.min(BATCH, COUNT - from);
                batches.load(from, n, threads);
                float[] x = new float[BATCH * data.sampleSize()];
                int[] y = new int[BATCH];
                data.copyBatch(order, from, n, x, y);
                String where = "epoch " + epoch + " at " + from;
                assertArrayEquals(Arrays.copyOf(x, n * data.sampleSize()),
                        Arrays.copyOf(batches.x(), n * data.sampleSize()), where);
                assertArrayEquals(Arrays.copyOf(y, n), Arrays.copyOf(batches.y(), n), where);
            }
            batches.finish();
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
