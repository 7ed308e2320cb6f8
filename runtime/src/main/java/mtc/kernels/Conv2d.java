package mtc.kernels;

/**
 * 2-d convolution over NCHW batches (PyTorch's {@code Conv2d} without bias, weight
 * {@code [cout, cin, kh, kw]}): the forward pass and both gradients. Every int is a size the
 * compiler knows; {@code ph, pw} are the top/left paddings and {@code oh, ow} the output size, which
 * fixes the bottom/right padding (more than the top for an even {@code padding=same} kernel).
 * Padded positions are zeros. Each kernel overwrites its output; arrays may be longer than needed.
 *
 * <p>Each chunk of samples ({@link ConvGeometry}) is unrolled into a column matrix in thread-local
 * scratch and multiplied with {@link GemmKernels}' register-blocked tiles; chunks are shared between
 * {@link Parallel#threads()} threads. Every output element is one fixed sequence of operations, so
 * results are bit-identical for any thread count.
 */
public final class Conv2d {
    private Conv2d() {}

    /** {@code y[s, co, oy, ox] = Σ_{ci,ky,kx} weight[co, ci, ky, kx] · x[s, ci, oy·sh − ph + ky·dh, ox·sw − pw + kx·dw]}. */
    public static void forward(float[] x, float[] weight, float[] y, int n, int cin, int h, int w, int cout,
                               int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, int oh, int ow) {
        ConvGeometry g = new ConvGeometry(n, cin, h, w, cout, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow);
        check(g, "x", x, "y", y, weight);
        eachChunk(g, (chunk, s0, s1) -> {
            int ld = ConvGeometry.padded((s1 - s0) * g.positions());
            ConvScratch scratch = ConvScratch.current();
            float[] col = scratch.columns(g.depth() * ld);
            float[] out = scratch.outputs(g.cout() * ld);
            Im2col.gather(x, g, s0, s1, col, ld);
            ConvTiles.multiply(weight, 0, g.depth(), 1, col, ld, g.depth(), g.cout(), ld, out, 0, ld);
            ChunkLayout.scatter(out, ld, g.cout(), g.positions(), s0, s1, y);
        });
    }

    /** {@code dx}: the gradient of {@link #forward} with respect to {@code x}, given {@code dy}. */
    public static void gradInput(float[] dy, float[] weight, float[] dx, int n, int cin, int h, int w, int cout,
                                 int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, int oh, int ow) {
        ConvGeometry g = new ConvGeometry(n, cin, h, w, cout, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow);
        check(g, "dx", dx, "dy", dy, weight);
        eachChunk(g, (chunk, s0, s1) -> {
            int ld = ConvGeometry.padded((s1 - s0) * g.positions());
            ConvScratch scratch = ConvScratch.current();
            float[] dyc = scratch.outputs(g.cout() * ld);
            float[] dcol = scratch.second(g.depth() * ld);
            ChunkLayout.gather(dy, g.cout(), g.positions(), s0, s1, dyc, ld);
            // dcol[k, q] = Σ_co weight[co, k] · dyc[co, q]: the weight read transposed, in place.
            ConvTiles.multiply(weight, 0, 1, g.depth(), dyc, ld, g.cout(), g.depth(), ld, dcol, 0, ld);
            Im2col.scatter(dcol, ld, g, s0, s1, dx);
        });
    }

    /** {@code dweight}: the gradient of {@link #forward} with respect to {@code weight}, summed over the batch. */
    public static void gradWeight(float[] dy, float[] x, float[] dweight, int n, int cin, int h, int w, int cout,
                                  int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, int oh, int ow) {
        ConvGeometry g = new ConvGeometry(n, cin, h, w, cout, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow);
        check(g, "x", x, "dy", dy, dweight);
        int k = g.depth();
        int ldk = ConvGeometry.padded(k);
        int partial = g.cout() * ldk;
        float[] partials = ConvScratch.current().partials(g.chunks() * partial);
        eachChunk(g, (chunk, s0, s1) -> {
            int q = (s1 - s0) * g.positions();
            int ld = ConvGeometry.padded(q);
            ConvScratch scratch = ConvScratch.current();
            float[] col = scratch.columns(k * ld);
            float[] rows = scratch.second(q * ldk);
            float[] dyc = scratch.outputs(g.cout() * ld);
            Im2col.gather(x, g, s0, s1, col, ld);
            GemmPack.transpose(col, k, ld, rows, ldk, 0, q);
            ChunkLayout.gather(dy, g.cout(), g.positions(), s0, s1, dyc, ld);
            // partial[co, k] = Σ_q dyc[co, q] · rows[q, k] over this chunk's positions.
            ConvTiles.multiply(dyc, 0, ld, 1, rows, ldk, q, g.cout(), k, partials, chunk * partial, ldk);
        });
        ChunkLayout.sumPartials(partials, g.chunks(), g.cout(), k, ldk, dweight);
    }

    private static void check(ConvGeometry g, String inName, float[] in, String outName, float[] out, float[] weight) {
        ConvGeometry.require("Conv2d: " + inName, in, (long) g.n() * g.inputSize());
        ConvGeometry.require("Conv2d: " + outName, out, (long) g.n() * g.outputSize());
        ConvGeometry.require("Conv2d: weight", weight, (long) g.cout() * g.depth());
    }

    /** The work of one chunk: samples {@code [s0, s1)}. */
    @FunctionalInterface
    private interface ChunkWork {
        void run(int chunk, int s0, int s1);
    }

    /** Runs every chunk once, on as many threads as the product's size pays for. */
    private static void eachChunk(ConvGeometry g, ChunkWork work) {
        int chunks = g.chunks();
        if (chunks == 0) return;
        long macs = (long) g.n() * g.outputSize() * g.depth();
        int parts = macs < GemmRunner.PARALLEL_WORK ? 1 : Math.min(Parallel.threads(), chunks);
        int per = g.chunkSamples();
        Parallel.ranges(chunks, parts, (from, to) -> {
            for (int c = from; c < to; c++) work.run(c, c * per, Math.min(g.n(), (c + 1) * per));
        });
    }
}
