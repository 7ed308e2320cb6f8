package mtc.data;

/**
 * Labelled images kept as the file's bytes (a quarter of the memory of floats) and converted to
 * the model's [0,1] floats one mini-batch at a time.
 *
 * @param imagesFile the file the images came from, for messages
 * @param labelsFile the file the labels came from, for messages
 * @param pixels   {@code count * rows * cols} unsigned bytes, row-major
 * @param labels   {@code count} class indices
 */
public record Dataset(String imagesFile, String labelsFile, int count, int rows, int cols, byte[] pixels,
                      int[] labels) {
    /** {@code b / 255f} for every byte value, as PyTorch's {@code ToTensor} computes it. */
    private static final float[] SCALE = scaleTable();

    public int sampleSize() { return rows * cols; }

    /** The first {@code n} samples only (shares the arrays' prefix; no copy is needed for training). */
    public Dataset limit(int n) {
        return n >= count ? this : new Dataset(imagesFile, labelsFile, n, rows, cols, pixels, labels);
    }

    /**
     * Copies samples {@code order[from..from+n)} into {@code x} (as floats in [0,1]) and their labels
     * into {@code y}.
     */
    public void copyBatch(int[] order, int from, int n, float[] x, int[] y) {
        int size = sampleSize();
        for (int s = 0; s < n; s++) {
            int sample = order[from + s];
            int src = sample * size;
            int dst = s * size;
            for (int k = 0; k < size; k++) x[dst + k] = SCALE[pixels[src + k] & 0xFF];
            y[s] = labels[sample];
        }
    }

    /** Copies samples {@code [from, from+n)} in file order into {@code x} and {@code y}. */
    public void copyRange(int from, int n, float[] x, int[] y) {
        int size = sampleSize();
        for (int k = 0, end = n * size, src = from * size; k < end; k++) x[k] = SCALE[pixels[src + k] & 0xFF];
        System.arraycopy(labels, from, y, 0, n);
    }

    private static float[] scaleTable() {
        float[] t = new float[256];
        for (int b = 0; b < 256; b++) t[b] = b / 255f;
        return t;
    }
}
