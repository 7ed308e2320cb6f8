package mtc.kernels;

/**
 * Decides how many threads a product gets and runs it: small products stay on the calling thread
 * because handing work over costs about as much as the product itself.
 */
final class GemmRunner {
    /**
     * Multiply-adds below which a second thread does not pay (measured crossover, see bench/);
     * {@code -Dmtc.gemm.parallelWork=N} overrides it for measuring.
     */
    static final long PARALLEL_WORK = Long.getLong("mtc.gemm.parallelWork", 1L << 18);

    private GemmRunner() {}

    /** Threads to use for {@code work} multiply-adds. */
    static int partsFor(long work) {
        return work < PARALLEL_WORK ? 1 : Parallel.threads();
    }

    /** Computes the whole product on {@code parts} threads (building its depth lists first, if it has them). */
    static void run(GemmProblem p, int parts) {
        GemmDepthLists lists = p.lists();
        if (lists != null) {
            int tiles = lists.tiles();
            Parallel.ranges(tiles, Math.min(parts, tiles), (from, to) -> lists.build(p, from, to));
        }
        if (parts == 1) {
            GemmDriver.run(p, GemmRegion.all(p), GemmScratch.current());
            return;
        }
        Parallel.forEach(parts, part -> GemmDriver.run(p, GemmRegion.part(p, part, parts), GemmScratch.current()));
    }
}
