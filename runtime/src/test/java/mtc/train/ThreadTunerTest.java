package mtc.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.IntUnaryOperator;
import mtc.runtime.Threads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadTunerTest {
    private final int saved = Threads.get();

    @AfterEach
    void restoreThreads() {
        Threads.set(saved);
    }

    /** Feeds {@code steps} steps whose duration depends on the thread count the tuner has set. */
    private static void run(ThreadTuner tuner, int steps, IntUnaryOperator nanosFor) {
        for (int s = 0; s < steps; s++) tuner.stepped(nanosFor.applyAsInt(Threads.get()));
    }

    private static int probeSteps() {
        return ThreadTuner.BLOCK * ThreadTuner.PROBE_BLOCKS;
    }

    @Test
    void startsOnOneThreadThenKeepsTheFasterCountAfterAProbe() {
        Threads.set(2);
        ThreadTuner tuner = new ThreadTuner(10);
        assertEquals(1, Threads.get(), "one thread while the JIT compiles");
        run(tuner, 10, t -> 100);
        run(tuner, probeSteps(), t -> t == 2 ? 60 : 100);
        assertEquals(2, Threads.get());
        run(tuner, ThreadTuner.FIRST_KEEP, t -> 100);
        run(tuner, probeSteps(), t -> t == 2 ? 130 : 100); // the machine got busy: two threads now lose
        assertEquals(1, Threads.get());
        run(tuner, 2 * ThreadTuner.FIRST_KEEP - 1, t -> 100);
        assertEquals(1, Threads.get(), "the second wait is twice as long");
        run(tuner, 1 + probeSteps(), t -> t == 2 ? 60 : 100);
        assertEquals(2, Threads.get());
        tuner.restore();
        assertEquals(2, Threads.get());
    }

    @Test
    void oneSlowBlockDoesNotDecide() {
        Threads.set(2);
        ThreadTuner tuner = new ThreadTuner(0);
        for (int s = 0; s < probeSteps(); s++) {
            int t = Threads.get();
            boolean hiccup = s / ThreadTuner.BLOCK == 0; // the first two-thread block is disturbed
            tuner.stepped(hiccup ? 1000 : t == 2 ? 60 : 100);
        }
        assertEquals(2, Threads.get());
    }

    @Test
    void withOneThreadConfiguredNothingChanges() {
        Threads.set(1);
        ThreadTuner tuner = new ThreadTuner(0);
        run(tuner, 5000, t -> 100);
        assertEquals(1, Threads.get());
    }
}
