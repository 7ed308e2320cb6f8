package mtc.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The hand-over to persistent workers: every part once, failures surfaced, no deadlock when nested. */
class ParallelTest {

    @Test
    void runsEveryPartExactlyOnceWithPartZeroOnTheCaller() {
        for (int parts = 1; parts <= 3; parts++) {
            for (int round = 0; round < 2000; round++) {
                AtomicIntegerArray runs = new AtomicIntegerArray(parts);
                Thread caller = Thread.currentThread();
                Thread[] partZero = new Thread[1];
                Parallel.forEach(parts, part -> {
                    runs.incrementAndGet(part);
                    if (part == 0) partZero[0] = Thread.currentThread();
                });
                for (int part = 0; part < parts; part++) assertEquals(1, runs.get(part), "part " + part);
                assertEquals(caller, partZero[0]);
            }
        }
    }

    @Test
    void aFailingPartIsRethrownToTheCallerAndTheWorkersCarryOn() {
        var e = assertThrows(IllegalStateException.class, () -> Parallel.forEach(2, part -> {
            if (part == 1) throw new IllegalStateException("part 1 failed");
        }));
        assertEquals("part 1 failed", e.getMessage());
        int[] ran = new int[2];
        Parallel.forEach(2, part -> ran[part]++);
        assertArrayEquals(new int[] {1, 1}, ran);
    }

    @Test
    void aNestedCallRunsItsPartsOnTheCurrentThread() {
        AtomicIntegerArray runs = new AtomicIntegerArray(4);
        Parallel.forEach(2, outer -> Parallel.forEach(2, inner -> runs.incrementAndGet(outer * 2 + inner)));
        for (int i = 0; i < 4; i++) assertEquals(1, runs.get(i));
    }

    @Test
    void rangesCoverTheWholeSpanOnceInContiguousPieces() {
        for (int total : new int[] {0, 1, 7, 1000}) {
            for (int parts = 1; parts <= 3; parts++) {
                AtomicIntegerArray covered = new AtomicIntegerArray(total);
                Parallel.ranges(total, parts, (from, to) -> {
                    for (int i = from; i < to; i++) covered.incrementAndGet(i);
                });
                for (int i = 0; i < total; i++) assertEquals(1, covered.get(i), total + "/" + parts + " at " + i);
            }
        }
    }

    @Test
    void aSecondThreadIsUsedOnlyForEnoughWork() {
        int saved = mtc.runtime.Threads.current();
        try {
            mtc.runtime.Threads.bind(2);
            assertEquals(1, Parallel.partsFor(99, 100));
            assertEquals(2, Parallel.partsFor(200, 100));
            assertEquals(2, Parallel.partsFor(10_000, 100));
            mtc.runtime.Threads.bind(1);
            assertEquals(1, Parallel.partsFor(10_000, 100));
        } finally {
            mtc.runtime.Threads.bind(saved);
        }
    }

    @Test
    void workersAreDaemonsSoTheJvmCanExit() {
        Parallel.forEach(2, part -> { });
        boolean found = false;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("mtc-kernel-worker-")) {
                assertTrue(t.isDaemon(), t.getName());
                found = true;
            }
        }
        assertTrue(found, "no worker thread was started");
    }
}
