package mtc.kernels;

/**
 * The sizes of one 2-d convolution over NCHW batches, as {@link Conv2d}'s entry points take them:
 * {@code ph, pw} are the top/left paddings, and the bottom/right padding is whatever {@code oh, ow}
 * imply. In GEMM terms a sample is {@code Y[cout, P] = W[cout, K] · col[K, P]} with
 * {@code P = oh·ow} output positions and depth {@code K = cin·kh·kw}.
 *
 * <p>The batch is cut into chunks of {@link #chunkSamples} samples, a function of the shape only:
 * each chunk is one product over {@code chunkSamples·P} columns (wide enough for the 4-vector tiles),
 * and the weight gradient is summed per chunk and then over chunks in order, so it does not depend
 * on how chunks are shared between threads.
 */
record ConvGeometry(int n, int cin, int h, int w, int cout, int kh, int kw, int sh, int sw, int ph, int pw,
                    int dh, int dw, int oh, int ow) {
    /** Columns a chunk of a forward or input-gradient product aims at; one sample once a sample has this many. */
    static final int CHUNK_COLUMNS = 256;
    /**
     * Columns a chunk of a weight gradient aims at: more, because each chunk ends in lane sums and
     * a partial gradient to add (a third of the dot products' time with 512 columns for bnnet's conv2).
     */
    static final int WEIGHT_CHUNK_COLUMNS = 1024;

    ConvGeometry {
        if (n < 0 || cin < 1 || h < 1 || w < 1 || cout < 1 || kh < 1 || kw < 1 || sh < 1 || sw < 1
                || ph < 0 || pw < 0 || dh < 1 || dw < 1 || oh < 1 || ow < 1) {
            throw new IllegalArgumentException("Conv2d: impossible sizes " + this);
        }
    }

    /** Output positions of one sample and channel, {@code oh·ow}. */
    int positions() {
        return oh * ow;
    }

    /** Depth of the product, {@code cin·kh·kw}. */
    int depth() {
        return cin * kh * kw;
    }

    int inputSize() {
        return cin * h * w;
    }

    int outputSize() {
        return cout * positions();
    }

    /** Samples per chunk for chunks of about {@code columns} columns. */
    int chunkSamples(int columns) {
        return Math.max(1, Math.min(n, (columns + positions() - 1) / positions()));
    }

    int chunks(int columns) {
        return (n + chunkSamples(columns) - 1) / chunkSamples(columns);
    }

    /** {@code value} rounded up to whole vectors. */
    static int padded(int value) {
        int lanes = GemmKernels.LANES;
        return (value + lanes - 1) / lanes * lanes;
    }

    /** Fails with the operand's name unless {@code array} holds {@code needed} floats. */
    static void require(String what, float[] array, long needed) {
        if (array.length < needed) {
            throw new IllegalArgumentException(what + " has " + array.length + " elements, needs " + needed);
        }
    }
}
