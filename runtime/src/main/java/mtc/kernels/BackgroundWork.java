package mtc.kernels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Work that a kernel worker does while it would otherwise wait for its next part: {@code count}
 * independent chunks, each claimed by whichever thread gets to it first, the worker between parts
 * or the caller at {@link #finish}. A chunk should take a microsecond or so, because a part handed
 * to the worker waits for the chunk it is running. Made by {@link Parallel#background}.
 */
public final class BackgroundWork {
    private final IntConsumer chunk;
    private final int count;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private volatile Throwable failure;

    BackgroundWork(int count, IntConsumer chunk) {
        this.count = count;
        this.chunk = chunk;
    }

    /** Runs one chunk nobody has claimed; false when none is left. */
    boolean runOne() {
        if (exhausted()) return false;
        int c = next.getAndIncrement();
        if (c >= count) return false;
        try {
            chunk.accept(c);
        } catch (Throwable e) { // the worker must live on; the caller rethrows it at finish
            failure = e;
        }
        done.incrementAndGet();
        return true;
    }

    /** Whether every chunk has been claimed. */
    boolean exhausted() {
        return next.get() >= count;
    }

    /** Runs the chunks left on the calling thread, waits for those under way elsewhere, and rethrows a failure. */
    public void finish() {
        while (runOne()) {
            // claimed and run here
        }
        while (done.get() < count) Thread.onSpinWait();
        Throwable f = failure;
        if (f instanceof RuntimeException e) throw e;
        if (f instanceof Error e) throw e;
        if (f != null) throw new IllegalStateException("background work failed", f);
    }
}
