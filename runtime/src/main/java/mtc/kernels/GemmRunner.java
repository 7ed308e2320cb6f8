package mtc.kernels;

import java.util.function.IntConsumer;

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

    /** Computes the whole product on {@code parts} threads. */
    static void run(GemmProblem p, int parts) {
        if (parts == 1) {
            GemmDriver.run(p, GemmRegion.all(p), GemmScratch.current());
            return;
        }
        Parallel.forEach(parts, part -> GemmDriver.run(p, GemmRegion.part(p, part, parts), GemmScratch.current()));
    }

    /** Runs {@code body} over {@code [0, total)} cut into {@code parts} contiguous ranges, one per thread. */
    static void ranges(int total, int parts, RangeBody body) {
        IntConsumer task = part -> body.run(total * part / parts, total * (part + 1) / parts);
        Parallel.forEach(parts, task);
    }

    /** Work over one contiguous range. */
    @FunctionalInterface
    interface RangeBody {
        void run(int from, int to);
    }
}
