package mtc.kernels;

/**
 * 2-d convolution over NCHW batches (PyTorch's {@code Conv2d} without bias, weight
 * {@code [cout, cin, kh, kw]}): the forward pass and both gradients. Every int is a size the
 * compiler knows; {@code ph, pw} are the top/left paddings and {@code oh, ow} the output size, which
 * fixes the bottom/right padding (more than the top for an even {@code padding=same} kernel).
 * Padded positions are zeros. Each kernel overwrites its output; arrays may be longer than needed.
 *
 * <p>3x3 unit-stride convolutions of eight input channels or more run with Winograd's F(4, 3)
 * along the rows ({@link ConvWinograd}), half the multiply-adds. Other convolutions run as an
 * implicit GEMM ({@link ConvImplicit}): each sample's planes are
 * zero-padded once, split into stride phases when strided ({@link ConvPlanes}), and read in place by
 * register-blocked Vector API tiles ({@link ConvKernels}), with no column matrix; the input
 * gradient is the transposed product, added into such planes ({@link ConvScatter}), or for a
 * unit-stride convolution with padding a forward one. Weight gradients of fewer than four output
 * channels or a depth below five unroll each chunk of samples ({@link ConvGeometry}) into a column
 * matrix in thread-local scratch ({@link Im2col}). Chunks of samples are shared between
 * {@link Parallel#threads()} threads; every output element is one fixed sequence of operations,
 * and weight gradients are summed per chunk and then over chunks in order, so results are
 * bit-identical for any thread count.
 */
public final class Conv2d {
    private Conv2d() {}

    /** {@code y[s, co, oy, ox] = Σ_{ci,ky,kx} weight[co, ci, ky, kx] · x[s, ci, oy·sh − ph + ky·dh, ox·sw − pw + kx·dw]}. */
    public static void forward(float[] x, float[] weight, float[] y, int n, int cin, int h, int w, int cout,
                               int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, int oh, int ow) {
        ConvGeometry g = new ConvGeometry(n, cin, h, w, cout, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow);
        check(g, "x", x, "y", y, weight);
        forward(x, weight, y, g);
    }

    /**
     * {@link #forward}, then the per-channel {@code bias} added ({@link Channels#biasAdd}'s numbers):
     * Winograd's output transform adds it as it writes each row ({@link ConvWinograd}); other
     * convolutions add it after.
     */
    public static void forwardBias(float[] x, float[] weight, float[] bias, float[] y, int n, int cin, int h, int w,
                                   int cout, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, int oh,
                                   int ow) {
        ConvGeometry g = new ConvGeometry(n, cin, h, w, cout, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow);
        check(g, "x", x, "y", y, weight);
        ConvGeometry.require("Conv2d: bias", bias, cout);
        if (ConvWinograd.suits(g)) {
            ConvWinograd.forward(x, weight, bias, y, g);
            return;
        }
        forward(x, weight, y, g);
        Channels.biasAdd(y, bias, y, n, cout, g.positions());
    }

    /**
     * {@link #forward}, then the per-channel {@code bias} added, then relu and 2x2 max pooling with
     * stride 2 ({@link Pool2d#reluMaxForward}'s {@code y} and {@code argmax}, bit for bit), in one
     * pass that never stores the convolution's output: for unit strides and an even output size
     * ({@link #suitsReluMaxPool}). {@code y} and {@code argmax} have the pooled size.
     */
    public static void forwardReluMaxPool(float[] x, float[] weight, float[] bias, float[] y, float[] argmax,
                                          int n, int cin, int h, int w, int cout, int kh, int kw, int sh, int sw,
                                          int ph, int pw, int dh, int dw, int oh, int ow) {
        ConvGeometry g = new ConvGeometry(n, cin, h, w, cout, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow);
        if (!suitsReluMaxPool(sh, sw, oh, ow)) throw new IllegalArgumentException("Conv2d: no pooled pass for " + g);
        long pooledSize = (long) n * cout * (oh / 2) * (ow / 2);
        ConvGeometry.require("Conv2d: x", x, (long) n * g.inputSize());
        ConvGeometry.require("Conv2d: weight", weight, (long) cout * g.depth());
        ConvGeometry.require("Conv2d: bias", bias, cout);
        ConvGeometry.require("Conv2d: y", y, pooledSize);
        ConvGeometry.require("Conv2d: argmax", argmax, pooledSize);
        int pooled = oh / 2 * (ow / 2);
        int[] map = PoolPairs.planeMap(ow / 2, ConvPlanes.width(g), pooled,
                ConvScratch.current().poolMap(PoolPairs.planeMapLength(pooled)));
        if (ConvWinograd.suits(g)) {
            ConvWinograd.forwardReluMaxPool(x, weight, bias, y, argmax, map, g);
            return;
        }
        int[] shifts = ConvImplicit.shifts(g, ConvScratch.current().shifts(g.depth()));
        long call = ConvScratch.nextCall();
        eachChunk(g, ConvGeometry.CHUNK_COLUMNS, (chunk, s0, s1) ->
                ConvImplicit.forwardReluMaxPool(x, weight, bias, y, argmax, g, shifts, map, s0, s1, call));
    }

    /** Whether {@link #forwardReluMaxPool} takes a convolution with these strides and output size. */
    public static boolean suitsReluMaxPool(int sh, int sw, int oh, int ow) {
        return sh == 1 && sw == 1 && oh % 2 == 0 && ow % 2 == 0;
    }

    private static void forward(float[] x, float[] weight, float[] y, ConvGeometry g) {
        if (ConvWinograd.suits(g)) {
            ConvWinograd.forward(x, weight, null, y, g);
            return;
        }
        int[] shifts = ConvImplicit.shifts(g, ConvScratch.current().shifts(g.depth()));
        long call = ConvScratch.nextCall();
        eachChunk(g, ConvGeometry.CHUNK_COLUMNS,
                (chunk, s0, s1) -> ConvImplicit.forward(x, weight, y, g, shifts, s0, s1, call));
    }

    /**
     * {@code dx}: the gradient of {@link #forward} with respect to {@code x}, given {@code dy}: the
     * transposed product of {@link ConvScatter}, or, for a unit-stride convolution where that does
     * more multiply-adds, a convolution of {@code dy} by the weight flipped in space with its
     * channel axes swapped, padded by {@code (k−1)·d − p}, run as {@link #forward} is.
     */
    public static void gradInput(float[] dy, float[] weight, float[] dx, int n, int cin, int h, int w, int cout,
                                 int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, int oh, int ow) {
        ConvGeometry g = new ConvGeometry(n, cin, h, w, cout, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow);
        check(g, "dx", dx, "dy", dy, weight);
        int top = (kh - 1) * dh - ph, left = (kw - 1) * dw - pw;
        if (sh == 1 && sw == 1 && top >= 0 && left >= 0 && !ConvScatter.pays(g)) {
            ConvGeometry t = new ConvGeometry(n, cout, oh, ow, cin, kh, kw, 1, 1, top, left, dh, dw, h, w);
            forward(dy, flipped(weight, g), dx, t);
            return;
        }
        gradInputByScatter(dy, weight, dx, g);
    }

    /** {@link #gradInput} as {@link ConvScatter} computes it (any geometry). */
    static void gradInputByScatter(float[] dy, float[] weight, float[] dx, ConvGeometry g) {
        ConvScratch scratch = ConvScratch.current();
        float[] rows = ConvScatter.rows(weight, g, scratch.weights(g.cout() * g.depth()));
        int[] landings = ConvScatter.landings(g, scratch.shifts(g.depth()));
        long call = ConvScratch.nextCall();
        eachChunk(g, ConvGeometry.CHUNK_COLUMNS,
                (chunk, s0, s1) -> ConvScatter.gradInput(dy, rows, landings, dx, g, s0, s1, call));
    }

    /** {@code weight[co, ci, ky, kx]} as {@code [ci, co, kh−1−ky, kw−1−kx]}, in the caller's scratch. */
    private static float[] flipped(float[] weight, ConvGeometry g) {
        int kh = g.kh(), kw = g.kw(), taps = kh * kw;
        float[] t = ConvScratch.current().weights(g.cout() * g.depth());
        for (int co = 0; co < g.cout(); co++) {
            for (int ci = 0; ci < g.cin(); ci++) {
                int from = (co * g.cin() + ci) * taps, to = (ci * g.cout() + co) * taps;
                for (int tap = 0; tap < taps; tap++) t[to + taps - 1 - tap] = weight[from + tap];
            }
        }
        return t;
    }

    /**
     * {@code dweight}: the gradient of {@link #forward} with respect to {@code weight}, summed over
     * the batch: per chunk, dot products of each output channel's gradient row with each column
     * row, vectorised along the positions ({@link ConvImplicit#weightGradient} for unit strides,
     * {@link GemmDot} over a column matrix otherwise), then the chunks summed in order.
     */
    public static void gradWeight(float[] dy, float[] x, float[] dweight, int n, int cin, int h, int w, int cout,
                                  int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, int oh, int ow) {
        ConvGeometry g = new ConvGeometry(n, cin, h, w, cout, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow);
        check(g, "x", x, "dy", dy, dweight);
        int k = g.depth();
        boolean winograd = ConvWinograd.suits(g);
        int columns = winograd ? ConvWinograd.WEIGHT_CHUNK_COLUMNS : ConvGeometry.WEIGHT_CHUNK_COLUMNS;
        int partial = g.cout() * k;
        float[] partials = ConvScratch.current().partials(g.chunks(columns) * partial);
        if (winograd) {
            ConvWinograd.weightGradient(dy, x, g, partials);
            ChunkLayout.sumPartials(partials, g.chunks(columns), g.cout(), k, k, dweight);
            return;
        }
        if (ConvImplicit.suitsWeightGradient(g)) {
            long call = ConvScratch.nextCall();
            eachChunk(g, columns,
                    (chunk, s0, s1) -> ConvImplicit.weightGradient(dy, x, g, s0, s1, partials, chunk * partial, call));
            ChunkLayout.sumPartials(partials, g.chunks(columns), g.cout(), k, k, dweight);
            return;
        }
        eachChunk(g, columns, (chunk, s0, s1) -> {
            int ld = ConvGeometry.padded((s1 - s0) * g.positions());
            ConvScratch scratch = ConvScratch.current();
            float[] col = scratch.columns(k * ld);
            float[] dyc = scratch.outputs(g.cout() * ld);
            float[] sums = scratch.sums(partial);
            Im2col.gather(x, g, s0, s1, col, ld, scratch);
            ChunkLayout.gather(dy, g.cout(), g.positions(), s0, s1, dyc, ld);
            // Both are zero past the chunk's positions, so the dot products may run over all ld.
            GemmDot.rows(dyc, col, sums, k, ld, 0, g.cout());
            System.arraycopy(sums, 0, partials, chunk * partial, partial);
        });
        ChunkLayout.sumPartials(partials, g.chunks(columns), g.cout(), k, k, dweight);
    }

    private static void check(ConvGeometry g, String inName, float[] in, String outName, float[] out, float[] weight) {
        ConvGeometry.require("Conv2d: " + inName, in, (long) g.n() * g.inputSize());
        ConvGeometry.require("Conv2d: " + outName, out, (long) g.n() * g.outputSize());
        ConvGeometry.require("Conv2d: weight", weight, (long) g.cout() * g.depth());
    }

    /** The work of one chunk: samples {@code [s0, s1)}. */
    @FunctionalInterface
    interface ChunkWork {
        void run(int chunk, int s0, int s1);
    }

    /** Runs every chunk of about {@code columns} columns once, on as many threads as the product's size pays for. */
    static void eachChunk(ConvGeometry g, int columns, ChunkWork work) {
        int chunks = g.chunks(columns);
        if (chunks == 0) return;
        long macs = (long) g.n() * g.outputSize() * g.depth();
        int parts = macs < GemmRunner.PARALLEL_WORK ? 1 : Math.min(Parallel.threads(), chunks);
        int per = g.chunkSamples(columns);
        Parallel.claim(chunks, parts, c -> work.run(c, c * per, Math.min(g.n(), (c + 1) * per)));
    }
}
