package mtc.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.IntUnaryOperator;
import mtc.runtime.Network;
import org.junit.jupiter.api.Test;

class ThreadTunerTest {
    /** The network whose thread count the tuner sets. */
    private final Network net = new RecordingNetwork(-1);

    /** Feeds {@code steps} steps whose duration depends on the thread count the tuner has set. */
    private void run(ThreadTuner tuner, int steps, IntUnaryOperator nanosFor) {
        for (int s = 0; s < steps; s++) tuner.stepped(nanosFor.applyAsInt(net.threads()));
    }

    private static int probeSteps() {
        return ThreadTuner.BLOCK * ThreadTuner.PROBE_BLOCKS;
    }

    @Test
    void startsOnOneThreadThenKeepsTheFasterCountAfterAProbe() {
        net.setThreads(2);
        ThreadTuner tuner = new ThreadTuner(net, 10);
        assertEquals(1, net.threads(), "one thread while the JIT compiles");
        run(tuner, 10, t -> 100);
        run(tuner, probeSteps(), t -> t == 2 ? 90 : 100);
        assertEquals(2, net.threads());
        run(tuner, ThreadTuner.FIRST_KEEP, t -> 100);
        run(tuner, probeSteps(), t -> t == 2 ? 110 : 100); // the machine got busy: two threads now lose
        assertEquals(1, net.threads());
        run(tuner, 2 * ThreadTuner.FIRST_KEEP - 1, t -> 100);
        assertEquals(1, net.threads(), "the second wait is twice as long");
        run(tuner, 1 + probeSteps(), t -> t == 2 ? 90 : 100);
        assertEquals(2, net.threads());
        tuner.restore();
        assertEquals(2, net.threads());
    }

    /**
     * A clear difference (two threads 1.6x faster) found by two probes in a row is not probed again
     * until the longest wait is over; after one such probe, the next comes as soon as usual.
     */
    @Test
    void aClearWinFoundTwiceIsKeptLongest() {
        net.setThreads(2);
        ThreadTuner tuner = new ThreadTuner(net, 0);
        run(tuner, probeSteps(), t -> t == 2 ? 60 : 100);
        assertEquals(2, net.threads());
        run(tuner, ThreadTuner.FIRST_KEEP + ThreadTuner.BLOCK, t -> t == 2 ? 60 : 100);
        assertEquals(1, net.threads(), "probing again: the second block runs on one thread");
        run(tuner, probeSteps() - ThreadTuner.BLOCK, t -> t == 2 ? 60 : 100);
        assertEquals(2, net.threads());
        run(tuner, ThreadTuner.KEEP - 1, t -> t == 2 ? 60 : 100);
        assertEquals(2, net.threads(), "no probe yet");
        run(tuner, 1 + ThreadTuner.BLOCK, t -> 100);
        assertEquals(1, net.threads(), "probing: the second block runs on one thread");
    }

    @Test
    void oneSlowBlockDoesNotDecide() {
        net.setThreads(2);
        ThreadTuner tuner = new ThreadTuner(net, 0);
        for (int s = 0; s < probeSteps(); s++) {
            int t = net.threads();
            boolean hiccup = s / ThreadTuner.BLOCK == 0; // the first two-thread block is disturbed
            tuner.stepped(hiccup ? 1000 : t == 2 ? 60 : 100);
        }
        assertEquals(2, net.threads());
    }

    @Test
    void withOneThreadConfiguredNothingChanges() {
        net.setThreads(1);
        ThreadTuner tuner = new ThreadTuner(net, 0);
        run(tuner, 5000, t -> 100);
        assertEquals(1, net.threads());
    }

    /**
     * Slow steps (a convolutional network's 40 ms): the one-thread warm-up ends after a second
     * however many steps were asked for, and a block ends after a tenth of a second, so that a probe
     * is over in a few steps; blocks are compared by their mean step.
     */
    @Test
    void slowStepsEndTheWarmUpAndTheBlocksByTime() {
        net.setThreads(2);
        int step = 40_000_000;
        ThreadTuner tuner = new ThreadTuner(net, 150);
        run(tuner, (int) (ThreadTuner.WARM_UP_NANOS / step) - 1, t -> step);
        assertEquals(1, net.threads(), "still warming up");
        run(tuner, 1, t -> step);
        assertEquals(2, net.threads(), "a second of warm-up, not 150 steps: the probe's first block has begun");
        int stepsPerBlock = (int) ((ThreadTuner.BLOCK_NANOS + step - 1) / step);
        run(tuner, stepsPerBlock, t -> step);
        assertEquals(1, net.threads(), "the second block, on one thread, after " + stepsPerBlock + " steps");
        run(tuner, (ThreadTuner.PROBE_BLOCKS - 1) * stepsPerBlock, t -> t == 2 ? step : 3 * step / 2);
        assertEquals(2, net.threads(), "two threads won by their mean step");
    }

    /**
     * One thread clearly faster in two probes in a row (as while the JIT compiles on the other
     * core): kept only for the doubling wait, not the longest.
     */
    @Test
    void aClearWinOfOneThreadIsNotKeptLongest() {
        net.setThreads(2);
        ThreadTuner tuner = new ThreadTuner(net, 0);
        run(tuner, probeSteps(), t -> t == 2 ? 160 : 100);
        run(tuner, ThreadTuner.FIRST_KEEP, t -> t == 2 ? 160 : 100);
        run(tuner, probeSteps() - 1, t -> t == 2 ? 160 : 100);
        run(tuner, 1, t -> t == 2 ? 160 : 100);
        assertEquals(1, net.threads());
        run(tuner, 2 * ThreadTuner.FIRST_KEEP, t -> 100);
        assertEquals(2, net.threads(), "probing again after the doubled wait: the first block has all threads");
    }

    /** Slow steps (40 ms): the wait after a probe ends after a second, not 200 steps (8 s). */
    @Test
    void slowStepsProbeAgainAfterASecond() {
        net.setThreads(2);
        int step = 40_000_000;
        int stepsPerBlock = (int) ((ThreadTuner.BLOCK_NANOS + step - 1) / step);
        ThreadTuner tuner = new ThreadTuner(net, 0);
        run(tuner, ThreadTuner.PROBE_BLOCKS * stepsPerBlock, t -> t == 2 ? step : step + 1);
        assertEquals(2, net.threads());
        int wait = (int) (ThreadTuner.FIRST_KEEP_NANOS / step);
        run(tuner, wait + stepsPerBlock, t -> step);
        assertEquals(1, net.threads(), "a second later: probing, the second block on one thread");
    }

    /**
     * However many probes find no clear winner, the wait between them doubles up to the longest and
     * stays there (200 << 24 steps would overflow an int: the tuner would then probe without end).
     */
    @Test
    void theWaitStopsDoublingAtTheLongest() {
        net.setThreads(2);
        ThreadTuner tuner = new ThreadTuner(net, 0);
        run(tuner, ThreadTuner.BLOCK, t -> 100); // the first probe's first block
        for (int probe = 0; probe < 40; probe++) {
            run(tuner, probeSteps() - ThreadTuner.BLOCK, t -> t == 2 ? 99 : 100); // the rest: no clear winner
            int wait = ThreadTuner.FIRST_KEEP << Math.min(3, probe);
            run(tuner, wait + ThreadTuner.BLOCK - 1, t -> 100);
            assertEquals(2, net.threads(), "after probe " + probe + ": " + wait + " steps, then a block on all threads");
            run(tuner, 1, t -> 100);
            assertEquals(1, net.threads(), "the next probe's second block");
        }
    }
}
