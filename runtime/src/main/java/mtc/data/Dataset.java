package mtc.data;

import java.nio.ByteBuffer;
import mtc.kernels.Parallel;

/**
 * Labelled images kept as the file's bytes (a quarter of the memory of floats) and converted to
 * the model's [0,1] floats one mini-batch at a time. The bytes are an array, or a file mapped into
 * memory ({@link #of}): MNIST's training images mapped from the page cache are ready in
 * 50-100 ms, where a fresh 47 MB array took 0.3-0.6 s to fill on the build machine, most of it the
 * first touch of its memory.
 */
public final class Dataset {
    private final String imagesFile;
    private final String labelsFile;
    private final int count;
    /** 1 for grey images, 3 for RGB (channel planes one after the other, as {@code [C,H,W]}). */
    private final int channels;
    private final int rows;
    private final int cols;
    /** The pixels, unless they are {@link #mappedPixels}. */
    private final byte[] pixels;
    private final ByteBuffer mappedPixels;
    private final int[] labels;
    /** Small enough to stay in the first-level cache between the copy and the conversion. */
    private static final int STAGING_BYTES = 16 * 1024;
    /** Where a mapped dataset's bytes are copied on their way to floats, one per thread. */
    private static final ThreadLocal<byte[]> STAGING = ThreadLocal.withInitial(() -> new byte[STAGING_BYTES]);
    /**
     * Samples of a batch per thread that pay for a second one: copying a sample costs about half a
     * microsecond, mostly waiting for memory (the samples of a shuffled batch lie anywhere in 47 MB).
     */
    private static final int SAMPLES_PER_THREAD = 8;
    private static final int CACHE_LINE = 64;
    /** Where {@link #touch} leaves its sum, so that the JIT cannot drop its reads as unused. */
    private static int touched;

    /**
     * @param imagesFile the file the images came from, for messages
     * @param labelsFile the file the labels came from, for messages
     * @param pixels     {@code count * rows * cols} unsigned bytes, row-major
     * @param labels     {@code count} class indices
     */
    public Dataset(String imagesFile, String labelsFile, int count, int rows, int cols, byte[] pixels, int[] labels) {
        this(imagesFile, labelsFile, count, 1, rows, cols, pixels, null, labels);
    }

    /** Images of {@code channels} planes each ({@code count * channels * rows * cols} bytes). */
    public Dataset(String imagesFile, String labelsFile, int count, int channels, int rows, int cols, byte[] pixels,
                   int[] labels) {
        this(imagesFile, labelsFile, count, channels, rows, cols, pixels, null, labels);
    }

    private Dataset(String imagesFile, String labelsFile, int count, int channels, int rows, int cols,
                    byte[] pixels, ByteBuffer mappedPixels, int[] labels) {
        this.imagesFile = imagesFile;
        this.labelsFile = labelsFile;
        this.count = count;
        this.channels = channels;
        this.rows = rows;
        this.cols = cols;
        this.pixels = pixels;
        this.mappedPixels = mappedPixels;
        this.labels = labels;
    }

    /**
     * As the constructor, with the pixels in a buffer from its index 0 (a file mapped into memory, or
     * an array wrapped whole), whose content must not change.
     */
    public static Dataset of(String imagesFile, String labelsFile, int count, int rows, int cols, ByteBuffer pixels,
                             int[] labels) {
        return pixels.hasArray() && pixels.arrayOffset() == 0
                ? new Dataset(imagesFile, labelsFile, count, rows, cols, pixels.array(), labels)
                : new Dataset(imagesFile, labelsFile, count, 1, rows, cols, null, pixels, labels);
    }

    public String imagesFile() { return imagesFile; }

    public String labelsFile() { return labelsFile; }

    public int count() { return count; }

    public int channels() { return channels; }

    public int rows() { return rows; }

    public int cols() { return cols; }

    /** The pixels, {@code count * channels * rows * cols} unsigned bytes: the array itself, or a copy when they are mapped. */
    public byte[] pixels() {
        if (pixels != null) return pixels;
        byte[] copy = new byte[count * sampleSize()];
        mappedPixels.get(0, copy);
        return copy;
    }

    public int[] labels() { return labels; }

    public int sampleSize() { return channels * rows * cols; }

    /** The first {@code n} samples only (shares the arrays' prefix; no copy is needed for training). */
    public Dataset limit(int n) {
        return n >= count ? this : new Dataset(imagesFile, labelsFile, n, channels, rows, cols, pixels, mappedPixels, labels);
    }

    /**
     * Copies samples {@code order[from..from+n)} into {@code x} (as floats in [0,1]) and their labels
     * into {@code y}; a batch of more than a few samples is split between the threads.
     */
    public void copyBatch(int[] order, int from, int n, float[] x, int[] y) {
        int parts = Parallel.partsFor(n, SAMPLES_PER_THREAD);
        Parallel.ranges(n, parts, (first, end) -> copySamples(order, from, first, end, x, y));
    }

    /**
     * Copies samples {@code order[from + s]} for {@code first <= s < end} as {@link #copyBatch}
     * does, on the calling thread (a part of a batch, which other threads may copy at the same time).
     */
    public void copySamples(int[] order, int from, int first, int end, float[] x, int[] y) {
        int size = sampleSize();
        touched = touch(order, from + first, from + end, size);
        for (int s = first; s < end; s++) {
            int sample = order[from + s];
            toUnitFloats(sample * size, x, s * size, size);
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
            for (int k = 0; k < size; k += CACHE_LINE) sum += byteAt(start + k);
            sum += byteAt(start + size - 1);
        }
        return sum;
    }

    /** Copies samples {@code [from, from+n)} in file order into {@code x} and {@code y}. */
    public void copyRange(int from, int n, float[] x, int[] y) {
        toUnitFloats(from * sampleSize(), x, 0, n * sampleSize());
        System.arraycopy(labels, from, y, 0, n);
    }

    private byte byteAt(int index) {
        return pixels != null ? pixels[index] : mappedPixels.get(index);
    }

    /** Pixels {@code [from, from+n)} as floats into {@code x} from {@code at}; mapped ones by way of a small array. */
    private void toUnitFloats(int from, float[] x, int at, int n) {
        if (pixels != null) {
            PixelScale.toUnitFloats(pixels, from, x, at, n);
            return;
        }
        byte[] staging = STAGING.get();
        for (int done = 0; done < n; done += staging.length) {
            int chunk = Math.min(staging.length, n - done);
            mappedPixels.get(from + done, staging, 0, chunk);
            PixelScale.toUnitFloats(staging, 0, x, at + done, chunk);
        }
    }
}
