package mtc.kernels;

/**
 * Gets the kernels compiled before real work needs them. Vector API code runs 100-1000x slower
 * until C2 has compiled it, and a training run otherwise spends its first few hundred steps
 * (several seconds of the seed model's first epoch, measured) waiting for that. Rounds of small
 * problems that reach every kernel and store path trip the JIT's thresholds at a fraction of the
 * cost; a depth of 16 makes each call count about as much toward compilation as 17 calls of depth 0.
 */
final class GemmWarmUp {
    private static final int DEPTH = 16;
    /** Stop once a round runs this fast: the kernels are compiled by then. */
    private static final long COMPILED_ROUND_NANOS = 20_000;
    /** Consecutive fast rounds needed, so one lucky round does not end it early. */
    private static final int FAST_ROUNDS = 200;

    private GemmWarmUp() {}

    /** The tiles that continue partial sums, as deep strips stored in place use them. */
    private static void continueSums(float[] s, float[] v, float[] c, int lanes) {
        GemmKernels.tile6x4(s, 0, DEPTH, 1, v, 0, 4 * lanes, DEPTH, c, 0, 4 * lanes, true);
        GemmKernels.tile4x4(s, 0, DEPTH, 1, v, 0, 4 * lanes, DEPTH, c, 0, 4 * lanes, true);
        GemmKernels.tile1x4(s, 0, 1, v, 0, 4 * lanes, DEPTH, c, 0, true);
    }

    /** Runs rounds until they are fast or {@code budgetNanos} has passed. */
    static void run(long budgetNanos) {
        int lanes = GemmKernels.LANES;
        int cols = 4 * lanes + lanes + 3; // a 4-vector strip, a whole vector and a partial one
        float[] s = new float[16 * DEPTH], v = new float[DEPTH * 8 * lanes], c = new float[cols * 16];
        GemmProblem direct = new GemmProblem(s, DEPTH, 1, v, cols, false, DEPTH, 11, cols, c, cols, false);
        GemmProblem transposed = new GemmProblem(s, 1, 11, v, 8 * lanes, true, DEPTH, 11, cols, c, 11, true);
        GemmScratch scratch = GemmScratch.current();
        long deadline = System.nanoTime() + budgetNanos;
        for (int fast = 0; fast < FAST_ROUNDS && System.nanoTime() < deadline; ) {
            long start = System.nanoTime();
            GemmDriver.run(direct, GemmRegion.all(direct), scratch);         // 6-, 4-, 1-row tiles, every strip
            GemmDriver.run(transposed, GemmRegion.all(transposed), scratch); // stored through the tile, transposed
            GemmPack.transpose(v, lanes + 3, DEPTH, c, 2 * lanes, 0, DEPTH); // gathers and scalar copies
            GemmDot.rows(v, s, c, 7, DEPTH, 0, 5);                          // dot tiles with both tails
            continueSums(s, v, c, lanes);
            fast = System.nanoTime() - start < COMPILED_ROUND_NANOS ? fast + 1 : 0;
        }
    }
}
