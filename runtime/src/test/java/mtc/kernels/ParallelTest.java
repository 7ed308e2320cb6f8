package mtc.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * The hand-over to persistent workers: every part once, failures surfaced, no deadlock when nested;
 * background chunks each once, by the worker between parts or by the caller at the end.
 */
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
    void claimedChunksRunOnceEachThoseOfTheCallerFromTheFront() {
        for (int count : new int[] {0, 1, 2, 5, 64}) {
            for (int parts = 1; parts <= 3; parts++) {
                for (int round = 0; round < 200; round++) {
                    AtomicIntegerArray runs = new AtomicIntegerArray(count);
                    boolean[] onCaller = new boolean[count];
                    Thread caller = Thread.currentThread();
                    Parallel.claim(count, parts, i -> {
                        runs.incrementAndGet(i);
                        onCaller[i] = Thread.currentThread() == caller;
                    });
                    for (int i = 0; i < count; i++) assertEquals(1, runs.get(i), count + "/" + parts + " chunk " + i);
                    for (int i = 1; i < count; i++) assertTrue(onCaller[i - 1] || !onCaller[i], "caller's chunks not a prefix");
                }
            }
        }
    }

    @Test
    void theCallerTakesOverTheChunksOfAWorkerThatFallsBehind() {
        AtomicIntegerArray runs = new AtomicIntegerArray(32);
        Thread caller = Thread.currentThread();
        int[] onCaller = {0};
        Parallel.claim(32, 2, i -> {
            runs.incrementAndGet(i);
            if (Thread.currentThread() == caller) {
                onCaller[0]++;
                spinMicros(200); // long enough for a parked worker to wake and claim a chunk
            } else {
                spinMicros(50_000); // a worker descheduled in its first chunk
            }
        });
        for (int i = 0; i < 32; i++) assertEquals(1, runs.get(i));
        assertTrue(onCaller[0] >= 30, "the caller ran " + onCaller[0] + " of 32 chunks");
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

    @Test
    void backgroundChunksRunOnceEachWhileTheWorkerHelpsWithParts() {
        Thread caller = Thread.currentThread();
        boolean workerRanSome = false;
        for (int round = 0; round < 200; round++) {
            AtomicIntegerArray runs = new AtomicIntegerArray(64);
            boolean[] byWorker = new boolean[1];
            BackgroundWork work = Parallel.background(2, 64, chunk -> {
                runs.incrementAndGet(chunk);
                if (Thread.currentThread() != caller) byWorker[0] = true;
            });
            for (int i = 0; i < 20; i++) Parallel.forEach(2, part -> spinMicros(5)); // a step's parts
            work.finish();
            for (int c = 0; c < 64; c++) assertEquals(1, runs.get(c), "chunk " + c);
            workerRanSome |= byWorker[0];
        }
        assertTrue(workerRanSome, "the worker took up chunks between parts");
    }

    @Test
    void withOneThreadBackgroundChunksRunOnTheCallerAtFinish() {
        Thread caller = Thread.currentThread();
        AtomicIntegerArray runs = new AtomicIntegerArray(8);
        BackgroundWork work = Parallel.background(1, 8, chunk -> {
            assertEquals(caller, Thread.currentThread());
            runs.incrementAndGet(chunk);
        });
        assertEquals(0, runs.get(0), "nothing before finish");
        work.finish();
        for (int c = 0; c < 8; c++) assertEquals(1, runs.get(c));
    }

    @Test
    void aFailingBackgroundChunkIsRethrownAtFinishAndTheWorkerCarriesOn() {
        BackgroundWork work = Parallel.background(2, 16, chunk -> {
            if (chunk == 7) throw new IllegalStateException("chunk 7 failed");
        });
        var e = assertThrows(IllegalStateException.class, work::finish);
        assertEquals("chunk 7 failed", e.getMessage());
        int[] ran = new int[2];
        Parallel.forEach(2, part -> ran[part]++);
        assertArrayEquals(new int[] {1, 1}, ran);
    }

    private static void spinMicros(long micros) {
        long end = System.nanoTime() + micros * 1000;
        while (System.nanoTime() < end) Thread.onSpinWait();
    }
}
