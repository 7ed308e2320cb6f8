package mtc.kernels;

/**
 * Per-thread buffers the products reuse between calls (a training step calls the same shapes
 * thousands of times, so allocating them per call would only feed the garbage collector).
 */
final class GemmScratch {
    private static final ThreadLocal<GemmScratch> PER_THREAD = ThreadLocal.withInitial(GemmScratch::new);

    private float[] tile = new float[0];
    private float[] panel = new float[0];
    private float[] packed = new float[0];
    private final GemmDepthLists lists = new GemmDepthLists();
    private int[] lanes = new int[0];

    private GemmScratch() {}

    /** The calling thread's buffers. */
    static GemmScratch current() {
        return PER_THREAD.get();
    }

    /** Room for one output tile that cannot be stored in place (partial or transposed). */
    float[] tile(int size) {
        if (tile.length < size) tile = new float[size];
        return tile;
    }

    /** Room for a zero-padded copy of the last, partial column vector of the vector operand. */
    float[] panel(int size) {
        if (panel.length < size) panel = new float[size];
        return panel;
    }

    /** Room for one vector's lanes as ints. */
    int[] lanes(int size) {
        if (lanes.length < size) lanes = new int[size];
        return lanes;
    }

    /** Depth lists of a product that skips zeros; shared with the worker for one call. */
    GemmDepthLists lists() {
        return lists;
    }

    /** Room for a transposed operand of {@code nt}; shared with the worker for one call. */
    float[] packed(int size) {
        if (packed.length < size) packed = new float[size];
        return packed;
    }
}
