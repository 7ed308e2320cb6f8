package mtc.train;

import java.util.Arrays;
import mtc.runtime.Network;

/**
 * Chooses, while training runs, how many of the configured threads the kernels use: whether a
 * second core makes a step faster depends on the machine and on what else runs on it (on a shared
 * host it was measured at anywhere from 1.9x faster to 1.3x slower), so it is measured rather than
 * assumed. Every so often the tuner times short blocks of steps alternately with all threads and
 * with one, takes the faster by the median of its blocks, and keeps it until the next probe
 * (soon at first, while the JIT is still at work, then every few epochs).
 *
 * <p>Results do not depend on the choice: every kernel gives bit-identical numbers for any
 * thread count. Probing costs at most half of the difference between the two during the few
 * blocks it lasts.
 */
final class ThreadTuner {
    /**
     * Steps per timed block: long enough to average out one slow step, short enough to probe often;
     * fewer when they take {@link #BLOCK_NANOS} (a residual network's step takes 40 ms, a block of
     * 24 a second). Blocks are compared by their mean step.
     */
    static final int BLOCK = 24;
    static final long BLOCK_NANOS = 100_000_000L;
    /**
     * The first steps run on one thread, as long as the trainer's count or this long, whichever
     * ends first: the one-thread warm-up is for the seconds while the JIT compiles on the other
     * core, and 150 steps of a convolutional network take several (during which its second thread
     * idles).
     */
    static final long WARM_UP_NANOS = 1_000_000_000L;
    /** Blocks per probe, alternating most threads and one: three of each. */
    static final int PROBE_BLOCKS = 6;
    /**
     * Steps between the end of one probe and the start of the next: few at first, while the JIT
     * still changes which count is faster (the second thread's code is compiled last), doubling up
     * to {@link #KEEP}; and at most {@link #FIRST_KEEP_NANOS}, doubling up to {@link #KEEP_NANOS},
     * so that a choice made while the JIT compiles does not last a residual network's whole epoch
     * (200 of its steps took 5-8 s, on one thread).
     */
    static final int FIRST_KEEP = 200;
    static final int KEEP = 1600;
    static final long FIRST_KEEP_NANOS = 1_000_000_000L;
    static final long KEEP_NANOS = 8_000_000_000L;
    /** Doublings from the first wait to the longest: 200 << 3 = 1600 steps, 1 s << 3 = 8 s. */
    private static final int DOUBLINGS = 3;
    /** The ratio of median block times beyond which {@link #clearWin} holds. */
    static final double CLEAR_WIN = 1.25;

    private final int most;
    /** The mean step of each block of a probe. */
    private final long[] blockNanos = new long[PROBE_BLOCKS];
    /** Steps left to run with the current choice (or the one-thread warm-up) before probing again. */
    private int keep;
    /** Time left to run with the current choice (or the one-thread warm-up) before probing again. */
    private long keepNanos = WARM_UP_NANOS;
    /** The block being timed in a probe, or -1 between probes. */
    private final Network net;
    private int probeBlock = -1;
    private int stepsInBlock;
    private long elapsed;
    private int probes;
    /** The count the last probe chose by a clear win, else 0. */
    private int lastClearChoice;

    /**
     * A tuner of {@code net}'s thread count, up to the count it has now, which runs the first
     * {@code warmUpSteps} steps on one thread and then probes.
     */
    ThreadTuner(Network net, int warmUpSteps) {
        this.net = net;
        this.most = net.threads();
        this.keep = warmUpSteps;
        if (most == 1) return;
        if (warmUpSteps > 0) net.setThreads(1);
        else startBlock(0);
    }

    /** Restores the configured thread count (when training ends, or for evaluation). */
    void restore() {
        net.setThreads(most);
    }

    /** Records one finished training step that took {@code nanos}; may change the thread count. */
    void stepped(long nanos) {
        if (most == 1) return;
        if (probeBlock < 0) {
            keepNanos -= nanos;
            if (--keep <= 0 || keepNanos <= 0) startBlock(0);
            return;
        }
        elapsed += nanos;
        if (++stepsInBlock < BLOCK && elapsed < BLOCK_NANOS) return;
        blockNanos[probeBlock] = elapsed / stepsInBlock;
        if (probeBlock + 1 < PROBE_BLOCKS) {
            startBlock(probeBlock + 1);
        } else {
            int choice = faster();
            net.setThreads(choice);
            probeBlock = -1;
            boolean clear = clearWin();
            boolean settled = clear && choice == most && lastClearChoice == most;
            lastClearChoice = clear ? choice : 0;
            int doublings = Math.min(DOUBLINGS, probes++);
            keep = settled ? KEEP : FIRST_KEEP << doublings;
            keepNanos = settled ? KEEP_NANOS : FIRST_KEEP_NANOS << doublings;
        }
    }

    private void startBlock(int block) {
        probeBlock = block;
        stepsInBlock = 0;
        elapsed = 0;
        net.setThreads(threadsOf(block));
    }

    /** Even blocks use every thread, odd ones a single one. */
    private int threadsOf(int block) {
        return block % 2 == 0 ? most : 1;
    }

    /** The thread count whose median block was faster; all threads on a tie. */
    private int faster() {
        return median(1) < median(0) ? 1 : most;
    }

    /**
     * Whether one count was faster by a margin that a busier or quieter machine is unlikely to
     * reverse soon: when two probes in a row find all threads clearly faster, the next probe waits
     * the longest, as each probe runs half its blocks on the slower count (probing as often as at
     * first cost a tenth of LeNet-5's early steps). One probe is not enough, nor a clear win of one
     * thread: while the JIT still compiles on the other core, one thread can win probes by far, and
     * keeping it for the longest wait would outlast the compiling by far (two threads are 1.5-1.75x
     * faster once compiled). On a machine that stays busy, the wait after one thread's wins doubles
     * up to the longest anyway.
     */
    private boolean clearWin() {
        long all = median(0), one = median(1);
        return Math.max(all, one) >= CLEAR_WIN * Math.min(all, one);
    }

    /** The median mean step of the blocks that used all threads ({@code parity} 0) or one (1). */
    private long median(int parity) {
        long[] blocks = new long[PROBE_BLOCKS / 2];
        for (int b = parity; b < PROBE_BLOCKS; b += 2) blocks[b / 2] = blockNanos[b];
        return median(blocks);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
