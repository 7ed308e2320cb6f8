package mtc.data;

import mtc.kernels.Parallel;

/**
 * Labelled images kept as the file's bytes (a quarter of the memory of floats) and converted to
 * the model's [0,1] floats one mini-batch at a time.
 *
 * @param imagesFile the file the images came from, for messages
 * @param labelsFile the file the labels came from, for messages
 * @param channels 1 for grey images, 3 for RGB (channel planes one after the other, as {@code [C,H,W]})
 * @param pixels   {@code count * channels * rows * cols} unsigned bytes, row-major
 * @param labels   {@code count} class indices
 */
public record Dataset(String imagesFile, String labelsFile, int count, int channels, int rows, int cols,
                      byte[] pixels, int[] labels) {
    /**
     * Samples of a batch per thread that pay for a second one: copying a sample costs about half a
     * microsecond, mostly waiting for memory (the samples of a shuffled batch lie anywhere in 47 MB).
     */
    private static final int SAMPLES_PER_THREAD = 8;
    private static final int CACHE_LINE = 64;
    /** Where {@link #touch} leaves its sum, so that the JIT cannot drop its reads as unused. */
    private static int touched;

    /** Grey images, as MNIST-format files hold them. */
    public Dataset(String imagesFile, String labelsFile, int count, int rows, int cols, byte[] pixels, int[] labels) {
        this(imagesFile, labelsFile, count, 1, rows, cols, pixels, labels);
    }

    public int sampleSize() { return channels * rows * cols; }

    /** The first {@code n} samples only (shares the arrays' prefix; no copy is needed for training). */
    public Dataset limit(int n) {
        return n >= count ? this : new Dataset(imagesFile, labelsFile, n, channels, rows, cols, pixels, labels);
    }

    /**
     * Copies samples {@code order[from..from+n)} into {@code x} (as floats in [0,1]) and their labels
     * into {@code y}; a batch of more than a few samples is split between the threads.
     */
    public void copyBatch(int[] order, int from, int n, float[] x, int[] y) {
        int parts = Parallel.partsFor(n, SAMPLES_PER_THREAD);
        Parallel.ranges(n, parts, (first, end) -> copy(order, from, first, end, x, y));
    }

    private void copy(int[] order, int from, int first, int end, float[] x, int[] y) {
        int size = sampleSize();
        touched = touch(order, from + first, from + end, size);
        for (int s = first; s < end; s++) {
            int sample = order[from + s];
            PixelScale.toUnitFloats(pixels, sample * size, x, s * size, size);
            y[s] = labels[sample];
        }
    }

    /**
     * Reads one byte of every cache line of samples {@code order[from..to)} before any is converted:
     * the reads are independent, so the memory system fetches the lines of all samples at once,
     * where converting sample after sample waits for memory sample after sample (the samples of a
     * shuffled batch lie anywhere in 47 MB). Measured on its own: a batch of 64 in 19 µs instead of
     * 30; inside training, where each step pushes the data set out of the caches, copies still take
     * 45-80 µs.
     */
    private int touch(int[] order, int from, int to, int size) {
        int sum = 0;
        for (int s = from; s < to; s++) {
            int start = order[s] * size;
            for (int k = 0; k < size; k += CACHE_LINE) sum += pixels[start + k];
            sum += pixels[start + size - 1];
        }
        return sum;
    }

    /** Copies samples {@code [from, from+n)} in file order into {@code x} and {@code y}. */
    public void copyRange(int from, int n, float[] x, int[] y) {
        PixelScale.toUnitFloats(pixels, from * sampleSize(), x, 0, n * sampleSize());
        System.arraycopy(labels, from, y, 0, n);
    }
}
