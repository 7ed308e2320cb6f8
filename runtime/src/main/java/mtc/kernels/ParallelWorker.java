package mtc.kernels;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * One persistent daemon thread that runs a part of a {@link Parallel} call. It spins on a
 * volatile sequence number for a while after each part, because the next product of a training
 * step usually follows within microseconds, then parks: a worker that only spins stalls the whole
 * machine when another process needs the core.
 *
 * <p>A part is claimed before it runs, by the worker or, if the worker has not started it by the
 * time the caller has finished its own part (the worker was parked or descheduled), by the caller
 * itself: a busy machine then costs at most the serial time, never a wait for a thread the
 * scheduler does not run. Who runs a part does not change its result.
 */
final class ParallelWorker {
    /** How long to spin idle before parking; longer than the gaps between products of one step. */
    private static final long SPIN_NANOS = 200_000;
    /** Caller spins (a few microseconds) before it starts yielding while the worker finishes. */
    private static final int AWAIT_SPINS = 1 << 10;

    private final Thread thread;
    /** Parts handed over so far; the worker runs part number {@code n} once this exceeds {@code n - 1}. */
    private volatile long posted;
    /** Parts claimed so far, by the worker or the caller. */
    private final AtomicLong claimed = new AtomicLong();
    /** Parts the worker has completed (parts the caller claimed do not count). */
    private volatile long finished;
    private volatile boolean parked;
    /** Published to the worker by the write of {@link #posted}. */
    private IntConsumer task;
    private int part;
    /** Published to the caller by the write of {@link #finished}. */
    private Throwable failure;
    /** Chunks to run while no part is posted ({@link Parallel#background}), or null. */
    private final AtomicReference<BackgroundWork> background = new AtomicReference<>();

    ParallelWorker(String name) {
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands {@code part} of {@code task} to this worker; called by one caller at a time. */
    void start(IntConsumer task, int part) {
        this.task = task;
        this.part = part;
        posted = posted + 1;
        // Dekker pairing with parkUntilPosted: one of the two sides sees the other's write.
        if (parked) LockSupport.unpark(thread);
    }

    /** Has the worker run chunks of {@code work} whenever no part is posted (replacing any it had). */
    void startBackground(BackgroundWork work) {
        background.set(work);
        if (parked) LockSupport.unpark(thread);
    }

    /**
     * Runs the part handed over last if the worker has not claimed it, else waits for it, running
     * background chunks meanwhile; returns what the part threw.
     */
    Throwable await() {
        long target = posted;
        if (claimed.compareAndSet(target - 1, target)) return runClaimed();
        for (int spins = 0; finished != target; spins++) {
            BackgroundWork work = background.get(); // the caller too copies while it waits
            if (work != null && work.runOne()) continue;
            if (spins < AWAIT_SPINS) Thread.onSpinWait();
            else Thread.yield();
        }
        Throwable f = failure;
        failure = null;
        return f;
    }

    private Throwable runClaimed() {
        try {
            task.accept(part);
            return null;
        } catch (Throwable e) { // anything escaping the worker would kill it and hang the caller
            return e;
        }
    }

    private void loop() {
        for (long seen = 0; ; seen++) {
            waitForPost(seen);
            if (claimed.compareAndSet(seen, seen + 1)) {
                failure = runClaimed();
                finished = seen + 1;
            }
        }
    }

    /** Spins until part {@code seen} is posted, running background chunks meanwhile; parks when idle long. */
    private void waitForPost(long seen) {
        long deadline = System.nanoTime() + SPIN_NANOS;
        for (int spins = 1; posted == seen; spins++) {
            BackgroundWork work = background.get();
            if (work != null) {
                if (work.runOne()) {
                    deadline = System.nanoTime() + SPIN_NANOS;
                    continue;
                }
                background.compareAndSet(work, null); // done with: let go of what its chunks write to
            }
            Thread.onSpinWait();
            if ((spins & 255) == 0 && System.nanoTime() > deadline) parkUntilPosted(seen);
        }
    }

    private void parkUntilPosted(long seen) {
        parked = true;
        while (posted == seen && !hasBackground()) LockSupport.park(this);
        parked = false;
    }

    private boolean hasBackground() {
        BackgroundWork work = background.get();
        return work != null && !work.exhausted();
    }
}
