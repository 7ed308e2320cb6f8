package mtc.kernels;

import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * One persistent daemon thread that runs a part of a {@link Parallel} call. It spins on a
 * volatile sequence number for a while after each part, because the next product of a training
 * step usually follows within microseconds, then parks: a worker that only spins stalls the whole
 * machine when another process needs the core.
 */
final class ParallelWorker {
    /** How long to spin idle before parking; longer than the gaps between products of one step. */
    private static final long SPIN_NANOS = 200_000;
    /** Caller spins before it starts yielding while waiting for this worker. */
    private static final int AWAIT_SPINS = 1 << 16;

    private final Thread thread;
    private volatile long posted;
    private volatile long finished;
    private volatile boolean parked;
    /** Published to the worker by the write of {@link #posted}. */
    private IntConsumer task;
    private int part;
    /** Published to the caller by the write of {@link #finished}. */
    private Throwable failure;

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

    /** Waits for the part handed over last and returns what it threw, or null. */
    Throwable await() {
        long target = posted;
        for (int spins = 0; finished != target; spins++) {
            if (spins < AWAIT_SPINS) Thread.onSpinWait();
            else Thread.yield();
        }
        Throwable f = failure;
        failure = null;
        task = null;
        return f;
    }

    private void loop() {
        for (long seen = 0; ; seen++) {
            waitForPost(seen);
            try {
                task.accept(part);
            } catch (Throwable e) { // anything escaping would kill the worker and hang the caller
                failure = e;
            }
            finished = seen + 1;
        }
    }

    private void waitForPost(long seen) {
        long deadline = System.nanoTime() + SPIN_NANOS;
        for (int spins = 1; posted == seen; spins++) {
            Thread.onSpinWait();
            if ((spins & 255) == 0 && System.nanoTime() > deadline) parkUntilPosted(seen);
        }
    }

    private void parkUntilPosted(long seen) {
        parked = true;
        while (posted == seen) LockSupport.park(this);
        parked = false;
    }
}
