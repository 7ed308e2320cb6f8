package mtc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import mtc.data.DataException;
import mtc.data.Dataset;
import mtc.data.DatasetReader;

/**
 * Batches of real MNIST images for the products that skip zeros, whose speed depends on the data:
 * read from {@code $MTC_DATA} or {@code ../shared/data/mnist}. Without the files, image-like
 * stand-ins (zero outside a window, half zero inside: a little denser than MNIST) keep the
 * benchmarks running, and a line says so.
 */
final class Images {
    private static final Dataset MNIST = load();

    private Images() {}

    /** {@code count} samples of {@code pixels} values each, row-major, from a fixed place in the data. */
    static float[] batch(int count, int pixels) {
        float[] x = new float[count * pixels];
        if (MNIST != null && pixels == MNIST.sampleSize()) {
            int[] order = new int[count];
            for (int i = 0; i < count; i++) order[i] = (int) ((i * 7919L) % MNIST.count()); // spread out
            MNIST.copyBatch(order, 0, count, x, new int[count]);
            return x;
        }
        java.util.Random random = new java.util.Random(count + 31L * pixels);
        for (int s = 0; s < count; s++) {
            int lo = random.nextInt(pixels), hi = lo + random.nextInt(pixels - lo) + 1;
            for (int p = lo; p < hi; p++) x[s * pixels + p] = random.nextBoolean() ? random.nextFloat() : 0f;
        }
        return x;
    }

    private static Dataset load() {
        String env = System.getenv("MTC_DATA");
        Path dir = Path.of(env != null ? env : "../shared/data/mnist");
        try {
            if (Files.isDirectory(dir)) return DatasetReader.train(dir);
        } catch (DataException e) {
            System.err.println("bench: " + e.getMessage());
        }
        System.err.println("bench: no MNIST in " + dir.toAbsolutePath() + "; image-like stand-ins instead");
        return null;
    }
}
